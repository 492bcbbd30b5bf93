"""Search: each language's search page, /<lang>/search/, written in the
Pelican run; its Pagefind index is built over output/ afterwards
(``python -m plugins.search index output``, run by make html and
make publish)."""

from pelican import signals

from plugins.errors.exceptions import require_plugins

from .generator import SearchPagesGenerator


def check_plugins(pelican):
    require_plugins(pelican.settings, "plugins.search", "plugins.errors", "plugins.localisation", "plugins.variants")


def get_generators(pelican):
    return SearchPagesGenerator


def register():
    signals.initialized.connect(check_plugins)
    signals.get_generators.connect(get_generators)
