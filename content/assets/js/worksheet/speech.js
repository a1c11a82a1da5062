// Read aloud: the button by the instruction and by every question reads it in the chosen
// language, with the browser's own speech (speechSynthesis). Only voices on this device
// (localService === true): a remote voice would send the text to a server. Without such a
// voice the button says so instead of doing nothing. Nothing here touches the answers.
import { EASY, chosenLanguage, languageTexts } from "./language.js";

const DUTCH = { lang: "nl", dir: "ltr", voorlezen: "Lees voor", stop_voorlezen: "Stop met voorlezen",
  geen_stem: "Dit apparaat heeft geen stem om deze taal voor te lezen." };

// What a button reads: the chosen language where the page has it, else the Dutch.
export function spokenText(root, button) {
  const code = chosenLanguage(root);
  const parts = [];
  let lang = "nl";
  for (const id of (button.dataset.kwSpeak || "").split(" ")) {
    const el = id && document.getElementById(id);
    if (!el) continue;
    const own = code ? el.querySelector(`[data-kw-tr="${code}"]`) : null;
    if (own) {
      parts.push(own.textContent.trim());
      lang = own.lang || lang;
      continue;
    }
    const copy = el.cloneNode(true);
    copy.querySelectorAll("[data-kw-tr], .kw-speak").forEach((n) => n.remove());
    parts.push(copy.textContent.trim());
  }
  return { text: parts.filter(Boolean).join(". "), lang };
}

const matches = (voice, lang) => voice.lang.toLowerCase().replace("_", "-").split("-")[0] === lang;

// Voices can arrive after the page loads: wait for them once, briefly.
function voices() {
  const synth = window.speechSynthesis;
  const now = synth.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => resolve(synth.getVoices());
    synth.addEventListener?.("voiceschanged", done, { once: true });
    setTimeout(done, 800);
  });
}

export async function localVoice(lang) {
  if (!("speechSynthesis" in window)) return null;
  const local = (await voices()).filter((v) => v.localService === true && matches(v, lang));
  return local.find((v) => v.default) || local[0] || null;
}

function label(button, texts, key) {
  // Dutch, and the chosen language beside it, each with its own lang and dir.
  button.replaceChildren();
  const nl = document.createElement("span");
  nl.textContent = DUTCH[key];
  button.append(nl);
  if (texts && texts.lang !== "nl" && texts[key]) {
    const own = document.createElement("span");
    own.className = "kw-tr";
    own.lang = texts.lang;
    own.dir = texts.dir;
    own.textContent = texts[key];
    button.append(own);
  } else if (texts && texts.lang === "nl" && texts[key]) {
    nl.textContent = texts[key];
  }
}

function note(button) {
  let el = button.nextElementSibling;
  if (!el || !el.classList.contains("kw-speak-note")) {
    el = document.createElement("span");
    el.className = "kw-speak-note";
    el.setAttribute("role", "status");
    button.after(el);
  }
  return el;
}

export function wireSpeech(root) {
  const buttons = Array.from(root.querySelectorAll("button[data-kw-speak]"));
  if (!buttons.length) return;
  const all = languageTexts(root);
  const textsOf = () => {
    const code = chosenLanguage(root);
    return all[code] || (code === EASY ? { ...DUTCH, ...all[EASY] } : all.nl || DUTCH);
  };
  let speaking = null;
  const reset = () => {
    if (speaking) {
      speaking.setAttribute("aria-pressed", "false");
      speaking = null;
    }
    buttons.forEach((b) => { if (b.dataset.kwLabelled) label(b, textsOf(), "voorlezen"); });
  };
  for (const button of buttons) {
    button.hidden = false;
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", async () => {
      const synth = window.speechSynthesis;
      if (speaking === button) {
        synth?.cancel();
        reset();
        return;
      }
      if (speaking) { synth?.cancel(); reset(); }
      const { text, lang } = spokenText(root, button);
      const voice = await localVoice(lang);
      const texts = textsOf();
      const message = note(button);
      if (!voice) {
        message.replaceChildren();
        const nl = document.createElement("span");
        nl.textContent = DUTCH.geen_stem;
        message.append(nl);
        if (texts.lang !== "nl") {
          const own = document.createElement("span");
          own.lang = texts.lang;
          own.dir = texts.dir;
          own.textContent = ` ${texts.geen_stem}`;
          message.append(own);
        }
        return;
      }
      message.textContent = "";
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.onend = utterance.onerror = () => { if (speaking === button) reset(); };
      speaking = button;
      button.dataset.kwLabelled = "1";
      button.setAttribute("aria-pressed", "true");
      label(button, texts, "stop_voorlezen");
      synth.speak(utterance);
    });
  }
  root.addEventListener("kw-language", () => {
    if (speaking) window.speechSynthesis?.cancel();
    reset();
    buttons.forEach((b) => note(b).replaceChildren());
  });
}
