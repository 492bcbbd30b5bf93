// The spellings a query word can have on a page that Pagefind would not
// match by itself, for the languages that need them. queryForms(lang, word)
// returns [{text, exact}], the typed word first: the typed word is searched
// as Pagefind searches it (as the start of a word too), each other form as
// that exact word, so that a short form does not match every longer word
// it begins.

// Welsh initial mutations: a radical initial and the initials it takes
// after the words that mutate it (soft, nasal, aspirate). Pagefind has no
// Welsh stemmer, so "cath" (cat) would not find "fy nghath" (my cat).
// The h- that the aspirate rule puts before a vowel ("ei henw") is left
// out: undoing it would make "hyn", "hi", "hun" search "yn", "i", "un",
// the commonest words there are.
const WELSH_MUTATIONS = {
  c: ["g", "ngh", "ch"],
  p: ["b", "mh", "ph"],
  t: ["d", "nh", "th"],
  g: ["", "ng"],
  b: ["f", "m"],
  d: ["dd", "n"],
  m: ["f"],
  ll: ["l"],
  rh: ["r"],
};
// Initials that no mutation changes: letters of their own (ch, dd, ff, ng,
// ph, th; ll and rh are radicals themselves) and the nasal mh, nh.
const WELSH_UNMUTATED = ["ch", "dd", "ff", "mh", "ng", "nh", "ph", "th"];
const WELSH_VOWEL = /^[aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ]/;

function welshRadicalInitial(word) {
  for (const digraph of ["ll", "rh"]) {
    if (word.startsWith(digraph)) return digraph;
  }
  if (WELSH_UNMUTATED.some((digraph) => word.startsWith(digraph))) return null;
  return Object.hasOwn(WELSH_MUTATIONS, word[0]) ? word[0] : null;
}

// The word as every mutation of it, if it is a radical.
function welshMutated(word) {
  const initial = welshRadicalInitial(word);
  if (initial === null) return [];
  const rest = word.slice(initial.length);
  return WELSH_MUTATIONS[initial].map((mutated) => mutated + rest);
}

// The radicals the word may be a mutation of: the longest mutated initial
// it starts with decides ("ngh" is c's, not g's "ng" nor d's "n"); a word
// that starts with a vowel, l, r or w may have lost the g of the soft
// mutation ("ardd" from "gardd", "las" from "glas").
function welshRadicals(word) {
  const radicals = [];
  if (!["ll", "rh", "ff"].some((digraph) => word.startsWith(digraph))) {
    for (const length of [3, 2, 1]) {
      const start = word.slice(0, length);
      const from = Object.entries(WELSH_MUTATIONS)
        .filter(([, mutated]) => mutated.includes(start) && start.length === length)
        .map(([radical]) => radical + word.slice(length));
      if (from.length) {
        radicals.push(...from);
        break;
      }
    }
  }
  if (WELSH_VOWEL.test(word) || /^(l(?!l)|r(?!h))/.test(word)) radicals.push("g" + word);
  return radicals;
}

function welshForms(word) {
  const radicals = [word, ...welshRadicals(word)];
  return [...radicals, ...radicals.flatMap(welshMutated)];
}

// Arabic: Pagefind's Arabic stemmer already matches a word with or
// without its diacritics, tatweel and the hamza on alef, waw and ya
// (أ إ آ ا, ؤ و, ئ ي), both ways, and a query with ي or ة finds ى or ه.
// What it does not: a query with alef maqsura (ى) finding ي, one with a
// final ه finding ة, and one with a lone hamza (ء) finding the word
// written without it. (Measured in tests/search/test_spellings.py.)
function arabicForms(word) {
  const plain = word.replace(/\u0649/g, "\u064A").replace(/\u0621/g, "").replace(/\u0647$/, "\u0629");
  return [word, plain];
}

const FORMS = { cy: welshForms, ar: arabicForms };

export function queryForms(lang, typed) {
  const word = typed.toLocaleLowerCase(lang);
  const forms = FORMS[lang] ? FORMS[lang](word) : [word];
  const unique = [...new Set(forms)].filter((form) => form.length > 0);
  return unique.map((text, index) => ({ text, exact: index > 0 }));
}
