"""Previous and next point the way the page reads: in Arabic "previous"
sits at the right (where reading starts) with its arrow on its outer, right
side; in Welsh at the left."""

import pytest

from browser.local_server import serve
from sitebuild import build_site, copy_content

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
def two_articles_a_language(tmp_path_factory):
    """The real content plus an older Arabic article, so the Arabic one has
    a previous article."""
    base = tmp_path_factory.mktemp("post-nav")
    content = copy_content(base / "content")
    source = content / "articles" / "lost-its-way" / "lost-its-way.ar.md"
    folder = content / "articles" / "older"
    folder.mkdir()
    # Not a part of the series: an older article of its own.
    text = "\n".join(
        line for line in source.read_text("utf-8").splitlines() if not line.startswith("Series")
    )
    (folder / "older.ar.md").write_text(text.replace("Date: 2024-02-06", "Date: 2023-01-01") + "\n", "utf-8")
    with serve(build_site(content, base / "output")) as url:
        yield url


@pytest.mark.parametrize("page, reads", [
    ("/ar/lost-its-way/", "rtl"),
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
