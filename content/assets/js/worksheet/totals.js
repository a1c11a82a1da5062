// Totals on self-scans (field type "totaal"): the sum and average of the scores filled in so
// far, shown in an <output> that screen readers read politely. A total has no name, so it is
// never saved: it follows from the scores, in this tab and after a restore or an import.
import { readAnswers } from "./form-state.js";

const number = (value, digits) => value.toLocaleString("nl-NL", { maximumFractionDigits: digits });

export function updateTotals(form, t) {
  const answers = readAnswers(form);
  for (const box of form.querySelectorAll("[data-kw-total]")) {
    const output = box.querySelector("[data-kw-total-value]");
    if (!output) continue;
    const count = Number(box.dataset.kwTotalCount) || 0;
    let sum = 0;
    let filled = 0;
    for (const name of box.dataset.kwTotal.split(" ")) {
      const value = Number(answers.get(name));
      if (answers.has(name) && Number.isFinite(value)) {
        sum += value;
        filled += 1;
      }
    }
    const max = box.dataset.kwTotalMax;
    const text = filled === 0 ? t("total_none", { aantal: count })
      : t(max === undefined ? "total_live_nomax" : "total_live", {
        totaal: number(sum, 2), max, gemiddelde: number(sum / filled, 1), ingevuld: filled,
        aantal: count });
    // Rewritten only when it changes, so a screen reader hears each new total once.
    if (output.textContent !== text) output.textContent = text;
  }
}
