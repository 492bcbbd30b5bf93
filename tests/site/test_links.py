"""Every link inside the site leads somewhere (the checker is tests/linkcheck.py)."""

import pytest

from linkcheck import (
    broken_feed_and_sitemap_links,
    broken_hreflang_links,
    broken_links,
)
from sitebuild import read_html

SITEURL = "https://example.org"


@pytest.fixture(scope="module")
def published(published_site):
    """The site as `make publish SITEURL=https://example.org` builds it."""
    return published_site


@pytest.mark.parametrize("build", ["site", "published"])
def test_every_internal_link_resolves(build, request):
    output = request.getfixturevalue(build)
    siteurl = SITEURL if build == "published" else None
    problems, checked = broken_links(output, siteurl)
    assert checked > 0, "no link was checked"
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("build", ["site", "published"])
def test_every_hreflang_alternate_exists(build, request):
    output = request.getfixturevalue(build)
    siteurl = SITEURL if build == "published" else None
    problems, alternates = broken_hreflang_links(output, siteurl)
    assert alternates > 0, "no page names an hreflang alternate"
    assert not problems, "\n".join(problems)


def test_published_pages_link_absolutely(published):
    """In the published build, canonical and alternate addresses are full
    URLs of SITEURL, as search engines require."""
    problems = []
    for path in sorted(published.rglob("*.html")):
        soup = read_html(path)
        for link in soup.find_all("link", rel=["canonical", "alternate"]):
            if not link.get("href", "").startswith(SITEURL + "/"):
                problems.append(f"{path.relative_to(published)}: {link}")
    assert not problems, "\n".join(problems)


def test_feed_and_sitemap_links_resolve(published):
    problems, checked = broken_feed_and_sitemap_links(published, SITEURL)
    assert checked > 0, "the feeds and sitemap name no URL"
    assert not problems, "\n".join(problems)


def test_the_checker_catches_a_broken_link_and_a_missing_fragment(tmp_path):
    """The checker itself: a page with one good and two bad links."""
    (tmp_path / "ελ").mkdir()
    (tmp_path / "ελ" / "index.html").write_text(
        '<!doctype html><p id="c-1">x</p>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<!doctype html><a href="%CE%B5%CE%BB/#c-1">ok</a>'
        '<a href="ελ/#c-2">no id</a><a href="/missing/">gone</a>'
        '<a href="https://elsewhere.example/">out</a>', encoding="utf-8")
    problems, checked = broken_links(tmp_path, None)
    assert checked == 4
    assert len(problems) == 2, problems
    assert "no element with id 'c-2'" in problems[0]
    assert "missing/index.html does not exist" in problems[1]
