"""What a results page shows, in a real browser over the built site: a
query pasted with a direction mark or a soft hyphen finds what the bare
word finds; each result gives its date and its part of a series as the
article says them, and an excerpt of the text (not the title or lead) that
starts at a word, with an ellipsis where the text goes on; "Browse
instead" only when nothing is found; the switcher keeps the query."""

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

from search_sources import words_of
from searching import listed, pagefind_alone, search, search_path, wait_for_results
from sitebuild import read_html
from test_search import only_in, sources  # noqa: F401 (sources: a fixture)


@pytest.mark.parametrize("lang, word, typed", [
    ("ar", "الأولى", "\u200fالأولى"),            # right-to-left mark, as pasted Arabic starts
    ("ar", "الأولى", "\u202bالأولى\u202c"),      # right-to-left embedding, closed
    ("ar", "الأولى", "\u2067الأولى\u2069"),      # right-to-left isolate
    ("ar", "الأولى", "\u202eالأولى"),            # right-to-left override
    ("el", "μπιφτέκι", "\u200eμπιφ\u00adτέκι"),  # left-to-right mark; a soft hyphen inside
    ("cy", "nghyfweld", "nghyf\u00adweld"),
])
def test_invisible_marks_in_a_query_change_nothing(browser, base_url, sources, lang, word, typed):
    article = only_in(sources, word)
    assert article.lang == lang
    _, found = search(browser, base_url, lang, q=typed)
    assert found[:1] == [article.url]
    # Pagefind by itself finds nothing for the marked word: this is the page's doing.
    assert article.url not in pagefind_alone(browser, typed)


def article_page(site, url):
    return read_html(site / unquote(url).strip("/") / "index.html")


def said(element):
    return " ".join(element.get_text(" ").split()) if element else ""


RESULTS = """
return [...document.querySelectorAll('#search-results > li')].map(item => ({
  path: new URL(item.querySelector('a').href).pathname,
  details: item.querySelector('.search-details').textContent,
  excerpt: item.querySelector('.search-excerpt').textContent,
  marked: [...item.querySelectorAll('.search-excerpt mark')].map(mark => mark.textContent),
}));
"""


@pytest.mark.parametrize("lang, query", [
    ("cy", "cymdeithasol"), ("it", "marketing"), ("el", "μάρκετινγκ"), ("ar", "الاجتماعي"),
])
def test_each_result_gives_its_date_and_part_and_an_excerpt_of_its_text(
        browser, base_url, site, sources, lang, query):
    by_url = {source.url: source for source in sources}
    _, found = search(browser, base_url, lang, q=query)
    assert found
    for result in browser.execute_script(RESULTS):
        source = by_url[unquote(result["path"])]
        page = article_page(site, source.url)
        # The date and the part as the article's own page says them.
        expected = [said(page.select_one("article .post-meta time")), said(page.select_one(".series-position"))]
        assert result["details"] == " · ".join(part for part in expected if part), source.url
        excerpt = result["excerpt"]
        # Not the title, nor the lead, which the result shows already.
        assert source.title not in excerpt, excerpt
        assert not source.summary.strip() or " ".join(source.summary.split()) not in excerpt, excerpt
        # Whole words of the article's text, an ellipsis where it goes on.
        # (Words as words_of reads them: Pagefind and Beautiful Soup space
        # the punctuation after a link differently.)
        text = excerpt.removeprefix("… ").removesuffix(" …").split()
        body = said(page.select_one(".post-body"))
        assert words_of(text[0]) and words_of(text[0]) <= words_of(body), excerpt
        assert excerpt.endswith(" …") or words_of(text[-1]) == words_of(body.split()[-1]), excerpt
        if result["marked"]:
            assert all(query.casefold() in word.casefold() for word in result["marked"]), result["marked"]


def a_word_deep_in_the_text(sources, lang, depth=60):
    """A word only one article has, first found past `depth` words into its
    text, and not in its title or lead."""
    for source in sources:
        if source.lang != lang:
            continue
        body = source.text.split("\n\n", 1)[1].split()
        early = words_of(" ".join(body[:depth]) + " " + source.title + " " + source.summary)
        for word in body[depth:]:
            if word.isalpha() and len(word) > 6 and word.casefold() not in early:
                if sum(word.casefold() in other.words for other in sources) == 1:
                    return source, word
    raise AssertionError(f"no {lang} word deep in a text")


def test_an_excerpt_starts_a_little_before_its_match(browser, base_url, site, sources):
    """A word deep in the text: the excerpt starts at a whole word after the
    text's start, so with an ellipsis, and shows the match."""
    article, word = a_word_deep_in_the_text(sources, "it")
    search(browser, base_url, "it", q=word)
    (result,) = browser.execute_script(RESULTS)
    assert result["marked"] == [word], result
    assert result["excerpt"].startswith("… "), result
    first = result["excerpt"].removeprefix("… ").split()[0]
    assert words_of(first) <= words_of(said(article_page(site, article.url).select_one(".post-body"))), result


def browse_instead_shown(browser):
    return browser.find_element(By.CSS_SELECTOR, ".browse-instead").is_displayed()


def test_browse_instead_only_when_nothing_is_found(browser, base_url, sources):
    browser.get(base_url + search_path("cy"))
    assert browse_instead_shown(browser)  # no query yet: the other ways in
    assert search(browser, base_url, "cy", q="cymdeithasol")[1]
    assert not browse_instead_shown(browser)
    assert search(browser, base_url, "cy", q="zzqxjw")[1] == []
    assert browse_instead_shown(browser)


def test_the_switcher_on_a_results_page_keeps_the_query(browser, base_url):
    query = "marketing"
    search(browser, base_url, "cy", q=query)
    links = {
        link.get_attribute("hreflang"): link.get_attribute("href")
        for link in browser.find_elements(By.CSS_SELECTOR, ".language-switcher a[hreflang]")
    }
    assert set(links) == {"cy", "it", "ar", "el"}
    for lang, href in links.items():
        address = urlsplit(href)
        assert address.path == search_path(lang) and parse_qs(address.query) == {"q": [query]}, href
    browser.find_element(By.CSS_SELECTOR, ".language-switcher a[hreflang=it]").click()
    WebDriverWait(browser, 10).until(lambda driver: urlsplit(driver.current_url).path == search_path("it"))
    _, found = wait_for_results(browser)
    assert browser.find_element(By.ID, "search-query").get_attribute("value") == query
    assert found and all(path.startswith("/it/") for path in found)
    assert [entry["path"] for entry in listed(browser)]
