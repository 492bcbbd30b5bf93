"""The site's sources as translators see them: every variant file with its
group, language and last change, read with Pelican's own file discovery and
readers and the project's settings (no build needed), metadata only."""

import os
from dataclasses import dataclass, field
from datetime import datetime

from pelican.contents import Article, Page
from pelican.generators import Generator
from pelican.settings import read_settings

from plugins.errors.exceptions import ContentError, author_path
from plugins.reading.reader import MetadataReader

from .freshness import last_changed
from .grouping import VariantError, check_language, group_key
from .history import commit_times


@dataclass
class SourceVariant:
    key: str
    kind: str  # "article" or "page"
    lang: str
    path: str  # absolute
    title: str
    slug: str
    updated: datetime  # Modified:, else git commit time, else mtime
    updated_from: str  # "Modified", "git" or "mtime"
    metadata: dict = field(default_factory=dict)  # as Pelican's reader reads it

    @property
    def source_path(self):
        return self.path


def load_settings(settings_file="pelicanconf.py"):
    return read_settings(settings_file)


def read_sources(settings):
    """Every variant under ARTICLE_PATHS and PAGE_PATHS, found by Pelican's
    own file discovery (so IGNORE_FILES and the *_EXCLUDES settings hold)
    and checked like the build checks them (VariantError for a bad language)."""
    content_root = settings["PATH"]
    discovery = Generator(
        context={}, settings=settings, path=content_root,
        theme=settings["THEME"], output_path=settings["OUTPUT_PATH"],
    )
    # Their metadata is all the tools need: the text is not converted.
    reader = MetadataReader(settings)
    for extension in reader.file_extensions:
        discovery.readers.readers[extension] = reader
    times = commit_times(content_root)
    variants = []
    for kind, paths, excludes, content_class in (
        ("article", settings["ARTICLE_PATHS"], settings["ARTICLE_EXCLUDES"], Article),
        ("page", settings["PAGE_PATHS"], settings["PAGE_EXCLUDES"], Page),
    ):
        for relative in sorted(discovery.get_files(paths, exclude=excludes)):
            full_path = os.path.join(content_root, relative)
            try:
                content = discovery.readers.read_file(
                    content_root, relative, content_class=content_class
                )
            except Exception as error:  # Pelican's readers raise many kinds
                message = str(error) if isinstance(error, ContentError) else (
                    f"{author_path(full_path, settings)}: cannot read it ({error}); "
                    "`make html` names the line to fix."
                )
                raise VariantError(message) from None
            check_language(content, settings["LANGUAGES"], settings)
            updated, source = last_changed(content.metadata, full_path, times)
            variants.append(
                SourceVariant(
                    key=group_key(content),
                    kind=kind,
                    lang=content.lang,
                    path=full_path,
                    title=getattr(content, "title", ""),  # a draft may lack one
                    slug=getattr(content, "slug", ""),
                    updated=updated,
                    updated_from=source,
                    metadata=content.metadata,
                )
            )
    return variants
