"""Disqus XML exports: <thread> elements (the pages) and <post> elements (the comments).

Threads may come before or after the posts that name them, so posts are
collected in one streaming pass and resolved to their threads at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from ..model import ImportFailure, SourceComment, SourcePost
from ..sanitise import clean_author, clean_author_url, sanitise_html
from ..store import CLEANED_ID, clean_id
from .dates import utc_date
from .safe_xml import iterate, split_tag, text_of

DISQUS_NAMESPACE = "http://disqus.com"
INTERNALS_NAMESPACE = "http://disqus.com/disqus-internals"
DSQ_ID = f"{{{INTERNALS_NAMESPACE}}}id"


def read_comments(path: Path, repaired: Callable[[str], None]) -> Iterator[SourceComment]:
    threads: dict[str, SourcePost] = {}
    posts: list[SourceComment] = []
    root: Element | None = None
    depth = 0
    for event, element in iterate(path, repaired):
        if event == "start":
            depth += 1
            if root is None:
                root = element
                if split_tag(element.tag) != (DISQUS_NAMESPACE, "disqus"):
                    raise ImportFailure(f"{path}: the root element is not <disqus>; is this a Disqus export? Check --format")
            continue
        depth -= 1
        if depth != 1:
            continue
        name = split_tag(element.tag)[1]
        if name == "thread":
            if element.get(DSQ_ID):  # a thread without an id cannot be named by a post
                threads[element.get(DSQ_ID)] = _post_of_thread(element)
        elif name == "post":
            posts.append(_comment(element))
        root.remove(element)  # handled: drop it so memory does not grow with the file
    for comment in posts:
        comment.post = threads.get(comment.thread)
        yield comment


def _child(element: Element, *names: str) -> Element | None:
    for name in names:
        element = element.find(f"{{{DISQUS_NAMESPACE}}}{name}") if element is not None else None
    return element


def _text(element: Element, *names: str) -> str:
    return text_of(_child(element, *names)).strip()


def _post_of_thread(element: Element) -> SourcePost:
    link = _text(element, "link")
    # The thread's <id> is the site's own identifier: often a URL or path,
    # sometimes "<wordpress id> <url>".
    identifier = _text(element, "id")
    references = tuple(r for r in (link, *identifier.split()) if r)
    return SourcePost(references=references, title=_text(element, "title") or None)


def _flag(element: Element, name: str) -> bool:
    return _text(element, name).lower() == "true"


def _comment(element: Element) -> SourceComment:
    dsq_id = element.get(DSQ_ID, "")
    parent = _child(element, "parent")
    parent_id = parent.get(DSQ_ID) if parent is not None else None
    thread = _child(element, "thread")
    thread_id = thread.get(DSQ_ID, "") if thread is not None else ""
    date, date_problem = utc_date(_text(element, "createdAt"))
    status = "approved"
    if _flag(element, "isDeleted"):
        status = "deleted"
    elif _flag(element, "isSpam"):
        status = "spam"
    elif _text(element, "isApproved").lower() == "false":
        status = "pending"
    author_name = _text(element, "author", "name") or _text(element, "author", "username")
    unusable = None
    if not thread_id:
        unusable = "no <thread> named by the post"
    elif not dsq_id:
        unusable = "no dsq:id"
    stored_id = clean_id(f"disqus-{dsq_id}")
    problems = [date_problem] if date_problem else []
    if stored_id != f"disqus-{dsq_id}":
        problems.append(CLEANED_ID)
    return SourceComment(
        thread=thread_id,
        source_id=dsq_id,
        stored_id=stored_id,
        post=None,
        parent_id=parent_id,
        parent_stored_id=clean_id(f"disqus-{parent_id}") if parent_id else None,
        author=clean_author(author_name),
        author_url=clean_author_url(_text(element, "author", "link") or _text(element, "author", "url")),
        date=date,
        body=sanitise_html(text_of(_child(element, "message"))),
        status=status,
        problems=problems,
        unusable=unusable,
    )
