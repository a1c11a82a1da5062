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
