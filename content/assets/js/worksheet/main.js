// Entry point for interactive worksheets (see the modules beside this file):
//   storage.js    saved answers on this device     form-state.js  read/write form values
//   versions.js   answers of changed worksheets    transfer.js    save as / open a file
//   lists.js      rows added and removed           actions.js     the buttons
//   netmap.js     the drawing of a netwerkkaart
//   ui.js         strings, status, messages        privacy.js     "remove all" on privacy page
//   worksheet.js  ties it together for one worksheet
//   folders.js    client folders             folder-bar.js  which folder a worksheet fills
//   totals.js     totals of self-scans       passphrase.js  the passphrase dialog
//   sheet-protect.js  a worksheet file with a passphrase
//   overview.js   the page "Mijn cliëntmappen" folder-files.js  a folder as one file
//   pictograms.js pictograms on or off (a setting of the device)
//   language.js   a language beside Dutch      speech.js      read aloud
// Material's instant navigation swaps page content without a reload, so we initialise on
// every document$ emission and mark what is done, to never wire an element twice.
import { wireActions } from "./actions.js";
import { wireFolderBar } from "./folder-bar.js";
import { wirePictograms } from "./pictograms.js";
import { wireLanguage } from "./language.js";
import { setUpOverview } from "./overview.js";
import { setUpPersistence, setUpPrivacy } from "./privacy.js";
import { migrate } from "./storage.js";
import { wireSpeech } from "./speech.js";
import { strings } from "./ui.js";
import { Worksheet } from "./worksheet.js";

function init() {
  // Answers saved before client folders go into the default folder (once; nothing is lost).
  migrate();
  for (const root of document.querySelectorAll("[data-kw-worksheet]")) {
    if (root.dataset.kwReady || !root.querySelector("form")) continue;
    root.dataset.kwReady = "1";
    try {
      // Language and read aloud first and on their own: they work even if saving cannot.
      wireLanguage(root);
      wireSpeech(root);
    } catch (error) {
      console.error("Werkblad (taal):", error);
    }
    try {
      const sheet = new Worksheet(root);
      wireActions(sheet);
      wirePictograms(root);
      sheet.start();
      wireFolderBar(sheet);
    } catch (error) {
      // The form stays usable by hand; only the extras are missing.
      console.error("Werkblad:", error);
    }
  }
  setUpOverview(document);
  setUpPrivacy(document);
  setUpPersistence(document, strings);
}

if (!window.krachtwerkWorksheets) {
  window.krachtwerkWorksheets = true;
  // Material announces every page (also after instant navigation) through document$; it does
  // not do so for a site opened from disk (file://), so we also start on our own. The
  // data-kw-ready mark keeps a worksheet from being wired twice.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}
