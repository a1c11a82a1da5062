// Questions asked in the page, never with window.prompt() (which shows a passphrase as plain
// text and cannot be labelled, styled or tested like the rest of the page): a modal <dialog>
// with labelled fields, an error line read out as an alert, OK and Annuleren. Escape cancels;
// focus goes back to where it was.
//   askPassphrase  the passphrase of a protected file (typed twice on export, show/hide)
//   askText        a short text, such as the label of a client folder
const MIN_LENGTH = 8;
let count = 0;

function make(tag, attrs = {}, text = "") {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  if (text) el.textContent = text;
  return el;
}

function labelled(id, label, attrs) {
  const input = make("input", { id, name: id, "aria-describedby": `${id.replace(/-\d+$/, "")}-fout`,
                                spellcheck: "false", ...attrs });
  const row = make("p", { class: "kw-dialog-field" });
  row.append(make("label", { for: input.id }, label), input);
  return [row, input];
}

// Shows a dialog: title, intro, the rows, an error line and the buttons. `check(inputs)` says
// what is wrong ({ key, input }) or gives the answer ({ answer }). Resolves with the answer,
// or null when cancelled.
function ask(t, { id, mode, title, intro, rows, inputs, ok, check }) {
  const opener = document.activeElement;
  const dialog = make("dialog", { class: "kw-dialog md-typeset", "aria-labelledby": `${id}-kop`,
                                  "aria-describedby": `${id}-uitleg`, "data-kw-dialog": mode });
  if (mode === "export" || mode === "import") dialog.dataset.kwPassphrase = mode;
  const form = make("form", { novalidate: "" });
  const error = make("p", { class: "kw-dialog-error", id: `${id}-fout`, role: "alert" });
  const submit = make("button", { type: "submit", class: "md-button md-button--primary" }, ok);
  const cancel = make("button", { type: "button", class: "md-button", "data-kw-cancel": "" },
                      t("protect_cancel"));
  const buttons = make("p", { class: "kw-dialog-buttons" });
  buttons.append(submit, cancel);
  form.append(make("h2", { id: `${id}-kop` }, title), make("p", { id: `${id}-uitleg` }, intro),
              ...rows, error, buttons);
  dialog.append(form);
  return new Promise((resolve) => {
    let answer = null;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      inputs.forEach((input) => input.removeAttribute("aria-invalid"));
      const result = check(inputs);
      if (result.key) {
        error.textContent = t(result.key, { min: MIN_LENGTH });
        result.input.setAttribute("aria-invalid", "true");
        result.input.focus();
        return;
      }
      answer = result.answer;
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
    inputs[0].focus();
  });
}

/**
 * Ask for a passphrase. mode "export": a new one, typed twice (optional: empty means a file
 * without passphrase); mode "import": the passphrase of a file. Resolves with the passphrase,
 * "" (export, optional, left empty) or null (cancelled).
 */
export function askPassphrase(t, { mode, intro, optional = false }) {
  const exporting = mode === "export";
  const id = `kw-wachtwoord-${(count += 1)}`;
  const type = { type: "password", autocomplete: exporting ? "new-password" : "current-password" };
  const [firstRow, first] = labelled(`${id}-1`, t("protect_field"), type);
  const rows = [firstRow];
  const inputs = [first];
  if (exporting) {
    const [row, input] = labelled(`${id}-2`, t("protect_confirm_field"), type);
    rows.push(row);
    inputs.push(input);
  }
  const show = make("input", { type: "checkbox", id: `${id}-toon` });
  const showRow = make("p", { class: "kw-dialog-show" });
  showRow.append(show, make("label", { for: show.id }, t("protect_show")));
  show.addEventListener("change", () => {
    inputs.forEach((input) => { input.type = show.checked ? "text" : "password"; });
  });
  return ask(t, {
    id, mode, intro, rows: [...rows, showRow], inputs,
    title: t(exporting ? "protect_title_export" : "protect_title_import"),
    ok: t(exporting ? "protect_ok_export" : "protect_ok_import"),
    check: ([one, two]) => {
      const value = one.value;
      if (!value && !(exporting && optional && !two.value)) return { key: "protect_empty", input: one };
      if (exporting && value && value.length < MIN_LENGTH) return { key: "protect_short", input: one };
      if (exporting && value !== two.value) return { key: "protect_mismatch", input: two };
      return { answer: value };
    },
  });
}

// Ask for a short text (a folder label): resolves with it, or null when cancelled. `check`
// gives the key of what is wrong with a text (said in the dialog, which stays open) or null.
export function askText(t, { title, intro, label, value = "", ok, check = () => null,
                             maxLength = 100 }) {
  const id = `kw-vraag-${(count += 1)}`;
  const [row, input] = labelled(`${id}-1`, label, { type: "text", autocomplete: "off",
                                                   maxlength: String(maxLength + 20) });
  input.value = value;
  return ask(t, {
    id, mode: "text", title, intro, rows: [row], inputs: [input], ok,
    check: ([one]) => {
      const key = one.value.trim() ? check(one.value) : "folder_label_empty";
      return key ? { key, input: one } : { answer: one.value };
    },
  });
}
