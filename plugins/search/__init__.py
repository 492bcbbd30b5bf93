"""Search: each language's search page, /<lang>/search/, written in the
Pelican run; its Pagefind index is built over output/ afterwards
(``python -m plugins.search index output``, run by make html and
make publish).

Pelican and the other plugins are imported when Pelican registers this
one, not with the package: the index command, run after every rebuild,
then starts without loading Pelican (a third of a second of CPU)."""


def check_plugins(pelican):
    from plugins.errors.exceptions import require_plugins

    require_plugins(pelican.settings, "plugins.search", "plugins.errors", "plugins.localisation", "plugins.variants")


def get_generators(pelican):
    from .generator import SearchPagesGenerator

    return SearchPagesGenerator


def register():
    from pelican import signals

    signals.initialized.connect(check_plugins)
    signals.get_generators.connect(get_generators)
