"""What the localisation tests share: the project's catalogs, read the way
the build reads them, and small helpers to make broken copies of them."""

import re
import shutil
from pathlib import Path

from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup, Comment, Doctype

from plugins.localisation.catalogs import catalog_path, load_catalogs
from plugins.localisation.languages import load_languages
from sitebuild import LANGUAGES, ROOT, SETTINGS

TRANSLATIONS = ROOT / "translations"
TEMPLATE = TRANSLATIONS / "messages.pot"
COMMENT_COUNT = ("%(num)s comment", "%(num)s comments")
PLACEHOLDER = re.compile(r"%\((\w+)\)s")

# Translations that are, rightly, the English text itself: language ->
# {msgid: why}.
SAME_AS_ENGLISH = {
    "cy": {
        "Tag: %(name)s": 'Welsh says "tag" too (plural "tagiau", as in '
        '"Tagiau:" on the same pages), as the Welsh WordPress and Drupal do.',
        "Tag": 'The search page\'s tag filter: "tag", as in "Tag: %(name)s".',
    },
}


def languages():
    return load_languages(SETTINGS["LANGUAGES"])


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


# Finding English theme text on a built page.

READER_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
AUTHORS_TEXT = ".post-body, .comment-body, .entry-summary, .lead, script, style"
# What the templates put in a placeholder: a formatted number for the
# counts, any text (a name, a title) for the others.
NUMBER = r"\d[\d.,\u00a0\u202f\u066b\u066c]*"
NUMBER_PLACEHOLDERS = {"num", "number", "total"}


def english_patterns():
    """{msgid: regex finding it as words in a longer text}."""
    patterns = {}
    for message in template_messages():
        for msgid in msgids(message):
            # split() alternates text and placeholder names.
            parts = PLACEHOLDER.split(msgid)
            body = re.escape(parts[0])
            for name, text in zip(parts[1::2], parts[2::2]):
                body += (NUMBER if name in NUMBER_PLACEHOLDERS else ".+?") + re.escape(text)
            patterns[msgid] = re.compile(rf"(?<!\w){body}(?!\w)")
    return patterns


def theme_strings(html):
    """(language, text) for every text node and reader attribute that the
    theme, not an author, wrote."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select(AUTHORS_TEXT):
        element.decompose()
    for node in soup.find_all(string=True):
        if isinstance(node, (Comment, Doctype)) or not node.strip():
            continue
        yield _language(node.parent), " ".join(node.split())
    for element in soup.find_all(True):
        for name in READER_ATTRIBUTES:
            if element.get(name):
                yield _language(element), " ".join(element[name].split())


def _language(element):
    while element is not None and not element.get("lang"):
        element = element.parent
    return element.get("lang") if element is not None else None


def english_on(html, patterns):
    found = []
    for language, text in theme_strings(html):
        allowed = SAME_AS_ENGLISH.get(language, {})
        for msgid, pattern in patterns.items():
            if msgid not in allowed and pattern.search(text):
                found.append((language, msgid, text))
    return found
