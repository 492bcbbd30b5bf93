"""Plural forms: each catalog's Plural-Forms is the one derived from CLDR,
and for every count it picks the msgstr written for that count's CLDR
category (msgstr[0..] in CLDR order: zero, one, two, few, many, other)."""

import gettext
import re

import pytest
from babel import Locale
from babel.numbers import format_decimal
from babel.plural import to_gettext

from l10n_support import (
    COMMENT_COUNT,
    LANGUAGES,
    change_catalog,
    copy_translations,
    page_catalogs,
    read_catalog,
)
from plugins.localisation.plural_forms import plural_categories, plural_forms
from sitebuild import read_html

# What CLDR gives each site language: the categories gettext can tell
# apart in integers. Italian's "many" is 1,000,000, 2,000,000, ...
EXPECTED_CATEGORIES = {
    "cy": ["zero", "one", "two", "few", "many", "other"],
    "it": ["one", "many", "other"],
    "ar": ["zero", "one", "two", "few", "many", "other"],
    "el": ["one", "other"],
}
# 0..200 covers every rule of these languages (Arabic's n % 100 ranges
# repeat from 100); the rest reach Italian's and Arabic's larger cases.
COUNTS = list(range(201)) + [999, 1000, 1001, 1011, 1_000_000, 2_000_000, 3_000_001]


def cldr_category(code, n):
    return Locale.parse(code).plural_form(n)


@pytest.fixture(scope="module")
def catalogs():
    return page_catalogs()


@pytest.mark.parametrize("code", LANGUAGES)
def test_forms_are_the_cldr_categories(code):
    categories = plural_categories(code)
    assert categories == EXPECTED_CATEGORIES[code]
    assert len(categories) == len(Locale.parse(code).plural_form.tags | {"other"})
    catalog = read_catalog(code)
    assert catalog.num_plurals == len(categories)


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalog_header_is_what_plural_forms_derives(code):
    catalog = read_catalog(code)
    assert catalog.plural_forms == plural_forms(code)
    assert catalog.mime_headers  # the header is read, not Babel's default
    assert dict(catalog.mime_headers)["Plural-Forms"] == plural_forms(code)


@pytest.mark.parametrize("code", LANGUAGES)
def test_expression_chooses_the_cldr_category(code):
    expression = gettext.c2py(read_catalog(code).plural_expr)
    categories = plural_categories(code)
    for n in COUNTS:
        assert expression(n) == categories.index(cldr_category(code, n)), (code, n)


@pytest.mark.parametrize("code", LANGUAGES)
def test_comment_count_renders_the_form_of_its_category(code, catalogs):
    """Through the build's own catalog (compiled in memory), the comment
    count shows msgstr[index of the count's CLDR category]."""
    forms = read_catalog(code).get(COMMENT_COUNT[0]).string
    assert len(forms) == len(plural_categories(code)) and all(forms)
    page_catalog = catalogs[code]
    for n in COUNTS:
        expected = forms[plural_categories(code).index(cldr_category(code, n))]
        assert page_catalog.ngettext(*COMMENT_COUNT, n) == expected, (code, n)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_plural_form_names_each_form_by_its_cldr_category(code, catalogs):
    """What a page's script chooses from by CLDR category is, for every
    count, the form gettext chooses for it."""
    forms = catalogs[code].every_plural_form(*COMMENT_COUNT)
    assert list(forms) == plural_categories(code)
    for n in COUNTS:
        assert forms[cldr_category(code, n)] == catalogs[code].ngettext(*COMMENT_COUNT, n), (code, n)


def test_every_plural_form_of_an_untranslated_message_is_english(tmp_path, caplog):
    translations = copy_translations(tmp_path / "translations")

    def untranslate(catalog):
        catalog.get(COMMENT_COUNT[0]).string = ("",) * catalog.num_plurals

    change_catalog(translations, "cy", untranslate)
    forms = page_catalogs(translations)["cy"].every_plural_form(*COMMENT_COUNT)
    assert forms == {
        "zero": COMMENT_COUNT[1], "one": COMMENT_COUNT[0], "two": COMMENT_COUNT[1],
        "few": COMMENT_COUNT[1], "many": COMMENT_COUNT[1], "other": COMMENT_COUNT[1],
    }
    assert "no translation of '%(num)s comment'" in caplog.text


def test_forms_differ_where_the_language_does(catalogs):
    """A few counts spelled out, so a reader sees what the catalogs say."""
    def say(code, n):
        number = format_decimal(n, locale=code)
        return catalogs[code].ngettext(*COMMENT_COUNT, n) % {"num": number}

    # Welsh: one, two, three and six spelled out, the singular noun after
    # any numeral, "Dim sylwadau" for none.
    assert [say("cy", n) for n in (0, 1, 2, 3, 6, 8, 100)] == [
        "Dim sylwadau", "Un sylw", "Dau sylw", "Tri sylw", "Chwe sylw", "8 sylw", "100 sylw",
    ]
    assert [say("el", n) for n in (1, 16)] == ["1 σχόλιο", "16 σχόλια"]
    assert [say("it", n) for n in (1, 5, 1_000_000)] == [
        "Un commento", "5 commenti", "1.000.000 di commenti",
    ]
    assert [say("ar", n) for n in (0, 1, 2, 3, 11, 100)] == [
        "لا توجد تعليقات", "تعليق واحد", "تعليقان",
        "3 تعليقات", "11 تعليقًا", "100 تعليق",
    ]


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_count_is_followed_by_a_lower_case_noun(code):
    """"5 sylw", "12 σχόλια": a noun after the number is not capitalised."""
    for message in read_catalog(code):
        if isinstance(message.id, tuple):
            for form in message.string:
                after = form.split("%(num)s", 1)[1].split() if "%(num)s" in form else []
                assert not after or not after[0][0].isupper(), (code, message.id[0], form)


def test_welsh_counts_take_the_singular_noun_of_the_other_form():
    """After a numeral Welsh uses the singular: the noun of the form for
    any other number ("%(num)s sylw", "%(num)s dolen") follows every number
    written in digits (the spelled-out one, two, three and six mutate it as
    each numeral does: "un ddolen", "dau sylw")."""
    catalog = read_catalog("cy")
    categories = plural_categories("cy")
    for message in catalog:
        if not isinstance(message.id, tuple):
            continue
        singular = message.string[categories.index("other")].split()[-1]
        for category, form in zip(categories, message.string):
            if "%(num)s" in form:
                assert form == f"%(num)s {singular}", (message.id[0], category, form)


def test_italian_drops_the_exponent_operand_gettext_lacks():
    """Babel's plain to_gettext keeps CLDR's `e` for Italian, which msgfmt
    rejects; plural_forms specialises it to integers and keeps "many"."""
    exponent = re.compile(r"\be\b")
    assert exponent.search(to_gettext(Locale.parse("it").plural_form))
    expression = plural_forms("it")
    assert not exponent.search(expression)
    assert expression.startswith("nplurals=3;")


@pytest.mark.parametrize("code", ["fr", "pt", "ru", "lv", "br", "ga", "ja", "he"])
def test_derivation_agrees_with_cldr_beyond_the_site_languages(code):
    expression = gettext.c2py(plural_forms(code).split("plural=", 1)[1].rstrip(";"))
    categories = plural_categories(code)
    for n in COUNTS:
        assert expression(n) == categories.index(cldr_category(code, n)), (code, n)


def test_built_pages_show_the_count_in_the_right_form(site, catalogs):
    """On the real site, every comment heading says its count in the form
    of the count's category."""
    checked = 0
    for code in LANGUAGES:
        for path in sorted((site / code).glob("*/index.html")):
            page = read_html(path)
            heading = page.select_one("#comments-heading")
            if heading is None:
                continue
            n = len(page.select("section.comments li.comment:not(.comment-removed)"))
            forms = read_catalog(code).get(COMMENT_COUNT[0]).string
            form = forms[plural_categories(code).index(cldr_category(code, n))]
            number = format_decimal(n, locale=code)
            assert heading.get_text(strip=True) == form % {"num": number}, path
            checked += 1
    assert checked >= 3, "no article with comments was checked"
