// The search page (loaded by it alone): reads ?q=, &category= and &tag=,
// asks Pagefind's index of the page's language (pagefind/<lang>/ and the
// bundles its parts.json names) and lists what it finds. Every word shown
// comes from the page: the form, its hidden notices and the
// #search-interface data.
import { queryForms } from "./query_variants.js";

const PAGE_SIZE = 10;
// A page that has a query word only in another form than the one typed
// ranks after one that has it as typed.
const OTHER_FORM_WEIGHT = 0.5;
// Words in an excerpt, and how many of them come before the first match.
const EXCERPT_WORDS = 30;
const EXCERPT_LEAD_IN = 8;
// Invisible format characters that pasted text often carries (a direction
// mark or embedding before Arabic, a soft hyphen inside a word): no word
// on a page has them, so they are taken out of the query.
const INVISIBLE = /[\u00AD\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const lang = document.documentElement.lang;
const pageData = JSON.parse(document.getElementById("search-interface").textContent);
const pluralRules = new Intl.PluralRules(lang);
// Latin digits, as Babel writes the site's other numbers.
const numbers = new Intl.NumberFormat(lang, { numberingSystem: "latn" });

const form = document.getElementById("search-form");
const field = document.getElementById("search-query");
const selects = { category: document.getElementById("search-category"), tag: document.getElementById("search-tag") };
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const unavailable = document.getElementById("search-unavailable");
const browseInstead = document.querySelector(".browse-instead");

let pagefindLoading = null;
let searchNumber = 0;
let pending = [];

function loadPagefind() {
  if (pagefindLoading === null) {
    const bundle = document.getElementById("search-bundle").href;
    // The language's index is this bundle and the others its parts.json
    // names (plugins/search), merged into one search.
    const parts = fetch(new URL("parts.json", bundle)).then((response) => {
      if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
      return response.json();
    });
    pagefindLoading = import(bundle).then(async (pagefind) => {
      // Result URLs are relative to the site's root, which holds
      // pagefind/<lang>/pagefind.js.
      const baseUrl = new URL("../../", bundle).pathname;
      await pagefind.options({ baseUrl });
      await pagefind.init();
      await Promise.all((await parts).map((part) => pagefind.mergeIndex(new URL(`../${part}/`, bundle).pathname, { baseUrl })));
      return pagefind;
    });
  }
  return pagefindLoading;
}

function countText(count) {
  const forms = pageData.results;
  const text = forms[pluralRules.select(count)] ?? forms.other;
  return text.replace("%(num)s", numbers.format(count));
}

// Results for the query: Pagefind's own search when no word has other
// forms (or the reader quoted a phrase); else each word matches any of its
// forms, and a page must match every word.
async function findPages(pagefind, query, filters) {
  const typed = query.trim().split(/\s+/).filter(Boolean);
  if (!typed.length) return (await pagefind.search(null, { filters })).results;
  const perWord = typed.map((word) => queryForms(lang, word));
  if (query.includes('"') || perWord.every((forms) => forms.length === 1)) {
    return (await pagefind.search(query, { filters })).results;
  }
  let found = null;
  for (const forms of perWord) {
    const searches = await Promise.all(
      forms.map((form) => pagefind.search(form.exact ? `"${form.text}"` : form.text, { filters })),
    );
    const best = new Map();
    searches.forEach((search, index) => {
      const weight = forms[index].exact ? OTHER_FORM_WEIGHT : 1;
      for (const result of search.results) {
        const score = result.score * weight;
        if (!best.has(result.id) || best.get(result.id).score < score) best.set(result.id, { result, score });
      }
    });
    if (found === null) {
      found = best;
    } else {
      for (const [id, match] of found) {
        const other = best.get(id);
        if (other === undefined) found.delete(id);
        else found.set(id, { result: match.score >= other.score ? match.result : other.result, score: match.score + other.score });
      }
    }
  }
  return [...found.values()].sort((a, b) => b.score - a.score).map((match) => match.result);
}

// A page's indexed text is its title, its lead, then its text, split into
// words as Pagefind splits it (its match locations count these words).
function splitWords(text) {
  return text.split(/[\r\n\s]+/g).filter(Boolean);
}

// An excerpt of the text after the title and lead (the result shows the
// title already): whole words from a little before the first match in it,
// or from the start of the text; an ellipsis where the text goes on.
// Built as text and <mark> elements, never as markup.
function excerpt(data) {
  const words = data.content.split(/[\r\n\s]+/g);
  const textStart = Math.min(words.length,
    splitWords(data.meta.title ?? "").length + splitWords(data.meta.lead ?? "").length);
  const matches = new Set(data.locations);
  const first = [...matches].filter((location) => location >= textStart).sort((a, b) => a - b)[0];
  let start = first === undefined ? textStart : Math.max(textStart, first - EXCERPT_LEAD_IN);
  start = Math.max(textStart, Math.min(start, words.length - EXCERPT_WORDS));
  // Start at a word, not at the punctuation a space set apart ("مصممة ، شعرت").
  while (start < (first ?? words.length) && !/[\p{L}\p{N}]/u.test(words[start])) start++;
  const end = Math.min(words.length, start + EXCERPT_WORDS);
  const paragraph = document.createElement("p");
  paragraph.className = "search-excerpt";
  if (start > textStart) paragraph.append("… ");
  for (let index = start; index < end; index++) {
    if (index > start) paragraph.append(" ");
    if (matches.has(index)) {
      const mark = document.createElement("mark");
      mark.textContent = words[index];
      paragraph.append(mark);
    } else {
      paragraph.append(words[index]);
    }
  }
  if (end < words.length) paragraph.append(" …");
  return paragraph;
}

// The date and, for a part of a series, which part: as the article's own
// page says them (its data-pagefind-meta).
function details(data) {
  const line = document.createElement("p");
  line.className = "search-details";
  line.textContent = [data.meta.date, data.meta.part].filter(Boolean).join(" · ");
  return line;
}

function entry(data) {
  const item = document.createElement("li");
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title;
  heading.append(link);
  item.append(heading, details(data), excerpt(data));
  return item;
}

// The switcher leads to each language's search page, with the query.
function keepQueryInSwitcher(query) {
  for (const link of document.querySelectorAll(".language-switcher a[hreflang]")) {
    const page = pageData.search_pages[link.hreflang];
    if (page === undefined) continue;
    const address = new URL(pageData.root + page, window.location.href);
    if (query.trim()) address.searchParams.set("q", query.trim());
    link.href = address;
  }
}

async function showMore(number) {
  const next = pending.splice(0, PAGE_SIZE);
  const entries = (await Promise.all(next.map((result) => result.data()))).map(entry);
  if (number !== searchNumber) return null;
  list.append(...entries);
  more.hidden = pending.length === 0;
  return entries[0];
}

function readAddress() {
  const address = new URLSearchParams(window.location.search);
  field.value = address.get("q") ?? "";
  const query = field.value.replace(INVISIBLE, "");
  const filters = {};
  for (const [name, select] of Object.entries(selects)) {
    if (select === null) continue;
    const value = address.get(name) ?? "";
    select.value = [...select.options].some((option) => option.value === value) ? value : "";
    if (select.value) filters[name] = select.value;
  }
  return { query, filters };
}

async function search() {
  const number = ++searchNumber;
  const { query, filters } = readAddress();
  list.replaceChildren();
  more.hidden = true;
  pending = [];
  keepQueryInSwitcher(query);
  browseInstead.hidden = false;
  if (!query.trim() && !Object.keys(filters).length) {
    status.textContent = "";
    return;
  }
  status.textContent = pageData.searching;
  list.setAttribute("aria-busy", "true");
  try {
    let pagefind;
    try {
      pagefind = await loadPagefind();
    } catch (error) {
      status.textContent = "";
      unavailable.hidden = false;
      throw error;
    }
    const results = await findPages(pagefind, query, filters);
    if (number !== searchNumber) return;
    pending = results;
    status.textContent = results.length ? countText(results.length) : pageData.no_results;
    // The other ways in are offered when the search found nothing.
    browseInstead.hidden = results.length > 0;
    await showMore(number);
  } finally {
    if (number === searchNumber) list.removeAttribute("aria-busy");
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const address = new URL(form.action);
  for (const [name, value] of new FormData(form)) {
    if (value) address.searchParams.set(name, value);
  }
  window.history.pushState(null, "", address);
  search();
});
more.addEventListener("click", async () => {
  const first = await showMore(searchNumber);
  first?.querySelector("a").focus();
});
window.addEventListener("popstate", search);
search();
