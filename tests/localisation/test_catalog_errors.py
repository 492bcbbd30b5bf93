"""A catalog problem stops the build, or warns, and says where: a missing
or unreadable catalog fails the build naming the file; a missing or fuzzy
string warns naming the language and the string, which fails a
`--fatal warnings` (publish) build."""

import pytest

from l10n_support import change_catalog, copy_translations, english_on, english_patterns
from plugins.localisation.catalogs import catalog_path
from sitebuild import CONTENT, read_html, run_pelican


@pytest.fixture
def translations(tmp_path):
    """A private copy of translations/ the test may break."""
    return copy_translations(tmp_path / "translations")


def build(tmp_path, translations, fatal="errors"):
    return run_pelican(
        CONTENT, tmp_path / "output", fatal=fatal, TRANSLATIONS_PATH=str(translations)
    )


def output(result):
    return result.stdout + result.stderr


def test_missing_catalog_fails_naming_the_file(tmp_path, translations):
    path = catalog_path(translations, "el")
    path.unlink()
    result = build(tmp_path, translations)
    assert result.returncode != 0
    assert str(path) in output(result)
    assert "missing catalog" in output(result)


@pytest.mark.parametrize(
    "broken",
    [
        'msgtsr "Archivio"',  # a mistyped keyword
        "",  # the msgstr line deleted
        'msgstr "Archivio',  # an unterminated string
    ],
    ids=["mistyped-keyword", "missing-msgstr", "unterminated-string"],
)
def test_broken_catalog_fails_naming_the_file(tmp_path, translations, broken):
    path = catalog_path(translations, "it")
    text = path.read_text(encoding="utf-8")
    assert 'msgstr "Archivio"' in text
    path.write_text(text.replace('msgstr "Archivio"', broken, 1), encoding="utf-8")
    result = build(tmp_path, translations)
    assert result.returncode != 0
    assert str(path) in output(result)
    assert "cannot read this catalog" in output(result)


def _untranslate(msgid):
    def change(catalog):
        catalog.get(msgid).string = ""
    return change


def _make_fuzzy(msgid):
    def change(catalog):
        catalog.get(msgid).flags.add("fuzzy")
    return change


def test_missing_string_warns_and_fails_a_fatal_build(tmp_path, translations):
    change_catalog(translations, "cy", _untranslate("Skip to content"))

    result = build(tmp_path, translations, fatal="warnings")
    assert result.returncode != 0
    assert "translations/cy" in output(result)
    assert "'Skip to content'" in output(result)

    # Without --fatal warnings the site builds, the page shows English,
    # and the page check finds it.
    result = build(tmp_path, translations)
    assert result.returncode == 0, output(result)
    assert "translations/cy: no translation of 'Skip to content'" in " ".join(output(result).split())
    home = tmp_path / "output" / "cy" / "index.html"
    assert read_html(home).select_one(".skip-link").get_text(strip=True) == "Skip to content"
    found = english_on(home.read_text(encoding="utf-8"), english_patterns())
    assert ("cy", "Skip to content") in {(language, msgid) for language, msgid, _ in found}


def test_fuzzy_string_counts_as_missing(tmp_path, translations):
    change_catalog(translations, "el", _make_fuzzy("Archives"))
    result = build(tmp_path, translations, fatal="warnings")
    assert result.returncode != 0
    assert "translations/el" in output(result)
    assert "'Archives'" in output(result)


def test_the_real_catalogs_build_without_a_warning(tmp_path):
    """The committed catalogs pass a --fatal warnings build."""
    result = run_pelican(CONTENT, tmp_path / "output", fatal="warnings")
    assert result.returncode == 0, output(result)
    assert "no translation of" not in output(result)
