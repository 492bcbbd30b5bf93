"""Compiled templates kept between builds: Jinja2's own bytecode cache,
in CACHE_PATH beside Pelican's content cache. Every generator has its own
environment, and each compiled the theme's templates again at every build
(a fifth of a rebuild after one edit); a template whose source is
unchanged now loads compiled. Jinja2 keys each entry by the template's
source, so an edited template is compiled afresh."""

import os

from jinja2 import FileSystemBytecodeCache

FOLDER = "templates"


def keep_compiled_templates(generator):
    settings = generator.settings
    env = getattr(generator, "env", None)
    if env is not None and settings.get("CACHE_CONTENT"):
        folder = os.path.join(settings["CACHE_PATH"], FOLDER)
        os.makedirs(folder, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(folder)
