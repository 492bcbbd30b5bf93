"""`make status`: every article and page against every language, as
present, missing or stale (older than its most recently changed sibling)."""

import json
import os
from collections import defaultdict

PRESENT, MISSING, STALE = "present", "missing", "stale"


def translation_status(variants, languages):
    """[{key, kind, languages: {code: {state, path?, updated?}}}], sorted."""
    groups = defaultdict(dict)
    for variant in variants:
        groups[(variant.kind, variant.key)][variant.lang] = variant
    rows = []
    for (kind, key), by_lang in sorted(groups.items()):
        newest = max(variant.updated for variant in by_lang.values())
        cells = {}
        for code in languages:
            variant = by_lang.get(code)
            if variant is None:
                cells[code] = {"state": MISSING}
                continue
            cells[code] = {
                "state": STALE if variant.updated < newest else PRESENT,
                "path": os.path.relpath(variant.path),
                "updated": variant.updated.isoformat(),
                "updated_from": variant.updated_from,
            }
        rows.append({"key": key, "kind": kind, "languages": cells})
    return rows


def format_table(rows, languages):
    headings = ["kind", "key", *languages]
    lines = [
        [row["kind"], row["key"], *(row["languages"][code]["state"] for code in languages)]
        for row in rows
    ]
    widths = [max(len(cell) for cell in column) for column in zip(headings, *lines)]

    def render(cells):
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()

    return "\n".join([render(headings), *(render(line) for line in lines)])


def format_json(rows, languages):
    return json.dumps(
        {"languages": list(languages), "content": rows}, ensure_ascii=False, indent=2
    )
