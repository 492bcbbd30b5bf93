"""Turns Pelican's reports of our ContentErrors into the error's own message.

Pelican logs an exception it catches with a generic line ("Could not process
<file>", its reason shown only with --debug) or, at the top level, with its
traceback; both hide what the author must fix. A filter on Pelican's loggers rewrites those records; everything
else passes untouched.
"""

import logging
import sys

from .exceptions import ContentError, author_path

# Pelican's `--fatal` mode raises this after logging the first error, which
# has already been printed: its traceback says nothing more.
FATAL_LOG_MESSAGE = "Warning or error encountered"
# Pelican's own check of Title and Date (Content._has_valid_mandatory_properties).
MISSING_PROPERTY = "Skipping %s: could not find information about '%s'"
EXAMPLES = {"title": "Title: The article's title", "date": "Date: 2024-03-05"}
# Pelican's line for a file a reader failed on (its traceback shows only
# with --debug).
COULD_NOT_PROCESS = "Could not process %s"


class ContentErrorFilter(logging.Filter):
    def __init__(self, settings):
        super().__init__()
        self.settings = settings

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
        if isinstance(error, ContentError):
            self._replace(record, str(error))
        elif isinstance(error, RuntimeError) and str(error) == FATAL_LOG_MESSAGE:
            self._replace(record, "The build stopped at the first error above; fix it and build again.")
        elif record.msg == COULD_NOT_PROCESS and isinstance(error, UnicodeDecodeError):
            self._replace(
                record,
                f"{author_path(str(record.args[0]), self.settings)}: is not UTF-8 ({error.reason} at byte "
                f"{error.start}); re-save it as UTF-8.",
            )
        elif record.msg == COULD_NOT_PROCESS and error is not None:
            self._replace(record, f"{author_path(str(record.args[0]), self.settings)}: could not be read: {error}")
        elif record.msg == MISSING_PROPERTY and len(record.args) == 2:
            content, name = record.args
            self._replace(
                record,
                f"{author_path(str(content), self.settings)}: no {name.capitalize()}: line. Add one to the metadata at "
                f"the top of the file (e.g. {EXAMPLES.get(name, name.capitalize() + ': ...')}).",
            )
        return True

    @staticmethod
    def _replace(record, message):
        record.msg = f"ERROR: {message}" if not message.startswith("ERROR:") else message
        record.args = ()
        record.exc_info = None
        record.exc_text = None


# The loggers whose records carry our errors: Pelican's top level and
# autoreload loop, the generators' "Could not process", the contents' check.
PELICAN_LOGGERS = ("pelican", "pelican.generators", "pelican.contents")


def report_content_errors(pelican):
    """Install the filter on the loggers that report our errors (whatever
    handler --log-handler chose)."""
    for name in PELICAN_LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, ContentErrorFilter)]:
            logger.removeFilter(old)
        logger.addFilter(ContentErrorFilter(pelican.settings))
