"""Thread structure: parents and replies, placeholders, order, depth.

Used by the importer (placeholders for missing parents, a stable order in
the file) and by rendering (the tree a page shows, flattened past a depth).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone

from .model import Comment

_EARLIEST = datetime.min.replace(tzinfo=timezone.utc)


def natural_key(comment_id: str) -> tuple:
    """Sort "9" before "10", and "seed-2" before "seed-10"."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in re.split(r"(\d+)", comment_id)
        if part
    )


def placeholders_for(
    new: list[Comment], present: set[str], lineage: dict[str, str | None]
) -> list[Comment]:
    """Placeholders for the parents of ``new`` comments that are not present.

    A reply whose parent was skipped (spam, deleted, ...) or is absent from
    the export is kept under a "comment removed" placeholder that has the
    parent's id, so the reply is neither lost nor silently promoted. The
    placeholder hangs where the missing parent hung, as far as ``lineage``
    (every read comment's id -> its parent's id) knows.
    """
    known = set(present) | {comment.id for comment in new}
    made = []
    for comment in new:
        missing = comment.parent
        while missing is not None and missing not in known:
            grandparent = lineage.get(missing)
            if grandparent == missing:  # a comment naming itself as parent
                grandparent = None
            made.append(Comment(id=missing, parent=grandparent, removed=True))
            known.add(missing)
            missing = grandparent
    return made


def reply_loops(parents: dict[str, str | None]) -> list[list[str]]:
    """Every loop of ``parents`` (id -> its parent's id): comments that are
    their own ancestors, each loop as its ids in parent order.

    Linear in the number of comments: each is walked once, so a hostile
    export's reply chain twenty thousand deep costs no more than its length.
    """
    done: set[str] = set()
    loops = []
    for start in parents:
        path: dict[str, int] = {}  # the walk from ``start`` -> place on it
        current = start
        while current in parents and current not in done and current not in path:
            path[current] = len(path)
            current = parents[current]
        if current in path:
            walked = list(path)
            loops.append(walked[path[current]:])
        done.update(path)
    return loops


def canonical_order(comments: list[Comment]) -> list[Comment]:
    """The order of a comments file: oldest first, then by id.

    A placeholder takes the date of its earliest reply, so it stays
    beside the replies it holds; comments without a date come first.
    """
    children: dict[str | None, list[Comment]] = {}
    for comment in comments:
        children.setdefault(comment.parent, []).append(comment)

    def date_of(comment: Comment) -> datetime:
        if comment.date is not None or not comment.is_placeholder:
            return comment.date or _EARLIEST
        dated = [child.date for child in children.get(comment.id, []) if child.date]
        return min(dated, default=_EARLIEST)

    return sorted(comments, key=lambda c: (date_of(c), natural_key(c.id)))


@dataclass(eq=False)
class ThreadNode:
    """A comment in the thread a page shows.

    ``replies`` are shown nested inside it; ``in_reply_to`` is set on a
    comment shown flat, beside its parent, because the thread is too deep.
    """

    comment: Comment
    depth: int = 1
    replies: list[ThreadNode] = field(default_factory=list)
    in_reply_to: ThreadNode | None = None
    children: list[ThreadNode] = field(default_factory=list, repr=False)


def build_thread(comments: list[Comment], max_depth: int) -> list[ThreadNode]:
    """The top-level nodes of the thread of ``comments`` (in file order).

    A comment whose parent is not in the file (removed by hand) hangs under a
    placeholder; removed comments with nothing visible under them vanish;
    comments deeper than ``max_depth`` are shown at that depth.
    """
    max_depth = max(1, max_depth)
    nodes = {comment.id: ThreadNode(comment) for comment in comments}
    for comment in comments:
        if comment.parent is not None and comment.parent not in nodes:
            nodes[comment.parent] = ThreadNode(Comment(id=comment.parent, removed=True))
    roots = []
    for node in nodes.values():
        parent = node.comment.parent
        (nodes[parent].children if parent is not None else roots).append(node)

    visible_roots = [node for node in roots if _prune(node)]
    shown: list[ThreadNode] = []
    for node in visible_roots:
        _place(node, shown, max_depth)
    return shown


def _prune(root: ThreadNode) -> bool:
    """Drop removed comments with nothing visible below; True if ``root`` stays.

    Iterative (children before parents), so a hostile export nested
    thousands deep cannot exhaust the interpreter's stack.
    """
    order, stack = [], [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(node.children)
    for node in reversed(order):
        node.children = [child for child in node.children if child.children or not child.comment.removed]
    return bool(root.children) or not root.comment.removed


def _place(root: ThreadNode, container: list[ThreadNode], max_depth: int) -> None:
    """Lay ``root``'s subtree out in reading order, nesting up to max_depth."""
    stack = [(root, 1, container, None)]
    while stack:
        node, depth, into, flat_parent = stack.pop()
        node.depth, node.in_reply_to = depth, flat_parent
        into.append(node)
        if depth < max_depth:
            stack.extend((child, depth + 1, node.replies, None) for child in reversed(node.children))
        else:
            stack.extend((child, depth, into, node) for child in reversed(node.children))
