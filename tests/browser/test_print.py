"""Printing a page: the article and its comments, black on white, without
the header, search or switcher; each link's address printed after it
(not an in-page anchor's); right to left where the page is."""

import pytest

from browser_pages import article_pages
from emulation import emulated

SCREEN_ONLY = (".site-header", ".site-search", ".language-switcher")
RENDERED = "return [...document.querySelectorAll(arguments[0])].some(element => element.getClientRects().length > 0)"
LINKS = """
return [...document.querySelectorAll('main a[href]')].map(link => [
  link.getAttribute('href'), getComputedStyle(link, '::after').content]);
"""


def first_article(site, lang):
    return next(url for page_lang, url in article_pages(site) if page_lang == lang)


@pytest.mark.parametrize("media", ["screen", "print"])
def test_header_search_and_switcher_are_not_printed(browser, base_url, site, media):
    with emulated(browser, media=media):
        browser.get(base_url + first_article(site, "cy"))
        shown = {selector: browser.execute_script(RENDERED, selector) for selector in SCREEN_ONLY}
        article_shown = browser.execute_script(RENDERED, "article .post-body")
    assert article_shown
    assert shown == {selector: media == "screen" for selector in SCREEN_ONLY}


def test_each_link_is_printed_with_its_address(browser, base_url, site):
    links = []
    with emulated(browser, media="print"):
        for _, url in article_pages(site):
            browser.get(base_url + url)
            links.extend(browser.execute_script(LINKS))
    assert any(href.startswith("#") for href, _ in links), "no in-page anchor to check"
    for href, after in links:
        assert after == ("none" if href.startswith("#") else f'"({href})"'), (href, after)


def test_printed_pages_are_black_on_white_whatever_the_scheme(browser, base_url, site):
    with emulated(browser, media="print", colour_scheme="dark"):
        browser.get(base_url + first_article(site, "cy"))
        colours = browser.execute_script(
            "const style = getComputedStyle(document.documentElement); return [style.color, style.backgroundColor]")
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]


# Where a short line of the article's header starts and ends, against the
# article's own edges, in CSS pixels from the left.
EDGES = """
const line = document.createRange();
line.selectNodeContents(document.querySelector('article .post-meta'));
const text = line.getBoundingClientRect(), box = document.querySelector('article').getBoundingClientRect();
return {text_left: text.left - box.left, text_right: box.right - text.right};
"""


@pytest.mark.parametrize("lang", ["cy", "ar"])
def test_a_printed_page_reads_in_its_direction(browser, base_url, site, lang):
    with emulated(browser, media="print"):
        browser.get(base_url + first_article(site, lang))
        edges = browser.execute_script(EDGES)
    start, end = ("text_right", "text_left") if lang == "ar" else ("text_left", "text_right")
    assert edges[start] < 2 and edges[end] > 50, edges
