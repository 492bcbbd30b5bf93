"""`make translate KEY=<key> LANG=<lang>`: start a translation from the
most recently changed variant."""

import os
import re

from .naming import file_name, parse_name

# Lines that belong to the source variant alone: its language, its
# localised URL and its own change time.
SOURCE_ONLY = re.compile(r"^(lang|slug|modified|save_as|url)\s*:", re.IGNORECASE)


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
    metadata = [line for line in header.splitlines() if not SOURCE_ONLY.match(line)]
    # A draft until the translator has translated it: a page that claims a
    # language must not show another language's text.
    metadata = [line for line in metadata if not line.lower().startswith("status:")]
    metadata.append("Status: draft")
    try:
        with open(target, "x", encoding="utf-8") as handle:
            handle.write("\n".join(metadata) + separator + body)
    except FileExistsError:
        raise TranslateError(f"{os.path.relpath(target)} already exists (nothing was written).") from None
    return target, source
