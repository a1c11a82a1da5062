// A second language beside Dutch, or easy Dutch in place of it (worksheets/vertalingen/).
// The server puts every translation in the page, hidden, each element with its own lang and
// dir (macros/web/translations.py); this shows the chosen one. The choice is a preference on
// this device (localStorage "krachtwerk:taal"), never sent anywhere. Answers do not change:
// the controls keep their names, and options their Dutch values.
import { PREFIX } from "./storage.js";

export const LANGUAGE_KEY = `${PREFIX}taal`;
export const EASY = "makkelijk";

export function storedLanguage() {
  try {
    return window.localStorage.getItem(LANGUAGE_KEY) || "";
  } catch {
    return "";
  }
}

function storeLanguage(code) {
  try {
    if (code) window.localStorage.setItem(LANGUAGE_KEY, code);
    else window.localStorage.removeItem(LANGUAGE_KEY);
  } catch {
    // A browser without storage still switches; it only forgets the choice.
  }
}

// The chosen language of a worksheet ("" for Dutch only), for speech.js.
export const chosenLanguage = (root) => root.dataset.kwLang || "";

// The texts of the language bar (read aloud, stop, no voice): {nl: {...}, ar: {...}}.
export function languageTexts(root) {
  const bar = root.querySelector("[data-kw-language-bar]");
  try {
    return JSON.parse(bar?.dataset.kwLanguageTexts || "{}");
  } catch {
    return {};
  }
}

const dataName = (prefix, code) => prefix + code.charAt(0).toUpperCase() + code.slice(1);

// SVG elements (a netwerkkaart's names) have no hidden attribute: display="none" there, as
// the server writes it (macros/web/translations.py, PageTexts.lines).
function setHidden(el, hide) {
  if (!(el instanceof SVGElement)) el.hidden = hide;
  else if (hide) el.setAttribute("display", "none");
  else el.removeAttribute("display");
}

// Show one language in a part of the page (the form, or a list's row template).
function show(scope, code, dir) {
  for (const el of scope.querySelectorAll("[data-kw-tr]")) setHidden(el, el.dataset.kwTr !== code);
  for (const el of scope.querySelectorAll(".kw-nl[data-kw-easy]")) setHidden(el, code === EASY);
  // An option holds text only: the language goes beside the Dutch in it (easy Dutch instead
  // of it); its value, the answer, stays the same.
  for (const el of scope.querySelectorAll("option")) {
    el.dataset.kwTextNl ??= el.textContent;
    const own = code ? el.dataset[dataName("kwText", code)] : undefined;
    if (!own) el.textContent = el.dataset.kwTextNl;
    else el.textContent = code === EASY ? own : `${el.dataset.kwTextNl} \u00b7 ${own}`;
  }
  // Texts in attributes: the column names a narrow screen shows, the examples in text boxes.
  for (const el of scope.querySelectorAll("[data-kw-col]")) {
    el.dataset.kwColNl ??= el.dataset.kwCol;
    const own = code ? el.dataset[dataName("kwCol", code)] : undefined;
    const row = code ? el.dataset[dataName("kwRowLabel", code)] : undefined;
    if (code === EASY) {
      el.dataset.kwCol = own || el.dataset.kwColNl;
      delete el.dataset.kwTrLabel;
    } else {
      el.dataset.kwCol = el.dataset.kwColNl;
      const label = [row, own].filter(Boolean).join(" \u2014 ");
      // A pseudo-element has no dir of its own: isolate a right-to-left label (RLI … PDI),
      // so its question mark and word order come out right beside the Dutch.
      if (label) el.dataset.kwTrLabel = dir === "rtl" ? `\u2067${label}\u2069` : label;
      else delete el.dataset.kwTrLabel;
    }
  }
  for (const el of scope.querySelectorAll("[placeholder]")) {
    el.dataset.kwPlaceholderNl ??= el.getAttribute("placeholder");
    const easy = code === EASY ? el.dataset.kwPlaceholderMakkelijk : undefined;
    el.setAttribute("placeholder", easy || el.dataset.kwPlaceholderNl);
  }
}

export function applyLanguage(root, code) {
  root.dataset.kwLang = code;
  const dir = languageTexts(root)[code]?.dir || "ltr";
  show(root, code, dir);
  for (const template of root.querySelectorAll("template")) show(template.content, code, dir);
  for (const el of root.querySelectorAll("[data-kw-when]")) el.hidden = el.dataset.kwWhen !== code;
  for (const el of root.querySelectorAll("[data-kw-when-translated]")) el.hidden = !code;
  const back = root.querySelector("[data-kw-easy-back]");
  if (back) back.hidden = code !== EASY;
  root.dispatchEvent(new CustomEvent("kw-language", { detail: { code } }));
}

export function wireLanguage(root) {
  const bar = root.querySelector("[data-kw-language-bar]");
  const select = bar?.querySelector("[data-kw-language]");
  if (!select) return;
  const known = Array.from(select.options, (o) => o.value);
  const start = storedLanguage();
  select.value = known.includes(start) ? start : "";
  applyLanguage(root, select.value);
  bar.hidden = false;
  select.addEventListener("change", () => {
    storeLanguage(select.value);
    applyLanguage(root, select.value);
  });
  bar.querySelector("[data-kw-easy-back]")?.addEventListener("click", () => {
    select.value = "";
    storeLanguage("");
    applyLanguage(root, "");
    select.focus();
  });
}
