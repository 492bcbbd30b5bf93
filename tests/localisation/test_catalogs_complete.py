"""Every catalog translates every string of messages.pot, in full, with the
placeholders intact; GNU msgfmt accepts each catalog and, compiled by it,
chooses the same forms as the build's in-memory compilation."""

import gettext
import re
import shutil
import subprocess

import pytest

from l10n_support import (
    LANGUAGES,
    PLACEHOLDER,
    SAME_AS_ENGLISH,
    TRANSLATIONS,
    msgids,
    page_catalogs,
    read_catalog,
    template_messages,
)
from plugins.localisation.catalogs import catalog_path

MSGFMT = shutil.which("msgfmt")
needs_msgfmt = pytest.mark.skipif(
    MSGFMT is None, reason="GNU gettext's msgfmt is not installed (apt install gettext)"
)

# Latin-script words allowed in the Arabic catalog: proper nouns only.
ARABIC_PROPER_NOUNS = {"Atom"}  # the name of the feed format


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_template_string_is_translated(code):
    catalog = read_catalog(code)
    problems = []
    for template in template_messages():
        message = catalog.get(template.id, context=template.context)
        if message is None:
            problems.append(f"missing: {template.id!r}")
        elif message.fuzzy:
            problems.append(f"fuzzy: {template.id!r}")
        elif isinstance(template.id, (list, tuple)):
            if len(message.string) != catalog.num_plurals or not all(message.string):
                problems.append(f"not every plural form: {template.id!r}")
        elif not message.string:
            problems.append(f"empty: {template.id!r}")
    assert not problems, f"translations/{code}: " + "; ".join(problems)


@pytest.mark.parametrize("code", LANGUAGES)
def test_placeholders_are_kept(code):
    """A translation uses exactly its msgid's %(name)s placeholders; a
    plural form for one single number (Welsh "Un sylw") may spell the
    number out instead."""
    catalog = read_catalog(code)
    expression = gettext.c2py(catalog.plural_expr)
    for template in template_messages():
        wanted = set(PLACEHOLDER.findall(msgids(template)[-1]))
        message = catalog.get(template.id)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for index, string in enumerate(strings):
            used = set(PLACEHOLDER.findall(string))
            assert used <= wanted, (code, template.id, string)
            if used != wanted:
                counts = [n for n in range(1000) if expression(n) == index]
                assert isinstance(template.id, tuple) and len(counts) == 1, (
                    f"{code}: {string!r} drops {wanted - used} but serves {counts[:5]}..."
                )


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_are_not_the_english_text(code):
    catalog = read_catalog(code)
    for template in template_messages():
        message = catalog.get(template.id)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            if string in msgids(template):
                assert string in SAME_AS_ENGLISH.get(code, {}), f"{code}: {string!r} is English"


def test_arabic_has_no_latin_words_but_proper_nouns():
    catalog = read_catalog("ar")
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            words = set(re.findall(r"[A-Za-z]+", PLACEHOLDER.sub("", string)))
            assert words <= ARABIC_PROPER_NOUNS, (message.id, string)
            assert re.search(r"[\u0600-\u06FF]", string), (message.id, string)


def test_series_name_is_translated_without_an_english_word_left():
    """The Welsh capture's "Mythau, Camsyniadau, a Rants" came from the old
    blog's machine translation, not a published Welsh name: every language
    names the series in its own words."""
    series = "Myths, Misconceptions and Rants"
    english = {word.casefold() for word in re.findall(r"\w+", series)}
    for code in LANGUAGES:
        name = read_catalog(code).get(series).string
        assert not english & {word.casefold() for word in re.findall(r"\w+", name)}, (code, name)


@needs_msgfmt
@pytest.mark.parametrize("code", LANGUAGES)
def test_msgfmt_check_accepts_the_catalog(code, tmp_path):
    path = catalog_path(TRANSLATIONS, code)
    result = subprocess.run(
        [MSGFMT, "--check", "--statistics", "-o", str(tmp_path / "messages.mo"), str(path)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr
    assert "warning" not in result.stderr, result.stderr


@needs_msgfmt
@pytest.mark.parametrize("code", LANGUAGES)
def test_msgfmt_compiles_the_same_forms_as_the_build(code, tmp_path):
    """GNU's compiler and the build's (Babel, in memory) agree on every
    plural form for every count."""
    mo = tmp_path / "messages.mo"
    subprocess.run([MSGFMT, "-o", str(mo), str(catalog_path(TRANSLATIONS, code))], check=True)
    with mo.open("rb") as compiled:
        gnu = gettext.GNUTranslations(compiled)
    build = page_catalogs()[code]
    for template in template_messages():
        if isinstance(template.id, tuple):
            for n in range(0, 1201):
                assert gnu.ngettext(*template.id, n) == build.ngettext(*template.id, n)
        else:
            assert gnu.gettext(template.id) == build.gettext(template.id)
