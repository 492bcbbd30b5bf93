"""Search in a real browser over the built site: each language finds its
own articles, Welsh across mutations, Arabic without hamza; the Arabic
results read right to left; the results pages pass axe (and are
photographed, in test_screenshots); without a script the form still leads somewhere useful;
the browser counts with the catalog's plural rules.

Queries and the articles they should find are read from the Markdown
sources (search_sources), with the preconditions that make each test
mean something (the word is there, and only there)."""

from urllib.parse import parse_qs, urlsplit

import pytest
from babel import Locale
from babel.numbers import format_decimal
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

from plugins.localisation.catalogs import load_catalogs
from plugins.localisation.languages import load_languages
from search_sources import article_sources, settings, words_of
from searching import pagefind_alone, search, search_from_header, search_path, wait_for_results
from sitebuild import ROOT
from test_accessibility import RUN_AXE, SERIOUS

LANGUAGES = ["cy", "it", "ar", "el"]
RESULT_COUNT = ("%(num)s result", "%(num)s results")


@pytest.fixture(scope="module")
def catalogs():
    return load_catalogs(ROOT / "translations", load_languages(settings()["LANGUAGES"]))


@pytest.fixture(scope="module")
def sources():
    return article_sources()


def only_in(sources, word):
    """The one article whose source has the word; fails unless exactly one has it."""
    having = [source for source in sources if word.casefold() in source.words]
    assert len(having) == 1, f"{word!r} is in {[source.url for source in having]}"
    return having[0]


def nowhere(sources, *words):
    for source in sources:
        assert not {word.casefold() for word in words} & source.words, source.url


def test_a_greek_word_finds_the_greek_article_and_nothing_on_the_welsh_site(
        browser, base_url, sources, catalogs):
    word = "μπιφτέκι"  # "burger", in the Greek article's summary
    article = only_in(sources, word)
    assert article.lang == "el"
    search_from_header(browser, base_url, "/el/", word)
    assert urlsplit(browser.current_url).path == search_path("el")
    assert wait_for_results(browser)[1] == [article.url]

    search_from_header(browser, base_url, "/cy/", word)
    assert wait_for_results(browser) == (catalogs["cy"].gettext("No article matches this search."), [])


@pytest.mark.parametrize("query, written, meaning", [
    ("cyfweld", "nghyfweld", "interview: the radical finds the nasal form"),
    ("profiad", "mhrofiad", "experience: the radical finds the nasal form"),
    ("gytundeb", "cytundeb", "agreement: a soft form finds the radical"),
    ("mhenodol", "penodol", "particular: a nasal form finds the radical"),
])
def test_a_welsh_query_finds_its_article_across_a_mutation(browser, base_url, sources, query, written, meaning):
    article = only_in(sources, written)
    assert article.lang == "cy"
    nowhere(sources, query)
    _, found = search(browser, base_url, "cy", q=query)
    assert found[:1] == [article.url], meaning
    # Pagefind by itself matches words as written: this is the page's doing.
    assert article.url not in pagefind_alone(browser, query)


def test_an_arabic_query_without_hamza_finds_its_article(browser, base_url, sources):
    written, typed = "الأولى", "الاولى"  # "the first"
    article = only_in(sources, written)
    assert article.lang == "ar"
    nowhere(sources, typed)
    assert search(browser, base_url, "ar", q=typed)[1] == [article.url]


@pytest.mark.parametrize("lang", ["cy", "ar"])
def test_the_results_page_reads_in_the_language_s_direction(browser, base_url, sources, lang):
    """Arabic: the field starts at the right, its button to its left, and
    each result and excerpt starts at the right edge; Welsh mirrors it."""
    assert search(browser, base_url, lang, q=a_query_with_results(sources, lang))[1]
    found = browser.execute_script("""
        const box = element => element.getBoundingClientRect();
        const direction = element => getComputedStyle(element).direction;
        const field = document.getElementById('search-query');
        const button = document.querySelector('#search-form button[type=submit]');
        const row = field.parentElement;
        const excerpt = document.querySelector('#search-results .search-excerpt');
        const walker = document.createTreeWalker(excerpt, NodeFilter.SHOW_TEXT,
            {acceptNode: n => n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP});
        const text = walker.nextNode();
        const start = text.textContent.search(/\\S/);
        const range = document.createRange();
        range.setStart(text, start);
        range.setEnd(text, start + 1);
        const title = document.querySelector('#search-results h2 a');
        return {
            directions: [document.documentElement, field, document.getElementById('search-results'),
                         excerpt, title].map(direction),
            field: box(field), button: box(button), row: box(row),
            glyph: range.getBoundingClientRect(), excerpt: box(excerpt), title: box(title),
        };
    """)
    expected = "rtl" if lang == "ar" else "ltr"
    assert found["directions"] == [expected] * 5, found
    field, button, row = found["field"], found["button"], found["row"]
    glyph, excerpt, title = found["glyph"], found["excerpt"], found["title"]
    if lang == "ar":
        assert abs(field["right"] - row["right"]) <= 1 and button["right"] <= field["left"], found
        assert abs(glyph["right"] - excerpt["right"]) <= 2 and abs(title["right"] - excerpt["right"]) <= 2, found
    else:
        assert abs(field["left"] - row["left"]) <= 1 and button["left"] >= field["right"], found
        assert abs(glyph["left"] - excerpt["left"]) <= 2 and abs(title["left"] - excerpt["left"]) <= 2, found


def a_query_with_results(sources, lang):
    """The longest word of the title of one of the language's articles."""
    article = next(source for source in sources if source.lang == lang)
    return max(words_of(article.title), key=len)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_results_page_passes_axe(browser, base_url, sources, axe_source, lang):
    assert search(browser, base_url, lang, q=a_query_with_results(sources, lang))[1]
    browser.execute_script(axe_source)
    found = [v for v in browser.execute_async_script(RUN_AXE) if v["impact"] in SERIOUS]
    assert not found, found


def test_without_javascript_the_form_leads_to_a_page_that_says_so(browser, base_url, catalogs):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        search_from_header(browser, base_url, "/cy/", "cath")
        address = urlsplit(browser.current_url)
        assert address.path == search_path("cy") and parse_qs(address.query) == {"q": ["cath"]}
        notice = browser.find_element(By.CSS_SELECTOR, "noscript .search-notice, p.search-notice:not([hidden])")
        assert notice.is_displayed()
        assert notice.text == catalogs["cy"].gettext(
            "Search needs JavaScript, which is not running in this browser. "
            "Every article is listed in the archive."
        )
        assert browser.find_element(By.ID, "search-status").text == ""
        archive = browser.find_element(By.CSS_SELECTOR, ".browse-instead a")
        archive.click()
        WebDriverWait(browser, 10).until(lambda driver: "/archives/" in driver.current_url)
        assert browser.find_element(By.TAG_NAME, "h1").text == catalogs["cy"].gettext("Archives")
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_the_browser_chooses_the_plural_category_babel_does(browser, base_url):
    """The script picks "N results" with Intl.PluralRules; Chromium's CLDR
    must agree with Babel's, whose categories the catalogs are written in."""
    counts = [*range(0, 1201), 1_000_000, 2_000_000, 3_000_001]
    browser.get(base_url + search_path("cy"))
    for lang in LANGUAGES:
        chosen = browser.execute_script(
            "const rules = new Intl.PluralRules(arguments[0]);"
            "return arguments[1].map(n => rules.select(n));", lang, counts)
        rule = Locale.parse(lang).plural_form
        assert chosen == [rule(n) for n in counts], lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_count_is_said_in_the_language_s_plural_form(browser, base_url, sources, catalogs, lang):
    category = next(source.category for source in sources if source.lang == lang)
    n = sum(1 for source in sources if source.lang == lang and source.category == category)
    said, found = search(browser, base_url, lang, category=category)
    assert len(found) == n
    number = format_decimal(n, locale=lang)
    assert said == catalogs[lang].ngettext(*RESULT_COUNT, n) % {"num": number}
