"""A part shows the whole series, on a wide screen and on a phone: every
part listed and visible, the reader's own part marked (aria-current) and
set apart, nothing running off the side of the page."""

import pytest

from browser_pages import article_pages
from sitebuild import read_html
from viewport import PHONE_WIDTH, phone

LISTED = """
const items = [...document.querySelectorAll('nav.series-nav ol.series-parts > li')];
const html = document.documentElement;
return {
  width: html.clientWidth,
  overflow: html.scrollWidth - html.clientWidth,
  items: items.map(item => {
    const box = item.getBoundingClientRect();
    return {
      current: item.getAttribute('aria-current'),
      weight: Number(getComputedStyle(item).fontWeight),
      visible: box.width > 0 && box.height > 0 && getComputedStyle(item).visibility === 'visible',
      left: box.left, right: box.right,
    };
  }),
};
"""


def part_pages(site):
    return [url for _, url in article_pages(site)
            if read_html(site / url.strip("/") / "index.html").select_one("nav.series-nav")]


def check_the_list(found, parts, width):
    assert found["width"] == width, found
    assert found["overflow"] <= 0, found
    items = found["items"]
    assert len(items) == parts
    assert all(item["visible"] and item["left"] >= 0 and item["right"] <= width for item in items), items
    (current,) = [item for item in items if item["current"] == "page"]
    assert current["weight"] >= 600
    assert all(item["weight"] < 600 for item in items if item is not current)


@pytest.mark.parametrize("on_phone", [False, True], ids=["1280px", "390px"])
def test_every_part_lists_the_series_and_marks_itself(browser, base_url, site, on_phone):
    pages = part_pages(site)
    assert len(pages) >= 4
    for url in pages:
        parts = len(read_html(site / url.strip("/") / "index.html").select("ol.series-parts > li"))
        if on_phone:
            with phone(browser):
                browser.get(base_url + url)
                check_the_list(browser.execute_script(LISTED), parts, PHONE_WIDTH)
        else:
            browser.get(base_url + url)
            found = browser.execute_script(LISTED)
            check_the_list(found, parts, found["width"])
