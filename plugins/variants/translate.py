"""`make translate KEY=<key> LANG=<lang>`: start a translation from the
most recently changed variant, recording it as the source; `make
translated KEY=<key> LANG=<lang>`: record that a translation follows its
source as it is now."""

import os
import re
import tempfile

from .naming import file_name, parse_name
from .provenance import current_revision
from .shared import SHARED_FIELDS

# Lines that belong to the source variant alone: its language, its
# localised URL, its own change time, its own provenance and credit.
SOURCE_ONLY = re.compile(
    r"^(lang|slug|modified|save_as|url|translated_from|source_revision|translator|overrides)\s*:", re.IGNORECASE
)
# The fields an article's translation inherits from its source (shared.py).
INHERITED = re.compile(rf"^({'|'.join(SHARED_FIELDS)})\s*:", re.IGNORECASE)
PROVENANCE_LINE = re.compile(r"^(translated_from|source_revision)\s*:", re.IGNORECASE)


class TranslateError(Exception):
    pass


def start_translation(variants, key, lang, languages):
    """Write <key>.<lang>.md beside the newest variant; return its path."""
    if lang not in languages:
        raise TranslateError(
            f"{lang!r} is not one of the site's languages ({', '.join(languages)})."
        )
    group = [variant for variant in variants if variant.key == key]
    if not group:
        keys = ", ".join(sorted({variant.key for variant in variants}))
        raise TranslateError(f"no article or page has the key {key!r}. Keys: {keys}.")
    existing = [variant for variant in group if variant.lang == lang]
    if existing:
        raise TranslateError(
            f"{os.path.relpath(existing[0].path)} already exists: edit it instead (nothing was written)."
        )
    source = max(group, key=lambda variant: variant.updated)
    folder = os.path.dirname(source.path)
    name = parse_name(os.path.basename(source.path))
    target = os.path.join(folder, file_name(name.stem, lang, name.extension))
    with open(source.path, encoding="utf-8") as handle:
        header, separator, body = handle.read().partition("\n\n")
    metadata = [
        line for line in header.splitlines()
        if not SOURCE_ONLY.match(line) and not (source.kind == "article" and INHERITED.match(line))
    ]
    # A draft until the translator has translated it: a page that claims a
    # language must not show another language's text.
    metadata = [line for line in metadata if not line.lower().startswith("status:")]
    metadata += [
        "Status: draft",
        f"Translated_from: {source.lang}",
        f"Source_revision: {current_revision(source.path)}",
    ]
    try:
        with open(target, "x", encoding="utf-8") as handle:
            handle.write("\n".join(metadata) + separator + body)
    except FileExistsError:
        raise TranslateError(f"{os.path.relpath(target)} already exists (nothing was written).") from None
    return target, source


def mark_translated(variants, key, lang, source_lang=None):
    """Record in the translation the revision its source has now (and its
    source, when `source_lang` is given or none is recorded): its metadata
    lines only, never its text. Return (translation, source)."""
    group = {variant.lang: variant for variant in variants if variant.key == key}
    translation = group.get(lang)
    if translation is None:
        raise TranslateError(f"article or page {key!r} has no {lang!r} variant: start one with make translate.")
    source_lang = source_lang or str(translation.metadata.get("translated_from") or "").strip()
    if not source_lang:
        raise TranslateError(
            f"{os.path.relpath(translation.path)} names no source: say which variant it follows, "
            f"e.g. make translated KEY={key} LANG={lang} FROM=<lang> (nothing was written)."
        )
    source = group.get(source_lang)
    if source is None or source is translation:
        others = ", ".join(code for code in group if code != lang) or "none"
        raise TranslateError(
            f"{key!r} has no {source_lang!r} variant to be translated from (it has: {others}); nothing was written."
        )
    with open(translation.path, encoding="utf-8") as handle:
        header, separator, body = handle.read().partition("\n\n")
    lines = [line for line in header.splitlines() if not PROVENANCE_LINE.match(line)]
    lines += [f"Translated_from: {source.lang}", f"Source_revision: {current_revision(source.path)}"]
    folder = os.path.dirname(translation.path)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, prefix=".", suffix=".tmp", delete=False) as handle:
        handle.write("\n".join(lines) + separator + body)
    os.chmod(handle.name, os.stat(translation.path).st_mode)
    os.replace(handle.name, translation.path)
    return translation, source
