"""Attach each article variant's comment thread to its Article, for the theme.

Runs once per build on Pelican's article_generator_finalized signal, after
the variants plugin has grouped the articles: a variant's file is
<group key>.<lang>.json. All state lives on the articles. The theme macro (includes/comments.html) reads
``article.comments`` (the top-level ShownComments) and ``article.comment_count``.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import markdown
from markupsafe import Markup
from pelican.cache import FileStampDataCacher

from plugins.errors.exceptions import require_plugins
from plugins.variants.freshness import page_inputs

from . import store
from .model import Comment, Variant
from .sanitise import clean_author_url, sanitise_html
from .threads import ThreadNode, build_thread

logger = logging.getLogger(__name__)

DEFAULT_MAX_DEPTH = 5


@dataclass(eq=False)
class ShownComment:
    """A comment as the template shows it. ``removed`` ones show only a
    placeholder (they are kept because replies hang under them)."""

    id: str
    author: str | None
    author_url: str | None
    date: datetime | None
    body: Markup
    removed: bool
    depth: int
    replies: list[ShownComment] = field(default_factory=list)
    in_reply_to: ShownComment | None = None


def check_plugins(pelican) -> None:
    require_plugins(pelican.settings, "plugins.comments", "plugins.errors", "plugins.variants")


def attach_comments(generator) -> None:
    settings = generator.settings
    comments_dir = Path(settings["PATH"]) / settings.get("COMMENTS_PATH", "comments")
    max_depth = int(settings.get("COMMENTS_MAX_DEPTH", DEFAULT_MAX_DEPTH))
    # Comments written in Markdown read as the articles do, without the
    # metadata step (a comment's first line is never a "Key: value" header).
    converter = markdown.Markdown(**settings["MARKDOWN"])
    converter.preprocessors.deregister("meta", strict=False)
    # Threads made from unchanged files come from Pelican's content cache.
    cache = FileStampDataCacher(
        settings, "CommentThreads", settings["CACHE_CONTENT"], settings["LOAD_CONTENT_CACHE"]
    )
    made_with = (max_depth, repr(settings["MARKDOWN"]))
    used = set()
    for group in generator.context["article_groups"]:
        for article in group.by_lang.values():
            path = store.file_for(comments_dir, Variant(group.key, article.lang))
            used.add(path)
            thread = cache.get_cached_data(str(path), None) if path.is_file() else None
            if thread is None or thread[0] != made_with:
                # A broken file (CommentsFileError) stops the build with its
                # own message: no page should silently lose its thread.
                thread = (made_with, *_thread(store.load(path), max_depth, converter))
                if path.is_file():
                    cache.cache_data(str(path), thread)
            _, article.comments, article.comment_count, shown_as = thread
            # The thread shows on the article's own page only (plugins/writing).
            page_inputs(article)["comments"] = shown_as
    cache.save_cache()
    for path in store.list_files(comments_dir):
        if path not in used:
            logger.warning(
                "%s: no article variant %s; rename the file to <key>.<lang>.json of an article or delete it",
                path,
                store.variant_of(path) or path.name,
            )


def _thread(comments: list[Comment], max_depth: int, converter: markdown.Markdown):
    """(the shown thread, how many comments it shows, a digest of it)."""
    shown = _shown_thread(build_thread(comments, max_depth), converter)
    count = sum(1 for comment in comments if not comment.removed)
    return shown, count, hashlib.sha256(repr((max_depth, comments)).encode()).hexdigest()


def _shown_thread(roots: list[ThreadNode], converter: markdown.Markdown) -> list[ShownComment]:
    shown: dict[int, ShownComment] = {}
    top_level = []
    stack = [(node, top_level) for node in reversed(roots)]
    while stack:  # iterative: threads may be very deep
        node, into = stack.pop()
        comment = _shown(node, converter)
        if node.in_reply_to is not None:
            comment.in_reply_to = shown[id(node.in_reply_to)]
        shown[id(node)] = comment
        into.append(comment)
        stack.extend((reply, comment.replies) for reply in reversed(node.replies))
    return top_level


def _shown(node: ThreadNode, converter: markdown.Markdown) -> ShownComment:
    comment = node.comment
    return ShownComment(
        id=comment.id,
        author=comment.author,
        author_url=clean_author_url(comment.author_url),  # the file may be hand-edited
        date=comment.date,
        body=Markup("") if comment.removed else Markup(_body_html(comment, converter)),
        removed=comment.removed,
        depth=node.depth,
    )


def _body_html(comment: Comment, converter: markdown.Markdown) -> str:
    if comment.format == "markdown":
        converter.reset()
        return sanitise_html(converter.convert(comment.body))
    return sanitise_html(comment.body)
