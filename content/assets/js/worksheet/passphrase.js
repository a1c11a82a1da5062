// Asking for the passphrase of a protected file, in the page: a modal <dialog> with a labelled
// password field (and a second one to confirm it on export), "show the passphrase", Escape or
// Annuleren to cancel. Focus goes back to where it was. Never window.prompt(): that shows the
// passphrase as plain text and cannot be styled, labelled or tested like the rest of the page.
const MIN_LENGTH = 8;
let count = 0;

function make(tag, attrs = {}, text = "") {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  if (text) el.textContent = text;
  return el;
}

/**
 * Ask for a passphrase. mode "export": a new one, typed twice (optional: empty means a file
 * without passphrase); mode "import": the passphrase of a file. Resolves with the passphrase,
 * "" (export, optional, left empty) or null (cancelled).
 */
export function askPassphrase(t, { mode, intro, optional = false }) {
  const exporting = mode === "export";
  const id = `kw-wachtwoord-${(count += 1)}`;
  const opener = document.activeElement;
  const dialog = make("dialog", { class: "kw-dialog md-typeset", "aria-labelledby": `${id}-kop`,
                                  "aria-describedby": `${id}-uitleg`, "data-kw-passphrase": mode });
  const form = make("form", { novalidate: "" });
  const field = (n, label) => {
    const input = make("input", { type: "password", id: `${id}-${n}`, name: `${id}-${n}`,
                                  autocomplete: exporting ? "new-password" : "current-password",
                                  "aria-describedby": `${id}-fout`, spellcheck: "false" });
    const row = make("p", { class: "kw-dialog-field" });
    row.append(make("label", { for: input.id }, label), input);
    return [row, input];
  };
  const [firstRow, first] = field(1, t("protect_field"));
  const rows = [firstRow];
  let second = null;
  if (exporting) {
    const [row, input] = field(2, t("protect_confirm_field"));
    rows.push(row);
    second = input;
  }
  const show = make("input", { type: "checkbox", id: `${id}-toon` });
  const showRow = make("p", { class: "kw-dialog-show" });
  showRow.append(show, make("label", { for: show.id }, t("protect_show")));
  const error = make("p", { class: "kw-dialog-error", id: `${id}-fout`, role: "alert" });
  const ok = make("button", { type: "submit", class: "md-button md-button--primary" },
                  t(exporting ? "protect_ok_export" : "protect_ok_import"));
  const cancel = make("button", { type: "button", class: "md-button", "data-kw-cancel": "" },
                      t("protect_cancel"));
  const buttons = make("p", { class: "kw-dialog-buttons" });
  buttons.append(ok, cancel);
  form.append(make("h2", { id: `${id}-kop` },
                   t(exporting ? "protect_title_export" : "protect_title_import")),
              make("p", { id: `${id}-uitleg` }, intro), ...rows, showRow, error, buttons);
  dialog.append(form);

  show.addEventListener("change", () => {
    for (const input of [first, second]) if (input) input.type = show.checked ? "text" : "password";
  });

  return new Promise((resolve) => {
    let answer = null;
    const refuse = (key, input) => {
      error.textContent = t(key, { min: MIN_LENGTH });
      input.setAttribute("aria-invalid", "true");
      input.focus();
    };
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = first.value;
      [first, second].forEach((input) => input?.removeAttribute("aria-invalid"));
      if (!value && !(exporting && optional && !second.value)) return refuse("protect_empty", first);
      if (exporting && value && value.length < MIN_LENGTH) return refuse("protect_short", first);
      if (exporting && value !== second.value) return refuse("protect_mismatch", second);
      answer = value;
      dialog.close();
    });
    cancel.addEventListener("click", () => dialog.close());
    // Escape fires "cancel" and closes the dialog; either way "close" ends it.
    dialog.addEventListener("close", () => {
      dialog.remove();
      if (opener && opener.isConnected && typeof opener.focus === "function") opener.focus();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    first.focus();
  });
}
