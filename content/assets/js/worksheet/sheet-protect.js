// One worksheet's file with a passphrase: "Bewaren met wachtwoord" seals the file that
// "Bewaren als bestand" writes (protect.js); "Openen" asks for the passphrase of a sealed file.
// The passphrase is asked for in the page (passphrase.js). A wrong one changes nothing.
import { askPassphrase } from "./passphrase.js";
import { isProtected, protect, unprotect } from "./protect.js";
import { download, fileName } from "./transfer.js";

export async function exportProtected(sheet) {
  const { t } = sheet;
  const passphrase = await askPassphrase(t, {
    mode: "export", intro: t("protect_export_intro", { titel: sheet.title }) });
  if (!passphrase) return sheet.feedback.say(t("export_cancelled"));
  sheet.feedback.say(t("protect_busy"));
  const now = new Date();
  const name = fileName(sheet.id, now, sheet.folderLabel());
  download(await protect(JSON.stringify(sheet.record(now)), passphrase), name);
  return sheet.feedback.say(t("exported_protected", { bestand: name }));
}

// The text inside a sealed file once its passphrase opened it; null when the user cancelled
// or the passphrase was wrong (both said). Any other file's text comes back as it is.
export async function openProtected(sheet, text, file) {
  let outer = null;
  try {
    outer = JSON.parse(text);
  } catch {
    return text;
  }
  if (!isProtected(outer)) return text;
  const passphrase = await askPassphrase(sheet.t, {
    mode: "import", intro: sheet.t("protect_ask", { bestand: file.name }) });
  if (passphrase === null) {
    sheet.feedback.say(sheet.t("unchanged"));
    return null;
  }
  sheet.feedback.say(sheet.t("protect_busy"));
  const opened = await unprotect(outer, passphrase);
  if (opened.error) {
    sheet.refuse(opened.error);
    return null;
  }
  return opened.text;
}
