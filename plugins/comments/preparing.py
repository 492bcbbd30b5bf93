"""From a comments file to the thread its article's page shows: the file
read (store.py), built into a tree (threads.py), each body converted and
sanitised, the whole packed (shown.py). The files whose threads the
content cache lacks are prepared in other processes (BUILD_PROCESSES)
while Pelican reads the articles."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import NamedTuple

import markdown
from markupsafe import Markup

from plugins.writing.fingerprints import stable_text
from plugins.writing.processes import WorkApart, build_processes

from . import store
from .model import Comment
from .sanitise import clean_author_url, neutral_name, sanitise_html
from .shown import CommentThread, ShownComment
from .threads import ThreadNode, build_thread

DEFAULT_MAX_DEPTH = 5


class PreparedThread(NamedTuple):
    thread: CommentThread
    count: int  # the comments shown (placeholders and hidden ones are not counted)
    shown_as: str  # what the page's fingerprint takes from the thread


class ThreadPreparer:
    def __init__(self, max_depth: int, markdown_settings: dict):
        self.max_depth = max(1, max_depth)
        self.markdown_settings = markdown_settings
        # Comments written in Markdown read as the articles do, without the
        # metadata step (a comment's first line is never a "Key: value" header).
        self.converter = markdown.Markdown(**markdown_settings)
        self.converter.preprocessors.deregister("meta", strict=False)

    @classmethod
    def for_settings(cls, settings) -> ThreadPreparer:
        return cls(int(settings.get("COMMENTS_MAX_DEPTH", DEFAULT_MAX_DEPTH)), settings["MARKDOWN"])

    @property
    def recipe(self) -> tuple:
        """What else a prepared thread depends on than its file, for the cache."""
        # stable_text, not repr: MARKDOWN holds a function (the toc's
        # slugify), whose repr changes from run to run.
        return (self.max_depth, stable_text(self.markdown_settings))

    def prepare(self, path: Path) -> PreparedThread:
        """The thread of ``path``; a missing file holds none. A broken file
        raises CommentsFileError."""
        comments = store.load(path)
        roots = _shown_thread(build_thread(comments, self.max_depth), self.converter)
        count = sum(1 for comment in comments if not comment.removed)
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        return PreparedThread(CommentThread(roots), count, f"{self.max_depth}:{digest}")

    def prepare_or_error(self, path: Path) -> PreparedThread | store.CommentsFileError:
        try:
            return self.prepare(path)
        except store.CommentsFileError as error:  # raised by the build if the file is used
            return error


def prepare_apart(preparer: ThreadPreparer, paths: list[Path], settings) -> WorkApart:
    """Start preparing the threads of ``paths`` in BUILD_PROCESSES other
    processes; .results() gives each a PreparedThread, or the
    CommentsFileError that says why its file cannot be read."""
    return WorkApart(preparer.prepare_or_error, paths, build_processes(settings))


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
        author=neutral_name(comment.author),  # the file may be hand-edited
        author_url=clean_author_url(comment.author_url),
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
