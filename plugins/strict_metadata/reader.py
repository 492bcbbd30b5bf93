"""A Markdown reader that reports bad metadata with file and line."""

import os
import re

from pelican.readers import MarkdownReader

FIXES = {
    "date": "write it as YYYY-MM-DD, or YYYY-MM-DD HH:MM",
    "modified": "write it as YYYY-MM-DD, or YYYY-MM-DD HH:MM",
}


EXAMPLES = {"Title": "Title: The article's title", "Date": "Date: 2024-03-05"}


class MetadataError(Exception):
    def __init__(self, name, value, reason):
        super().__init__(reason)
        self.name = name
        self.value = value


class StrictMarkdownReader(MarkdownReader):
    def process_metadata(self, name, value):
        try:
            return super().process_metadata(name, value)
        except (ValueError, TypeError) as error:
            raise MetadataError(name, value, str(error)) from None

    def read(self, source_path):
        try:
            content, metadata = super().read(source_path)
        except MetadataError as error:
            # SystemExit passes Pelican's catch-all: the build stops here
            # with this message alone.
            raise SystemExit(describe(source_path, error, self.settings)) from None
        missing = missing_metadata(source_path, metadata, self.settings)
        if missing:
            raise SystemExit(
                f"ERROR: {display_path(source_path, self.settings)}: no {missing}: line. "
                f"Add one to the metadata at the top of the file (e.g. {EXAMPLES[missing]})."
            )
        return content, metadata


def metadata_line(source_path, name):
    pattern = re.compile(rf"^\s*{re.escape(name)}\s*:", re.IGNORECASE)
    with open(source_path, encoding="utf-8") as source:
        for number, line in enumerate(source, start=1):
            if pattern.match(line):
                return number
    return None


def display_path(source_path, settings):
    """The path as the author sees it, e.g. content/articles/x/x.cy.md."""
    return os.path.relpath(source_path, os.path.dirname(settings["PATH"]))


def missing_metadata(source_path, metadata, settings):
    """The first metadata Pelican requires that the file lacks: a title
    always, a date for articles (unless DEFAULT_DATE supplies one)."""
    if "title" not in metadata:
        return "Title"
    relative = os.path.relpath(source_path, settings["PATH"])
    is_article = any(
        relative == folder or relative.startswith(folder.rstrip("/") + "/")
        for folder in settings["ARTICLE_PATHS"]
    )
    if is_article and "date" not in metadata and not settings.get("DEFAULT_DATE"):
        return "Date"
    return None


def describe(source_path, error, settings):
    path = display_path(source_path, settings)
    line = metadata_line(source_path, error.name)
    where = f"{path}:{line}" if line else path
    fix = FIXES.get(error.name.lower(), "correct or remove that line")
    return (
        f"ERROR: {where}: {error.name.capitalize()}: {error.value!r} cannot be "
        f"read ({error}); {fix}."
    )


def use_strict_markdown_reader(readers):
    if "md" in readers.reader_classes:
        for extension, reader_class in list(readers.reader_classes.items()):
            if reader_class is MarkdownReader:
                readers.reader_classes[extension] = StrictMarkdownReader
