// The line above a worksheet that says which client folder it fills in, with a menu to
// switch folder and a button for a new one (two clicks either way). The markup is in
// macros/templates/werkblad.html; the options come from folders.js.
import * as folders from "./folders.js";
import { askText } from "./passphrase.js";

export function wireFolderBar(sheet) {
  const bar = sheet.root.querySelector("[data-kw-folder-bar]");
  const select = bar?.querySelector("[data-kw-folder-select]");
  if (!bar || !select) return;
  const { t } = sheet;

  const fillOptions = () => {
    const options = folders.list().map((folder) => {
      const option = document.createElement("option");
      option.value = folder.id;
      option.textContent = folders.labelOf(folder, t);
      option.selected = folder.id === sheet.folder;
      return option;
    });
    select.replaceChildren(...options);
  };

  select.addEventListener("change", () => {
    sheet.switchFolder(select.value);
    sheet.feedback.say(t("folder_switched", { map: sheet.folderLabel(), titel: sheet.title }));
  });
  // The folder list can change in another tab (or on the overview page).
  select.addEventListener("focus", fillOptions);
  sheet.root.addEventListener("kw-folder", fillOptions);

  bar.querySelector("[data-kw-action=new-folder]")?.addEventListener("click", async () => {
    const label = await askText(t, { title: t("folder_new_title"), intro: t("folder_new_prompt"),
                                     label: t("folder_name_field"), ok: t("folder_new_ok"),
                                     check: (text) => folders.checkLabel(text).error || null });
    if (label === null) return;
    const made = folders.create(label);
    if (made.error) {
      sheet.feedback.say(t(made.error), "error");
      return;
    }
    sheet.switchFolder(made.folder.id);
    fillOptions();
    sheet.feedback.say(t("folder_created", { map: made.folder.label, titel: sheet.title }));
  });

  fillOptions();
  bar.hidden = false;
}
