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
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from ..model import ImportFailure, SourceComment, SourcePost
from ..sanitise import clean_author, clean_author_url, sanitise_html
from .dates import MISSING, utc_date

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
        found = _comments_of_list(thread)
        read = []
        # Replies first, each taken out of the page once read, so that no
        # comment's text (a page may nest replies inside it) holds its replies.
        for comment in reversed(found):
            read.append(_comment(comment, post, str(path)))
            comment.item.extract()
        yield from reversed(read)


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


@dataclass
class _FoundComment:
    """A comment's ``li`` and its own elements: those not inside a reply."""

    item: Tag
    parent_id: str | None
    own: list[Tag] = field(default_factory=list)

    def first(self, matches: Callable[[Tag], bool]) -> Tag | None:
        return next((tag for tag in self.own if matches(tag)), None)


def _comments_of_list(thread: Tag) -> list[_FoundComment]:
    """The comments of one list, in page order, each with its own elements.

    One walk over the list, each element visited once: a page whose
    replies are nested thousands deep costs no more than its size (asking
    each comment's subtree for its author, date and text was quadratic).
    """
    found: list[_FoundComment] = []
    stack: list[tuple[Tag, _FoundComment | None]] = [
        (child, None) for child in reversed(thread.contents) if isinstance(child, Tag)
    ]
    while stack:
        tag, owner = stack.pop()
        if tag.name == "li" and _COMMENT_ID.match(tag.get("id", "")):
            # Every such li bounds its comment, as WordPress marks it up;
            # only comments, pingbacks and trackbacks are read.
            owner = _FoundComment(tag, _COMMENT_ID.match(owner.item["id"])[1] if owner else None)
            if set(tag.get("class", [])) & {"comment", *_KINDS}:
                found.append(owner)
        elif owner is not None:
            owner.own.append(tag)
        stack.extend((child, owner) for child in reversed(tag.contents) if isinstance(child, Tag))
    return found


def _has_class(name: str) -> Callable[[Tag], bool]:
    return lambda tag: name in tag.get("class", [])


def _comment(found: _FoundComment, post: SourcePost, thread: str) -> SourceComment:
    item = found.item
    comment_id = _COMMENT_ID.match(item["id"])[1]
    author_tag = found.first(_has_class("fn"))
    link = author_tag.find("a", href=True) if author_tag else None
    if author_tag and author_tag.name == "a" and author_tag.get("href"):
        link = author_tag
    time_tag = found.first(lambda tag: tag.name == "time" and tag.has_attr("datetime"))
    date, date_problem = utc_date(time_tag["datetime"]) if time_tag else (None, MISSING)
    classes = set(item.get("class", []))
    kind = next((k for k in _KINDS if k in classes), "comment")
    pending = found.first(_has_class("comment-awaiting-moderation")) is not None
    return SourceComment(
        thread=thread,
        source_id=comment_id,
        stored_id=comment_id,
        post=post,
        parent_id=found.parent_id,
        parent_stored_id=found.parent_id,
        author=clean_author(author_tag.get_text(" ", strip=True) if author_tag else None),
        author_url=clean_author_url(link["href"] if link else None),
        date=date,
        body=sanitise_html(_body_html(found, comment_id)),
        status="pending" if pending else "approved",
        kind=kind,
        problems=[date_problem] if date_problem else [],
    )


def _body_html(found: _FoundComment, comment_id: str) -> str:
    content = found.first(_has_class("comment-content"))
    if content is not None:
        return content.decode_contents()
    # Older themes put the paragraphs straight into the comment's body div.
    holder = (found.first(_has_class("comment-body"))
              or found.first(lambda tag: tag.get("id") == f"comment-{comment_id}") or found.item)  # fmt: skip
    parts = []
    for child in holder.children:
        if isinstance(child, Tag):
            if child.name in ("ul", "ol") and "children" in child.get("class", []):
                continue
            if set(child.get("class", [])) & set(_NOT_BODY) or child.name == "footer":
                continue
        parts.append(str(child))
    return "".join(parts)
