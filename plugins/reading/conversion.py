"""Markdown to HTML, the costliest step of reading: one converter per
process, reused for every file (Pelican builds a new one for each), and
the files Pelican is about to read converted ahead on every core.

A conversion is the document's HTML, its metadata lines as Python-Markdown's
meta extension reads them, the HTML of its formatted metadata fields
(FORMATTED_FIELDS, e.g. summary) and its headings as the toc extension
found them — plain strings, so they travel between processes; Pelican's
own metadata processing then runs on them in the build's process.
"""

import functools
import html as html_text

from markdown import Markdown
from pelican.utils import pelican_open

from plugins.writing.processes import WorkApart, build_processes


class Converter:
    """Python-Markdown with the site's MARKDOWN settings, reused: reset
    between documents, as Python-Markdown intends."""

    def __init__(self, markdown_settings, formatted_fields):
        self.formatted_fields = formatted_fields
        self.document = Markdown(**markdown_settings)
        # Formatted fields are converted without the metadata step, as
        # Pelican converts them.
        self.field = Markdown(**markdown_settings)
        self.field.preprocessors.deregister("meta")

    def convert(self, source_path, metadata_only=False):
        """(html, {name: [lines]}, {formatted field: html}, headings); with
        metadata_only, the metadata alone (the lines before the first blank
        one) is read, its formatted fields left as written, and the html is
        empty."""
        with pelican_open(source_path) as text:
            if metadata_only:
                text = text.split("\n\n", 1)[0] + "\n"
            self.document.reset()
            html = self.document.convert(text)
        if metadata_only:
            html = ""
        meta = getattr(self.document, "Meta", {})
        formatted = {}
        fields = () if metadata_only else self.formatted_fields
        for name, lines in meta.items():
            if name.lower() in fields:
                self.field.reset()
                formatted[name] = self.field.convert("\n".join(lines))
        return html, meta, formatted, _headings(getattr(self.document, "toc_tokens", []))


def _headings(tokens):
    """The toc extension's headings as the theme's table of contents
    shows them: [{"level", "id", "title" (plain text), "children"}]."""
    return [
        {"level": token["level"], "id": token["id"], "title": html_text.unescape(token["name"]),
         "children": _headings(token["children"])}
        for token in tokens
    ]


def convert_ahead(paths, settings):
    """{path: conversion} for the paths, converted in BUILD_PROCESSES other
    processes (default: one per core), or here for one process or few
    files. A file that cannot be converted is left out: Pelican then reads
    it itself and reports why, naming it."""
    if not paths:  # a rebuild whose articles are all in the content cache
        return {}
    converter = Converter(settings["MARKDOWN"], settings["FORMATTED_FIELDS"])
    paths = sorted(paths)
    conversions = WorkApart(functools.partial(_conversion_or_none, converter), paths, build_processes(settings))
    return {path: conversion for path, conversion in zip(paths, conversions.results()) if conversion is not None}


def _conversion_or_none(converter, path):
    try:
        return converter.convert(path)
    except Exception:  # reported when Pelican reads the file
        return None
