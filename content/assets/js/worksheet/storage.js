// Saved answers on this device (localStorage). Every key starts with "krachtwerk:" so the
// privacy page can remove exactly ours. Reading or writing never throws: storage can be
// missing (blocked cookies), full (quota) or read-only (some private windows).
export const PREFIX = "krachtwerk:";
const SHEET_PREFIX = `${PREFIX}werkblad:`;

export function keyFor(id, version) {
  return `${SHEET_PREFIX}${id}:v${version}`;
}

function area() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function read(key) {
  try {
    const raw = area()?.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

// Returns true when the record is stored, false when the browser refused.
export function write(key, record) {
  const store = area();
  if (!store) return false;
  try {
    store.setItem(key, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

export function remove(key) {
  try {
    area()?.removeItem(key);
  } catch {
    // Nothing to do: a storage we cannot reach holds nothing of ours either.
  }
}

function ourKeys(prefix) {
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

// Keys of this worksheet saved under another version, newest version first.
export function otherVersions(id, version) {
  const pattern = new RegExp(`^${SHEET_PREFIX}${id}:v(\\d+)$`);
  return ourKeys(`${SHEET_PREFIX}${id}:v`)
    .map((key) => ({ key, version: Number(pattern.exec(key)?.[1]) }))
    .filter((k) => Number.isInteger(k.version) && k.version !== version)
    .sort((a, b) => b.version - a.version);
}

export function savedSheetCount() {
  return ourKeys(SHEET_PREFIX).length;
}

// Removes every key of this site (prefix "krachtwerk:"), nothing else; returns how many.
export function removeAll() {
  const keys = ourKeys(PREFIX);
  keys.forEach(remove);
  return keys.length;
}
