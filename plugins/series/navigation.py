"""How a reader of each language is offered a series: the part in their
language where it exists, else the first of their language's fallbacks
(the language table's "fallbacks") that has it, never skipped."""

from .model import Entry, PartNavigation


def entry_for(part, language):
    published = {v.lang: v for v in part.group.variants if v.status == "published"}
    if language.code in published:
        return Entry(part, published[language.code], fallback=False)
    for code in language.fallbacks:
        if code in published:
            return Entry(part, published[code], fallback=True)
    return None  # a part always has a published variant (parts.order_series)


def series_entries(series, language):
    """Every part of the series, in order, as this language's readers get it."""
    return [entry_for(part, language) for part in series.parts]


def attach_navigation(series, languages):
    """`series_navigation` on every published variant of every part: its
    position, the series page, its neighbours and the whole list of parts
    in its own language."""
    total = len(series.parts)
    entries = {code: series_entries(series, language) for code, language in languages.items()}
    for position, part in enumerate(series.parts):
        for variant in part.group.variants:
            if variant.status != "published":
                continue
            listed = entries[variant.lang]
            variant.series_navigation = PartNavigation(
                series=series,
                page=series.pages[variant.lang],
                part=part,
                total=total,
                previous=listed[position - 1] if position > 0 else None,
                next=listed[position + 1] if position + 1 < total else None,
                entries=listed,
            )


def not_yet_in(all_series, language):
    """The parts of every series that have no variant in this language, in
    series order, each offered in its fallback language."""
    return [
        entry
        for series in all_series
        for entry in series_entries(series, language)
        if entry.fallback
    ]
