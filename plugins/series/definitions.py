"""The series definitions: content/series/<key>/<key>.<lang>.md, one file per
language with the series' title in it (and, below, an introduction for the
series page). Found by Pelican's file discovery, read by its readers, named
and grouped by the variants plugin's rules, like articles."""

from pelican.contents import Page

from plugins.errors.exceptions import author_path
from plugins.variants.grouping import group_variants

from .model import SeriesError


def read_definitions(generator):
    """{series key: VariantGroup of its pages}, each page placed at its
    language's series URL (the layout's "series" kind)."""
    settings = generator.settings
    layout = generator.context["layout"]
    pages = []
    for relative in sorted(generator.get_files(settings["SERIES_PATHS"])):
        page = generator.readers.read_file(
            generator.path, relative, content_class=Page, context=generator.context
        )
        if not getattr(page, "title", None):
            raise SeriesError(
                f"{author_path(page.source_path, settings)}: no Title: line. A series "
                "file gives the series' title in its language, e.g. "
                "Title: Myths, Misconceptions and Rants."
            )
        pages.append(page)
    generator.readers.save_cache()
    groups = group_variants(pages, "series", list(generator.context["localisation"].languages), settings)
    for group in groups:
        for page in group.by_lang.values():
            place = layout.place("series", page.lang, page.slug)
            page.override_url = place.url
            page.override_save_as = place.save_as
    return {group.key: group for group in groups}
