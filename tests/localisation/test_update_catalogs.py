"""`make translations` (python -m plugins.localisation update-catalogs), run
on a copy of the project: the committed catalogs are up to date with the
templates, a second run changes nothing, translations survive new strings,
a missing catalog is created with its Plural-Forms, and no .mo is written."""

import shutil
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po
from pelican.settings import get_settings_from_file

from l10n_support import LANGUAGES, msgids
from plugins.localisation.catalogs import catalog_path
from plugins.localisation.maintenance import update_catalogs
from plugins.localisation.plural_forms import plural_forms
from sitebuild import ROOT


@pytest.fixture
def project(tmp_path):
    """What update-catalogs reads and writes, copied."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("babel.cfg", "pelicanconf.py"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "themes", project / "themes")
    shutil.copytree(ROOT / "translations", project / "translations")
    return project


def settings_of(project):
    return get_settings_from_file(str(project / "pelicanconf.py"))


def snapshot(project):
    return {
        path.relative_to(project): path.read_bytes()
        for path in sorted((project / "translations").rglob("*"))
        if path.is_file()
    }


def read(path):
    with path.open("rb") as po:
        return read_po(po)


def test_committed_catalogs_are_up_to_date(project):
    """Nothing to extract or merge: run `make translations` and commit if
    this fails."""
    before = snapshot(project)
    report = update_catalogs(project, settings_of(project))
    assert report.written == [], "run `make translations`: " + ", ".join(map(str, report.written))
    assert snapshot(project) == before
    assert all(not missing for missing in report.untranslated.values()), report.untranslated


def test_second_run_changes_nothing_and_writes_no_mo(project):
    (project / "themes" / "mmr" / "templates" / "includes" / "extra.html").write_text(
        '{{ _("A string the catalogs do not have yet") }}\n', encoding="utf-8"
    )
    first = update_catalogs(project, settings_of(project))
    assert len(first.written) == 1 + len(LANGUAGES)
    after_first = snapshot(project)
    second = update_catalogs(project, settings_of(project))
    assert second.written == []
    assert snapshot(project) == after_first
    assert not list(project.rglob("*.mo"))


def test_new_string_arrives_empty_and_translations_stay(project):
    cy = catalog_path(project / "translations", "cy")
    before = {message.id: message.string for message in read(cy) if message.id}
    (project / "themes" / "mmr" / "templates" / "includes" / "extra.html").write_text(
        '{{ _("A string the catalogs do not have yet") }}\n', encoding="utf-8"
    )
    report = update_catalogs(project, settings_of(project))
    catalog = read(cy)
    assert catalog.get("A string the catalogs do not have yet").string == ""
    for msgid, string in before.items():
        assert catalog.get(msgid).string == string, msgid
        assert not catalog.get(msgid).fuzzy, msgid
    assert report.untranslated["cy"] == ["A string the catalogs do not have yet"]
    pot = read(project / "translations" / "messages.pot")
    assert [path for path, _ in pot.get("A string the catalogs do not have yet").locations] == [
        "themes/mmr/templates/includes/extra.html"
    ]


def test_missing_catalog_is_created_with_its_plural_forms(project):
    el = catalog_path(project / "translations", "el")
    el.unlink()
    update_catalogs(project, settings_of(project))
    catalog = read(el)
    assert str(catalog.locale) == "el"
    assert catalog.plural_forms == plural_forms("el")
    template = read(project / "translations" / "messages.pot")
    assert {tuple(msgids(m)) for m in catalog if m.id} == {tuple(msgids(m)) for m in template if m.id}
    assert all(not any(m.string) if isinstance(m.string, tuple) else not m.string
               for m in catalog if m.id)


def test_wrong_plural_forms_are_replaced(project):
    """Babel's stock Welsh header (nplurals=5) is replaced by CLDR's six
    forms; translations whose number of forms changed become fuzzy."""
    cy = catalog_path(project / "translations", "cy")
    text = cy.read_text(encoding="utf-8")
    header_start = text.index('"Plural-Forms:')
    header_end = text.index("\\n\"\n", header_start) + 3
    stock = '"Plural-Forms: nplurals=5; plural=(n==1 ? 1 : n==2 ? 2 : n==3 ? 3 : n==6 ? 4 : 0);\\n"\n'
    cy.write_text(text[:header_start] + stock + text[header_end:], encoding="utf-8")
    assert read(cy).num_plurals == 5
    update_catalogs(project, settings_of(project))
    catalog = read(cy)
    assert catalog.plural_forms == plural_forms("cy")
    assert catalog.get("Home").string == "Hafan" and not catalog.get("Home").fuzzy


def test_template_finds_every_template_and_gettext_in(project):
    update_catalogs(project, settings_of(project))
    pot = read(project / "translations" / "messages.pot")
    files = {location for message in pot for location, _ in message.locations}
    templates = {
        path.relative_to(project).as_posix()
        for path in (project / "themes" / "mmr" / "templates").rglob("*.html")
    }
    assert "themes/mmr/templates/includes/comments.html" in files
    assert "themes/mmr/templates/chooser.html" in files  # gettext_in(code, "...")
    assert files <= templates


def test_command_line(project):
    result = subprocess.run(
        [sys.executable, "-m", "plugins.localisation", "update-catalogs",
         "--settings", str(project / "pelicanconf.py")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "catalogs already up to date" in result.stdout
