// The privacy page's button: remove every worksheet this site saved on this device
// (keys starting with "krachtwerk:"), and nothing else. Its texts are in the page.
import { removeAll, savedSheetCount } from "./storage.js";

const fill = (text, count) => (text || "").replace("{aantal}", String(count));

export function setUpPrivacy(doc) {
  for (const box of doc.querySelectorAll("[data-kw-clear-all]")) {
    if (box.dataset.kwReady) continue;
    box.dataset.kwReady = "1";
    const count = box.querySelector("[data-kw-clear-count]");
    const status = box.querySelector("[data-kw-clear-status]");
    const button = box.querySelector("[data-kw-clear-button]");
    const showCount = () => {
      if (count) count.textContent = fill(box.dataset.kwCount, savedSheetCount());
    };
    button?.addEventListener("click", () => {
      if (!window.confirm(box.dataset.kwConfirm || "")) return;
      const removed = removeAll();
      if (status) status.textContent = fill(box.dataset.kwDone, removed);
      showCount();
    });
    showCount();
    box.hidden = false;
  }
}

// Whether the browser promised to keep this site's data (navigator.storage.persist()).
// Texts from ui_text.yml (data-kw-ui); the button asks again.
export function setUpPersistence(doc, strings) {
  for (const box of doc.querySelectorAll("[data-kw-persist]")) {
    if (box.dataset.kwReady) continue;
    box.dataset.kwReady = "1";
    const t = strings(box);
    const status = box.querySelector("[data-kw-persist-status]");
    const button = box.querySelector("[data-kw-persist-button]");
    const show = (key) => { if (status) status.textContent = t(key); };
    const api = typeof navigator !== "undefined" ? navigator.storage : undefined;
    if (!api?.persisted || !api?.persist) {
      show("persist_unknown");
      if (button) button.hidden = true;
      box.hidden = false;
      continue;
    }
    const check = () => api.persisted().then((yes) => show(yes ? "persist_yes" : "persist_no"),
                                              () => show("persist_unknown"));
    button?.addEventListener("click", () => {
      api.persist().then((yes) => show(yes ? "persist_yes" : "persist_refused"),
                         () => show("persist_unknown"));
    });
    check();
    box.hidden = false;
  }
}
