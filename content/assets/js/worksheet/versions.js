// Which saved or imported answers fit the worksheet as it is now. When a worksheet changes
// (a field added, removed or renamed), answers to unchanged fields are kept and the rest are
// "orphans": shown apart as read-only text and kept in exports.
import { optionsOf } from "./form-state.js";

export const MAX_ROWS = 100;
const ROW_NUMBER = /^\d{1,3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

// What the outline (rendered from the YAML) says about one answer name, or null. A list's
// cells are given as patterns: name and label with the outline's slot for the row number.
export function specOf(outline, name) {
  if (own(outline.fields, name)) {
    const [kind, label] = outline.fields[name];
    return { kind, label };
  }
  for (const [list, cells] of Object.entries(outline.lists)) {
    for (const [pattern, [kind, label]] of Object.entries(cells)) {
      const row = rowOf(pattern, name, outline.slot);
      if (row) {
        return { kind, label: label.replaceAll(outline.slot, String(row)), list, row, pattern };
      }
    }
  }
  return null;
}

// The row number when `name` is `pattern` with a row number (1 to MAX_ROWS) in the slot.
function rowOf(pattern, name, slot) {
  const at = pattern.indexOf(slot);
  if (at < 0) return 0;
  const head = pattern.slice(0, at);
  const tail = pattern.slice(at + slot.length);
  if (name.length <= head.length + tail.length || !name.startsWith(head)
      || !name.endsWith(tail)) return 0;
  const digits = name.slice(head.length, name.length - tail.length);
  const row = ROW_NUMBER.test(digits) ? Number(digits) : 0;
  return row >= 1 && row <= MAX_ROWS ? row : 0;
}

function fits(kind, value, options, ticked) {
  if (kind === "tick") return value === ticked; // a box to tick: ticked, or no answer at all
  if (kind === "multi") {
    return Array.isArray(value) && value.every((v) => options.includes(v));
  }
  if (typeof value !== "string") return false;
  if (kind === "date") return value === "" || DATE.test(value);
  if (kind === "number") return value === "" || NUMBER.test(value);
  if (kind === "choice") return options.includes(value);
  return true;
}

/**
 * Sort answers into those the form can take and orphans.
 * strict (a file of this very version): an answer that does not fit is a problem, and
 * `problem` names its field. Otherwise it becomes an orphan; for a checkbox group only the
 * options that no longer exist do.
 * labels: name -> label as the source knew it, for orphans of removed fields.
 */
export function classify(answers, { outline, form, strict, labels = new Map() }) {
  const apply = new Map();
  const orphans = new Map();
  const rows = new Map();
  for (const [name, value] of answers) {
    const spec = specOf(outline, name);
    const options = spec && (spec.kind === "choice" || spec.kind === "multi")
      ? optionsOf(form, spec.pattern || name) : [];
    if (spec && fits(spec.kind, value, options, outline.ticked)) {
      apply.set(name, value);
      if (spec.list) rows.set(spec.list, Math.max(rows.get(spec.list) || 1, spec.row));
      continue;
    }
    if (spec && strict) return { problem: spec.label };
    const label = labels.get(name) || spec?.label || name;
    if (spec && spec.kind === "multi" && Array.isArray(value)) {
      const kept = value.filter((v) => options.includes(v));
      const gone = value.filter((v) => !options.includes(v));
      if (kept.length) apply.set(name, kept);
      orphans.set(name, { label, value: gone });
    } else {
      orphans.set(name, { label, value });
    }
  }
  return { apply, orphans, rows, problem: null };
}

// The label of every current answer name, stored with the answers so that a later version
// can still say what an orphaned answer was about.
export function labelsOf(outline, names) {
  const labels = {};
  for (const name of names) {
    const spec = specOf(outline, name);
    if (spec) labels[name] = spec.label;
  }
  return labels;
}
