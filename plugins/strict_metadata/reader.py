"""A Markdown reader that reports bad metadata with file and line."""

import re

from pelican.readers import MarkdownReader

from plugins.errors.exceptions import ContentError, author_path

FIXES = {
    "date": "write it as YYYY-MM-DD, or YYYY-MM-DD HH:MM",
    "modified": "write it as YYYY-MM-DD, or YYYY-MM-DD HH:MM",
}


class MetadataError(ContentError):
    """A metadata line Pelican cannot read; the message names file and line."""


class _UnreadableValue(Exception):
    def __init__(self, name, value, reason):
        super().__init__(reason)
        self.name = name
        self.value = value


class StrictMarkdownReader(MarkdownReader):
    def process_metadata(self, name, value):
        try:
            return super().process_metadata(name, value)
        except (ValueError, TypeError) as error:
            raise _UnreadableValue(name, value, str(error)) from None

    def read(self, source_path):
        try:
            return super().read(source_path)
        except _UnreadableValue as error:
            # Pelican catches this, skips the file and reports the message
            # (plugins/errors); a missing Title: or Date: is Pelican's own
            # check, reported there too.
            raise MetadataError(describe(source_path, error, self.settings)) from None


def metadata_line(source_path, name):
    pattern = re.compile(rf"^\s*{re.escape(name)}\s*:", re.IGNORECASE)
    with open(source_path, encoding="utf-8") as source:
        for number, line in enumerate(source, start=1):
            if pattern.match(line):
                return number
    return None


def describe(source_path, error, settings):
    path = author_path(source_path, settings)
    line = metadata_line(source_path, error.name)
    where = f"{path}:{line}" if line else path
    fix = FIXES.get(error.name.lower(), "correct or remove that line")
    return (
        f"{where}: {error.name.capitalize()}: {error.value!r} cannot be "
        f"read ({error}); {fix}."
    )


def use_strict_markdown_reader(readers):
    if "md" in readers.reader_classes:
        for extension, reader_class in list(readers.reader_classes.items()):
            if reader_class is MarkdownReader:
                readers.reader_classes[extension] = StrictMarkdownReader
