"""Before Pelican reads the articles one by one, convert on every core the
ones its content cache does not already hold."""

import os

from .conversion import convert_ahead
from .reader import SiteMarkdownReader


def convert_articles_ahead(generator):
    reader = generator.readers.readers.get("md")
    if not isinstance(reader, SiteMarkdownReader):
        return
    settings = generator.settings
    extensions = tuple(f".{extension}" for extension in reader.file_extensions)
    paths = []
    for relative in generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]):
        path = os.path.abspath(os.path.join(generator.path, relative))
        if path.endswith(extensions) and generator.readers.get_cached_data(path, None) is None:
            paths.append(path)
    reader.converted.update(convert_ahead(paths, settings))
