// The page "Mijn cliëntmappen" (content/mappen.md): every folder on this device with the
// worksheets started in it, their version and last change; open, rename, remove, save as a
// file and open a folder file. The page holds an empty container with the UI strings.
import * as folders from "./folders.js";
import { exportFolder, importFolder } from "./folder-files.js";
import { askText } from "./passphrase.js";
import * as storage from "./storage.js";
import { parseRecord } from "./transfer.js";
import { clock, day, strings } from "./ui.js";

// Remind to save a folder as a file when it changed and was not saved for this long.
const REMIND_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

// The worksheets of a folder, newest change first: [{ key, id, version, title, date, page }].
export function sheetsOf(folderId) {
  return storage.sheetsIn(folderId).map((sheet) => {
    const record = parseRecord(storage.readRaw(sheet.key) ?? "", sheet.id).record;
    return { ...sheet, title: record?.title || sheet.id, date: record?.date || null,
             page: record?.page || "" };
  }).sort((a, b) => (b.date?.getTime() || 0) - (a.date?.getTime() || 0));
}

export function needsReminder(folder, sheets, now = new Date()) {
  if (!sheets.length) return false;
  const newest = sheets[0].date?.getTime() || 0;
  const saved = folder.bestand ? Date.parse(folder.bestand) : 0;
  if (saved >= newest) return false;
  const since = saved || Math.min(...sheets.map((s) => s.date?.getTime() || now.getTime()));
  return now.getTime() - since > REMIND_DAYS * DAY_MS;
}

function element(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "text") el.textContent = value;
    else el.setAttribute(name, value);
  }
  el.append(...children);
  return el;
}

export class Overview {
  constructor(box) {
    this.box = box;
    this.t = strings(box);
    this.list = box.querySelector("[data-kw-folder-list]");
    this.message = box.querySelector("[data-kw-folders-message]");
    this.fileInput = box.querySelector("[data-kw-folder-file]");
    this.waaier = document.querySelector("[data-kw-waaier-link]")?.href || "";
  }

  start() {
    this.box.addEventListener("click", (event) => this.onClick(event));
    this.fileInput?.addEventListener("change", () => {
      const [file] = this.fileInput.files;
      this.fileInput.value = "";
      if (file) importFolder(file, this);
    });
    window.addEventListener("storage", () => {
      if (this.box.isConnected) this.render();
    });
    this.render();
    this.box.hidden = false;
  }

  say(text, kind = "info") {
    if (!this.message) return;
    this.message.dataset.kind = kind;
    this.message.replaceChildren(text);
  }

  // A message with buttons (for example: merge or keep both); resolves with the chosen value.
  ask(text, choices) {
    return new Promise((resolve) => {
      const buttons = choices.map(([value, label]) => {
        const button = element("button", { type: "button", class: "md-button", text: label });
        button.addEventListener("click", () => {
          this.message.replaceChildren();
          resolve(value);
        });
        return button;
      });
      this.message.dataset.kind = "info";
      this.message.replaceChildren(element("p", { text }),
                                   element("div", { class: "kw-choice" }, ...buttons));
      buttons[0]?.focus();
    });
  }

  // Where a worksheet is: the address it was filled in at, else its place in the waaier.
  sheetHref(sheet, folderId) {
    let url;
    try {
      url = new URL(sheet.page || this.fallback(sheet.id), window.location.href);
    } catch {
      return "#";
    }
    if (!/^(https?|file):$/.test(url.protocol)) return "#";
    url.searchParams.set("map", folderId);
    return url.href;
  }

  fallback(id) {
    if (!this.waaier) return `../waaier/${id}/`;
    return this.waaier.endsWith("/") ? new URL(`${id}/`, this.waaier).href
      : this.waaier.replace(/index\.html$/, `${id}.html`);
  }

  render() {
    const { t } = this;
    const current = folders.current();
    const items = folders.list().map((folder) => {
      const sheets = sheetsOf(folder.id);
      const label = folders.labelOf(folder, t);
      const head = element("h3", { id: `kw-map-${folder.id}`, text: label });
      if (folder.id === current) head.append(" ", element("span", { class: "kw-folder-current", text: t("folder_current") }));
      const body = sheets.length ? element("ul", { class: "kw-folder-sheets" }, ...sheets.map(
        (sheet) => element("li", {},
          element("a", { href: this.sheetHref(sheet, folder.id), "data-kw-folder-open": folder.id,
                         text: sheet.title }),
          " ", element("span", { class: "kw-folder-when", text: t("folders_sheet_line", {
            versie: sheet.version,
            datum: sheet.date ? day(sheet.date) : "?", tijd: sheet.date ? clock(sheet.date) : "?",
          }) }))))
        : element("p", { text: t("folders_empty") });
      const parts = [head, body];
      if (needsReminder(folder, sheets)) {
        parts.push(element("p", { class: "kw-folder-reminder", text: t(
          folder.bestand ? "folders_reminder" : "folders_reminder_never",
          { datum: folder.bestand ? day(new Date(folder.bestand)) : "" }) }));
      }
      const action = (name, text) => element("button", {
        type: "button", class: "md-button", "data-kw-folder-action": name,
        "data-kw-folder": folder.id, "aria-describedby": `kw-map-${folder.id}`, text });
      parts.push(element("div", { class: "kw-folder-actions" },
        action("export", t("folders_export")), action("rename", t("folders_rename")),
        action("remove", t("folders_remove"))));
      return element("li", { class: "kw-folder", "data-kw-folder-item": folder.id }, ...parts);
    });
    this.list.replaceChildren(...items);
  }

  onClick(event) {
    const open = event.target.closest("[data-kw-folder-open]");
    if (open) folders.choose(open.dataset.kwFolderOpen);
    const button = event.target.closest("[data-kw-folder-action], [data-kw-action]");
    if (!button || !this.box.contains(button)) return;
    const id = button.dataset.kwFolder;
    switch (button.dataset.kwFolderAction || button.dataset.kwAction) {
      case "new-folder": this.create(); break;
      case "import-folder": this.fileInput?.click(); break;
      case "export": exportFolder(id, this); break;
      case "rename": this.rename(id); break;
      case "remove": this.remove(id); break;
      default:
    }
  }

  async create() {
    const { t } = this;
    const label = await askText(t, { title: t("folder_new_title"), intro: t("folder_new_prompt"),
                                     label: t("folder_name_field"), ok: t("folder_new_ok"),
                                     check: (text) => folders.checkLabel(text).error || null });
    if (label === null) return;
    const made = folders.create(label);
    if (made.error) {
      this.say(this.t(made.error), "error");
      return;
    }
    folders.choose(made.folder.id);
    this.render();
    this.say(this.t("folders_created", { map: made.folder.label }));
  }

  async rename(id) {
    const folder = folders.find(id);
    if (!folder) return;
    const { t } = this;
    const label = await askText(t, {
      title: t("folders_rename_title"), label: t("folder_name_field"), value: folder.label,
      intro: t("folders_rename_prompt", { map: folders.labelOf(folder, t) }),
      ok: t("folders_rename_ok"), check: (text) => folders.checkLabel(text, id).error || null });
    if (label === null) return;
    const done = folders.rename(id, label);
    if (done.error) {
      this.say(this.t(done.error), "error");
      return;
    }
    this.render();
    this.say(this.t("folders_renamed", { map: done.folder.label }));
  }

  remove(id) {
    const folder = folders.find(id);
    if (!folder) return;
    const label = folders.labelOf(folder, this.t);
    const sheets = sheetsOf(id);
    const question = sheets.length
      ? this.t("folders_remove_confirm", { map: label, aantal: sheets.length,
                                          werkbladen: sheets.map((s) => s.title).join(", ") })
      : this.t("folders_remove_confirm_empty", { map: label });
    if (!window.confirm(question)) return;
    folders.removeFolder(id);
    this.render();
    this.say(this.t("folders_removed", { map: label }));
  }
}

export function setUpOverview(doc) {
  for (const box of doc.querySelectorAll("[data-kw-folders]")) {
    if (box.dataset.kwReady) continue;
    box.dataset.kwReady = "1";
    new Overview(box).start();
  }
}
