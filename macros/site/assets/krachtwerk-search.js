// Krachtwerk search worker: Material's lunr worker, with a Dutch query step in front of lunr.
//
// Material passes every query to lunr as OR'ed prefix terms ("a* b*"): extra words widen the
// results, a plural never finds its singular, and a word the handbook does not use finds
// nothing. Here each query is read as a list of *concepts*: a typed word, or a phrase from
// data/zoekwoorden.yml (SEARCH_WORDS, written in by the build). A concept has alternatives:
// the typed words, the handbook's words for it, and, for a compound the index does not hold,
// its parts ("teamoverleg" -> team + overleg). Every alternative is one lunr query whose words
// are all required; a document scores its best alternative per concept, and pages that hold
// every concept come before pages that hold only some. The result goes back to Material in
// lunr's own shape, so highlighting, grouping and the result list stay Material's.
"use strict";

const QUERY = 2; // Material's SearchMessageType.QUERY
const SEARCH_WORDS = {{SEARCH_WORDS}};
const WEIGHT = {typed: 1, plural: 0.9, synonym: 0.8, parts: 0.6, fuzzy: 0.3};
const MISSING_CONCEPT = 0.02; // a page that lacks one concept sinks below those that have all

let typedQuery = "";

function fold(text) {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")
    .replace(/-/g, " ").split(/\s+/u).filter(Boolean).join(" ");
}

function stem(word) {
  if (!self.lunr || !self.lunr.nl) return word;
  const stemmed = self.lunr.nl.stemmer(new self.lunr.Token(word)).toString();
  return stemmed.length ? stemmed : word;
}

function isStopWord(word) {
  return !!(self.lunr && self.lunr.nl && !self.lunr.nl.stopWordFilter(new self.lunr.Token(word)));
}

// Material stems nothing at query time and appends "*" (lunr skips the stemmer for wildcard
// terms), so stem each plain word before Material's handler sees it: its highlighting and
// "missing term" marks then use the same stems as the index.
function stemQuery(query) {
  return query.split(/(\s+|"|[+\-~^:*])/u).map(part =>
    /^[\p{L}\p{N}]+$/u.test(part) ? stem(part.toLowerCase()) : part).join("");
}

// Phrase (as stems) -> the handbook's phrases, longest phrases first when reading a query.
let synonyms = null;
function synonymTable() {
  if (synonyms) return synonyms;
  synonyms = new Map();
  for (const [searched, finds] of SEARCH_WORDS)
    for (const phrase of searched) {
      const key = phrase.split(" ").map(stem).join(" ");
      synonyms.set(key, [...(synonyms.get(key) || []), ...finds]);
    }
  return synonyms;
}
const LONGEST_PHRASE = Math.max(1, ...SEARCH_WORDS.flatMap(([s]) => s.map(p => p.split(" ").length)));

// The words of an alternative that lunr should require: stems, without stop words.
function termsOf(phrase) {
  return fold(phrase).split(" ").filter(w => !isStopWord(w)).map(stem).filter(Boolean);
}

// A compound the index does not know, split into two parts it does know (with the Dutch
// linking letters s, e, en between them): "teamoverleg" -> team, overleg.
const known = (term, index) => term.length >= 3 && index.invertedIndex[term] !== undefined;

function compoundParts(word, index) {
  if (word.length < 7 || known(word, index)) return [];
  const splits = [];
  for (let i = word.length - 4; i >= 3; i--) {
    const head = word.slice(0, i);
    for (const link of ["", "s", "en", "e"]) {
      if (!word.startsWith(link, i)) continue;
      const tail = stem(word.slice(i + link.length));
      if (known(stem(head), index) && known(tail, index)) splits.push([stem(head), tail]);
    }
    if (splits.length >= 2) break;
  }
  return splits;
}

function concepts(query, index) {
  const words = fold(query).split(" ").filter(w => /^[\p{L}\p{N}]+$/u.test(w));
  const table = synonymTable();
  const found = [];
  for (let i = 0; i < words.length;) {
    let matched = 0;
    for (let n = Math.min(LONGEST_PHRASE, words.length - i); n >= 1 && !matched; n--) {
      const key = words.slice(i, i + n).map(stem).join(" ");
      if (table.has(key)) {
        const typed = termsOf(words.slice(i, i + n).join(" "));
        found.push({typed: words.slice(i, i + n).map(stem), alternatives: [
          {terms: typed, weight: WEIGHT.typed, prefix: true},
          ...table.get(key).map(p => ({terms: termsOf(p), weight: WEIGHT.synonym}))]});
        matched = n;
      }
    }
    if (matched) { i += matched; continue; }
    const word = words[i++];
    if (isStopWord(word)) continue;
    const alternatives = [{terms: [stem(word)], weight: WEIGHT.typed, prefix: true}];
    // A plural the stemmer leaves alone ("werkrelaties"): the singular, if the index has it.
    const singular = word.replace(/(s|'s|en|n)$/u, "");
    if (singular !== word && !known(stem(word), index) && known(stem(singular), index))
      alternatives.push({terms: [stem(singular)], weight: WEIGHT.plural});
    for (const parts of compoundParts(stem(word), index))
        alternatives.push({terms: parts, weight: WEIGHT.parts, fields: ["text"]});
    found.push({typed: [stem(word)], alternatives});
  }
  return found.map(c => ({...c, alternatives: c.alternatives.filter(a => a.terms.length)}))
    .filter(c => c.alternatives.length);
}

// Typed words match as prefixes, as in Material ("fiets" finds "fietsen"); the handbook's
// own words from the data and compound parts match whole, so "netwerk" does not drag in
// every "netwerkberaad".
// Compound parts are looked for in the text only: "team" in a page's tags says nothing about
// "teambespreking".
function run(index, {terms, prefix, fields}, fuzzy) {
  const lunr = self.lunr;
  const common = {presence: lunr.Query.presence.REQUIRED, usePipeline: false,
                  ...(fields && {fields})};
  return index.query(q => {
    for (const term of terms)
      q.term(term, fuzzy ? {...common, editDistance: term.length > 8 ? 2 : 1}
        : prefix ? {...common, wildcard: lunr.Query.wildcard.TRAILING} : common);
  });
}

const pageOf = ref => ref.split("#")[0];

function search(index, query) {
  const lunr = self.lunr;
  const wanted = concepts(query, index);
  if (!wanted.length) return [];
  const docs = new Map(); // ref -> {scores: [per concept], matchData}
  wanted.forEach((concept, c) => {
    let hits = 0;
    const score = (results, weight) => {
      for (const {ref, score, matchData} of results) {
        const doc = docs.get(ref) || {scores: new Array(wanted.length).fill(0),
                                      matchData: new lunr.MatchData()};
        doc.scores[c] = Math.max(doc.scores[c], score * weight);
        doc.matchData.combine(matchData);
        // Material counts a query word as found when the match data names it.
        for (const term of concept.typed) doc.matchData.metadata[term] ||= {};
        docs.set(ref, doc);
        hits++;
      }
    };
    for (const alternative of concept.alternatives)
      score(run(index, alternative, false), alternative.weight);
    if (!hits)  // a typing error: the nearest words of the index
      score(run(index, concept.alternatives[0], true), WEIGHT.fuzzy);
  });
  // Which concepts a page holds anywhere (its sections are separate documents).
  const held = new Map();
  for (const [ref, doc] of docs) {
    const page = held.get(pageOf(ref)) || new Array(wanted.length).fill(false);
    doc.scores.forEach((s, c) => { if (s > 0) page[c] = true; });
    held.set(pageOf(ref), page);
  }
  return [...docs].map(([ref, doc]) => {
    const missing = held.get(pageOf(ref)).filter(h => !h).length;
    const total = doc.scores.reduce((a, b) => a + b, 0);
    return {ref, score: total * MISSING_CONCEPT ** missing, matchData: doc.matchData};
  }).sort((a, b) => b.score - a.score);
}

// Registered before Material's listener, so it runs first and can rewrite the query.
self.addEventListener("message", event => {
  const message = event.data;
  patchLunr();
  if (message && message.type === QUERY && typeof message.data === "string") {
    typedQuery = message.data;
    message.data = stemQuery(message.data);
  }
});

// Material's worker lies beside this file. Under the iframe shim used for file:// (make offline)
// relative URLs resolve against the page, not this script, so resolve it ourselves.
const here = typeof document !== "undefined" && document.currentScript
  ? document.currentScript.src : self.location.href;
importScripts(new URL("{{MATERIAL_WORKER}}", here).href);

// Material's Search calls index.search() with its own rewrite of the query; answer from the
// query as typed instead. Patched again on each message: under the iframe shim (file://) the
// imported script may run later than this line.
function patchLunr() {
  if (self.lunr && !self.lunr.Index.prototype.search.krachtwerk) {
    self.lunr.Index.prototype.search = function () { return search(this, typedQuery); };
    self.lunr.Index.prototype.search.krachtwerk = true;
  }
}
patchLunr();
