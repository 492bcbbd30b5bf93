"""The comment as stored, and the comment as an importer reads it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple


class Variant(NamedTuple):
    """One language variant of an article: the unit a comments file belongs to."""

    key: str
    lang: str


@dataclass(frozen=True)
class Comment:
    """One comment in a comments file.

    ``removed`` marks a comment that is not shown: either a placeholder the
    importer wrote for a missing parent (no author, no body), or a comment an
    author hid by hand (its text kept, so a re-import leaves it hidden).
    """

    id: str
    parent: str | None = None
    author: str | None = None
    author_url: str | None = None
    date: datetime | None = None  # always UTC
    body: str = ""
    format: str = "html"  # "html" (sanitised) or "markdown"
    removed: bool = False

    @property
    def is_placeholder(self) -> bool:
        return self.removed and not self.body and not self.author


@dataclass(frozen=True)
class SourcePost:
    """The post of an export a comment belongs to, as the export names it.

    ``references`` are every name the export gives the post (URL, GUID, id,
    slug, file name), most specific first; matching tries each of them.
    """

    references: tuple[str, ...]
    slug: str | None = None
    title: str | None = None
    # Captures have no slug or URL, only the article's title.
    match_by_title: bool = False


@dataclass
class SourceComment:
    """One comment read from an export, before it is matched and threaded.

    ``thread`` scopes ``source_id`` and ``parent_id``: ids are only unique
    within one post in some exports (WordPress ids are reused across posts in
    merged blogs), so threading never looks outside the comment's thread.
    """

    thread: str
    source_id: str
    stored_id: str
    post: SourcePost | None
    parent_id: str | None
    parent_stored_id: str | None
    author: str | None
    author_url: str | None
    date: datetime | None
    body: str
    status: str = "approved"  # approved, pending, spam, trash, deleted
    kind: str = "comment"  # comment, pingback, trackback
    problems: list[str] = field(default_factory=list)
    # Why the record cannot be imported at all (e.g. a Disqus post naming
    # no thread), reported as its reason to skip.
    unusable: str | None = None

    def as_comment(self, parent: str | None) -> Comment:
        return Comment(
            id=self.stored_id,
            parent=parent,
            author=self.author,
            author_url=self.author_url,
            date=self.date,
            body=self.body,
        )


class ImportFailure(Exception):
    """An export cannot be imported; the message names the file and line."""
