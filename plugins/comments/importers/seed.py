"""The comment threads of the seed captures (../shared/seeds/*.txt).

A capture is plain text: the article's title on its first line, the article,
then a heading ("8 Sylwadau") and the thread, where a top-level comment
starts with a line "N. K" (N its place among top-level comments, K its
number on the page) and a reply with "• K", indented deeper than its
parent; the comment's text follows, indented. The thread ends at the first
unindented line (the comment form's "what do you think?").

Authors: no names survived, but many comments end with a signature line
("Doug", "Karl", "JusticeMitchell.com") or an inline "-Michael". Where one is
found it becomes the author; the body is kept verbatim, signature included,
so nothing the commenter wrote is lost. Unsigned comments get no author
(the page says "Anonymous" in its own language). No dates survived, so none
are stored. Ids are "seed-K", the page's own numbering.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from ..model import ImportFailure, SourceComment, SourcePost
from ..sanitise import plain_text_to_html

_TOP_LEVEL = re.compile(r"^(?P<indent> *)\d+\. (?P<number>\d+)$")
_REPLY = re.compile(r"^(?P<indent> *)• (?P<number>\d+)$")
# A last line of one or two words, ending in a letter or digit: a signature.
_WORD = r"\w(?:[\w.'’-]*\w)?"
_SIGNATURE_LINE = re.compile(rf"^-?(?P<name>{_WORD}(?: {_WORD})?)$")
_INLINE_SIGNATURE = re.compile(r"[.!?]\s+-(?P<name>\w[\w'’-]*)$")


def read_comments(path: Path, repaired: Callable[[str], None]) -> Iterator[SourceComment]:
    # Captures are plain text read as they are: ``repaired`` is not called.
    if path.is_dir():
        captures = sorted(path.glob("*.txt"))
        if not captures:
            raise ImportFailure(f"{path}: no capture (*.txt) in this folder")
    else:
        captures = [path]
    for capture in captures:
        yield from _comments_of_capture(capture)


def _comments_of_capture(path: Path) -> Iterator[SourceComment]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ImportFailure(f"{path}: cannot be read as UTF-8 text ({error})") from None
    if not lines:
        return
    post = SourcePost(references=(path.name, path.stem), title=lines[0].strip(), match_by_title=True)
    start = next((n for n, line in enumerate(lines) if _TOP_LEVEL.match(line) and line.strip() == "1. 1"), None)
    if start is None:
        return  # a capture without comments
    # (indent of its marker, stored id) of the comments the next reply may answer.
    open_comments: list[tuple[int, str]] = []
    current: dict | None = None
    for number, line in enumerate(lines[start:], start=start + 1):
        marker = _TOP_LEVEL.match(line) or _REPLY.match(line)
        if line and not line.startswith(" ") and not marker:
            break  # the thread is over: the comment form follows
        if not marker:
            if current is not None:
                current["lines"].append(line)
            continue
        if current is not None:
            yield _comment(current, post, path)
        indent = len(marker["indent"])
        is_reply = marker.re is _REPLY
        while open_comments and (not is_reply or open_comments[-1][0] >= indent):
            open_comments.pop()
        if is_reply and not open_comments:
            raise ImportFailure(f"{path}:{number}: reply • {marker['number']} has no comment above it to answer")
        comment_id = f"seed-{marker['number']}"
        current = {"id": comment_id, "parent": open_comments[-1][1] if is_reply else None, "lines": []}
        open_comments.append((indent, comment_id))
    if current is not None:
        yield _comment(current, post, path)


def _comment(found: dict, post: SourcePost, path: Path) -> SourceComment:
    text = _dedent(found["lines"])
    return SourceComment(
        thread=path.name,
        source_id=found["id"],
        stored_id=found["id"],
        post=post,
        parent_id=found["parent"],
        parent_stored_id=found["parent"],
        author=_signature(text),
        author_url=None,
        date=None,
        body=plain_text_to_html(text),
    )


def _dedent(lines: list[str]) -> str:
    indents = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    margin = min(indents, default=0)
    return "\n".join(line[margin:].rstrip() for line in lines).strip("\n")


def _signature(text: str) -> str | None:
    last_line = text.rstrip().rsplit("\n", 1)[-1].strip()
    if "\n" in text.strip() and (match := _SIGNATURE_LINE.match(last_line)):
        return match["name"]
    match = _INLINE_SIGNATURE.search(last_line)
    return match["name"] if match else None
