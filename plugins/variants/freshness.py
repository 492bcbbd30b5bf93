"""The one rule for "stale", asked by the build's outdated notice, `make
status`, `make diff` and the dashboard.

A variant that names its source (provenance.py) is stale when the
source's text (title, summary, headings, paragraphs, whitespace
normalised) changed since the revision it records, minor commits aside.
A variant that names none keeps the date rule: it is stale when older
than its article's most recently changed variant, by its Modified: line,
else the time of the last git commit that touched its file, else the
file's modification time.
"""

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from html.parser import HTMLParser

from plugins.writing.fingerprints import page_inputs

from .history import commit_times
from .provenance import SOURCE_REVISION, TRANSLATED_FROM, located, source_changes, source_languages

SOURCE_RULE, DATE_RULE = "source", "date"


def last_changed(metadata, path, times):
    """(when, how): how is "Modified", "git" or "mtime"."""
    if "modified" in metadata:
        return as_utc(metadata["modified"]), "Modified"
    if path in times:
        return times[path], "git"
    return datetime.fromtimestamp(os.path.getmtime(path), timezone.utc), "mtime"


def as_utc(moment):
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


@dataclass
class Freshness:
    stale: bool
    rule: str  # SOURCE_RULE or DATE_RULE
    behind: object  # the variant it is compared with (its source, or the newest)
    changes: object = None  # provenance.SourceChanges, for the source rule


def how_to_record(key, lang):
    return (
        f"Once the translation follows its source as it is now, run "
        f"`make translated KEY={key} LANG={lang}` to record its revision."
    )


def group_freshness(key, variants, settings, times, dated=None):
    """{lang: Freshness} for `variants` ({lang: variant}; each has `lang`,
    `metadata` and `source_path`, absolute); ProvenanceError for a source
    that cannot be. The date rule compares the variants of `dated` (the
    languages; default all)."""
    sources = source_languages(
        key, {lang: (v.source_path, v.metadata.get(TRANSLATED_FROM)) for lang, v in variants.items()}, settings
    )
    # The date rule compares the variants that name no source (a
    # translation that names one is never the "newer version"), drafts aside.
    dated = [
        lang for lang in (variants if dated is None else dated)
        if lang not in sources and variants[lang].metadata.get("status") != "draft"
    ]
    updated = {lang: last_changed(variants[lang].metadata, variants[lang].source_path, times)[0] for lang in dated}
    newest = max(dated, key=updated.get, default=None)
    states = {}
    for lang, variant in variants.items():
        revision = variant.metadata.get(SOURCE_REVISION)
        if lang in sources and revision:
            source = variants[sources[lang]]
            changes = source_changes(
                source.source_path, revision, located(variant.source_path, "Source_revision", settings),
                settings, how_to_record(key, lang),
            )
            states[lang] = Freshness(changes.stale, SOURCE_RULE, source, changes)
        else:
            older = lang in updated and updated[lang] < updated[newest]
            states[lang] = Freshness(older, DATE_RULE, variants[newest] if newest else None)
    return states


def mark_outdated(groups, settings):
    """On every published variant, set `newer_variant` (the variant it is
    behind, when stale, else None), `changed_sections` (the source's
    sections that changed, as (heading text, id), ("", "") for the start
    of the article; empty when they cannot be matched to this variant's)
    and `source_variant` (the variant it is translated from, or None)."""
    times = commit_times(settings["PATH"])
    for group in groups:
        published = {v.lang: v for v in group.variants if v.status == "published"}
        states = group_freshness(group.key, group.by_lang, settings, times, dated=published)
        for lang, variant in published.items():
            state = states[lang]
            source = state.behind if state.rule == SOURCE_RULE else None
            variant.source_variant = source if source is not None and source.lang in published else None
            behind = state.behind if state.stale and state.behind.lang in published else None
            variant.newer_variant = behind
            variant.changed_sections = _changed_sections(variant, state) if behind is not None else []
            # Shown on the variant's own page only (plugins/writing).
            page_inputs(variant)["newer_variant"] = behind.url if behind is not None else ""
            page_inputs(variant)["changed_sections"] = repr(variant.changed_sections)
            page_inputs(variant)["translated_from"] = repr(
                (variant.source_variant.url, variant.metadata.get("translator"))
                if variant.source_variant is not None else None
            )


def _changed_sections(variant, state):
    """The source's changed sections, linked by their headings' ids on the
    source's page, when the translation has as many sections as the source
    (else none: the notice stays whole-article)."""
    changes = state.changes.changes if state.changes is not None else None
    if changes is None:
        return []
    # The HTML as the reader made it (`content` would resolve links
    # before every page is known).
    headings = HeadingIds.of(state.behind._content)
    current = [change.new for change in changes.sections if change.new is not None]
    if len(HeadingIds.of(variant._content)) != len(headings) or len(current) != len(headings) + 1:
        return []
    return [headings[index - 1] if index else ("", "") for index in changes.changed_indices()]


class HeadingIds(HTMLParser):
    """(text, id) of every heading of an article's HTML, in order
    (Markdown's toc extension gives each an id)."""

    @classmethod
    def of(cls, html):
        parser = cls()
        parser.feed(html or "")
        parser.close()
        return parser.headings

    def __init__(self):
        super().__init__()
        self.headings = []
        self.open = None

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.open = [[], dict(attrs).get("id") or ""]

    def handle_data(self, data):
        if self.open is not None:
            self.open[0].append(data)

    def handle_endtag(self, tag):
        if self.open is not None and tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append((" ".join("".join(self.open[0]).split()), self.open[1]))
            self.open = None
