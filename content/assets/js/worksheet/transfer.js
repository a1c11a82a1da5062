// Answers as a file: the JSON written by "Bewaren als bestand" and read back by "Openen".
// A file is read as data only: every value must be a string or a list of strings, and it is
// put into the form as a value, never as HTML.
export const MAX_BYTES = 1024 * 1024;
const NAME = /^[a-z][a-z0-9_]*(-[a-z0-9_]+)*$/;
const MAX_TEXT = 100000;
const MAX_ITEMS = 100;
// More answers than any worksheet has, and more answers to questions that no longer exist
// than a person writes: such a file is refused, so it cannot fill storage or the page.
export const MAX_ANSWERS = 5000;
export const MAX_UNKNOWN = 300;

export function isoDay(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// A folder label as part of a file name: letters, digits and dashes only.
export function slug(text) {
  return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 30);
}

export function fileName(id, date, label = "", ending = ".json") {
  const part = slug(label);
  return `${part ? `${part}-` : ""}${id}-${isoDay(date)}${ending}`;
}

// The record kept on the device and written to a file.
export function toRecord({ id, version, date, answers, labels, orphans, title, page }) {
  const record = {
    werkblad: id,
    versie: version,
    titel: title,
    pagina: page,
    datum: date.toISOString(),
    antwoorden: Object.fromEntries(answers),
    labels,
  };
  if (orphans.size) {
    record.eerdere_antwoorden = Array.from(orphans, ([naam, o]) => ({
      naam, label: o.label, waarde: o.value }));
  }
  return record;
}

// record: a Blob (the filled-in PDF), text, or an object written as JSON.
export function download(record, name) {
  const text = typeof record === "string" ? record : `${JSON.stringify(record, null, 2)}\n`;
  const blob = record instanceof Blob ? record : new Blob([text], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const isText = (v) => typeof v === "string" && v.length <= MAX_TEXT;
const isValue = (v) => isText(v)
  || (Array.isArray(v) && v.length <= MAX_ITEMS && v.every(isText));

/**
 * Parse a record (from a file or from storage) for worksheet `id`.
 * Returns { record: { version, date, answers, labels, orphans } } or { error, params }:
 * error is a key of the UI strings (worksheet_ui in macros/ui_text.yml).
 */
export function parseRecord(text, id) {
  let data;
  try {
    data = typeof text === "string" ? JSON.parse(text) : text;
  } catch {
    return { error: "import_not_json" };
  }
  if (!isObject(data) || typeof data.werkblad !== "string") return { error: "import_not_json" };
  if (data.werkblad !== id) {
    return { error: "import_other_sheet", params: { werkblad: data.werkblad.slice(0, 60) } };
  }
  const shape = (veld) => ({ error: "import_shape", params: { veld: String(veld).slice(0, 80) } });
  if (!Number.isInteger(data.versie) || data.versie < 1) return shape("versie");
  if (!isObject(data.antwoorden)) return shape("antwoorden");
  const names = Object.keys(data.antwoorden);
  const many = { error: "import_too_many", params: { aantal: names.length, max: MAX_UNKNOWN } };
  if (names.length > MAX_ANSWERS) return many;
  if (Array.isArray(data.eerdere_antwoorden) && data.eerdere_antwoorden.length > MAX_UNKNOWN) {
    return { ...many, params: { aantal: data.eerdere_antwoorden.length, max: MAX_UNKNOWN } };
  }
  const answers = new Map();
  for (const [name, value] of Object.entries(data.antwoorden)) {
    if (!NAME.test(name) || name.length > 120 || !isValue(value)) return shape(name);
    answers.set(name, value);
  }
  const labels = new Map();
  if (data.labels !== undefined) {
    if (!isObject(data.labels)) return shape("labels");
    for (const [name, label] of Object.entries(data.labels)) {
      if (!isText(label)) return shape("labels");
      labels.set(name, label);
    }
  }
  const orphans = new Map();
  if (data.eerdere_antwoorden !== undefined) {
    if (!Array.isArray(data.eerdere_antwoorden)) return shape("eerdere_antwoorden");
    for (const item of data.eerdere_antwoorden) {
      if (!isObject(item) || typeof item.naam !== "string" || !NAME.test(item.naam)
          || !isValue(item.waarde) || (item.label !== undefined && !isText(item.label))) {
        return shape("eerdere_antwoorden");
      }
      orphans.set(item.naam, { label: item.label || item.naam, value: item.waarde });
    }
  }
  const date = typeof data.datum === "string" ? new Date(data.datum) : null;
  const title = typeof data.titel === "string" ? data.titel.slice(0, 200) : "";
  const page = typeof data.pagina === "string" && /^(https?|file):/.test(data.pagina)
    ? data.pagina.slice(0, 2000) : "";
  return { record: { version: data.versie, title, page, date: date && !Number.isNaN(date.getTime()) ? date : null,
                     answers, labels, orphans } };
}
