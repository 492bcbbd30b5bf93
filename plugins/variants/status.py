"""`make status`: every article and page against every language, as
present, missing or stale (freshness.py says which), and for each stale
translation what changed in its source since; FORMAT=json carries the
same, FORMAT=html writes the dashboard (dashboard.py)."""

import json
import os
from collections import defaultdict

from .freshness import DATE_RULE, SOURCE_RULE, group_freshness
from .history import commit_times
from .provenance import current_revision

PRESENT, MISSING, STALE = "present", "missing", "stale"


def groups_of(variants):
    """{(kind, key): {lang: variant}}, sorted."""
    groups = defaultdict(dict)
    for variant in variants:
        groups[(variant.kind, variant.key)][variant.lang] = variant
    return dict(sorted(groups.items()))


def translation_status(variants, languages, settings):
    """[{key, kind, languages: {code: {state, ...}}}], sorted."""
    times = commit_times(settings["PATH"])
    rows = []
    for (kind, key), by_lang in groups_of(variants).items():
        states = group_freshness(key, by_lang, settings, times)
        cells = {}
        for code in languages:
            variant = by_lang.get(code)
            if variant is None:
                cells[code] = {"state": MISSING, "start": f"make translate KEY={key} LANG={code}"}
                continue
            state = states[code]
            cell = {
                "state": STALE if state.stale else PRESENT,
                "path": os.path.relpath(variant.path),
                "rule": state.rule,
                "updated": variant.updated.isoformat(),
                "updated_from": variant.updated_from,
            }
            if state.rule == SOURCE_RULE:
                changes = state.changes
                cell.update(
                    source=state.behind.lang,
                    source_path=os.path.relpath(state.behind.path),
                    revision=changes.revision,
                    source_revision_now=changes.current,
                    changes=changes.counts(),
                    new_paragraphs=len(changes.new_paragraphs) if changes.changes is None else None,
                )
            elif len(by_lang) > 1 and state.behind is not None and state.behind.lang != code:
                source = state.behind
                cell["record_source"] = [
                    f"Translated_from: {source.lang}", f"Source_revision: {current_revision(source.path)}"
                ]
            cells[code] = cell
        rows.append({"key": key, "kind": kind, "languages": cells})
    return rows


def describe_changes(counts):
    """"paragraphs: 1 changed, 2 added; sections: 1 changed" (zeros left out)."""
    parts = []
    for unit in ("paragraphs", "sections"):
        shown = [f"{number} {what}" for what, number in counts[unit].items() if number]
        if shown:
            parts.append(f"{unit}: {', '.join(shown)}")
    return "; ".join(parts) or "metadata only"


def format_table(rows, languages):
    headings = ["kind", "key", *languages]
    lines = [
        [row["kind"], row["key"], *(row["languages"][code]["state"] for code in languages)]
        for row in rows
    ]
    widths = [max(len(cell) for cell in column) for column in zip(headings, *lines)]

    def render(cells):
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()

    return "\n".join([render(headings), *(render(line) for line in lines), *_notes(rows)])


def _notes(rows):
    """Below the table: what each stale translation's source did, and how
    to record a source where none is recorded."""
    notes = []
    for row in rows:
        for code, cell in row["languages"].items():
            if cell.get("rule") == SOURCE_RULE and cell["state"] == STALE:
                if cell["changes"] is not None:
                    what = describe_changes(cell["changes"])
                else:
                    what = f"{cell['new_paragraphs']} paragraphs new (its revision is a digest)"
                notes.append(
                    f"{cell['path']}: stale: {cell['source_path']} changed since revision "
                    f"{cell['revision'][:14]} ({what}). See `make diff KEY={row['key']} LANG={code}`."
                )
            elif cell.get("rule") == DATE_RULE and "record_source" in cell:
                notes.append(
                    f"{cell['path']}: no recorded source, so {cell['state']} by date (compared with "
                    f"its article's newest variant, {cell['record_source'][0].split(': ')[1]}, by "
                    f"{cell['updated_from']}). If it is a translation that follows that variant as it "
                    "is now, add these lines to its metadata:\n    "
                    + "\n    ".join(cell["record_source"])
                )
    return ["", *notes] if notes else []


def format_json(rows, languages):
    return json.dumps(
        {"languages": list(languages), "content": rows}, ensure_ascii=False, indent=2
    )
