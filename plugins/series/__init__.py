"""Series: the parts of a series in order in every language, each
language's fallbacks for the parts not yet written in it, and a series page
per language.

A part says `Series: <series key>` and `Series_index: <n>`; the series is
defined by content/series/<key>/<key>.<lang>.md, one file per language
holding its title (and an optional introduction). Needs plugins.errors,
plugins.localisation and plugins.variants before it.
"""

from pelican import signals

from .generator import SeriesGenerator, check_plugins


def get_generators(pelican):
    return SeriesGenerator


def register():
    signals.initialized.connect(check_plugins)
    signals.get_generators.connect(get_generators)
