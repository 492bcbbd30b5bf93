"""Each language's search page, and the form that leads there from every
page: where they are (the URL layout's settings), what they say in the
page's language without a script, and that scripts are the search page's
alone, loaded from files."""

import json
from pathlib import PurePosixPath
from urllib.parse import urljoin, urlsplit

import pytest
from babel import Locale
from babel.numbers import format_decimal

from plugins.localisation.catalogs import load_catalogs
from plugins.localisation.languages import load_languages
from search_sources import settings
from sitebuild import ROOT, read_html

BASE = "http://site.invalid/"


@pytest.fixture(scope="module")
def layout():
    return settings()


@pytest.fixture(scope="module")
def catalogs(layout):
    return load_catalogs(ROOT / "translations", load_languages(layout["LANGUAGES"]))


def address(output, path):
    relative = path.relative_to(output).as_posix()
    return BASE + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def language_pages(output, languages):
    """(lang, path) of every page under a language's folder."""
    for lang in languages:
        for path in sorted((output / lang).rglob("*.html")):
            yield lang, path


def test_each_language_has_its_search_page(site, layout, catalogs):
    for lang in layout["LANGUAGES"]:
        path = site / layout["LANGUAGE_SEARCH_SAVE_AS"].format(lang=lang)
        page = read_html(path)
        assert page.html["lang"] == lang
        assert page.h1.get_text(strip=True) == catalogs[lang].gettext("Search")
        # A crawler indexes the one search page, never a results page: they
        # exist only in a browser, so every ?q= names this page canonical.
        assert page.find("meta", attrs={"name": "robots"}) is None
        assert page.find("link", rel="canonical")["href"].endswith("/" + layout["LANGUAGE_SEARCH_URL"].format(lang=lang))


def test_every_page_has_a_get_form_to_its_own_search_page(site, layout, catalogs):
    checked = 0
    for lang, path in language_pages(site, layout["LANGUAGES"]):
        page = read_html(path)
        forms = page.select("form[role=search]")
        assert len(forms) == 1, path
        form = forms[0]
        assert form["method"] == "get"
        action = urlsplit(urljoin(address(site, path), form["action"])).path
        assert action == "/" + layout["LANGUAGE_SEARCH_URL"].format(lang=lang), path
        field = form.select_one("input[name=q]")
        assert field["type"] == "search"
        label = form.select_one(f"label[for={field['id']}]")
        assert label.get_text(strip=True) == catalogs[lang].gettext("Search the articles")
        checked += 1
    assert checked > 20


def test_without_a_script_the_search_page_says_so_and_links_the_archive(site, layout, catalogs):
    for lang in layout["LANGUAGES"]:
        path = site / layout["LANGUAGE_SEARCH_SAVE_AS"].format(lang=lang)
        page = read_html(path)
        notice = page.select_one("noscript")
        expected = catalogs[lang].gettext(
            "Search needs JavaScript, which is not running in this browser. "
            "Every article is listed in the archive."
        )
        assert " ".join(notice.get_text().split()) == expected
        links = {
            urlsplit(urljoin(address(site, path), link["href"])).path
            for link in page.select(".browse-instead a")
        }
        archive = read_html(site / lang / "archives" / "index.html")
        assert archive.h1.get_text(strip=True) == catalogs[lang].gettext("Archives")
        assert f"/{lang}/archives/" in links


# Data for the page's readers (JSON-LD) or its script: no browser runs them.
DATA_BLOCKS = {"application/json", "application/ld+json"}


@pytest.mark.parametrize("build", ["site", "published_site"])
def test_scripts_only_on_search_pages_and_only_from_files(build, request, layout):
    """Reading never needs a script; the search page's come from the
    theme's static folder, never inline (the pages are to be served with a
    Content-Security-Policy allowing only the site's own scripts)."""
    output = request.getfixturevalue(build)
    search_pages = {
        output / layout["LANGUAGE_SEARCH_SAVE_AS"].format(lang=lang) for lang in layout["LANGUAGES"]
    }
    static = f"/{layout['THEME_STATIC_DIR']}/js/"
    for path in sorted(output.rglob("*.html")):
        page = read_html(path)
        assert not page.find("style"), path
        for element in page.find_all(True):
            assert "style" not in element.attrs, path
            assert not [name for name in element.attrs if name.startswith("on")], path
        programs = [script for script in page.find_all("script") if script.get("type") not in DATA_BLOCKS]
        if path not in search_pages:
            assert not programs, path
            continue
        assert [script.get("type") for script in programs] == ["module"], path
        source = urlsplit(urljoin(address(output, path), programs[0]["src"])).path
        assert source.startswith(static) and not programs[0].string, path
        assert (output / source.lstrip("/")).is_file()


def test_the_script_s_words_come_from_the_catalog(site, layout, catalogs):
    """Every form of "N results" by CLDR category, as gettext's own
    Plural-Forms would choose it for a count in that category."""
    for lang in layout["LANGUAGES"]:
        page = read_html(site / layout["LANGUAGE_SEARCH_SAVE_AS"].format(lang=lang))
        words = json.loads(page.select_one("script#search-interface").string)
        catalog = catalogs[lang]
        assert words["searching"] == catalog.gettext("Searching…")
        assert words["no_results"] == catalog.gettext("No article matches this search.")
        rule = Locale.parse(lang).plural_form
        counts = {}
        for n in [*range(0, 201), 1_000_000]:
            counts.setdefault(rule(n), n)
        assert set(words["results"]) == set(counts), lang
        for category, n in counts.items():
            number = format_decimal(n, locale=lang)
            assert (
                words["results"][category].replace("%(num)s", number)
                == catalog.ngettext("%(num)s result", "%(num)s results", n) % {"num": number}
            ), (lang, category, n)


def test_the_search_page_loads_the_index_it_links(site, layout):
    for lang in layout["LANGUAGES"]:
        path = site / layout["LANGUAGE_SEARCH_SAVE_AS"].format(lang=lang)
        bundle = read_html(path).select_one("link#search-bundle")
        target = PurePosixPath(urlsplit(urljoin(address(site, path), bundle["href"])).path)
        assert (site / str(target).lstrip("/")).is_file()
        assert target.name == "pagefind.js"
