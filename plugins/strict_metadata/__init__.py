"""Strict metadata: a Markdown file whose metadata Pelican cannot read
(a Date: that is not a date, ...) stops the build with a message naming
the file, the line and what to write instead, rather than Pelican's
"Could not process" and a traceback."""

from pelican import signals

from .reader import use_strict_markdown_reader


def register():
    signals.readers_init.connect(use_strict_markdown_reader)
