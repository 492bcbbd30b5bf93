"""A translator drops <key>.<lang>.md beside its siblings: it is published
and linked both ways, for readers and crawlers; removed, it disappears."""

import json
import xml.etree.ElementTree as ElementTree

import pytest

from helpers import SITEURL, add_greek_engagement, build_published, content_copy
from sitebuild import CONTENT, build_site, read_html

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
ENGAGEMENT_URLS = {
    "cy": f"{SITEURL}/cy/is-it-engagement/",
    "it": f"{SITEURL}/it/is-it-engagement/",
}
GREEK_URL = f"{SITEURL}/el/is-it-engagement/"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The real content, and the same with a Greek variant added."""
    plain = tmp_path_factory.mktemp("plain")
    with_greek = tmp_path_factory.mktemp("greek")
    content = content_copy(with_greek)
    add_greek_engagement(content)
    return build_published(plain, content_copy(plain)), build_published(with_greek, content)


def hreflangs(page):
    return {
        link["hreflang"]: link["href"]
        for link in page.find_all("link", rel="alternate")
        if link.get("hreflang")
    }


def switcher(page):
    """({lang: href} of the variants linked, {lang} of those it is not in)."""
    nav = page.select_one("nav.language-switcher")
    links = {a["hreflang"]: a["href"] for a in nav.select("ul a")}
    unavailable = {a["hreflang"] for a in nav.select(".switcher-missing a")}
    return links, unavailable


def sitemap_alternates(output, loc):
    tree = ElementTree.parse(output / "sitemap.xml")
    for url in tree.getroot().findall("s:url", SITEMAP):
        if url.findtext("s:loc", namespaces=SITEMAP) == loc:
            return {
                link.get("hreflang"): link.get("href")
                for link in url.findall("xhtml:link", SITEMAP)
            }
    return None


def test_the_greek_variant_is_published(sites):
    _, with_greek = sites
    page = read_html(with_greek / "el" / "is-it-engagement" / "index.html")
    assert page.html["lang"] == "el"
    assert page.h1.get_text() == "Είναι πραγματικά δέσμευση;"


@pytest.mark.parametrize("lang", ["cy", "it"])
def test_siblings_link_the_greek_variant(sites, lang):
    plain, with_greek = sites
    before = read_html(plain / lang / "is-it-engagement" / "index.html")
    after = read_html(with_greek / lang / "is-it-engagement" / "index.html")

    assert hreflangs(before) == {**ENGAGEMENT_URLS, "x-default": f"{SITEURL}/"}
    assert hreflangs(after) == {**ENGAGEMENT_URLS, "el": GREEK_URL, "x-default": f"{SITEURL}/"}

    links, unavailable = switcher(before)
    assert "el" not in links and "el" in unavailable
    links, unavailable = switcher(after)
    assert links["el"] == GREEK_URL and "el" not in unavailable
    assert unavailable == {"ar"}


def test_hreflang_sets_are_reciprocal_with_canonical_to_self(sites):
    _, with_greek = sites
    expected = {**ENGAGEMENT_URLS, "el": GREEK_URL, "x-default": f"{SITEURL}/"}
    for lang in ("cy", "it", "el"):
        page = read_html(with_greek / lang / "is-it-engagement" / "index.html")
        assert hreflangs(page) == expected
        assert page.find("link", rel="canonical")["href"] == expected[lang]


def test_sitemap_follows_the_greek_variant(sites):
    plain, with_greek = sites
    assert sitemap_alternates(plain, GREEK_URL) is None
    assert "el" not in sitemap_alternates(plain, ENGAGEMENT_URLS["cy"])
    expected = {**ENGAGEMENT_URLS, "el": GREEK_URL, "x-default": f"{SITEURL}/"}
    for loc in (*ENGAGEMENT_URLS.values(), GREEK_URL):
        assert sitemap_alternates(with_greek, loc) == expected
    # The namespace is declared and the attribute is href.
    raw = (with_greek / "sitemap.xml").read_text("utf-8")
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in raw
    assert "<xhtml:link" in raw and ' href="' in raw


def test_open_graph_and_json_ld(sites):
    _, with_greek = sites
    page = read_html(with_greek / "it" / "is-it-engagement" / "index.html")
    # Open Graph wants language_TERRITORY: CLDR's likely territories.
    assert page.find("meta", property="og:locale")["content"] == "it_IT"
    alternates = {meta["content"] for meta in page.find_all("meta", property="og:locale:alternate")}
    assert alternates == {"cy_GB", "el_GR"}
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "BlogPosting" and data["inLanguage"] == "it"
    translations = {item["inLanguage"]: item["@id"] for item in data["workTranslation"]}
    assert translations == {"cy": ENGAGEMENT_URLS["cy"], "el": GREEK_URL}


def test_listings_link_each_entrys_other_variants(sites):
    _, with_greek = sites
    home = read_html(with_greek / "cy" / "index.html")
    entry = next(
        entry for entry in home.select("article.entry")
        if "is-it-engagement" in entry.h2.a["href"]
    )
    others = {a["hreflang"] for a in entry.select(".other-variants a")}
    assert others == {"it", "el"}


def test_greek_home_lists_it_once_and_no_other_language(sites):
    _, with_greek = sites
    home = read_html(with_greek / "el" / "index.html")
    links = [a["href"] for a in home.select("article.entry h2 a")]
    assert sorted(links) == sorted({GREEK_URL, f"{SITEURL}/el/marketing-failing/"})


def test_a_localised_slug_keeps_the_group(tmp_path):
    content = content_copy(tmp_path)
    add_greek_engagement(content, slug="einai-desmeusi")
    output = build_published(tmp_path, content)
    greek_url = f"{SITEURL}/el/einai-desmeusi/"
    assert (output / "el" / "einai-desmeusi" / "index.html").is_file()
    page = read_html(output / "cy" / "is-it-engagement" / "index.html")
    assert hreflangs(page)["el"] == greek_url
    assert switcher(page)[0]["el"] == greek_url


def test_translation_id_groups_files_from_another_folder(tmp_path):
    content = content_copy(tmp_path)
    folder = content / "articles" / "ymgysylltu-groeg"
    folder.mkdir()
    (folder / "desmeusi.el.md").write_text(
        "Title: Δέσμευση\nDate: 2024-03-05\nCategory: Μάρκετινγκ\n"
        "Translation_id: is-it-engagement\nSeries: myths-misconceptions-rants\nSeries_index: 2\n\nΚείμενο.\n",
        "utf-8",
    )
    output = build_published(tmp_path, content)
    page = read_html(output / "it" / "is-it-engagement" / "index.html")
    assert hreflangs(page)["el"] == f"{SITEURL}/el/desmeusi/"


def test_pages_are_grouped_like_articles(tmp_path):
    content = content_copy(tmp_path)
    contact = content / "pages" / "contact"
    contact.mkdir(parents=True)
    (contact / "contact.cy.md").write_text("Title: Cysylltu\n\nTestun.\n", "utf-8")
    (contact / "contact.ar.md").write_text("Title: اتصل بنا\n\nنص.\n", "utf-8")
    output = build_published(tmp_path, content)
    page = read_html(output / "ar" / "contact" / "index.html")
    assert page.html["dir"] == "rtl"
    assert hreflangs(page) == {
        "cy": f"{SITEURL}/cy/contact/",
        "ar": f"{SITEURL}/ar/contact/",
        "x-default": f"{SITEURL}/",
    }
    assert sitemap_alternates(output, f"{SITEURL}/cy/contact/")["ar"] == f"{SITEURL}/ar/contact/"
    # Each language's menu links its own page and no other language's.
    for lang, other in (("cy", "ar"), ("ar", "cy")):
        menu = {a["href"] for a in read_html(output / lang / "index.html").select(".site-nav a")}
        assert f"{SITEURL}/{lang}/contact/" in menu
        assert f"{SITEURL}/{other}/contact/" not in menu
    assert not any("contact" in a["href"] for a in read_html(output / "it" / "index.html").select(".site-nav a"))


def test_drafts_are_never_linked(tmp_path):
    content = content_copy(tmp_path)
    add_greek_engagement(content)
    greek = content / "articles" / "is-it-engagement" / "is-it-engagement.el.md"
    greek.write_text(greek.read_text("utf-8").replace("Date:", "Status: draft\nDate:", 1), "utf-8")
    output = build_published(tmp_path, content)
    assert not (output / "el" / "is-it-engagement").exists()
    page = read_html(output / "cy" / "is-it-engagement" / "index.html")
    assert "el" not in hreflangs(page)
    assert "el" not in switcher(page)[0]
    assert "drafts" not in (output / "sitemap.xml").read_text("utf-8")


def test_a_site_address_in_the_html_settings_writes_the_sitemap_into_a_new_output(tmp_path):
    """With no feeds (pelicanconf.py), nothing is written before the
    sitemap: it makes its own folder."""
    output = build_site(CONTENT, tmp_path / "new" / "output", SITEURL=SITEURL)
    assert sitemap_alternates(output, ENGAGEMENT_URLS["cy"])["it"] == ENGAGEMENT_URLS["it"]


def test_a_hidden_variant_is_linked_from_no_other_language(tmp_path):
    """Published unlisted: its own page is there and links the others, but
    no other language's switcher, hreflang or JSON-LD names it, as the
    sitemap does not."""
    content = content_copy(tmp_path)
    add_greek_engagement(content)
    greek = content / "articles" / "is-it-engagement" / "is-it-engagement.el.md"
    greek.write_text(greek.read_text("utf-8").replace("Date:", "Status: hidden\nDate:", 1), "utf-8")
    output = build_published(tmp_path, content)
    hidden = read_html(output / "el" / "is-it-engagement" / "index.html")
    assert switcher(hidden)[0]["cy"] == ENGAGEMENT_URLS["cy"]
    page = read_html(output / "cy" / "is-it-engagement" / "index.html")
    assert "el" not in hreflangs(page)
    assert "el" not in switcher(page)[0]
    structured = json.loads(page.find("script", type="application/ld+json").string)
    assert GREEK_URL not in [work["url"] for work in structured["workTranslation"]]
    assert GREEK_URL not in (output / "sitemap.xml").read_text("utf-8")
