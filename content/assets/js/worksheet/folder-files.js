// A whole client folder as one file: { krachtwerk_map: 1, label, datum, werkbladen: [record] }
// where every record is what "Bewaren als bestand" writes for one worksheet (transfer.js).
// Opening a folder file never changes anything before the whole file has been checked.
import * as folders from "./folders.js";
import * as storage from "./storage.js";
import { askPassphrase } from "./passphrase.js";
import { isProtected, protect, unprotect } from "./protect.js";
import { download, isoDay, parseRecord, slug } from "./transfer.js";

export const MAX_FOLDER_BYTES = 8 * 1024 * 1024;
const MAX_SHEETS = 200;
const SHEET_ID = /^[a-z0-9][a-z0-9_-]{0,80}$/;

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

export function folderFileName(label, date) {
  return `clientmap-${slug(label) || "map"}-${isoDay(date)}.json`;
}

export function folderRecord(folderId, label, date = new Date()) {
  const sheets = storage.sheetsIn(folderId).flatMap((sheet) => {
    const record = storage.read(sheet.key);
    return isObject(record) ? [record] : [];
  });
  return { krachtwerk_map: 1, label, datum: date.toISOString(), werkbladen: sheets };
}

/**
 * Check a folder file completely. Returns { folder: { label, sheets: [{ id, version, text,
 * date }] } } or { error, params } (error: a key of the UI strings).
 */
export function parseFolder(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: "folder_import_not_json" };
  }
  if (!isObject(data) || data.krachtwerk_map !== 1 || !Array.isArray(data.werkbladen)) {
    if (isObject(data) && typeof data.werkblad === "string") return { error: "folder_import_is_sheet" };
    return { error: "folder_import_not_json" };
  }
  // Whether a folder with this label exists is asked later (merge or keep both).
  const label = typeof data.label === "string" ? data.label.trim() : "";
  if (!label || label.length > folders.MAX_LABEL) return { error: "folder_import_label" };
  if (data.werkbladen.length > MAX_SHEETS) return { error: "folder_import_shape" };
  const sheets = [];
  for (const record of data.werkbladen) {
    if (!isObject(record) || typeof record.werkblad !== "string" || !SHEET_ID.test(record.werkblad)) {
      return { error: "folder_import_shape" };
    }
    const parsed = parseRecord(record, record.werkblad);
    if (parsed.error) return { error: "folder_import_sheet", params: { werkblad: record.werkblad } };
    sheets.push({ id: record.werkblad, version: parsed.record.version,
                  date: parsed.record.date, text: JSON.stringify(record) });
  }
  return { folder: { label, sheets } };
}

export async function exportFolder(folderId, view) {
  const folder = folders.find(folderId);
  if (!folder) return;
  const label = folders.labelOf(folder, view.t);
  // Optional: a passphrase protects the file; empty means a plain file.
  const passphrase = await askPassphrase(view.t, {
    mode: "export", optional: true, intro: view.t("protect_prompt", { map: label }) });
  if (passphrase === null) return view.say(view.t("export_cancelled"));
  const now = new Date();
  const name = folderFileName(label, now);
  const record = folderRecord(folderId, label, now);
  let content = record;
  if (passphrase) {
    view.say(view.t("protect_busy"));
    content = await protect(JSON.stringify(record), passphrase);
  }
  download(content, name);
  folders.markExported(folderId, now);
  view.render();
  view.say(view.t(passphrase ? "folders_exported_protected" : "folders_exported",
                  { map: label, bestand: name }));
}

// Write every sheet of a checked folder file into folder `id`; with `merge`, a worksheet the
// folder already has is replaced only when the file's copy is newer. Returns what was kept.
function store(id, sheets, merge) {
  let written = 0;
  let kept = 0;
  for (const sheet of sheets) {
    const key = storage.keyFor(sheet.id, sheet.version, id);
    if (merge) {
      const here = parseRecord(storage.readRaw(key) ?? "", sheet.id).record;
      if (here && (here.date?.getTime() || 0) >= (sheet.date?.getTime() || 0)) {
        kept += 1;
        continue;
      }
    }
    if (!storage.writeRaw(key, sheet.text).ok) return { failed: true, written, kept };
    written += 1;
  }
  return { failed: false, written, kept };
}

function freeLabel(label) {
  for (let n = 2; n < 1000; n += 1) {
    const candidate = `${label.slice(0, folders.MAX_LABEL - 5)} (${n})`;
    if (!folders.checkLabel(candidate).error) return candidate;
  }
  return null;
}

export async function importFolder(file, view) {
  const { t } = view;
  const refuse = (key, params = {}) => view.say(`${t(key, { bestand: file.name, ...params })} ${t("folders_unchanged")}`, "error");
  if (file.size > MAX_FOLDER_BYTES) return refuse("folder_import_too_big");
  let text;
  try {
    text = await file.text();
  } catch {
    return refuse("import_failed");
  }
  let outer = null;
  try {
    outer = JSON.parse(text);
  } catch {
    outer = null;
  }
  if (isProtected(outer)) {
    const passphrase = await askPassphrase(t, {
      mode: "import", intro: t("protect_ask", { bestand: file.name }) });
    if (passphrase === null) return view.say(t("folders_unchanged"));
    view.say(t("protect_busy"));
    const opened = await unprotect(outer, passphrase);
    if (opened.error) return refuse(opened.error);
    text = opened.text;
  }
  const parsed = parseFolder(text);
  if (parsed.error) return refuse(parsed.error, parsed.params);
  const { label, sheets } = parsed.folder;
  const same = folders.list().find((f) => f.label.toLowerCase() === label.toLowerCase());
  let target;
  let merge = false;
  if (same) {
    const choice = await view.ask(t("folder_import_exists", { map: label }), [
      ["merge", t("folder_import_merge")], ["both", t("folder_import_both")],
      ["cancel", t("folder_import_cancel")]]);
    if (choice === "cancel") return view.say(t("folders_unchanged"));
    if (choice === "merge") {
      target = same.id;
      merge = true;
    } else {
      const other = freeLabel(label);
      const made = other ? folders.create(other) : { error: "folder_too_many" };
      if (made.error) return refuse(made.error);
      target = made.folder.id;
    }
  } else {
    const made = folders.create(label);
    if (made.error) return refuse(made.error);
    target = made.folder.id;
  }
  const result = store(target, sheets, merge);
  view.render();
  if (result.failed) return view.say(t("folder_import_partly", { aantal: result.written }), "error");
  const name = folders.labelOf(folders.find(target), t);
  return view.say(t(merge ? "folder_imported_merged" : "folder_imported",
                    { map: name, aantal: result.written, bewaard: result.kept }));
}
