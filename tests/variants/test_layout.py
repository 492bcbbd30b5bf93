"""The URL layout is set once, in pelicanconf.py: change it and every link,
hreflang alternate, sitemap entry and feed entry follows, and nothing is
written where the default layout would have put it."""

from xml.etree import ElementTree

import pytest

from linkcheck import broken_feed_and_sitemap_links, broken_hreflang_links, broken_links
from sitebuild import CONTENT, LANGUAGES, build_site, index_site, read_html, run_pelican

SITEURL = "https://example.org"
# Every kind of page moved somewhere the default layout never writes.
MOVED = {
    "ARTICLE_URL": "{lang}/posts/{slug}.html",
    "ARTICLE_SAVE_AS": "{lang}/posts/{slug}.html",
    "ARTICLE_LANG_URL": "{lang}/posts/{slug}.html",
    "ARTICLE_LANG_SAVE_AS": "{lang}/posts/{slug}.html",
    "LANGUAGE_HOME_URL": "{lang}/start/",
    "LANGUAGE_HOME_SAVE_AS": "{lang}/start/index.html",
    "LANGUAGE_ARCHIVES_URL": "archive-{lang}.html",
    "LANGUAGE_ARCHIVES_SAVE_AS": "archive-{lang}.html",
    "LANGUAGE_CATEGORY_URL": "{lang}/topics/{slug}/",
    "LANGUAGE_CATEGORY_SAVE_AS": "{lang}/topics/{slug}/index.html",
    "LANGUAGE_TAG_URL": "{lang}/labels/{slug}.html",
    "LANGUAGE_TAG_SAVE_AS": "{lang}/labels/{slug}.html",
    "LANGUAGE_SEARCH_URL": "{lang}/find/",
    "LANGUAGE_SEARCH_SAVE_AS": "{lang}/find/index.html",
    "LANGUAGE_SERIES_URL": "{lang}/parts/{slug}/",
    "LANGUAGE_SERIES_SAVE_AS": "{lang}/parts/{slug}/index.html",
    "LANGUAGE_404_URL": "{lang}/missing.html",
    "LANGUAGE_404_SAVE_AS": "{lang}/missing.html",
    "LANGUAGE_FEED_ATOM": "feeds/{lang}.atom",
}


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("layout") / "output"
    # As make publish builds it: the search index too, which the search pages load.
    return index_site(build_site(CONTENT, output, "publishconf.py", SITEURL=SITEURL, **MOVED))


def articles_of(lang):
    return sorted(CONTENT.glob(f"articles/*/*.{lang}.md"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_kind_of_page_is_where_the_layout_says(moved_site, lang):
    assert (moved_site / lang / "start" / "index.html").is_file()
    assert (moved_site / f"archive-{lang}.html").is_file()
    assert (moved_site / lang / "missing.html").is_file()
    assert (moved_site / "feeds" / f"{lang}.atom").is_file()
    posts = sorted((moved_site / lang / "posts").glob("*.html"))
    assert len(posts) == len(articles_of(lang))
    assert list((moved_site / lang / "topics").glob("*/index.html"))
    assert (moved_site / lang / "find" / "index.html").is_file()
    assert list((moved_site / lang / "parts").glob("*/index.html"))
    # Nothing at the default layout's places.
    for default in ("index.html", "archives", "category", "tag", "404.html", "feeds", "search", "series"):
        assert not (moved_site / lang / default).exists(), f"{lang}/{default} written"


def test_every_link_follows_the_layout(moved_site):
    problems, checked = broken_links(moved_site, SITEURL)
    assert checked > 0
    assert not problems, "\n".join(problems)


def test_every_hreflang_alternate_follows_the_layout(moved_site):
    problems, checked = broken_hreflang_links(moved_site, SITEURL)
    assert checked > 0
    assert not problems, "\n".join(problems)


def test_sitemap_and_feeds_follow_the_layout(moved_site):
    problems, checked = broken_feed_and_sitemap_links(moved_site, SITEURL)
    assert checked > 0
    assert not problems, "\n".join(problems)
    sitemap = ElementTree.parse(moved_site / "sitemap.xml").getroot()
    locs = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert {f"{SITEURL}/{lang}/start/" for lang in LANGUAGES} <= locs


def test_menus_link_the_moved_home_and_archive(moved_site):
    page = read_html(next((moved_site / "el" / "posts").glob("*.html")))
    links = {a["href"] for a in page.select("nav.site-nav a")}
    assert f"{SITEURL}/el/start/" in links and f"{SITEURL}/archive-el.html" in links


@pytest.mark.parametrize(
    "setting, value, expected",
    [
        ("LANGUAGE_TAG_URL", "tags/{slug}/", "has no {lang}"),
        ("LANGUAGE_HOME_URL", "{lang}/{page}/", "cannot be filled in"),
    ],
)
def test_a_wrong_layout_setting_stops_the_build_naming_it(tmp_path, setting, value, expected):
    result = run_pelican(CONTENT, tmp_path / "output", **{setting: value})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"pelicanconf.py: {setting}" in output and expected in output, output
    assert "Traceback" not in output
