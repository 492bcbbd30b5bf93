// The search page (loaded by it alone): reads ?q=, &category= and &tag=,
// asks Pagefind's index of the page's language (Pagefind picks it from
// <html lang>) and lists what it finds. Every word shown comes from the
// page: the form, its hidden notices and the #search-interface data.
import { queryForms } from "./query_variants.js";

const PAGE_SIZE = 10;
// A page that has a query word only in another form than the one typed
// ranks after one that has it as typed.
const OTHER_FORM_WEIGHT = 0.5;

const lang = document.documentElement.lang;
const words = JSON.parse(document.getElementById("search-interface").textContent);
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

let pagefindLoading = null;
let searchNumber = 0;
let pending = [];

function loadPagefind() {
  if (pagefindLoading === null) {
    const bundle = document.getElementById("search-bundle").href;
    pagefindLoading = import(bundle).then(async (pagefind) => {
      // Result URLs are relative to the site's root, which holds
      // pagefind/<lang>/pagefind.js.
      await pagefind.options({ baseUrl: new URL("../../", bundle).pathname });
      await pagefind.init();
      return pagefind;
    });
  }
  return pagefindLoading;
}

function countText(count) {
  const forms = words.results;
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

// Pagefind's excerpt is text with <mark> around the matched words, not
// escaped HTML: build it as text and marks, never as markup.
function excerpt(data) {
  const paragraph = document.createElement("p");
  paragraph.className = "search-excerpt";
  const plain = data.plain_excerpt.split(" ");
  const marked = data.excerpt.split(" ");
  if (plain.length !== marked.length) {
    paragraph.textContent = data.plain_excerpt;
    return paragraph;
  }
  plain.forEach((word, index) => {
    if (index) paragraph.append(" ");
    if (marked[index] === `<mark>${word}</mark>`) {
      const mark = document.createElement("mark");
      mark.textContent = word;
      paragraph.append(mark);
    } else {
      paragraph.append(word);
    }
  });
  return paragraph;
}

function entry(data) {
  const item = document.createElement("li");
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title;
  heading.append(link);
  item.append(heading, excerpt(data));
  return item;
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
  const filters = {};
  for (const [name, select] of Object.entries(selects)) {
    if (select === null) continue;
    const value = address.get(name) ?? "";
    select.value = [...select.options].some((option) => option.value === value) ? value : "";
    if (select.value) filters[name] = select.value;
  }
  return { query: field.value, filters };
}

async function search() {
  const number = ++searchNumber;
  const { query, filters } = readAddress();
  list.replaceChildren();
  more.hidden = true;
  pending = [];
  if (!query.trim() && !Object.keys(filters).length) {
    status.textContent = "";
    return;
  }
  status.textContent = words.searching;
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
    status.textContent = results.length ? countText(results.length) : words.no_results;
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
