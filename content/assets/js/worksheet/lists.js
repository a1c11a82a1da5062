// Lists with rows the user adds and removes (field type "lijst"). Names stay
// <field>-<n>-<col> with n = 1, 2, 3 ... in order: rows are renumbered after a removal.
import { MAX_ROWS } from "./versions.js";

const SLOT = "(\\d+|__N__)";

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
    this.name = new RegExp(`^${this.id}-${SLOT}-([a-z][a-z0-9_]*)$`);
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
    const row = this.template.content.querySelector("tr").cloneNode(true);
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

  number(row, n, total) {
    row.dataset.kwRow = String(n);
    const header = row.querySelector("th");
    if (header) {
      header.id = header.id.replace(new RegExp(`-r-${SLOT}$`), `-r-${n}`);
      header.textContent = String(n);
    }
    for (const input of row.querySelectorAll("input, textarea")) {
      const match = this.name.exec(input.name);
      if (!match) continue;
      input.name = `${this.id}-${n}-${match[2]}`;
      input.id = input.id.replace(new RegExp(`-${SLOT}-${match[2]}$`), `-${n}-${match[2]}`);
      const labelledBy = input.getAttribute("aria-labelledby");
      if (labelledBy) {
        input.setAttribute("aria-labelledby",
          labelledBy.replace(new RegExp(`-r-${SLOT}(?=\\s|$)`), `-r-${n}`));
      }
    }
    const button = row.querySelector("[data-kw-remove-row]");
    if (button) {
      button.setAttribute("aria-label", this.t("remove_row_label", { n }));
      button.hidden = total <= 1;
    }
  }
}
