"""What the localisation tests share: the project's catalogs, read the way
the build reads them, and small helpers to make broken copies of them."""

import re
import shutil
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from plugins.localisation.catalogs import catalog_path, load_catalogs
from plugins.localisation.languages import load_languages
from sitebuild import ROOT

LANGUAGES = ["cy", "it", "ar", "el"]
TRANSLATIONS = ROOT / "translations"
TEMPLATE = TRANSLATIONS / "messages.pot"
COMMENT_COUNT = ("%(num)s comment", "%(num)s comments")
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def languages():
    return load_languages(LANGUAGES)


def page_catalogs(translations_dir=TRANSLATIONS):
    """{code: PageCatalog}, by the build's own loading code."""
    return load_catalogs(translations_dir, languages())


def read_catalog(code, translations_dir=TRANSLATIONS):
    language = languages()[code]
    with catalog_path(translations_dir, code).open("rb") as po:
        return read_po(po, locale=language.locale)


def read_template():
    with TEMPLATE.open("rb") as pot:
        return read_po(pot)


def template_messages():
    """The messages of messages.pot (no header)."""
    return [message for message in read_template() if message.id]


def msgids(message):
    """Singular and plural msgid of a message."""
    return list(message.id) if isinstance(message.id, (list, tuple)) else [message.id]


def copy_translations(destination):
    shutil.copytree(TRANSLATIONS, destination)
    return Path(destination)


def change_catalog(translations_dir, code, change):
    """Read a catalog copy, let change(catalog) edit it, write it back."""
    path = catalog_path(translations_dir, code)
    catalog = read_catalog(code, translations_dir)
    change(catalog)
    with path.open("wb") as po:
        write_po(po, catalog)
    return path
