"""Lists on a page are joined as its language joins them: the tags line and
the "also in" line follow CLDR's narrow "and" list pattern (as ICU applies
it), never a hard-coded ", "."""

import icu
import pytest
from markupsafe import Markup

from babel import Locale
from l10n_support import LANGUAGES
from plugins.localisation.lists import ListJoiner
from sitebuild import build_site, copy_content, read_html

ENGAGEMENT = "articles/is-it-engagement"
# Three tags, so that the start, middle and end of a pattern all show.
VARIANTS = {
    "ar": ("هل هو تفاعل حقا؟", "التسويق, التفاعل, المقاييس", "نص المقال."),
    "el": ("Είναι πραγματικά δέσμευση;", "μάρκετινγκ, δέσμευση, μετρήσεις", "Κείμενο του άρθρου."),
}


def joined(code, items):
    """The items as CLDR's narrow "and" list in that language, from ICU."""
    formatter = icu.ListFormatter.createInstance(
        icu.Locale(code), icu.UListFormatterType.AND, icu.UListFormatterWidth.NARROW
    )
    return formatter.format(list(items))


def text(element):
    return " ".join(element.get_text().split())


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The real site with is-it-engagement in all four languages."""
    base = tmp_path_factory.mktemp("lists")
    content = copy_content(base / "content")
    source = (content / ENGAGEMENT / "is-it-engagement.cy.md").read_text("utf-8")
    header, _ = source.split("\n\n", 1)
    for code, (title, tags, body) in VARIANTS.items():
        lines = [
            f"Title: {title}" if line.startswith("Title:") else f"Tags: {tags}" if line.startswith("Tags:") else line
            for line in header.splitlines()
        ]
        (content / ENGAGEMENT / f"is-it-engagement.{code}.md").write_text("\n".join(lines) + f"\n\n{body}\n", "utf-8")
    return build_site(content, base / "output")


def test_arabic_lists_do_not_use_the_latin_comma():
    """What the tests below rely on: CLDR joins Arabic lists otherwise."""
    assert ", " not in joined("ar", ["أ", "ب", "ج"])


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_tags_line_is_joined_as_the_language_joins_lists(site, code):
    page = read_html(site / code / "is-it-engagement" / "index.html")
    line = page.select_one("article.post footer p")
    names = [text(link) for link in line.select("a")]
    assert len(names) == 3
    label = text(line).split(names[0], 1)[0]
    assert text(line) == label + joined(code, names)


@pytest.mark.parametrize("code", LANGUAGES)
def test_also_in_is_joined_as_the_language_joins_lists(site, code):
    page = read_html(site / code / "index.html")
    entry = next(
        entry for entry in page.select("article.entry")
        if entry.select_one("h2 a")["href"].endswith("/is-it-engagement/")
    )  # fmt: skip
    line = entry.select_one(".other-variants")
    names = [text(link) for link in line.select("a")]
    assert sorted(link["lang"] for link in line.select("a")) == sorted(set(LANGUAGES) - {code})
    label = text(line).split(names[0], 1)[0]
    assert text(line) == label + joined(code, names)


@pytest.mark.parametrize("code", LANGUAGES)
def test_babels_patterns_completed_part_by_part_join_as_icu_does(code):
    joiner = ListJoiner(Locale.parse(code))
    for count in range(6):
        items = [f"item{number}" for number in range(count)]
        assert joiner.join(items) == joined(code, items), count


def test_items_are_escaped_unless_markup_and_so_is_the_pattern():
    # English's short "and" list has an ampersand in its pattern.
    formatter = icu.ListFormatter.createInstance(icu.Locale("en"), icu.UListFormatterType.AND, icu.UListFormatterWidth.SHORT)
    items = [Markup("<a>one</a>"), "<b>two</b>", "three"]
    expected = formatter.format(["\0", "\1", "\2"])
    expected = expected.replace("&", "&amp;").replace("\0", "<a>one</a>").replace("\1", "&lt;b&gt;two&lt;/b&gt;").replace("\2", "three")
    assert ListJoiner(Locale.parse("en"), "standard-short").join(items) == expected
    assert "&amp;" in expected
