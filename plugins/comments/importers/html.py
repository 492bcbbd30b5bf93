"""Saved WordPress article pages, with WordPress's default comment markup.

The thread is ``ol.commentlist`` (older themes) or ``ol.comment-list``; each
comment is an ``li.comment`` (or ``li.pingback``/``li.trackback``) with
id="comment-N" or "li-comment-N"; replies sit in its ``ul.children``. Ids are
WordPress's own, the same as in a WXR export of that blog, so importing both
does not duplicate anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from ..model import ImportFailure, SourceComment, SourcePost
from ..sanitise import clean_author, clean_author_url, sanitise_html

_COMMENT_ID = re.compile(r"^(?:li-)?comment-(\d+)$")
_POST_ID = re.compile(r"^post(?:id)?-(\d+)$")
_KINDS = ("pingback", "trackback")
# Parts of a comment's markup that are not its text.
_NOT_BODY = ("comment-author", "comment-meta", "comment-metadata", "reply", "children",
             "comment-awaiting-moderation", "vcard", "says")  # fmt: skip


def read_comments(path: Path, repaired: Callable[[str], None]) -> Iterator[SourceComment]:
    # html.parser reads any page as it is: nothing is repaired, so ``repaired`` is not called.
    try:
        text = path.read_bytes()
    except OSError as error:
        raise ImportFailure(f"{path}: cannot be read ({error.strerror})") from None
    soup = BeautifulSoup(text, "html.parser")
    lists = soup.select("ol.commentlist, ol.comment-list")
    if not lists:
        raise ImportFailure(
            f"{path}: no ol.commentlist or ol.comment-list found; is this a saved WordPress page? Check --format"
        )
    post = _post_of_page(soup, path)
    for thread in lists:
        for position, item in enumerate(_comment_items(thread), start=1):
            yield _comment(item, post, str(path), position)


def _post_of_page(soup: BeautifulSoup, path: Path) -> SourcePost:
    references = []
    for selector, attribute in (('link[rel~="canonical"]', "href"), ('meta[property="og:url"]', "content"),
                                ('link[rel~="shortlink"]', "href")):  # fmt: skip
        tag = soup.select_one(selector)
        if tag and tag.get(attribute):
            references.append(tag[attribute])
    body = soup.body
    for value in [*(body.get("class", []) if body else []), *(a.get("id", "") for a in soup.select("article[id]"))]:
        match = _POST_ID.match(value)
        if match:
            references.append(match[1])
    references.append(path.name)
    title = soup.select_one(".entry-title")
    return SourcePost(references=tuple(references), title=title.get_text(" ", strip=True) if title else None)


def _comment_items(thread: Tag) -> Iterator[Tag]:
    for item in thread.find_all("li"):
        classes = set(item.get("class", []))
        if classes & {"comment", *_KINDS} and _COMMENT_ID.match(item.get("id", "")):
            yield item


def _own(item: Tag, selector: str) -> Tag | None:
    """The first match of ``selector`` in ``item`` itself, not in its replies."""
    for found in item.select(selector):
        if found.find_parent("li", id=_COMMENT_ID) is item:
            return found
    return None


def _parent_id(item: Tag) -> str | None:
    parent = item.find_parent("li", id=_COMMENT_ID)
    return _COMMENT_ID.match(parent["id"])[1] if parent else None


def _comment(item: Tag, post: SourcePost, thread: str, position: int) -> SourceComment:
    comment_id = _COMMENT_ID.match(item["id"])[1]
    parent_id = _parent_id(item)
    author_tag = _own(item, ".comment-author .fn, cite.fn, .fn")
    link = author_tag.find("a", href=True) if author_tag else None
    if author_tag and author_tag.name == "a" and author_tag.get("href"):
        link = author_tag
    time_tag = _own(item, "time[datetime]")
    date = _date(time_tag["datetime"]) if time_tag else None
    classes = set(item.get("class", []))
    kind = next((k for k in _KINDS if k in classes), "comment")
    pending = _own(item, ".comment-awaiting-moderation") is not None
    return SourceComment(
        thread=thread,
        source_id=comment_id,
        stored_id=comment_id,
        post=post,
        parent_id=parent_id,
        parent_stored_id=parent_id,
        author=clean_author(author_tag.get_text(" ", strip=True) if author_tag else None),
        author_url=clean_author_url(link["href"] if link else None),
        date=date,
        body=sanitise_html(_body_html(item)),
        status="pending" if pending else "approved",
        kind=kind,
        problems=[] if date else ["missing or invalid date"],
    )


def _body_html(item: Tag) -> str:
    content = _own(item, ".comment-content")
    if content is not None:
        return content.decode_contents()
    # Older themes put the paragraphs straight into the comment's body div.
    holder = _own(item, ".comment-body") or item.find(id=f"comment-{_COMMENT_ID.match(item['id'])[1]}") or item
    parts = []
    for child in holder.children:
        if isinstance(child, Tag):
            if child.name in ("ul", "ol") and "children" in child.get("class", []):
                continue
            if set(child.get("class", [])) & set(_NOT_BODY) or child.name == "footer":
                continue
        parts.append(str(child))
    return "".join(parts)


def _date(text: str) -> datetime | None:
    try:
        date = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if date.tzinfo is None:
        return None  # a time without a zone cannot be placed in UTC
    return date.astimezone(timezone.utc)
