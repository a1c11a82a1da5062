// Saved answers on this device (localStorage), per client folder (folders.js keeps the list).
// Every key starts with "krachtwerk:" so the privacy page can remove exactly ours:
//   krachtwerk:map:<folder>:werkblad:<id>:v<version>   the answers of one worksheet
//   krachtwerk:mappen                                   the folders (folders.js)
// Before client folders there was one set of answers per worksheet, under
// krachtwerk:werkblad:<id>:v<version>; migrate() moves those into the default folder.
// Reading or writing never throws: storage can be missing (blocked cookies), full (quota) or
// read-only (some private windows).
export const PREFIX = "krachtwerk:";
const OLD_SHEET_PREFIX = `${PREFIX}werkblad:`;
const FOLDER_PREFIX = `${PREFIX}map:`;
export const DEFAULT_FOLDER = "standaard";
// A stored value larger than this is not ours to parse (a worksheet record is far smaller).
const MAX_STORED = 2 * 1024 * 1024;

export function keyFor(id, version, folder = DEFAULT_FOLDER) {
  return `${FOLDER_PREFIX}${folder}:werkblad:${id}:v${version}`;
}

export function area() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// The stored text under key, or null. Never throws.
export function readRaw(key) {
  try {
    const raw = area()?.getItem(key);
    return typeof raw === "string" ? raw : null;
  } catch {
    return null;
  }
}

export function read(key) {
  const raw = readRaw(key);
  if (!raw || raw.length > MAX_STORED) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/**
 * Store text under key and read it back. Returns { ok: true } only when the browser gives
 * back exactly what was written; otherwise { ok: false, reason } with reason "missing" (no
 * storage), "full" (quota) or "refused" (anything else, e.g. read-only or not kept).
 */
export function writeRaw(key, text) {
  const store = area();
  if (!store) return { ok: false, reason: "missing" };
  try {
    store.setItem(key, text);
  } catch (error) {
    const full = error && (error.name === "QuotaExceededError" || error.code === 22
                           || error.name === "NS_ERROR_DOM_QUOTA_REACHED");
    return { ok: false, reason: full ? "full" : "refused" };
  }
  return readRaw(key) === text ? { ok: true } : { ok: false, reason: "refused" };
}

export function write(key, record) {
  return writeRaw(key, JSON.stringify(record)).ok;
}

export function remove(key) {
  try {
    area()?.removeItem(key);
  } catch {
    // Nothing to do: a storage we cannot reach holds nothing of ours either.
  }
}

export function ourKeys(prefix) {
  const store = area();
  const keys = [];
  if (!store) return keys;
  try {
    for (let i = 0; i < store.length; i += 1) {
      const key = store.key(i);
      if (key && key.startsWith(prefix)) keys.push(key);
    }
  } catch {
    return [];
  }
  return keys;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Keys of this worksheet in this folder saved under another version, newest version first.
export function otherVersions(id, version, folder = DEFAULT_FOLDER) {
  const head = `${FOLDER_PREFIX}${folder}:werkblad:${id}:v`;
  const pattern = new RegExp(`^${escape(head)}(\\d+)$`);
  return ourKeys(head)
    .map((key) => ({ key, version: Number(pattern.exec(key)?.[1]) }))
    .filter((k) => Number.isInteger(k.version) && k.version !== version)
    .sort((a, b) => b.version - a.version);
}

// Every worksheet saved in a folder: [{ key, id, version }].
export function sheetsIn(folder) {
  const head = `${FOLDER_PREFIX}${folder}:werkblad:`;
  const pattern = /^([a-z0-9][a-z0-9_-]*):v(\d+)$/;
  return ourKeys(head).flatMap((key) => {
    const match = pattern.exec(key.slice(head.length));
    return match ? [{ key, id: match[1], version: Number(match[2]) }] : [];
  });
}

export function savedSheetCount() {
  return ourKeys(FOLDER_PREFIX).filter((key) => key.includes(":werkblad:")).length
    + ourKeys(OLD_SHEET_PREFIX).length;
}

/**
 * Answers saved before client folders existed go into the default folder. A key is removed
 * only after its copy is stored and read back; answers already in the default folder are
 * never overwritten (the old copy then stays, and nothing is lost). Returns how many moved.
 */
export function migrate() {
  let moved = 0;
  for (const key of ourKeys(OLD_SHEET_PREFIX)) {
    const rest = key.slice(OLD_SHEET_PREFIX.length);
    if (!/^[a-z0-9][a-z0-9_-]*:v\d+$/.test(rest)) continue;
    const target = `${FOLDER_PREFIX}${DEFAULT_FOLDER}:werkblad:${rest}`;
    const text = readRaw(key);
    if (text === null) continue;
    if (readRaw(target) === null && !writeRaw(target, text).ok) continue;
    if (readRaw(target) === text) {
      remove(key);
      moved += 1;
    }
  }
  return moved;
}

// Removes every key of this site (prefix "krachtwerk:"), nothing else; returns how many.
export function removeAll() {
  const keys = ourKeys(PREFIX);
  keys.forEach(remove);
  return keys.length;
}
