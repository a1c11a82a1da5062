// Pictograms on or off: a setting of this device, not an answer, for every worksheet at once.
// Without the script (or storage) they stay on; the text beside each one is always there.
import { PREFIX, readRaw, writeRaw } from "./storage.js";

const SETTING = `${PREFIX}instelling:pictogrammen`;

function apply(on) {
  for (const root of document.querySelectorAll("[data-kw-worksheet]")) {
    root.dataset.kwPictos = on ? "aan" : "uit";
    const box = root.querySelector("[data-kw-pictograms]");
    if (box) box.checked = on;
  }
}

export function wirePictograms(root) {
  const box = root.querySelector("[data-kw-pictograms]");
  const on = readRaw(SETTING) !== "uit";
  root.dataset.kwPictos = on ? "aan" : "uit";
  if (!box) return;
  box.checked = on;
  box.addEventListener("change", () => {
    writeRaw(SETTING, box.checked ? "aan" : "uit");
    apply(box.checked);
  });
}
