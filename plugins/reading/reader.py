"""The site's Markdown reader: Pelican's MarkdownReader, with one converter
reused for every file, files converted ahead on every core when there are
many (conversion.py), and metadata errors reported with file and line."""

import logging
import re
from datetime import datetime, timedelta, timezone

from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader

from plugins.errors.exceptions import ContentError, author_path

from .conversion import Converter

logger = logging.getLogger(__name__)

# A moment must stay a date in every time zone and once in UTC (pages,
# feeds, the sitemap and "stale" all compare them): a day's margin inside
# the years Python's dates can hold.
EARLIEST, LATEST = datetime.min + timedelta(days=1), datetime.max - timedelta(days=1)
DATES = ("date", "modified")
OUT_OF_RANGE = "give a date between the years 1 and 9999 (in UTC too)"

FIXES = {
    "date": "write it as YYYY-MM-DD, or YYYY-MM-DD HH:MM",
    "modified": "write it as YYYY-MM-DD, or YYYY-MM-DD HH:MM",
}


class MetadataError(ContentError):
    """A metadata line Pelican cannot read; the message names file and line."""


class SiteMarkdownReader(MarkdownReader):
    metadata_only = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.converter = None  # made on first use, with the settings completed above
        self.converted = {}  # source path -> a conversion made ahead (conversion.py)

    def read(self, source_path):
        self._source_path = source_path
        conversion = self.converted.pop(source_path, None)
        if conversion is None:
            if self.converter is None:
                self.converter = Converter(self.settings["MARKDOWN"], self.settings["FORMATTED_FIELDS"])
            conversion = self.converter.convert(source_path, self.metadata_only)
        content, meta, formatted, headings = conversion
        metadata = self._metadata(source_path, meta, formatted)
        if headings:  # the theme's table of contents (templates/article.html)
            metadata["headings"] = headings
        return content, metadata

    def _metadata(self, source_path, meta, formatted):
        """Pelican's MarkdownReader._parse_metadata, given the formatted
        fields' HTML already converted; an unreadable value is a
        MetadataError naming its line (Pelican catches it, skips the file
        and reports the message: plugins/errors)."""
        output = {}
        for raw_name, value in meta.items():
            name = raw_name.lower()
            try:
                if raw_name in formatted:
                    output[name] = self.process_metadata(name, formatted[raw_name])
                elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                    if len(value) > 1:
                        logger.warning(
                            "Duplicate definition of `%s` for %s. Using first one.", name, source_path
                        )
                    output[name] = self.process_metadata(name, value[0])
                elif len(value) > 1:
                    output[name] = self.process_metadata(name, value)
                else:
                    output[name] = self.process_metadata(name, value[0])
                if name in DATES:
                    _check_range(output[name])
            except (ValueError, TypeError, OverflowError) as error:
                fix = OUT_OF_RANGE if isinstance(error, OverflowError) else None
                raise MetadataError(describe(source_path, name, value, error, self.settings, fix)) from None
        return output


def _check_range(moment):
    if isinstance(moment, datetime):
        utc = moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment
        if not EARLIEST <= utc <= LATEST:
            raise OverflowError("date value out of range")


class MetadataReader(SiteMarkdownReader):
    """Reads a file's metadata and not its text: for the tools that need to
    know what the sources are (make status, make translate, the comments
    import), not to show them."""

    metadata_only = True


def metadata_line(source_path, name):
    pattern = re.compile(rf"^\s*{re.escape(name)}\s*:", re.IGNORECASE)
    with open(source_path, encoding="utf-8") as source:
        for number, line in enumerate(source, start=1):
            if pattern.match(line):
                return number
    return None


def describe(source_path, name, value, error, settings, fix=None):
    path = author_path(source_path, settings)
    line = metadata_line(source_path, name)
    where = f"{path}:{line}" if line else path
    fix = fix or FIXES.get(name, "correct or remove that line")
    shown = value[0] if isinstance(value, list) and len(value) == 1 else value
    return f"{where}: {name.capitalize()}: {shown!r} cannot be read ({error}); {fix}."


def use_site_markdown_reader(readers):
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = SiteMarkdownReader
