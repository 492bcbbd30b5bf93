"""Search: each language's Pagefind index, built over output/ once Pelican
has written it (``python -m plugins.search index output``, run by make html
and make publish)."""
