"""Attach each article variant's comment thread to its Article, for the theme.

When the article generator starts (article_generator_init), the comments
files whose threads Pelican's content cache lacks start being prepared in
other processes (preparing.py) while Pelican reads the articles. Once the
variants plugin has grouped the articles (article_generator_finalized),
each variant gets the thread of <group key>.<lang>.json. All state lives on
the generator and the articles. The theme macro (includes/comments.html)
iterates ``article.comments`` (a CommentThread: its top-level
ShownComments) and reads ``article.comment_count``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from pelican.cache import FileStampDataCacher

from plugins.errors.exceptions import ContentError, author_path, require_plugins
from plugins.writing.fingerprints import page_inputs
from plugins.writing.processes import WorkApart

from . import store
from .model import Variant
from .preparing import ThreadPreparer, prepare_apart

logger = logging.getLogger(__name__)


@dataclass
class ThreadsInPreparation:
    """Kept on the article generator between its start and its end."""

    comments_dir: Path
    files: list  # every comments file there
    preparer: ThreadPreparer
    cache: FileStampDataCacher
    cached: dict  # path -> its PreparedThread, from the content cache
    apart: WorkApart  # the others (its items), being prepared


def check_plugins(pelican) -> None:
    require_plugins(pelican.settings, "plugins.comments", "plugins.errors", "plugins.variants")


def _thread_cache(settings) -> FileStampDataCacher:
    """Threads made from unchanged files come from Pelican's content cache;
    one written by an older version of this plugin, whose classes have
    moved, is set aside (Pelican only catches pickle's own errors)."""
    policies = settings["CACHE_CONTENT"], settings["LOAD_CONTENT_CACHE"]
    try:
        return FileStampDataCacher(settings, "CommentThreads", *policies)
    except (AttributeError, ImportError):
        return FileStampDataCacher(settings, "CommentThreads", policies[0], False)


def start_preparing_threads(generator) -> None:
    settings = generator.settings
    comments_dir = Path(settings["PATH"]) / settings.get("COMMENTS_PATH", "comments")
    preparer = ThreadPreparer.for_settings(settings)
    cache = _thread_cache(settings)
    files = store.list_files(comments_dir)
    cached, stale = {}, []
    for path in files:
        kept = cache.get_cached_data(str(path), None)
        if kept is not None and kept[0] == preparer.recipe:
            cached[path] = kept[1:]
        else:
            stale.append(path)
    generator.comment_threads = ThreadsInPreparation(
        comments_dir, files, preparer, cache, cached, prepare_apart(preparer, stale, settings)
    )


def _comments_file(comments_dir: Path, key: str, article, settings) -> Path:
    try:
        return store.file_for(comments_dir, Variant(key, article.lang))
    except store.UnfitKeyError as error:
        raise ContentError(f"{author_path(article.source_path, settings)}: {error}") from None


def attach_comments(generator) -> None:
    threads = generator.comment_threads
    made = dict(zip(threads.apart.items, threads.apart.results()))
    variants = [
        (article, _comments_file(threads.comments_dir, group.key, article, generator.settings))
        for group in generator.context["article_groups"]
        for article in group.by_lang.values()
    ]
    used = {path for _, path in variants}
    # A broken file (CommentsFileError) stops the build with its own
    # message: no page should silently lose its thread.
    for _, path in variants:
        if isinstance(made.get(path), store.CommentsFileError):
            raise made[path]
    fresh = [(path, thread) for path, thread in made.items() if path in used]
    for path, thread in fresh:
        threads.cache.cache_data(str(path), (threads.preparer.recipe, *thread))
    if fresh:  # else the cache on disk already holds every thread
        threads.cache.save_cache()
    for article, path in variants:
        thread = made.get(path) or threads.cached.get(path) or threads.preparer.prepare(path)
        article.comments, article.comment_count, shown_as = thread
        # The thread shows on the article's own page only (plugins/writing).
        page_inputs(article)["comments"] = shown_as
    for path in threads.files:
        if path not in used:
            logger.warning(
                "%s: no article variant %s; rename the file to <key>.<lang>.json of an article or delete it",
                path,
                store.variant_of(path) or path.name,
            )
