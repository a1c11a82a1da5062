// One worksheet on a page: ties the form to storage, versions, files and the messages.
import * as folders from "./folders.js";
import { filledPdf } from "./fill-pdf.js";
import { readAnswers, writeAnswers } from "./form-state.js";
import { RowList } from "./lists.js";
import { openProtected } from "./sheet-protect.js";
import { NetworkMap } from "./netmap.js";
import * as storage from "./storage.js";
import {
  MAX_BYTES, MAX_UNKNOWN, download, fileName, parseRecord, toRecord,
} from "./transfer.js";
import {
  Feedback, clock, day, grow, growAll, limitNumber, markEmptyDates, mirrorForPrint, setUpGrowing,
  showOrphans, strings,
} from "./ui.js";
import { updateTotals } from "./totals.js";
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
    this.folder = startFolder();
    this.key = storage.keyFor(this.id, this.version, this.folder);
    // The stored text this tab last read or wrote: when storage holds something else, another
    // tab (or the browser) changed it, and we merge instead of overwriting (see sync()).
    this.baseRaw = null;
    this.feedback = new Feedback(root);
    this.orphans = new Map();
    this.saveFailed = false;
    const hooks = { t: this.t, say: (text) => this.feedback.say(text), changed: () => this.save() };
    this.lists = new Map(Array.from(root.querySelectorAll("[data-kw-list]"),
      (fieldset) => [fieldset.dataset.kwList, new RowList(fieldset, hooks)]));
    this.maps = Array.from(root.querySelectorAll("[data-kw-netmap]"),
      (fieldset) => new NetworkMap(fieldset, hooks));
  }

  start() {
    setUpGrowing(this.form);
    markEmptyDates(this.form);
    mirrorForPrint(this.form);
    updateTotals(this.form, this.t);
    this.restore();
    // Another tab wrote or removed our answers: follow it, keeping what this tab changed.
    this.onStorage = (event) => {
      if (!this.root.isConnected) {
        window.removeEventListener("storage", this.onStorage);
        return;
      }
      if (event.key === this.key || event.key === null) this.sync(storage.readRaw(this.key));
    };
    window.addEventListener("storage", this.onStorage);
    this.form.addEventListener("input", (event) => {
      limitNumber(event.target, this.t, (text) => this.feedback.say(text, "error"));
      grow(event.target);
      markEmptyDates(this.form);
      mirrorForPrint(this.form);
      updateTotals(this.form, this.t);
      this.save();
    });
    this.form.addEventListener("change", () => {
      markEmptyDates(this.form);
      updateTotals(this.form, this.t);
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
                      labels: labelsOf(this.outline, answers.keys()), title: this.title,
                      page: pageAddress() });
  }

  folderLabel() {
    return folders.labelOf(folders.find(this.folder), this.t);
  }

  // Called on every change. An empty worksheet leaves nothing behind on the device.
  // Storage is checked first: answers another tab stored since are merged in, never lost.
  save() {
    const stored = storage.readRaw(this.key);
    let cleared = false;
    if (stored !== this.baseRaw) {
      if (stored === null) cleared = true;
      else this.merge(stored);
    }
    if (this.isEmpty()) {
      storage.remove(this.key);
      this.baseRaw = null;
      this.saveFailed = false;
      this.feedback.setStatus(this.t("no_answers"));
      return true;
    }
    const now = new Date();
    const text = JSON.stringify(this.record(now));
    const result = storage.writeRaw(this.key, text);
    if (result.ok) {
      this.baseRaw = text;
      if (!this.askedToPersist) {
        this.askedToPersist = true;
        folders.askToPersist();
      }
      if (this.saveFailed) this.feedback.clear();
      this.saveFailed = false;
      this.feedback.setStatus(this.t("saved_at", { tijd: clock(now), map: this.folderLabel() }));
      if (cleared) this.feedback.say(this.t("saved_after_clear"));
      return true;
    }
    this.feedback.setStatus(this.t(result.reason === "full" ? "not_saved_full" : "not_saved"));
    if (!this.saveFailed) {
      this.feedback.say(this.t(result.reason === "full" ? "save_failed_full" : "save_failed"),
                        "error");
    }
    this.saveFailed = true;
    return false;
  }

  // Stored answers of another tab come in: answers this tab changed since it last read or
  // wrote storage stay; all others take the stored value. Returns the names both changed.
  merge(storedText) {
    const base = answersOf(this.baseRaw, this.id);
    const theirs = parseRecord(storedText, this.id)?.record;
    if (!theirs) return [];
    const mine = this.answers();
    const merged = new Map();
    const both = [];
    const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
    for (const name of new Set([...base.keys(), ...mine.keys(), ...theirs.answers.keys()])) {
      const changedHere = !same(mine.get(name), base.get(name));
      if (changedHere && !same(theirs.answers.get(name), base.get(name))
          && !same(theirs.answers.get(name), mine.get(name))) both.push(name);
      const value = changedHere ? mine.get(name) : theirs.answers.get(name);
      if (value !== undefined) merged.set(name, value);
    }
    const sorted = classify(merged, { outline: this.outline, form: this.form, strict: false,
                                      labels: theirs.labels });
    const orphans = new Map([...theirs.orphans, ...this.orphans, ...sorted.orphans]);
    if (orphans.size <= MAX_UNKNOWN) this.fill({ ...sorted, orphans });
    this.baseRaw = storedText;
    if (both.length) {
      const labels = labelsOf(this.outline, both);
      const names = both.slice(0, 3).map((n) => labels[n] || n).join(", ");
      this.feedback.say(this.t("changed_in_both", { velden: names }));
    }
    return both;
  }

  // Called when another tab changed storage (the storage event).
  sync(storedText) {
    if (storedText === this.baseRaw) return;
    if (storedText === null) {
      this.baseRaw = null;
      if (!this.isEmpty()) {
        this.feedback.setStatus(this.t("not_saved"));
        this.feedback.say(this.t("cleared_elsewhere"), "error");
      }
      return;
    }
    const mine = JSON.stringify([...this.answers()]);
    const before = answersOf(this.baseRaw, this.id);
    this.merge(storedText);
    // This tab had changes that storage lacks (it could not save them): store the merge.
    if (mine !== JSON.stringify([...before])) this.save();
    else this.feedback.setStatus(this.t("updated_elsewhere", { tijd: clock(new Date()) }));
  }

  // Put sorted answers into the form: rows first, then values, then the orphans.
  fill({ apply, orphans, rows }) {
    for (const [id, list] of this.lists) list.setCount(rows.get(id) || 1);
    writeAnswers(this.form, apply);
    this.maps.forEach((map) => map.draw());
    this.orphans = orphans;
    showOrphans(this.root, orphans);
    growAll(this.form);
    markEmptyDates(this.form);
    mirrorForPrint(this.form);
    updateTotals(this.form, this.t);
  }

  // Answers saved for this version, or else for another version of this worksheet.
  restore() {
    this.baseRaw = storage.readRaw(this.key);
    let found = storage.read(this.key);
    let older = [];
    if (!found) {
      older = storage.otherVersions(this.id, this.version, this.folder);
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
    if (sorted.orphans.size + record.orphans.size > MAX_UNKNOWN) {
      this.feedback.setStatus(this.t("no_answers"));
      return;
    }
    this.fill({ ...sorted, orphans: new Map([...record.orphans, ...sorted.orphans]) });
    // Moved to this version's key; the old keys go only once the new one is safely stored.
    if (older.length && this.save()) older.forEach((k) => storage.remove(k.key));
    if (this.saveFailed) return;
    const when = record.date || new Date();
    this.feedback.setStatus(this.t("restored", { datum: day(when), tijd: clock(when),
                                                 map: this.folderLabel() }));
  }

  // Show another folder's answers of this worksheet (everything here is already stored).
  switchFolder(id) {
    if (!folders.find(id) || id === this.folder) return;
    this.folder = id;
    folders.choose(id);
    this.key = storage.keyFor(this.id, this.version, id);
    this.fill({ apply: new Map(), orphans: new Map(), rows: new Map() });
    this.feedback.clear();
    this.saveFailed = false;
    this.restore();
    this.root.dispatchEvent(new CustomEvent("kw-folder", { bubbles: false }));
  }

  exportFile() {
    const now = new Date();
    const name = fileName(this.id, now, this.folderLabel());
    download(this.record(now), name);
    this.feedback.say(this.t("exported", { bestand: name }));
  }

  // The worksheet's fillable PDF with the answers on screen, saved on this device.
  async downloadFilledPdf(button) {
    if (button.disabled) return;
    button.disabled = true;
    this.feedback.say(this.t("fill_pdf_busy"));
    try {
      const now = new Date();
      const { pdf, missing } = await filledPdf({
        id: this.id, answers: this.answers(), outline: this.outline,
        pdfScript: button.dataset.kwFillPdf,
        libraries: (button.dataset.kwPdfLib || "").split(" ").filter(Boolean),
      });
      const name = fileName(this.id, now, this.folderLabel(), "-ingevuld.pdf");
      download(new Blob([pdf], { type: "application/pdf" }), name);
      const done = this.t("fill_pdf_done", { bestand: name });
      this.feedback.say(missing.length
        ? `${done} ${this.t("fill_pdf_missing", { velden: missing.join("; ") })}` : done);
    } catch (error) {
      console.error("Werkblad-PDF:", error);
      this.feedback.say(this.t("fill_pdf_failed"), "error");
    } finally {
      button.disabled = false;
    }
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
    text = await openProtected(this, text, file);
    if (text === null) return undefined;
    const parsed = parseRecord(text, this.id);
    if (parsed.error) return this.refuse(parsed.error, parsed.params);
    const { record } = parsed;
    const sorted = classify(record.answers, { outline: this.outline, form: this.form,
                                              strict: record.version === this.version,
                                              labels: record.labels });
    if (sorted.problem) return this.refuse("import_shape", { veld: sorted.problem });
    if (sorted.orphans.size + record.orphans.size > MAX_UNKNOWN) {
      return this.refuse("import_too_many", { aantal: sorted.orphans.size + record.orphans.size,
                                              max: MAX_UNKNOWN });
    }
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
    this.baseRaw = null;
    storage.otherVersions(this.id, this.version, this.folder).forEach((k) => storage.remove(k.key));
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

// The answers in a stored text (empty when there is none or it is not ours).
function answersOf(text, id) {
  if (text === null) return new Map();
  return parseRecord(text, id)?.record?.answers || new Map();
}

// The folder in the address (?map=..., from the folder overview), else the last one chosen.
function startFolder() {
  let wanted = null;
  try {
    wanted = new URLSearchParams(window.location.search).get("map");
  } catch {
    wanted = null;
  }
  if (wanted && folders.find(wanted)) {
    folders.choose(wanted);
    return wanted;
  }
  return folders.current();
}

// Where this worksheet is, for the folder overview (without the ?map= part).
function pageAddress() {
  try {
    const url = new URL(window.location.href);
    url.search = "";
    url.hash = "";
    return url.href;
  } catch {
    return "";
  }
}

function parseOutline(text) {
  try {
    const outline = JSON.parse(text || "{}");
    return { fields: outline.fields || {}, lists: outline.lists || {}, slot: outline.slot,
             ticked: outline.ticked, paper: outline.paper || {} };
  } catch {
    return { fields: {}, lists: {}, slot: undefined, ticked: undefined, paper: {} };
  }
}
