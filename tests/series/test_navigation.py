"""The series as every language's reader gets it, from the built pages:
each part's position and neighbours, the series pages, the homes' "not yet
in this language", the fallbacks and how they are marked."""

import json
import posixpath

import pytest

from series_support import SERIES, catalog, comment_count, fallbacks, label, offered, parts
from sitebuild import LANGUAGES, read_html

PARTS = parts()


def resolve(page_path, href):
    """A relative link as the site-relative path it names."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_path), href)) + "/"


def part_pages():
    return [(lang, number, part) for number, part in enumerate(PARTS, 1) for lang in part]


def test_the_series_has_parts_in_several_languages():
    assert len(PARTS) >= 3
    assert len({lang for part in PARTS for lang in part}) == len(LANGUAGES)


def check_fallback_link(link, page_path, page_lang, expected, exact=True):
    """`exact`: the link's text is the title alone (else it holds it, as
    "Next part: <title>" does)."""
    code, title, url = expected
    assert resolve(page_path, link["href"]) == url
    if code == page_lang:
        text = link.get_text(strip=True)
        assert (text == title if exact else title in text) and not link.has_attr("hreflang")
        return
    assert link["hreflang"] == code
    titled = link.find("span", lang=code)
    assert titled.get_text() == title
    assert titled["dir"] == ("rtl" if code == "ar" else "ltr")
    assert link.select_one(".part-language").get_text() == f"({label(code, page_lang)})"


@pytest.mark.parametrize("lang, number, part", part_pages())
def test_each_part_says_its_place_and_links_its_neighbours(site, lang, number, part):
    page_path = part[lang][1] + "index.html"
    page = read_html(site / page_path)
    navigation = page.select_one("nav.series-nav")
    words = catalog(lang)
    position = words.gettext("Part %(number)s of %(total)s") % {"number": number, "total": len(PARTS)}
    assert position in navigation.select_one(".series-position").get_text()
    series_link = navigation.select_one(".series-position a")
    assert resolve(page_path, series_link["href"]) == f"{lang}/series/{SERIES}/"
    assert series_link.get_text() == words.gettext("Myths, Misconceptions and Rants")
    # One way on, under the text: the previous and next parts, not the
    # previous and next article by date.
    (way_on,) = page.select("nav.post-nav")
    assert all("series-previous" in a["class"] or "series-next" in a["class"] for a in way_on.find_all("a"))
    previous = way_on.select_one("a[rel=prev]")
    following = way_on.select_one("a[rel=next]")
    if number == 1:
        assert previous is None
    else:
        check_fallback_link(previous, page_path, lang, offered(PARTS[number - 2], lang), exact=False)
    if number == len(PARTS):
        assert following is None
    else:
        check_fallback_link(following, page_path, lang, offered(PARTS[number], lang), exact=False)


@pytest.mark.parametrize("lang, number, part", part_pages())
def test_each_part_lists_every_part_and_marks_itself(site, lang, number, part):
    page_path = part[lang][1] + "index.html"
    items = read_html(site / page_path).select("nav.series-nav ol.series-parts > li")
    assert len(items) == len(PARTS)
    for index, (item, other) in enumerate(zip(items, PARTS), 1):
        if index == number:
            assert item["aria-current"] == "page" and item.a is None
            assert part[lang][0] in item.get_text()
        else:
            assert not item.has_attr("aria-current")
            check_fallback_link(item.a, page_path, lang, offered(other, lang))


def test_greek_falls_back_in_its_own_order(site):
    """el's chain (it, cy, ar) is not the site's order (cy first): the
    engagement article, in Welsh and Italian, is offered in Italian."""
    assert fallbacks("el")[0] == "it"
    engagement = next(n for n, part in enumerate(PARTS, 1) if {"cy", "it"} <= set(part) and "el" not in part)
    page = read_html(site / "el" / "series" / SERIES / "index.html")
    entry = page.select("ol.parts > li")[engagement - 1]
    assert entry.select_one("a[hreflang]")["hreflang"] == "it"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_a_series_page_listing_every_part_in_order(site, lang):
    page_path = f"{lang}/series/{SERIES}/index.html"
    page = read_html(site / page_path)
    assert page.html["lang"] == lang
    assert page.h1.get_text() == catalog(lang).gettext("Myths, Misconceptions and Rants")
    entries = page.select("ol.parts > li")
    assert len(entries) == len(PARTS)
    for entry, part in zip(entries, PARTS):
        expected = offered(part, lang)
        check_fallback_link(entry.select_one("a"), page_path, lang, expected)
        others = {a["hreflang"] for a in entry.select(".other-variants a")}
        if expected[0] != lang:
            assert others == set(part) - {expected[0]}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_series_pages_name_each_other_for_crawlers(site, lang):
    page = read_html(site / lang / "series" / SERIES / "index.html")
    alternates = {link["hreflang"] for link in page.select('link[rel=alternate][hreflang]')}
    assert alternates == set(LANGUAGES) | {"x-default"}


def test_series_pages_are_in_the_sitemap(published_site):
    sitemap = (published_site / "sitemap.xml").read_text("utf-8")
    for lang in LANGUAGES:
        assert f"<loc>https://example.org/{lang}/series/{SERIES}/</loc>" in sitemap


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_home_links_its_series_page_and_lists_what_is_not_yet_in_it(site, lang):
    page_path = f"{lang}/index.html"
    home = read_html(site / page_path)
    link = home.select_one(".series-link a")
    assert resolve(page_path, link["href"]) == f"{lang}/series/{SERIES}/"
    missing = [part for part in PARTS if lang not in part]
    section = home.select_one("section.not-yet")
    # The language's own list holds only its own articles.
    own = {resolve(page_path, a["href"]) for a in home.select(".entry-title a")}
    assert all(url.startswith(f"{lang}/") for url in own)
    if not missing:
        assert section is None
        return
    assert section.h2.get_text() == catalog(lang).gettext("Not yet in this language")
    entries = section.select("li.part")
    assert len(entries) == len(missing)
    for entry, part in zip(entries, missing):
        check_fallback_link(entry.select_one("a"), page_path, lang, offered(part, lang))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feeds_stay_in_their_language(published_site, lang):
    feed = (published_site / lang / "feeds" / "atom.xml").read_text("utf-8")
    links = [line for line in feed.split('href="')[1:]]
    entry_links = [link.split('"')[0] for link in links if "/feeds/" not in link.split('"')[0]]
    assert entry_links
    assert all(link.startswith(f"https://example.org/{lang}/") for link in entry_links), entry_links


@pytest.mark.parametrize("lang, number, part", part_pages())
def test_json_ld_names_the_series_and_the_position(published_site, lang, number, part):
    page = read_html(published_site / part[lang][1] / "index.html")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["isPartOf"]["@type"] == "CreativeWorkSeries"
    assert data["isPartOf"]["url"] == f"https://example.org/{lang}/series/{SERIES}/"
    assert data["position"] == number


def test_other_languages_threads_are_readable_collapsed(site):
    """is-it-engagement has threads in Welsh and Italian: each page shows
    the other's, collapsed under its language and count (in the page's
    language and plural form), each comment's text in the thread's own
    language."""
    for lang, other in (("cy", "it"), ("it", "cy")):
        count = comment_count("is-it-engagement", other)
        assert count > 0
        page_path = f"{lang}/is-it-engagement/index.html"
        aside = read_html(site / page_path).select_one("aside.other-threads")
        (thread,) = aside.select("details.other-thread")
        assert not thread.has_attr("open")
        phrase = catalog(lang).ngettext("%(num)s comment", "%(num)s comments", count) % {"num": count}
        assert thread.summary.get_text(" ", strip=True) == f"{label(other, lang, alone=True)}: {phrase}"
        assert thread.a["href"].endswith(f"{other}/is-it-engagement/#comments")
        bodies = thread.select(".comment-body")
        assert len(bodies) == count
        assert all(body["lang"] == other and body["dir"] == "ltr" for body in bodies)
        # Its comments' anchors are its own: the page's thread has the same ids.
        ids = [item["id"] for item in thread.select("li.comment")]
        assert all(id_.startswith(f"comment-{other}-") for id_ in ids)


def test_no_other_threads_where_no_other_variant_has_comments(site):
    page = read_html(site / "el" / "marketing-failing" / "index.html")
    assert page.select_one("aside.other-threads") is None
