"""Search: each language's search page, /<lang>/search/, written in the
Pelican run; its Pagefind index is built over output/ afterwards
(``python -m plugins.search index output``, run by make html and
make publish)."""

from pelican import signals

from .generator import SearchPagesGenerator


def get_generators(pelican):
    return SearchPagesGenerator


def register():
    signals.get_generators.connect(get_generators)
