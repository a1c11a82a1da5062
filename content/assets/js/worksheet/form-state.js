// Reading and writing the answers of a form, by control name (the names the PDF uses too).
// Values go in through .value and .checked only, never as HTML.

export function controls(form) {
  return Array.from(form.elements).filter(
    (el) => el.name && el.type !== "button" && el.type !== "submit" && el.type !== "file",
  );
}

// name -> string, or name -> string[] for checkbox groups; empty answers are left out.
export function readAnswers(form) {
  const answers = new Map();
  for (const el of controls(form)) {
    if (el.type === "radio" || (el.type === "checkbox" && "kwTick" in el.dataset)) {
      // A tick box (soort: vinkje) holds one value, like a choice, not a list.
      if (el.checked) answers.set(el.name, el.value);
    } else if (el.type === "checkbox") {
      if (el.checked) answers.set(el.name, [...(answers.get(el.name) || []), el.value]);
    } else if (el.value.trim() !== "") {
      answers.set(el.name, el.value);
    }
  }
  return answers;
}

export function writeAnswers(form, answers) {
  for (const el of controls(form)) {
    const value = answers.get(el.name);
    if (el.type === "radio" || (el.type === "checkbox" && "kwTick" in el.dataset)) {
      el.checked = value === el.value;
    } else if (el.type === "checkbox") {
      el.checked = Array.isArray(value) && value.includes(el.value);
    } else {
      // Unchanged values are left alone, so the caret stays where the user is typing.
      const text = typeof value === "string" ? value : "";
      if (el.value !== text) el.value = text;
    }
  }
}

// The values a choice (radio) or multiple choice (checkbox) control offers.
// A list row that is not in the form yet has its options in the row template, where `name`
// is the template's (with the slot), so the templates are read too.
export function optionsOf(form, name) {
  const templated = Array.from(form.querySelectorAll("template"),
    (template) => Array.from(template.content.querySelectorAll("[name]"))).flat();
  return [...controls(form), ...templated]
    .filter((el) => el.getAttribute("name") === name)
    .flatMap((el) => {
      if (el.tagName === "SELECT") {
        return Array.from(el.options, (option) => option.value).filter((v) => v !== "");
      }
      return el.type === "radio" || el.type === "checkbox" ? [el.value] : [];
    });
}

export function hasAnswers(form) {
  return readAnswers(form).size > 0;
}
