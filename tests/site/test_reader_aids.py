"""What readers of a blog expect, from the built pages: reading time in
each language's plural forms, a table of contents whose links work in
Arabic and Greek, robots.txt, a favicon, a meta description on every page,
a footer, an About page per language, the site name once, and comment
threads numbered as the old blog numbered them."""

import json
import posixpath
import re
from datetime import date

import pytest
from babel.support import Format

from plugins.localisation.catalogs import load_catalogs
from plugins.localisation.languages import load_languages
from sitebuild import CONTENT, LANGUAGES, ROOT, SETTINGS, build_site, copy_content, read_html

SITE_NAME = "Myths, Misconceptions and Rants"
# n minutes of text, for every plural category reading time can reach:
# cy one, two, few, many, other; ar one, two, few, many, other; it and el
# one and other.
MINUTES = (1, 2, 3, 6, 11, 100)
WORDS = {"cy": "gair", "it": "parola", "ar": "كلمة", "el": "λέξη"}
HEADINGS = {
    "el": ["Τι είναι η δέσμευση", "Γιατί μετράμε λάθος", "Τι κάνουμε τώρα"],
    "ar": ["ما هو التفاعل", "لماذا نقيس خطأ", "ماذا نفعل الآن"],
}


@pytest.fixture(scope="module")
def aids_site(tmp_path_factory):
    """The real content plus, in every language, articles of 1 to 100
    minutes; a Greek and an Arabic article with three headings; a Welsh
    thread with dates and a commenter's link."""
    base = tmp_path_factory.mktemp("reader-aids")
    content = copy_content(base / "content")
    words_a_minute = SETTINGS["READING_WORDS_PER_MINUTE"]
    for minutes in MINUTES:
        folder = content / "articles" / f"minutes-{minutes}"
        folder.mkdir()
        for lang, word in WORDS.items():
            text = " ".join([word] * (minutes * words_a_minute))
            (folder / f"minutes-{minutes}.{lang}.md").write_text(
                f"Title: {minutes} {word}\nDate: 2023-01-{minutes % 28 + 1:02d}\n\n{text}\n", "utf-8"
            )
    for lang, headings in HEADINGS.items():
        folder = content / "articles" / "headed"
        folder.mkdir(exist_ok=True)
        body = "\n\n".join(f"## {heading}\n\n{WORDS[lang]} {WORDS[lang]}." for heading in headings)
        (folder / f"headed.{lang}.md").write_text(f"Title: {headings[0]}\nDate: 2023-02-01\n\n{body}\n", "utf-8")
    comments = [
        {"id": "a", "parent": None, "author": "Siân", "author_url": "https://example.com/sian",
         "date": "2023-03-04T10:00:00Z", "format": "html", "body": "<p>Un</p>"},
        {"id": "b", "parent": "a", "author": "Doug", "author_url": None,
         "date": None, "format": "html", "body": "<p>Dau</p>"},
        {"id": "c", "parent": None, "author": None, "author_url": None,
         "date": None, "format": "html", "body": "<p>Tri</p>"},
    ]
    (content / "comments" / "minutes-1.cy.json").write_text(json.dumps({"comments": comments}), "utf-8")
    return build_site(content, base / "output")


def catalog(lang):
    return load_catalogs(ROOT / "translations", load_languages(SETTINGS["LANGUAGES"]))[lang]


def category_of(source):
    header = source.read_text("utf-8").split("\n\n", 1)[0]
    return next(line.split(":", 1)[1].strip() for line in header.splitlines() if line.startswith("Category:"))


def number(lang, value):
    return Format(lang).number(value)


def resolve(page_path, href):
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_path), href))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("minutes", MINUTES)
def test_reading_time_in_the_language_s_plural_form(aids_site, lang, minutes):
    page = read_html(aids_site / lang / f"minutes-{minutes}" / "index.html")
    words = catalog(lang)
    expected = words.gettext("Reading time:") + " " + words.ngettext(
        "%(num)s minute", "%(num)s minutes", minutes
    ) % {"num": number(lang, minutes)}
    assert page.select_one(".post-meta .reading-time").get_text() == expected


@pytest.mark.parametrize("lang", sorted(HEADINGS))
def test_the_table_of_contents_links_headings_in_their_own_script(aids_site, lang):
    page = read_html(aids_site / lang / "headed" / "index.html")
    toc = page.select_one("nav.toc")
    assert toc.h2.get_text() == catalog(lang).gettext("Contents")
    links = toc.select("a")
    headings = page.select(".post-body h2")
    assert [a.get_text() for a in links] == [h.get_text() for h in headings] == HEADINGS[lang]
    for link, heading in zip(links, headings):
        assert link["href"] == f"#{heading['id']}"
        # The id keeps the heading's letters (not an empty or numbered slug).
        assert heading.get_text().split()[0].lower() in heading["id"]
    assert len({h["id"] for h in headings}) == len(headings)


def test_an_article_of_fewer_than_three_headings_has_no_table_of_contents(aids_site):
    assert read_html(aids_site / "cy" / "minutes-1" / "index.html").select_one("nav.toc") is None


def test_the_real_arabic_article_has_its_table_of_contents(site):
    page = read_html(site / "ar" / "lost-its-way" / "index.html")
    fragments = [a["href"][1:] for a in page.select("nav.toc a")]
    assert len(fragments) >= 3
    assert all(page.find(id=fragment) is not None for fragment in fragments)
    assert all(re.search(r"[\u0600-\u06ff]", fragment) for fragment in fragments)


def test_robots_txt_names_the_sitemap_only_where_there_is_one(site, published_site):
    assert "Sitemap" not in (site / "robots.txt").read_text("utf-8")
    assert not (site / "sitemap.xml").exists()
    published = (published_site / "robots.txt").read_text("utf-8").splitlines()
    assert published[:2] == ["User-agent: *", "Disallow:"]
    assert "Sitemap: https://example.org/sitemap.xml" in published
    assert (published_site / "sitemap.xml").is_file()


def test_the_root_has_a_favicon(site):
    assert (site / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO file
    for lang in LANGUAGES:
        icon = read_html(site / lang / "index.html").find("link", rel="icon")
        assert (site / lang / icon["href"]).resolve().is_file()


def every_page(output):
    return sorted(output.rglob("*.html"))


def test_every_page_has_a_description(site):
    for path in every_page(site):
        description = read_html(path).find("meta", attrs={"name": "description"})
        assert description is not None and description["content"].strip(), path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_homes_and_listings_describe_themselves_in_their_language(site, lang):
    words = catalog(lang)

    def description(*parts):
        return read_html(site.joinpath(lang, *parts, "index.html")).find("meta", attrs={"name": "description"})["content"]

    home = description()
    assert home == words.gettext(
        "Articles on the myths and misconceptions of marketing and social media, with their readers' comments."
    )
    assert home != "Articles on the myths and misconceptions of marketing and social media, with their readers' comments."
    assert description("archives") == words.gettext("Every article in this language, by date.")
    source = next(CONTENT.glob(f"articles/*/*.{lang}.md"))
    name = category_of(source)
    link = read_html(site / lang / "index.html").find("a", string=name)
    category_page = site / resolve(f"{lang}/index.html", link["href"]) / "index.html"
    assert read_html(category_page).find("meta", attrs={"name": "description"})["content"] == (
        words.gettext("Articles in the category %(name)s.") % {"name": name}
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_names_the_site_once_in_its_header(site, lang):
    name = catalog(lang).gettext(SITE_NAME)
    for path in every_page(site / lang):
        page = read_html(path)
        assert page.select_one("header.site-header").get_text().count(name) == 1, path
        assert len(page.find_all("h1")) == 1, path
    home = read_html(site / lang / "index.html")
    assert home.h1.get_text(strip=True) == name
    assert home.select_one("main").get_text().count(name) <= 1  # the series link alone


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_an_about_page_linked_from_every_page(site, lang):
    about = read_html(site / lang / "about" / "index.html")
    assert about.html["lang"] == lang
    assert len(about.select(".post-body p")) >= 3
    for path in [site / lang / "index.html", site / lang / "archives" / "index.html"]:
        page_path = path.relative_to(site).as_posix()
        footer_links = {resolve(page_path, a["href"]) for a in read_html(path).select("footer.site-footer a")}
        assert f"{lang}/about" in footer_links, path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_footer_leads_to_the_archive_and_the_other_languages(site, lang):
    page_path = f"{lang}/index.html"
    footer = read_html(site / page_path).select_one("footer.site-footer")
    links = {resolve(page_path, a["href"]) for a in footer.find_all("a")}
    assert f"{lang}/archives" in links
    assert {other for other in LANGUAGES if other != lang} == {
        a["hreflang"] for a in footer.select(".footer-languages a")
    }
    assert SETTINGS["AUTHOR"] in footer.select_one(".copyright").get_text()


def test_comments_are_numbered_in_page_order_with_dates_and_ugc_links(aids_site):
    page = read_html(aids_site / "cy" / "minutes-1" / "index.html")
    thread = page.select_one("section.comments")
    numbers = [a.get_text() for a in thread.select(".comment-number")]
    assert numbers == ["1", "2", "3"]
    first = thread.select_one("#comment-a")
    assert first.select_one(".comment-author a")["rel"] == ["ugc", "nofollow"]
    assert first.select_one("time")["datetime"] == "2023-03-04T10:00:00Z"
    assert first.select_one("time").get_text() == Format("cy").date(date(2023, 3, 4), "long")
    reply = thread.select_one("#comment-b")
    assert reply.select_one("time") is None
    # Nested under its parent at every width: the indentation says whom it answers.
    assert reply.select_one(".comment-in-reply-to") is None


def test_the_greek_thread_is_numbered_as_the_old_blog_numbered_it(site):
    """004's capture numbers its twelve comments 1..12 in page order."""
    numbers = [a.get_text() for a in read_html(site / "el" / "marketing-failing" / "index.html").select(
        "section.comments .comment-number")]
    assert numbers == [str(n) for n in range(1, 13)]
