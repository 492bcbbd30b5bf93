"""The thread as a page shows it: ShownComment, and CommentThread, which
keeps an article's thread packed until its page iterates it."""

from __future__ import annotations

import pickle
import zlib
from dataclasses import dataclass, field
from datetime import datetime

from markupsafe import Markup


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


class CommentThread:
    """An article's thread, kept compact (its rows, pickled and compressed)
    until its page iterates it: sixty thousand comments need not all be
    objects at once, and the content cache stores the same bytes."""

    __slots__ = ("_packed",)

    def __init__(self, roots: list[ShownComment]):
        self._packed = zlib.compress(pickle.dumps(_rows(roots), protocol=pickle.HIGHEST_PROTOCOL), 1)

    def __iter__(self):
        return iter(_tree(pickle.loads(zlib.decompress(self._packed))))


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
