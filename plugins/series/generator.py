"""The series generator: reads the series definitions, orders the parts,
gives each part its navigation and each language its series pages and its
"not yet in this language" list."""

from pelican.generators import Generator

from plugins.errors.exceptions import require_plugins

from .definitions import read_definitions
from .navigation import attach_navigation, not_yet_in, series_entries
from .parts import order_series


def check_plugins(pelican):
    require_plugins(
        pelican.settings, "plugins.series", "plugins.errors", "plugins.localisation", "plugins.variants"
    )


class SeriesGenerator(Generator):
    def __init__(self, *args, **kwargs):
        # Its own readers' cache, as Pelican's generators have: the series
        # files are read through Pelican's content cache.
        super().__init__(*args, readers_cache_name="SeriesGenerator-Readers", **kwargs)

    def generate_context(self):
        languages = self.context["localisation"].languages
        definitions = read_definitions(self)
        self.series = list(
            order_series(self.context["article_groups"], definitions, languages, self.settings).values()
        )
        for series in self.series:
            attach_navigation(series, languages)
        # The series pages are alternates of each other, like an article's
        # variants: the sitemap and the switcher treat them alike.
        self.context["sitemap_groups"].extend(definitions[series.key] for series in self.series)
        self.context["series_by_lang"] = {
            code: [series for series in self.series if code in series.pages] for code in languages
        }
        self.context["not_yet_by_lang"] = {
            code: not_yet_in(self.series, language) for code, language in languages.items()
        }

    def generate_output(self, writer):
        languages = self.context["localisation"].languages
        for series in self.series:
            for code, page in series.pages.items():
                writer.write_file(
                    page.save_as,
                    self.get_template("series"),
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    page=page,
                    series=series,
                    entries=series_entries(series, languages[code]),
                )
