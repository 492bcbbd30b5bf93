"""Writing direction as the browser lays it out: an Arabic article reads
right to left, its text starting at the right edge; a Greek one reads left
to right, starting at the left edge."""

import pytest

from browser_pages import article_pages

# The first character of the article's first paragraph, where it sits in
# its paragraph's box, and the direction the browser computed.
MEASURE = """
const body = document.querySelector('article .post-body') || document.querySelector('article');
const paragraph = [...body.querySelectorAll('p')].find(p => p.textContent.trim().length > 20);
const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT,
    {acceptNode: n => n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP});
const text = walker.nextNode();
const start = text.textContent.search(/\\S/);
const range = document.createRange();
range.setStart(text, start);
range.setEnd(text, start + 1);
const glyph = range.getBoundingClientRect();
const box = paragraph.getBoundingClientRect();
const style = getComputedStyle(paragraph);
return {
  html: getComputedStyle(document.documentElement).direction,
  body: getComputedStyle(body).direction,
  paragraph: style.direction,
  char: text.textContent[start],
  glyphLeft: glyph.left, glyphRight: glyph.right,
  contentLeft: box.left + parseFloat(style.paddingLeft),
  contentRight: box.right - parseFloat(style.paddingRight),
};
"""


def measure(browser, base_url, url):
    browser.get(base_url + url)
    return browser.execute_script(MEASURE)


def one_article(site, lang):
    pages = [url for page_lang, url in article_pages(site) if page_lang == lang]
    assert pages, f"the build has no article in {lang}"
    return pages[0]


def test_an_arabic_article_reads_right_to_left(browser, base_url, site):
    url = one_article(site, "ar")
    found = measure(browser, base_url, url)
    assert found["html"] == "rtl", found
    assert found["body"] == "rtl", found
    # The first letter sits at the right edge of its paragraph.
    assert abs(found["glyphRight"] - found["contentRight"]) <= 2, found
    assert found["glyphLeft"] > (found["contentLeft"] + found["contentRight"]) / 2, found


@pytest.mark.parametrize("lang", ["el", "cy", "it"])
def test_a_left_to_right_article_starts_at_the_left_edge(browser, base_url, site, lang):
    url = one_article(site, lang)
    found = measure(browser, base_url, url)
    assert found["html"] == "ltr", found
    assert found["body"] == "ltr", found
    assert abs(found["glyphLeft"] - found["contentLeft"]) <= 2, found
    assert found["glyphRight"] < (found["contentLeft"] + found["contentRight"]) / 2, found
