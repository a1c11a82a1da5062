// What the user sees besides the form: strings, the save status, messages (aria-live), the
// answers of an earlier version, and text areas that grow with their content.

// Strings come from macros/ui_text.yml (worksheet_ui) through the data-kw-ui attribute.
export function strings(root) {
  let table = {};
  try {
    table = JSON.parse(root.dataset.kwUi || "{}");
  } catch {
    table = {};
  }
  return (key, params = {}) => String(table[key] ?? key).replace(
    /\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

export const clock = (date) => date.toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });
export const day = (date) => date.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });

export class Feedback {
  constructor(root) {
    this.status = root.querySelector("[data-kw-status]");
    this.message = root.querySelector("[data-kw-message]");
  }

  // The quiet line under the buttons; rewritten only when its text changes, so a screen
  // reader is not told "saved" on every key press.
  setStatus(text) {
    if (this.status && this.status.textContent !== text) this.status.textContent = text;
  }

  // kind: "info" or "error". Repeating the same message clears it first so it is read again.
  say(text, kind = "info") {
    const box = this.message;
    if (!box) return;
    box.dataset.kind = kind;
    if (box.textContent === text) {
      box.textContent = "";
      setTimeout(() => { box.textContent = text; }, 100);
    } else {
      box.textContent = text;
    }
  }

  clear() {
    if (this.message) this.message.textContent = "";
  }
}

export function showOrphans(root, orphans) {
  const section = root.querySelector("[data-kw-orphans]");
  const list = section?.querySelector("[data-kw-orphan-list]");
  if (!list) return;
  const items = [];
  for (const { label, value } of orphans.values()) {
    const term = document.createElement("dt");
    term.textContent = label;
    const text = document.createElement("dd");
    text.textContent = Array.isArray(value) ? value.join(", ") : value;
    items.push(term, text);
  }
  list.replaceChildren(...items);
  section.hidden = orphans.size === 0;
}

// Chromium sizes text areas to their content with CSS (field-sizing); elsewhere we do it.
const NATIVE_GROW = typeof CSS !== "undefined" && CSS.supports?.("field-sizing", "content");

export function grow(el) {
  if (NATIVE_GROW || !el.matches?.("textarea[data-kw-grow]")) return;
  el.style.height = "auto";
  if (el.scrollHeight > el.clientHeight) {
    el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
  }
}

export function setUpGrowing(form) {
  for (const el of form.querySelectorAll("textarea[data-kw-grow]")) {
    el.style.setProperty("--kw-rows", String(el.rows || 2));
    grow(el);
  }
}

export function growAll(form) {
  form.querySelectorAll("textarea[data-kw-grow]").forEach(grow);
}

// Empty date boxes are marked so print CSS can leave out the "dd-mm-jjjj" placeholder.
export function markEmptyDates(form) {
  for (const el of form.querySelectorAll("input[type=date]")) {
    el.toggleAttribute("data-kw-empty", el.value === "");
  }
}

// A one-line answer cannot wrap inside its box, so on paper it would be cut off: every text
// box gets a copy of its value beside it that only print CSS shows (also for page.pdf()).
export function mirrorForPrint(form) {
  for (const el of form.querySelectorAll("input[type=text]")) {
    let copy = el.nextElementSibling;
    if (!copy || !copy.classList.contains("kw-print-value")) {
      copy = document.createElement("span");
      copy.className = "kw-print-value";
      copy.setAttribute("aria-hidden", "true");
      el.after(copy);
    }
    if (copy.textContent !== el.value) copy.textContent = el.value;
  }
}

// A number above a field's max (or below its min) is refused as it is typed: the box keeps
// the last number that fitted and the message says what fits.
const lastFitting = new WeakMap();

export function limitNumber(el, t, say) {
  if (!el.matches?.("input[type=number]")) return;
  const value = el.value === "" ? null : Number(el.value);
  const max = el.max === "" ? null : Number(el.max);
  const min = el.min === "" ? null : Number(el.min);
  if (value !== null && ((max !== null && value > max) || (min !== null && value < min))) {
    el.value = lastFitting.get(el) ?? "";
    say(t(max !== null && value > max ? "number_too_big" : "number_too_small",
          { max: String(max), min: String(min) }));
    return;
  }
  lastFitting.set(el, el.value);
}
