"""The parts of every series, checked and put in order.

Each variant of a part names its series and its index (Series:,
Series_index:); every variant of one part must agree, no two parts of a
series may share an index, and a series with a part in a language needs a
title in that language.
"""

from collections import defaultdict

from plugins.errors.exceptions import author_path

from .model import Part, Series, SeriesError


def _shown(variant, settings):
    return author_path(variant.source_path, settings)


def _series_of(variant, settings):
    """(series key, index) that the variant states, or None."""
    metadata = variant.metadata
    series = metadata.get("series")
    if not series:
        return None
    raw = metadata.get("series_index")
    if raw is None:
        raise SeriesError(
            f"{_shown(variant, settings)}: Series: {series} but no Series_index: line. "
            "Add Series_index: <its position in the series> (1, 2, ...), the same in every language."
        )
    try:
        index = int(str(raw).strip())
    except ValueError:
        index = 0
    if index < 1:
        raise SeriesError(
            f"{_shown(variant, settings)}: Series_index: {raw!r} is not a whole number from 1; "
            "write the part's position in the series (1, 2, ...)."
        )
    return str(series).strip(), index


def _part_of(group, settings):
    """(series key, index) of an article group, the same in every variant."""
    stated = {code: _series_of(variant, settings) for code, variant in group.by_lang.items()}
    if len(set(stated.values())) > 1:
        described = "; ".join(
            f"{_shown(group.by_lang[code], settings)} says "
            + (f"Series: {value[0]}, Series_index: {value[1]}" if value else "no series")
            for code, value in stated.items()
        )
        raise SeriesError(
            f"the variants of article {group.key!r} disagree on their series: {described}. "
            "Give every variant the same Series: and Series_index: lines."
        )
    return next(iter(stated.values()), None)


def order_series(article_groups, definitions, languages, settings):
    """{series key: Series}, its parts in order; raise SeriesError for what
    the module's docstring forbids."""
    parts_by_series = defaultdict(list)
    for group in article_groups:
        stated = _part_of(group, settings)
        published = [v for v in group.variants if v.status == "published"]
        if stated is None or not published:
            continue
        series_key, index = stated
        parts_by_series[series_key].append(Part(index=index, group=group))

    all_series = {}
    for series_key, parts in parts_by_series.items():
        pages = definitions[series_key].by_lang if series_key in definitions else {}
        untitled = defaultdict(list)
        for part in parts:
            for variant in part.group.variants:
                if variant.status == "published" and variant.lang not in pages:
                    untitled[variant.lang].append(variant)
        if untitled:
            folder = f"{settings['SERIES_PATHS'][0]}/{series_key}"
            problems = "; ".join(
                f"{', '.join(_shown(v, settings) for v in variants)} "
                f"{'is a part' if len(variants) == 1 else 'are parts'} of series {series_key!r} in {code!r}"
                for code, variants in sorted(untitled.items(), key=lambda item: list(languages).index(item[0]))
            )
            files = ", ".join(
                author_path(f"{folder}/{series_key}.{code}.md", settings) for code in untitled
            )
            raise SeriesError(
                f"{problems}, but the series has no title in that language. "
                f"Add {files} with a Title: line (the series' title in that language)."
            )
        by_index = defaultdict(list)
        for part in parts:
            by_index[part.index].append(part)
        for index, same in sorted(by_index.items()):
            if len(same) > 1:
                files = " and ".join(_shown(part.group.variants[0], settings) for part in same)
                raise SeriesError(
                    f"{files} are both Series_index: {index} of series {series_key!r}. "
                    "Give each part its own index."
                )
        parts.sort(key=lambda part: part.index)
        for number, part in enumerate(parts, start=1):
            part.number = number
        all_series[series_key] = Series(key=series_key, pages=pages, parts=parts)
    return all_series
