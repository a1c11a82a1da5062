// One worksheet on a page: ties the form to storage, versions, files and the messages.
import { readAnswers, writeAnswers } from "./form-state.js";
import { RowList } from "./lists.js";
import * as storage from "./storage.js";
import { MAX_BYTES, download, fileName, parseRecord, toRecord } from "./transfer.js";
import {
  Feedback, clock, day, grow, growAll, markEmptyDates, setUpGrowing, showOrphans, strings,
} from "./ui.js";
import { classify, labelsOf } from "./versions.js";

export class Worksheet {
  constructor(root) {
    this.root = root;
    this.id = root.dataset.kwWorksheet;
    this.version = Number(root.dataset.kwVersion);
    this.title = root.dataset.kwTitle || this.id;
    this.outline = parseOutline(root.dataset.kwOutline);
    this.t = strings(root);
    this.form = root.querySelector("form");
    this.key = storage.keyFor(this.id, this.version);
    this.feedback = new Feedback(root);
    this.orphans = new Map();
    this.saveFailed = false;
    const hooks = { t: this.t, say: (text) => this.feedback.say(text), changed: () => this.save() };
    this.lists = new Map(Array.from(root.querySelectorAll("[data-kw-list]"),
      (fieldset) => [fieldset.dataset.kwList, new RowList(fieldset, hooks)]));
  }

  start() {
    setUpGrowing(this.form);
    markEmptyDates(this.form);
    this.restore();
    this.form.addEventListener("input", (event) => {
      grow(event.target);
      markEmptyDates(this.form);
      this.save();
    });
    this.form.addEventListener("change", () => {
      markEmptyDates(this.form);
      this.save();
    });
    // Enter in a lone text box would submit the form and put the answers in the URL.
    this.form.addEventListener("submit", (event) => event.preventDefault());
  }

  answers() {
    return readAnswers(this.form);
  }

  isEmpty() {
    return this.answers().size === 0 && this.orphans.size === 0;
  }

  record(date = new Date()) {
    const answers = this.answers();
    return toRecord({ id: this.id, version: this.version, date, answers, orphans: this.orphans,
                      labels: labelsOf(this.outline, answers.keys()) });
  }

  // Called on every change. An empty worksheet leaves nothing behind on the device.
  save() {
    if (this.isEmpty()) {
      storage.remove(this.key);
      this.saveFailed = false;
      this.feedback.setStatus(this.t("no_answers"));
      return true;
    }
    const now = new Date();
    if (storage.write(this.key, this.record(now))) {
      if (this.saveFailed) this.feedback.clear();
      this.saveFailed = false;
      this.feedback.setStatus(this.t("saved_at", { tijd: clock(now) }));
      return true;
    }
    this.feedback.setStatus(this.t("not_saved"));
    if (!this.saveFailed) this.feedback.say(this.t("save_failed"), "error");
    this.saveFailed = true;
    return false;
  }

  // Put sorted answers into the form: rows first, then values, then the orphans.
  fill({ apply, orphans, rows }) {
    for (const [id, list] of this.lists) list.setCount(rows.get(id) || 1);
    writeAnswers(this.form, apply);
    this.orphans = orphans;
    showOrphans(this.root, orphans);
    growAll(this.form);
    markEmptyDates(this.form);
  }

  // Answers saved for this version, or else for another version of this worksheet.
  restore() {
    let found = storage.read(this.key);
    let older = [];
    if (!found) {
      older = storage.otherVersions(this.id, this.version);
      found = older.length ? storage.read(older[0].key) : null;
    }
    const parsed = found ? parseRecord(found, this.id) : null;
    if (!parsed?.record) {
      this.feedback.setStatus(this.t("no_answers"));
      return;
    }
    const { record } = parsed;
    const sorted = classify(record.answers, { outline: this.outline, form: this.form,
                                              strict: false, labels: record.labels });
    this.fill({ ...sorted, orphans: new Map([...record.orphans, ...sorted.orphans]) });
    // Moved to this version's key; the old keys go only once the new one is safely stored.
    if (older.length && this.save()) older.forEach((k) => storage.remove(k.key));
    if (this.saveFailed) return;
    const when = record.date || new Date();
    this.feedback.setStatus(this.t("restored", { datum: day(when), tijd: clock(when) }));
  }

  exportFile() {
    const now = new Date();
    const name = fileName(this.id, now);
    download(this.record(now), name);
    this.feedback.say(this.t("exported", { bestand: name }));
  }

  refuse(key, params = {}) {
    this.feedback.say(`${this.t(key, { titel: this.title, ...params })} ${this.t("unchanged")}`,
                      "error");
  }

  async importFile(file) {
    if (file.size > MAX_BYTES) return this.refuse("import_too_big");
    let text;
    try {
      text = await file.text();
    } catch {
      return this.refuse("import_failed");
    }
    const parsed = parseRecord(text, this.id);
    if (parsed.error) return this.refuse(parsed.error, parsed.params);
    const { record } = parsed;
    const sorted = classify(record.answers, { outline: this.outline, form: this.form,
                                              strict: record.version === this.version,
                                              labels: record.labels });
    if (sorted.problem) return this.refuse("import_shape", { veld: sorted.problem });
    if (!this.isEmpty() && !window.confirm(this.t("import_confirm", { bestand: file.name }))) {
      return this.feedback.say(this.t("unchanged"));
    }
    this.fill({ ...sorted, orphans: new Map([...record.orphans, ...sorted.orphans]) });
    this.save();
    let message = this.t("imported", { bestand: file.name });
    if (record.version !== this.version) {
      message += ` ${this.t("imported_older", { versie: record.version })}`;
    }
    return this.feedback.say(message);
  }

  clear() {
    if (!window.confirm(this.t("clear_confirm"))) return;
    this.fill({ apply: new Map(), orphans: new Map(), rows: new Map() });
    storage.remove(this.key);
    storage.otherVersions(this.id, this.version).forEach((k) => storage.remove(k.key));
    this.saveFailed = false;
    this.feedback.setStatus(this.t("no_answers"));
    this.feedback.say(this.t("cleared"));
  }

  discardOrphans() {
    if (!window.confirm(this.t("orphans_discard_confirm"))) return;
    this.orphans = new Map();
    showOrphans(this.root, this.orphans);
    this.save();
  }
}

function parseOutline(text) {
  try {
    const outline = JSON.parse(text || "{}");
    return { fields: outline.fields || {}, lists: outline.lists || {}, slot: outline.slot };
  } catch {
    return { fields: {}, lists: {}, slot: undefined };
  }
}
