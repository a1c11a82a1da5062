// Lists with rows the user adds and removes (field type "lijst"). Every row is a copy of the
// row template the server renders (macros/model/controls.py names its controls): its names,
// ids and labels carry a slot (the value of data-kw-row-template) where the row number goes.
// Rows are renumbered 1, 2, 3 ... after a removal, so the names stay those of the web form.
import { MAX_ROWS } from "./versions.js";

// The attributes of a row's header and inputs that hold the row number.
const NUMBERED = ["name", "id", "aria-labelledby"];

export class RowList {
  constructor(fieldset, { t, say, changed }) {
    this.fieldset = fieldset;
    this.id = fieldset.dataset.kwList;
    this.body = fieldset.querySelector("[data-kw-rows]");
    this.template = fieldset.querySelector("template[data-kw-row-template]");
    this.addButton = fieldset.querySelector("[data-kw-add-row]");
    this.t = t;
    this.say = say;
    this.changed = changed;
    this.slot = this.template.dataset.kwRowTemplate;
    this.pattern = this.template.content.querySelector("tr");
    this.rows.forEach((row) => this.giveRemoveButton(row));
    this.renumber();
    fieldset.addEventListener("click", (event) => this.onClick(event));
  }

  get rows() {
    return Array.from(this.body.querySelectorAll(":scope > tr[data-kw-row]"));
  }

  onClick(event) {
    const add = event.target.closest("[data-kw-add-row]");
    const remove = event.target.closest("[data-kw-remove-row]");
    if (add && this.fieldset.contains(add)) {
      this.add(true);
      this.changed();
    } else if (remove && this.fieldset.contains(remove)) {
      this.remove(remove.closest("tr"));
      this.changed();
    }
  }

  // The first row comes from the server without a remove button; give it the template's.
  giveRemoveButton(row) {
    if (row.querySelector("[data-kw-remove-row]")) return;
    const button = this.template.content.querySelector("[data-kw-remove-row]");
    const cell = row.lastElementChild;
    if (button && cell) cell.append(button.cloneNode(true));
  }

  add(focus = false) {
    if (this.rows.length >= MAX_ROWS) return null;
    const row = this.pattern.cloneNode(true);
    this.body.append(row);
    this.renumber();
    if (focus) {
      row.querySelector("input, textarea")?.focus();
      this.say(this.t("row_added", { n: this.rows.length }));
    }
    return row;
  }

  remove(row) {
    const rows = this.rows;
    const index = rows.indexOf(row);
    if (index < 0 || rows.length <= 1) return;
    row.remove();
    this.renumber();
    const left = this.rows;
    // Focus goes to the row that took its place, or to the one above when it was the last.
    left[Math.min(index, left.length - 1)].querySelector("input, textarea")?.focus();
    this.say(this.t("row_removed", { n: index + 1 }));
  }

  setCount(count) {
    const wanted = Math.max(1, Math.min(count, MAX_ROWS));
    while (this.rows.length < wanted) this.add(false);
    while (this.rows.length > wanted) this.rows.at(-1).remove();
    this.renumber();
  }

  renumber() {
    const rows = this.rows;
    rows.forEach((row, i) => this.number(row, i + 1, rows.length));
    if (this.addButton) this.addButton.disabled = rows.length >= MAX_ROWS;
  }

  // Row n is the template with n in the slot: the header, then the inputs in order.
  number(row, n, total) {
    row.dataset.kwRow = String(n);
    const fill = (text) => text.replaceAll(this.slot, String(n));
    const header = row.querySelector("th");
    const headerPattern = this.pattern.querySelector("th");
    if (header && headerPattern) {
      header.id = fill(headerPattern.id);
      header.textContent = fill(headerPattern.textContent);
    }
    const patterns = this.pattern.querySelectorAll("input, textarea, select");
    row.querySelectorAll("input, textarea, select").forEach((input, i) => {
      for (const attr of NUMBERED) {
        if (patterns[i]?.hasAttribute(attr)) {
          input.setAttribute(attr, fill(patterns[i].getAttribute(attr)));
        }
      }
    });
    const button = row.querySelector("[data-kw-remove-row]");
    if (button) {
      button.setAttribute("aria-label", this.t("remove_row_label", { n }));
      button.hidden = total <= 1;
    }
  }
}
