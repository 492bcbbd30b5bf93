"""Compiled templates kept between builds: Jinja2's own bytecode cache,
in CACHE_PATH beside Pelican's content cache. Every generator has its own
environment, and each compiled the theme's templates again at every build
(a fifth of a rebuild after one edit); a template whose source is
unchanged now loads compiled. Jinja2 keys each entry by the template's
source, so an edited template is compiled afresh. Jinja2 writes each
entry to a temporary name and renames it; an entry it cannot read is set
aside with one warning and compiled again (Jinja2 itself stops at one cut
short after its header)."""

import logging
import os

from jinja2 import FileSystemBytecodeCache

logger = logging.getLogger(__name__)

FOLDER = "templates"


class CheckedBytecodeCache(FileSystemBytecodeCache):
    def load_bytecode(self, bucket):
        try:
            super().load_bytecode(bucket)
        except Exception as error:
            logger.warning("The compiled template %s cannot be read (%s); it is compiled again.",
                           self._get_cache_filename(bucket), str(error) or type(error).__name__)
            bucket.reset()


def keep_compiled_templates(generator):
    settings = generator.settings
    env = getattr(generator, "env", None)
    if env is not None and settings.get("CACHE_CONTENT"):
        folder = os.path.join(settings["CACHE_PATH"], FOLDER)
        os.makedirs(folder, exist_ok=True)
        env.bytecode_cache = CheckedBytecodeCache(folder)
