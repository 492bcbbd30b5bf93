"""Previous and next point the way the page reads: in Arabic "previous"
sits at the right (where reading starts) with its arrow on its outer, right
side; in Welsh at the left. A part goes on along its series; an article
in no series by date."""

import pytest

from browser.local_server import serve
from sitebuild import build_site, copy_content, read_html

POSITIONS = """
const nav = document.querySelector('nav.post-nav');
const box = element => element.getBoundingClientRect();
const link = document.querySelector('nav.post-nav a[rel=prev]');
const arrow = link.querySelector('[aria-hidden=true]');
const words = document.createRange();
words.selectNodeContents(link);
words.setStartAfter(arrow);
return {
  nav: [box(nav).left, box(nav).right],
  link: [box(link).left, box(link).right],
  arrow: [box(arrow).left, box(arrow).right],
  words: [words.getBoundingClientRect().left, words.getBoundingClientRect().right],
};
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The real content plus two older Arabic articles in no series, so the
    newer of them has a previous article by date."""
    base = tmp_path_factory.mktemp("post-nav")
    content = copy_content(base / "content")
    source = content / "articles" / "lost-its-way" / "lost-its-way.ar.md"
    text = "\n".join(
        line for line in source.read_text("utf-8").splitlines() if not line.startswith("Series")
    )
    for key, day in (("older", "2023-01-01"), ("newer", "2023-06-01")):
        (content / "articles" / key).mkdir()
        (content / "articles" / key / f"{key}.ar.md").write_text(
            text.replace("Date: 2024-02-06", f"Date: {day}") + "\n", "utf-8")
    return build_site(content, base / "output")


@pytest.fixture(scope="module")
def two_articles_a_language(built):
    with serve(built) as url:
        yield url


def test_a_part_goes_on_along_its_series_and_an_article_in_none_by_date(built):
    part = read_html(built / "ar" / "lost-its-way" / "index.html").select_one("nav.post-nav")
    assert part.select_one("a[rel=prev]")["class"] == ["series-previous"]
    assert "older" not in str(part) and "newer" not in str(part)
    alone = read_html(built / "ar" / "newer" / "index.html").select_one("nav.post-nav")
    assert alone.select_one("a[rel=prev]")["href"] == "../../ar/older/"
    assert alone.select_one(".series-previous, .series-next") is None


@pytest.mark.parametrize("page, reads", [
    ("/ar/lost-its-way/", "rtl"),
    ("/ar/newer/", "rtl"),
    ("/cy/five-misconceptions/", "ltr"),
])
def test_previous_points_back_the_way_the_page_reads(browser, two_articles_a_language, page, reads):
    browser.get(two_articles_a_language + page)
    found = browser.execute_script(POSITIONS)
    if reads == "rtl":
        assert abs(found["link"][1] - found["nav"][1]) <= 1, found  # previous at the right
        assert found["arrow"][0] >= found["words"][1] - 1, found  # arrow outside, at the right
    else:
        assert abs(found["link"][0] - found["nav"][0]) <= 1, found
        assert found["arrow"][1] <= found["words"][0] + 1, found
