"""Attach each article variant's comment thread to its Article, for the theme.

Runs once per build on Pelican's article_generator_finalized signal, after
the variants plugin has grouped the articles: a variant's file is
<group key>.<lang>.json. All state lives on the articles. The theme macro
(includes/comments.html) iterates ``article.comments`` (a CommentThread: its
top-level ShownComments) and reads ``article.comment_count``.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import markdown
from markupsafe import Markup
from pelican.cache import FileStampDataCacher

from plugins.errors.exceptions import require_plugins
from plugins.writing.fingerprints import page_inputs

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
            cached = cache.get_cached_data(str(path), None) if path.is_file() else None
            if cached is None or cached[0] != made_with:
                # A broken file (CommentsFileError) stops the build with its
                # own message: no page should silently lose its thread.
                cached = (made_with, *_thread(path, max_depth, converter))
                if path.is_file():
                    cache.cache_data(str(path), cached)
            _, article.comments, article.comment_count, shown_as = cached
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


class CommentThread:
    """An article's thread, kept compact (its rows, pickled and compressed)
    until its page iterates it: sixty thousand comments need not all be
    objects at once, and the content cache stores the same bytes."""

    __slots__ = ("_packed",)

    def __init__(self, roots: list[ShownComment]):
        self._packed = zlib.compress(pickle.dumps(_rows(roots), protocol=pickle.HIGHEST_PROTOCOL), 1)

    def __iter__(self):
        return iter(_tree(pickle.loads(zlib.decompress(self._packed))))


def _thread(path: Path, max_depth: int, converter: markdown.Markdown):
    """(the shown thread, how many comments it shows, a digest of the file)."""
    comments = store.load(path)
    shown = CommentThread(_shown_thread(build_thread(comments, max_depth), converter))
    count = sum(1 for comment in comments if not comment.removed)
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    return shown, count, f"{max_depth}:{digest}"


def _rows(roots: list[ShownComment]) -> list[tuple]:
    """The thread as flat rows, in page order, for the cache: a deep thread
    must not make a deep pickle. Each row ends with the indexes of its
    place in the tree and of the comment it replies to (-1 for none)."""
    order: list[ShownComment] = []
    places: list[int] = []
    stack = [(comment, -1) for comment in reversed(roots)]
    while stack:
        comment, place = stack.pop()
        index = len(order)
        order.append(comment)
        places.append(place)
        stack.extend((reply, index) for reply in reversed(comment.replies))
    index_of = {id(comment): index for index, comment in enumerate(order)}
    return [
        (c.id, c.author, c.author_url, c.date, str(c.body), c.removed, c.depth, place,
         index_of[id(c.in_reply_to)] if c.in_reply_to is not None else -1)
        for c, place in zip(order, places)
    ]


def _tree(rows: list[tuple]) -> list[ShownComment]:
    made = [
        ShownComment(id=row[0], author=row[1], author_url=row[2], date=row[3], body=Markup(row[4]),
                     removed=row[5], depth=row[6])
        for row in rows
    ]
    roots = []
    for comment, row in zip(made, rows):
        place, replying_to = row[7], row[8]
        (made[place].replies if place >= 0 else roots).append(comment)
        if replying_to >= 0:
            comment.in_reply_to = made[replying_to]
    return roots


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
