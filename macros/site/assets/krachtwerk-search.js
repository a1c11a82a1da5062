// Krachtwerk search worker: Material's lunr worker, with Dutch stemming at query time too.
//
// The index is built with lunr's Dutch stemmer (mkdocs.yml: search pipeline includes
// "stemmer"), so "hulpbronnen" and "hulpbron" are both indexed as "hulpbron" and "cliënt"
// as "client". Material appends "*" to every query term for prefix search, and lunr skips
// the stemmer for such wildcard terms, so "hulpbronnen*" would never find "hulpbron".
// We therefore stem each plain query term ourselves before Material's handler sees it:
// stemming now happens consistently at index and at query time, and prefix search still works.
"use strict";

const QUERY = 2; // Material's SearchMessageType.QUERY

function stemTerm(term) {
  const lower = term.toLowerCase();
  if (!self.lunr || !self.lunr.nl || !/^[\p{L}\p{N}]+$/u.test(lower)) return term;
  const stemmed = self.lunr.nl.stemmer(new self.lunr.Token(lower)).toString();
  return stemmed.length ? stemmed : term;
}

function stemQuery(query) {
  // Keep quotes and lunr syntax (+, -, ~, ^, :, *) as typed; stem only plain words.
  return query.split(/(\s+|"|[+\-~^:*])/u).map(part => stemTerm(part)).join("");
}

// Registered before Material's listener, so it runs first and can rewrite the query.
self.addEventListener("message", event => {
  const message = event.data;
  if (message && message.type === QUERY && typeof message.data === "string") {
    message.data = stemQuery(message.data);
  }
});

// Material's worker lies beside this file. Under the iframe shim used for file:// (make offline)
// relative URLs resolve against the page, not this script, so resolve it ourselves.
const here = typeof document !== "undefined" && document.currentScript
  ? document.currentScript.src : self.location.href;
importScripts(new URL("{{MATERIAL_WORKER}}", here).href);
