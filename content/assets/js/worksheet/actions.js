// The buttons above a worksheet: print, filled-in PDF, save as file (also with a passphrase),
// open a file, clear. No inline handlers: everything is wired here, on the worksheet's own
// element.
import { exportProtected } from "./sheet-protect.js";

export function wireActions(sheet) {
  const { root } = sheet;
  const fileInput = root.querySelector("[data-kw-file]");
  const guidance = root.querySelector("[data-kw-print-guidance]");

  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-kw-action]");
    if (!button || !root.contains(button)) return;
    switch (button.dataset.kwAction) {
      case "print":
        window.print();
        break;
      case "fill-pdf":
        sheet.downloadFilledPdf(button);
        break;
      case "export":
        sheet.exportFile();
        break;
      case "export-protected":
        exportProtected(sheet);
        break;
      case "import":
        fileInput?.click();
        break;
      case "clear":
        sheet.clear();
        break;
      case "discard-orphans":
        sheet.discardOrphans();
        break;
      default:
    }
  });

  fileInput?.addEventListener("change", () => {
    const [file] = fileInput.files;
    fileInput.value = ""; // so choosing the same file again is noticed
    if (file) sheet.importFile(file);
  });

  // Guidance for the counsellor is left off paper unless asked for.
  guidance?.addEventListener("change", () => {
    const page = root.closest("article") || document;
    page.querySelectorAll(".kw-guidance").forEach(
      (section) => section.classList.toggle("kw-print-keep", guidance.checked));
  });

  root.querySelector("[data-kw-actions]")?.removeAttribute("hidden");
}
