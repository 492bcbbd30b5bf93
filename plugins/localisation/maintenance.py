"""Keeping the catalogs in step with the theme (`make translations`).

1. Extract every string the templates translate, as babel.cfg says, into
   translations/messages.pot.
2. Merge that template into each language's
   translations/<lang>/LC_MESSAGES/messages.po, keeping every translation
   already there (Babel's Catalog.update: new strings arrive empty, a
   changed string arrives fuzzy with its old translation, a removed one is
   kept as obsolete `#~`); create the catalog of a language that has none.
3. Give each catalog the Plural-Forms its language needs (plural_forms.py).

Running it again with nothing changed leaves every file byte for byte as
it was. It never writes .mo files: the build compiles the catalogs in
memory (catalogs.py).
"""

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from .catalogs import catalog_path, is_translated
from .languages import load_languages
from .plural_forms import plural_categories, plural_forms

TEMPLATE_NAME = "messages.pot"
LINE_WIDTH = 76

TEMPLATE_HEADER = """\
# The theme's strings, for translators of the site "{project}".
# Made by `make translations` from the templates babel.cfg names: do not
# edit this file; change the templates and run `make translations` again."""

CATALOG_HEADER = """\
# {name} ({code}) translation of the theme's strings of "{project}".
# Translate the msgstr lines; `make translations` adds new strings here
# and keeps what is translated. Plural entries follow the CLDR categories
# of {code}, in this order: {categories}."""


@dataclass
class Report:
    """What one run did, for the command line."""

    written: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    untranslated: dict = field(default_factory=dict)  # code -> [msgid]


def update_catalogs(project_dir, settings):
    """Extract, merge and write; return a Report."""
    project_dir = Path(project_dir)
    translations_dir = project_dir / settings["TRANSLATIONS_PATH"]
    project = settings.get("SITENAME", "")
    report = Report()

    template = extract_template(project_dir, project_dir / "babel.cfg", project)
    template_path = translations_dir / TEMPLATE_NAME
    _write_template(template_path, template, report)

    for code, language in load_languages(settings["LANGUAGES"]).items():
        path = catalog_path(translations_dir, code)
        catalog = merge_catalog(path, template, language, project)
        _write_if_changed(path, _render(catalog), report)
        report.untranslated[code] = [
            _msgid(message)
            for message in catalog
            if message.id and (message.fuzzy or not is_translated(message.string))
        ]
    return report


def extract_template(project_dir, mapping_path, project=""):
    """The template catalog of every string the mapping's files translate;
    locations are relative to the project, e.g. themes/mmr/templates/base.html."""
    with open(mapping_path, encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping, str(mapping_path))
    template = Catalog(
        project=project,
        version="1",
        header_comment=TEMPLATE_HEADER.format(project=project),
        fuzzy=False,
    )
    extracted = extract_from_dir(
        str(project_dir),
        method_map,
        options_map,
        keywords=DEFAULT_KEYWORDS,
        strip_comment_tags=True,
        directory_filter=_only_towards(method_map, project_dir),
    )
    for filename, lineno, message, comments, context in extracted:
        location = Path(filename).as_posix()
        template.add(
            message, None, [(location, lineno)], auto_comments=comments, context=context
        )
    return template


def merge_catalog(path, template, language, project=""):
    """The language's catalog at `path` (a new one if there is none), with
    the template's strings merged in and the language's Plural-Forms."""
    code = language.code
    if path.is_file():
        with path.open("rb") as po:
            catalog = read_po(po, locale=language.locale)
    else:
        catalog = Catalog(
            locale=language.locale,
            project=project,
            version="1",
            fuzzy=False,
            revision_date=template.creation_date,
            last_translator=f"{project} translators",
            language_team=f"{language.name} ({code})",
        )
    # The header comment is regenerated, so it always names the categories.
    catalog.header_comment = CATALOG_HEADER.format(
        name=language.locale.get_display_name("en"),
        code=code,
        project=project,
        categories=", ".join(plural_categories(code)),
    )
    # Plural-Forms first: Catalog.update marks a plural translation fuzzy
    # when its number of forms differs from the catalog's.
    catalog.mime_headers = [("Plural-Forms", plural_forms(code))]
    catalog.update(template, update_header_comment=False)
    return catalog


def _write_template(path, template, report):
    """Write messages.pot, keeping its POT-Creation-Date while no string,
    location or comment changed."""
    if path.is_file():
        with path.open("rb") as existing:
            template.creation_date = read_po(existing).creation_date
        if _render(template) == path.read_bytes():
            report.unchanged.append(path)
            return
        template.creation_date = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    _write_if_changed(path, _render(template), report)


def _render(catalog):
    # Locations name the template, not the line: editing a template above
    # a string does not make every catalog stale.
    buffer = BytesIO()
    write_po(buffer, catalog, width=LINE_WIDTH, include_lineno=False)
    return buffer.getvalue()


def _write_if_changed(path, content, report):
    if path.is_file() and path.read_bytes() == content:
        report.unchanged.append(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    report.written.append(path)


def _only_towards(method_map, project_dir):
    """Walk only the folders the mapping's patterns can match (so not
    .venv, output or content), e.g. themes/, themes/mmr/, ... for
    themes/mmr/templates/**.html."""
    prefixes = []
    for pattern, _method in method_map:
        fixed = []
        for part in pattern.split("/")[:-1]:
            if any(char in part for char in "*?["):
                break
            fixed.append(part)
        prefixes.append(fixed)

    def wanted(dirpath):
        parts = Path(dirpath).parts
        return any(
            parts[: len(prefix)] == tuple(prefix[: len(parts)]) for prefix in prefixes
        )

    return lambda dirpath: wanted(os.path.relpath(dirpath, project_dir))


def _msgid(message):
    return message.id[0] if isinstance(message.id, (list, tuple)) else message.id
