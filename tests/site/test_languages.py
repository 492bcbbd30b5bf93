"""Every language is equal: its own home, listings and pages under /<lang>/,
each page in its language and direction; the root chooses a language."""

import posixpath
import re

from babel import Locale

from sitebuild import CONTENT, LANGUAGES, read_html



def expected_articles(lang):
    """/<lang>/<slug>/ of every published article file written in lang."""
    urls = set()
    for path in CONTENT.glob(f"articles/*/*.{lang}.md"):
        header = path.read_text("utf-8").split("\n\n", 1)[0]
        if re.search(r"^Status:\s*(draft|hidden)", header, re.M | re.I):
            continue
        slug = re.search(r"^Slug:\s*(.+)$", header, re.M)
        urls.add(f"{lang}/{slug.group(1).strip() if slug else path.parent.name}/")
    return urls


def listed_articles(path, site):
    """The site paths (lang/slug/) a listing page links its entries to."""
    page = read_html(path)
    return {
        posixpath.normpath(posixpath.join(path.parent.relative_to(site).as_posix(), link["href"])) + "/"
        for link in page.select("article.entry h2 a")
    }


def test_each_home_lists_exactly_its_own_articles(site):
    for lang in LANGUAGES:
        assert listed_articles(site / lang / "index.html", site) == expected_articles(lang), lang
        assert expected_articles(lang), f"no {lang} article in content/"


def test_homes_list_newest_first_with_date_and_summary(site):
    page = read_html(site / "cy" / "index.html")
    dates = [time["datetime"] for time in page.select("article.entry time")]
    assert dates == sorted(dates, reverse=True)
    for entry in page.select("article.entry"):
        assert entry.select_one(".entry-summary").get_text(strip=True)


def test_every_page_has_its_language_and_direction(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        relative = path.relative_to(site)
        html = read_html(path).html
        if relative.parts[0] in LANGUAGES:
            lang = relative.parts[0]
            assert html["lang"] == lang, relative
            assert html["dir"] == ("rtl" if lang == "ar" else "ltr"), relative
        else:
            assert relative.parts[0] in ("index.html", "404.html", "drafts"), relative


def test_listing_pages_exist_per_language(site):
    for lang in LANGUAGES:
        assert (site / lang / "archives" / "index.html").is_file()
        assert list((site / lang / "category").glob("*/index.html")), lang
        assert list((site / lang / "tag").glob("*/index.html")), lang
        for listing in (site / lang).glob("*/*/index.html"):
            if listing.parent.parent.name in ("category", "tag"):
                entries = listed_articles(listing, site)
                assert entries and entries <= expected_articles(lang), listing


def test_no_pelican_default_pages_outside_the_languages(site):
    top = {path.name for path in site.iterdir()}
    host_files = {"_redirects", "_headers", ".htaccess"}  # plugins/hosting
    # What browsers and crawlers ask the root for whatever the pages say.
    root_files = {"favicon.ico", "robots.txt"}
    # pagefind/: the search index, built after Pelican (plugins/search).
    assert top <= {"index.html", "404.html", "theme", "cy", "it", "ar", "el", "drafts", "pagefind",
                   *host_files, *root_files}


def test_root_is_a_chooser_naming_each_language_in_itself(site):
    page = read_html(site / "index.html")
    for lang in LANGUAGES:
        link = page.find("a", href=re.compile(rf"(^|/){lang}/$"))
        assert link is not None, lang
        item = link.find_parent(attrs={"lang": True})
        assert item["lang"] == lang
        # In itself, cased for a list of languages (Italiano, not italiano).
        name = Locale.parse(lang).get_display_name(lang)
        assert name.casefold() in link.get_text().casefold()
    alternates = {
        link["hreflang"] for link in page.find_all("link", rel="alternate")
    }
    assert alternates == set(LANGUAGES) | {"x-default"}


def test_long_listings_are_paginated_per_language(tmp_path):
    from sitebuild import build_site

    output = build_site(CONTENT, tmp_path / "output", DEFAULT_PAGINATION=1)
    first = read_html(output / "cy" / "index.html")
    second_path = output / "cy" / "page" / "2" / "index.html"
    assert second_path.is_file()
    assert listed_articles(output / "cy" / "index.html", output) | listed_articles(
        second_path, output
    ) == expected_articles("cy")
    next_link = first.find("a", rel="next")["href"]
    assert posixpath.normpath(posixpath.join("cy", next_link)) == "cy/page/2"
    assert not (output / "it" / "page").exists()  # one Italian article


def test_every_page_lists_its_own_languages_categories(site):
    for lang in LANGUAGES:
        for path in [site / lang / "index.html", *(site / lang).glob("*/index.html")]:
            links = read_html(path).select(".site-footer nav.footer-categories a")
            assert links, path
            for link in links:
                assert link.get_text(strip=True), path
                target = posixpath.normpath(
                    posixpath.join(path.parent.relative_to(site).as_posix(), link["href"])
                )
                assert target.startswith(f"{lang}/category/"), (path, target)


def test_root_title_isolates_each_language(site):
    """The root <title> mixes scripts and directions; each part is wrapped
    in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE."""
    title = read_html(site / "index.html").title.string
    parts = title.split(" · ")
    assert len(parts) == len(LANGUAGES)
    for part in parts:
        assert part.startswith("\u2068") and part.endswith("\u2069"), repr(part)
