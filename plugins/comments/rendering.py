"""Attach each article variant's comment thread to its Article, for the theme.

Runs once per build on Pelican's article_generator_finalized signal, after
the variants plugin has grouped the articles: a variant's file is
<group key>.<lang>.json. All state lives on the articles. The theme macro
(includes/comments.html) iterates ``article.comments`` (a CommentThread: its
top-level ShownComments) and reads ``article.comment_count``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican.cache import FileStampDataCacher

from plugins.errors.exceptions import require_plugins
from plugins.writing.fingerprints import page_inputs

from . import store
from .model import Variant
from .preparing import ThreadPreparer, prepare_threads

logger = logging.getLogger(__name__)


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


def attach_comments(generator) -> None:
    settings = generator.settings
    comments_dir = Path(settings["PATH"]) / settings.get("COMMENTS_PATH", "comments")
    preparer = ThreadPreparer.for_settings(settings)
    cache = _thread_cache(settings)
    variants = [
        (article, store.file_for(comments_dir, Variant(group.key, article.lang)))
        for group in generator.context["article_groups"]
        for article in group.by_lang.values()
    ]
    prepared = {}
    for _, path in variants:
        cached = cache.get_cached_data(str(path), None) if path.is_file() else None
        if cached is not None and cached[0] == preparer.recipe:
            prepared[path] = cached[1:]
    # A broken file (CommentsFileError) stops the build with its own
    # message: no page should silently lose its thread.
    made = prepare_threads([path for _, path in variants if path.is_file() and path not in prepared], settings)
    for path, thread in made.items():
        cache.cache_data(str(path), (preparer.recipe, *thread))
    prepared.update(made)
    cache.save_cache()
    for article, path in variants:
        article.comments, article.comment_count, shown_as = prepared.get(path) or preparer.prepare(path)
        # The thread shows on the article's own page only (plugins/writing).
        page_inputs(article)["comments"] = shown_as
    used = {path for _, path in variants}
    for path in store.list_files(comments_dir):
        if path not in used:
            logger.warning(
                "%s: no article variant %s; rename the file to <key>.<lang>.json of an article or delete it",
                path,
                store.variant_of(path) or path.name,
            )
