"""WordPress export files (WXR 1.0, 1.1, 1.2; the wp namespace over http or https).

Read in one streaming pass: each <item> is handled when it closes and then
dropped, so memory holds one post at a time plus the comments read so far.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote
from xml.etree.ElementTree import Element

from ..model import ImportFailure, SourceComment, SourcePost
from ..sanitise import clean_author, clean_author_url, wordpress_text_to_html
from ..store import CLEANED_ID, clean_id
from .dates import MISSING
from .safe_xml import iterate, split_tag, text_of

WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/1\.[0-2]/$")
STATUSES = {"1": "approved", "approve": "approved", "0": "pending", "hold": "pending",
            "spam": "spam", "trash": "trash", "post-trashed": "trash"}  # fmt: skip
KINDS = {"": "comment", "comment": "comment", "pingback": "pingback", "trackback": "trackback"}


def read_comments(path: Path, repaired: Callable[[str], None]) -> Iterator[SourceComment]:
    saw_wordpress = False
    stack: list[Element] = []
    item_number = 0
    for event, element in iterate(path, repaired):
        if event == "start":
            stack.append(element)
            saw_wordpress = saw_wordpress or bool(WP_NAMESPACE.match(split_tag(element.tag)[0]))
            continue
        stack.pop()
        if element.tag != "item":
            continue
        item_number += 1
        yield from _comments_of_item(element, item_number)
        # Done with this post: drop it so memory does not grow with the file.
        if stack:
            stack[-1].remove(element)
    if not saw_wordpress:
        raise ImportFailure(
            f"{path}: no WordPress export namespace (wordpress.org/export/1.x/) found; "
            "is this a WXR file? Check --format"
        )


def _wp_children(element: Element) -> dict[str, list[Element]]:
    found: dict[str, list[Element]] = {}
    for child in element:
        namespace, name = split_tag(child.tag)
        if WP_NAMESPACE.match(namespace):
            found.setdefault(name, []).append(child)
        elif not namespace:
            found.setdefault(f"rss:{name}", []).append(child)
    return found


def _first(children: dict[str, list[Element]], name: str) -> str:
    return text_of(children.get(name, [None])[0]).strip()


def _comments_of_item(item: Element, item_number: int) -> Iterator[SourceComment]:
    fields = _wp_children(item)
    post_id = _first(fields, "post_id")
    # WordPress stores a non-ASCII slug percent-encoded (%d9%85...).
    slug = unquote(_first(fields, "post_name")) or None
    references = tuple(
        reference
        for reference in (_first(fields, "rss:link"), _first(fields, "rss:guid"), post_id, slug)
        if reference
    )
    post = SourcePost(references=references, slug=slug, title=_first(fields, "rss:title") or None)
    thread = f"item-{item_number}"
    # What names the post in the ids made for comments without one.
    identity = post_id or (references[0] if references else thread)
    for element in fields.get("comment", []):
        yield _comment(_wp_children(element), post, thread, identity)


def _comment(fields: dict[str, list[Element]], post: SourcePost, thread: str, identity: str) -> SourceComment:
    problems = []
    content = text_of(fields.get("comment_content", [None])[0])
    source_id = _first(fields, "comment_id") or _id_from_content(identity, fields, content)
    if not _first(fields, "comment_id"):
        problems.append("missing comment id: given one made from its post, date, author and text")
    stored_id = clean_id(source_id)
    if stored_id != source_id:
        problems.append(CLEANED_ID)
    parent = _first(fields, "comment_parent")
    parent = None if parent in ("", "0") else parent
    date = _gmt_date(_first(fields, "comment_date_gmt"))
    if date is None:
        problems.append(MISSING)
    approved = _first(fields, "comment_approved").lower()
    kind = _first(fields, "comment_type").lower()
    return SourceComment(
        thread=thread,
        source_id=source_id,
        stored_id=stored_id,
        post=post,
        parent_id=parent,
        parent_stored_id=clean_id(parent) if parent else None,
        author=clean_author(_first(fields, "comment_author")),
        author_url=clean_author_url(_first(fields, "comment_author_url")),
        date=date,
        body=wordpress_text_to_html(content),
        status=STATUSES.get(approved, "pending"),
        kind=KINDS.get(kind, kind),
        problems=problems,
    )


def _gmt_date(text: str) -> datetime | None:
    """The GMT field only: the local one has no offset and cannot be trusted."""
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)
    except ValueError:
        return None  # empty, or WordPress's "0000-00-00 00:00:00"


def _id_from_content(post_identity: str, fields: dict[str, list[Element]], content: str) -> str:
    """An id for a comment the export gives none: from what it is, not
    where it is, so that it stays the same when the export gains a post."""
    parts = (post_identity, _first(fields, "comment_date_gmt"), _first(fields, "comment_author"), content)
    return "wp-" + hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:12]
