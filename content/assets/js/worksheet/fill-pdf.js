// "Download als ingevulde PDF": the worksheet's own fillable PDF, filled in here with the
// answers on screen and saved on this device. Nothing is sent anywhere.
// The PDF (pdf/werkbladen/<id>-invulbaar.js, made by the build) and pdf-lib with fontkit
// (assets/vendor/) are classic scripts, loaded the first time the button is used: from
// file:// a fetch() of a file beside the page fails, a <script> does not.
// Answers go in by name: the web form and the PDF use the same names (macros/model/
// controls.py), except a multiple choice, whose boxes on paper the outline's `paper` names.
import { specOf } from "./versions.js";

const loading = new Map();

function loadScript(src) {
  if (!loading.has(src)) {
    loading.set(src, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.addEventListener("load", () => resolve());
      script.addEventListener("error", () => {
        loading.delete(src);
        script.remove();
        reject(new Error(`not loaded: ${src}`));
      });
      document.head.append(script);
    }));
  }
  return loading.get(src);
}

// The web's date (2026-03-12) as the paper's hint asks: dag / maand / jaar.
const paperDate = (value) => value.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$3-$2-$1");

const FONT_IN_DA = /\/(\S+)\s+([\d.]+)\s+Tf/;

// The font the PDF's text fields are drawn in (a DejaVu subset with every letter of the names
// people have), taken out of the PDF itself, so pdf-lib draws the answers with it too.
function formFontBytes(lib, form, daFont) {
  const { PDFName, PDFDict, PDFArray, decodePDFRawStream } = lib;
  const fonts = form.acroForm.dict.lookup(PDFName.of("DR"), PDFDict)
    ?.lookup(PDFName.of("Font"), PDFDict);
  const font = fonts?.lookup(PDFName.of(daFont), PDFDict);
  const descendant = font?.lookup(PDFName.of("DescendantFonts"), PDFArray)?.lookup(0, PDFDict);
  const file = descendant?.lookup(PDFName.of("FontDescriptor"), PDFDict)
    ?.lookup(PDFName.of("FontFile2"));
  return file ? decodePDFRawStream(file).decode() : null;
}

// Every answer into its PDF field; returns the labels of what the paper has no place for
// (list rows beyond the printed ones, an option the paper does not have).
function fillFields(lib, form, answers, outline) {
  const { PDFTextField, PDFCheckBox, PDFRadioGroup } = lib;
  const fields = new Map(form.getFields().map((field) => [field.getName(), field]));
  const missing = [];
  for (const [name, value] of answers) {
    const spec = specOf(outline, name);
    const label = spec?.label || name;
    if (Array.isArray(value)) {
      for (const option of value) {
        const box = fields.get(outline.paper?.[name]?.[option]);
        if (box instanceof PDFCheckBox) box.check();
        else missing.push(`${label}: ${option}`);
      }
      continue;
    }
    const field = fields.get(name);
    if (field instanceof PDFTextField) {
      field.setText(spec?.kind === "date" ? paperDate(value) : value);
    } else if (field instanceof PDFRadioGroup && field.getOptions().includes(value)) {
      field.select(value);
    } else if (field instanceof PDFCheckBox) {
      field.check();
    } else {
      missing.push(label);
    }
  }
  return missing;
}

// pdf-lib writes its own font's name into each filled field's /DA with the size it chose;
// put back the size the PDF had (0: shrink to fit) and list the font in the form's
// resources, so a viewer that redraws the field (or the user typing on) finds it.
function keepAppearanceRules(lib, form, font, before) {
  const { PDFName, PDFDict } = lib;
  for (const [acroField, da] of before) {
    const match = FONT_IN_DA.exec(da);
    if (match) acroField.setDefaultAppearance(da.replace(FONT_IN_DA, `/${font.name} ${match[2]} Tf`));
  }
  const fonts = form.acroForm.dict.lookup(PDFName.of("DR"), PDFDict)
    ?.lookup(PDFName.of("Font"), PDFDict);
  fonts?.set(PDFName.of(font.name), font.ref);
}

export async function filledPdf({ id, answers, outline, pdfScript, libraries }) {
  await Promise.all([...libraries.map(loadScript), loadScript(pdfScript)]);
  const lib = window.PDFLib;
  const source = window.krachtwerkPdfs?.[id];
  if (!lib || !window.fontkit || !source) throw new Error("PDF or pdf-lib missing");
  const doc = await lib.PDFDocument.load(source);
  doc.registerFontkit(window.fontkit);
  const form = doc.getForm();
  const texts = form.getFields().filter((field) => field instanceof lib.PDFTextField);
  const before = [];
  for (const field of texts) {
    for (const part of [field.acroField, ...field.acroField.getWidgets()]) {
      const da = part.getDefaultAppearance();
      if (da) before.push([part, da]);
    }
  }
  const daFont = FONT_IN_DA.exec(before[0]?.[1] || "")?.[1];
  const missing = fillFields(lib, form, answers, outline);
  const bytes = daFont && formFontBytes(lib, form, daFont);
  if (bytes) {
    const font = await doc.embedFont(bytes, { subset: false });
    form.updateFieldAppearances(font);
    keepAppearanceRules(lib, form, font, before);
    // Every filled field now carries its own appearance: a viewer need not redraw them.
    form.acroForm.dict.set(lib.PDFName.of("NeedAppearances"), lib.PDFBool.False);
  }
  const pdf = await doc.save({ updateFieldAppearances: false });
  return { pdf, missing };
}
