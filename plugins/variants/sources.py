"""The site's sources as translators see them: every variant file with its
group, language and last change, read with Pelican's own readers and the
project's settings (no build needed)."""

import os
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone

from pelican.contents import Article, Page
from pelican.generators import Generator
from pelican.settings import read_settings

from plugins.errors.exceptions import ContentError, author_path

from .grouping import VariantError, check_language, group_key


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


def load_settings(settings_file="pelicanconf.py"):
    return read_settings(settings_file)


def git_commit_times(directory):
    """{absolute path: time of the last commit that touched it}, in one
    git call; empty outside a git work tree."""
    try:
        top = subprocess.run(
            ["git", "-C", directory, "rev-parse", "--show-toplevel"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        log = subprocess.run(
            ["git", "-C", directory, "log", "--format=@%ct", "--name-only",
             "--no-renames", "--", "."],
            capture_output=True, text=True, check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    times = {}
    commit_time = None
    for line in log.splitlines():
        if line.startswith("@"):
            commit_time = datetime.fromtimestamp(int(line[1:]), timezone.utc)
        elif line:
            times.setdefault(os.path.join(top, line), commit_time)  # newest first
    return times


def _as_utc(moment):
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def read_sources(settings):
    """Every variant under ARTICLE_PATHS and PAGE_PATHS, found by Pelican's
    own file discovery (so IGNORE_FILES and the *_EXCLUDES settings hold)
    and checked like the build checks them (VariantError for a bad language)."""
    content_root = settings["PATH"]
    discovery = Generator(
        context={}, settings=settings, path=content_root,
        theme=settings["THEME"], output_path=settings["OUTPUT_PATH"],
    )
    commit_times = git_commit_times(content_root)
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
            if "modified" in content.metadata:
                updated, source = content.metadata["modified"], "Modified"
            elif full_path in commit_times:
                updated, source = commit_times[full_path], "git"
            else:
                updated = datetime.fromtimestamp(os.path.getmtime(full_path), timezone.utc)
                source = "mtime"
            variants.append(
                SourceVariant(
                    key=group_key(content),
                    kind=kind,
                    lang=content.lang,
                    path=full_path,
                    title=getattr(content, "title", ""),  # a draft may lack one
                    slug=getattr(content, "slug", ""),
                    updated=_as_utc(updated),
                    updated_from=source,
                )
            )
    return variants
