"""What the series tests expect, worked out from the content files and the
language table (not from the pages under test)."""

import json
import re

import icu

from plugins.localisation.catalogs import load_catalogs
from plugins.localisation.languages import load_languages
from sitebuild import CONTENT, LANGUAGES, ROOT, SETTINGS

SERIES = "myths-misconceptions-rants"


def metadata(path):
    header = path.read_text("utf-8").split("\n\n", 1)[0]
    return {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in header.splitlines())}


def parts(content=CONTENT):
    """[{lang: (title, url)}] of the series' parts in Series_index order."""
    by_index = {}
    for path in sorted(content.glob("articles/*/*.md")):
        # A variant without the two lines inherits them from its siblings
        # (README, "Translating": fields written once).
        shared = {}
        for sibling in sorted(path.parent.glob("*.md")):
            shared.update({k: v for k, v in metadata(sibling).items() if k in ("series", "series_index")})
        meta = {**shared, **metadata(path)}
        if meta.get("series") != SERIES:
            continue
        key = path.parent.name
        lang = re.match(r".+\.(\w+)\.md$", path.name)[1]
        by_index.setdefault(int(meta["series_index"]), {})[lang] = (meta["title"], f"{lang}/{key}/")
    return [by_index[index] for index in sorted(by_index)]


def fallbacks(lang):
    entry = SETTINGS["LANGUAGES"][lang] or {}
    chain = list(entry.get("fallbacks", []))
    return chain + [code for code in LANGUAGES if code != lang and code not in chain]


def offered(part, lang):
    """(lang the reader of `lang` gets the part in, title, url)."""
    for code in [lang] + fallbacks(lang):
        if code in part:
            return (code, *part[code])
    raise AssertionError("a part with no variant")


def catalog(lang):
    return load_catalogs(ROOT / "translations", load_languages(SETTINGS["LANGUAGES"]))[lang]


def label(lang, in_lang, alone=False):
    """The name of ``lang`` in ``in_lang``, straight from ICU: as running
    text writes it (lower case where LANGUAGES says the language writes
    it so), or `alone`, as a menu item or the start of a line."""
    context = (icu.UDisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU if alone
               else icu.UDisplayContext.CAPITALIZATION_FOR_MIDDLE_OF_SENTENCE)
    names = icu.LocaleDisplayNames.createInstance(icu.Locale.forLanguageTag(in_lang), [context])
    name = names.localeDisplayName(icu.Locale.forLanguageTag(lang))
    lowercase = not alone and (SETTINGS["LANGUAGES"][in_lang] or {}).get("lowercase_language_names")
    return name.lower() if lowercase else name


def comment_count(key, lang):
    path = CONTENT / "comments" / f"{key}.{lang}.json"
    if not path.exists():
        return 0
    return sum(1 for c in json.loads(path.read_text("utf-8"))["comments"] if not c.get("removed"))
