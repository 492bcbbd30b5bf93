"""Strict metadata: a Markdown file whose metadata Pelican cannot read
(a Date: that is not a date, ...) is reported with the file, the line and
what to write instead, rather than Pelican's "Could not process"."""

from pelican import signals

from plugins.errors.exceptions import require_plugins

from .reader import use_strict_markdown_reader


def check_plugins(pelican):
    require_plugins(pelican.settings, "plugins.strict_metadata", "plugins.errors")


def register():
    signals.initialized.connect(check_plugins)
    signals.readers_init.connect(use_strict_markdown_reader)
