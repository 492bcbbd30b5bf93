"""Markdown to HTML, the costliest step of reading: one converter per
process, reused for every file (Pelican builds a new one for each), and
the files Pelican is about to read converted ahead on every core.

A conversion is the document's HTML, its metadata lines as Python-Markdown's
meta extension reads them, and the HTML of its formatted metadata fields
(FORMATTED_FIELDS, e.g. summary) — plain strings, so they travel between
processes; Pelican's own metadata processing then runs on them in the
build's process.
"""

import multiprocessing

from markdown import Markdown
from pelican.utils import pelican_open

from plugins.writing.processes import build_processes


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
        """(html, {name: [lines]}, {formatted field: html}); with
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
        return html, meta, formatted


def _convert_chunk(arguments):
    markdown_settings, formatted_fields, paths = arguments
    converter = Converter(markdown_settings, formatted_fields)
    return [(path, converter.convert(path)) for path in paths]


def convert_ahead(paths, settings):
    """{path: conversion} for every path, on BUILD_PROCESSES processes
    (default: every core); an empty dict for one process or few files,
    which are converted as they are read."""
    processes = build_processes(settings)
    paths = sorted(paths)
    if processes < 2 or len(paths) < 2 * processes:
        return {}
    chunks = [paths[i::processes * 2] for i in range(processes * 2)]
    arguments = [(settings["MARKDOWN"], settings["FORMATTED_FIELDS"], chunk) for chunk in chunks]
    # fork: the workers start with the build's modules already imported.
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        return {path: result for chunk in pool.imap_unordered(_convert_chunk, arguments) for path, result in chunk}
