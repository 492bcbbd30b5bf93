"""On an Arabic part, the link to a Welsh part (its fallback) lays out as
Welsh: left to right inside the right-to-left page, its title's first
letter left of its last."""

from sitebuild import read_html

MEASURE = """
const link = document.querySelector('nav.series-nav a[hreflang=cy]');
const title = link.querySelector('span[lang=cy]');
const text = title.firstChild;
const glyph = i => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return r.getBoundingClientRect(); };
const last = text.textContent.length - 1;
return {
  page: getComputedStyle(document.documentElement).direction,
  nav: getComputedStyle(link.closest('nav')).direction,
  title: getComputedStyle(title).direction,
  first: glyph(0).left, last: glyph(last).left,
  language: link.querySelector('.part-language').getBoundingClientRect().left,
  titleLeft: title.getBoundingClientRect().left,
};
"""


def test_a_welsh_part_reads_left_to_right_inside_an_arabic_page(browser, base_url, site):
    page = read_html(site / "ar" / "lost-its-way" / "index.html")
    assert page.select_one("nav.series-nav a[hreflang=cy] span[lang=cy]") is not None
    browser.get(base_url + "/ar/lost-its-way/")
    found = browser.execute_script(MEASURE)
    assert found["page"] == "rtl" and found["nav"] == "rtl", found
    assert found["title"] == "ltr", found
    assert found["first"] < found["last"], found
    # In the right-to-left line the Arabic label "(الويلزية)" follows the
    # title, so it sits to the title's left.
    assert found["language"] < found["titleLeft"], found
