// Client folders (cliëntmappen) on this device: a short label per client chosen by the
// counsellor, and per folder the worksheets saved in it (storage.js). Without folders there
// is one default folder, so a client on their own device never sees any of this.
// The list lives under krachtwerk:mappen as { mappen: [{ id, label, gemaakt, bestand }] }:
// bestand is when the folder was last saved as a file (for the reminder on the overview).
import * as storage from "./storage.js";

const INDEX = `${storage.PREFIX}mappen`;
const CURRENT = `${storage.PREFIX}huidige-map`;
export const MAX_LABEL = 30;
export const MAX_FOLDERS = 200;
const ID = /^[a-z0-9]{1,24}$/;

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

function clean(entry) {
  if (!isObject(entry) || typeof entry.id !== "string" || !ID.test(entry.id)) return null;
  const label = typeof entry.label === "string" ? entry.label.slice(0, MAX_LABEL) : "";
  const date = (v) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? v : null);
  return { id: entry.id, label, gemaakt: date(entry.gemaakt), bestand: date(entry.bestand) };
}

// Every folder, the default one first; whatever is stored, this gives a usable list.
export function list() {
  const data = storage.read(INDEX);
  const seen = new Set();
  const folders = [];
  for (const entry of (isObject(data) && Array.isArray(data.mappen) ? data.mappen : [])) {
    const folder = clean(entry);
    if (folder && !seen.has(folder.id) && folders.length < MAX_FOLDERS) {
      seen.add(folder.id);
      folders.push(folder);
    }
  }
  if (!seen.has(storage.DEFAULT_FOLDER)) {
    folders.unshift({ id: storage.DEFAULT_FOLDER, label: "", gemaakt: null, bestand: null });
  }
  return folders;
}

function save(folders) {
  return storage.write(INDEX, { mappen: folders });
}

export function find(id) {
  return list().find((f) => f.id === id) || null;
}

// The folder this browser opened last (or the default one).
export function current() {
  const id = storage.readRaw(CURRENT);
  return id && find(id) ? id : storage.DEFAULT_FOLDER;
}

export function choose(id) {
  if (find(id)) storage.writeRaw(CURRENT, id);
}

// A label is short, not empty, and unique (ignoring case) among the folders.
export function checkLabel(label, except = null) {
  const text = String(label ?? "").trim();
  if (!text) return { error: "folder_label_empty" };
  if (text.length > MAX_LABEL) return { error: "folder_label_long" };
  const same = list().find((f) => f.id !== except && f.label.toLowerCase() === text.toLowerCase());
  if (same) return { error: "folder_label_taken" };
  return { label: text };
}

function newId() {
  const random = Math.random().toString(36).slice(2, 8);
  return `m${Date.now().toString(36)}${random}`.slice(0, 24);
}

// Returns { folder } or { error } (a key of the UI strings).
export function create(label) {
  const checked = checkLabel(label);
  if (checked.error) return checked;
  const folders = list();
  if (folders.length >= MAX_FOLDERS) return { error: "folder_too_many" };
  const folder = { id: newId(), label: checked.label, gemaakt: new Date().toISOString(),
                   bestand: null };
  folders.push(folder);
  if (!save(folders)) return { error: "folder_not_saved" };
  askToPersist();
  return { folder };
}

export function rename(id, label) {
  const checked = checkLabel(label, id);
  if (checked.error) return checked;
  const folders = list();
  const folder = folders.find((f) => f.id === id);
  if (!folder) return { error: "folder_gone" };
  folder.label = checked.label;
  return save(folders) ? { folder } : { error: "folder_not_saved" };
}

// Removes the folder and every worksheet in it. The default folder stays (empty).
export function removeFolder(id) {
  storage.sheetsIn(id).forEach((s) => storage.remove(s.key));
  save(list().filter((f) => f.id !== id));
  if (storage.readRaw(CURRENT) === id) storage.remove(CURRENT);
}

export function markExported(id, date = new Date()) {
  const folders = list();
  const folder = folders.find((f) => f.id === id);
  if (!folder) return;
  folder.bestand = date.toISOString();
  save(folders);
}

// The label to show: the default folder has none until the user gives it one.
export function labelOf(folder, t) {
  return folder?.label || t("folder_default");
}

// Ask the browser to keep this site's data (not cleared under storage pressure). Browsers
// decide themselves; the privacy page shows the outcome.
export function askToPersist() {
  try {
    navigator.storage?.persist?.().catch(() => {});
  } catch {
    // Not offered here (old browser, file://): nothing to ask.
  }
}
