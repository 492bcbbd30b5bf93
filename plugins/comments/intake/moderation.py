"""Moderating the queue: list what waits, safely for a terminal; approve
(into content/comments/<key>.<lang>.json, through store.py, as an import
writes), reject, purge a person's submissions."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .. import store
from ..model import Comment, Variant
from ..sanitise import clean_author_url
from ..threads import canonical_order
from .articles import Articles
from .queue import Queue, Submission
from .text import text_to_html

# Characters that would reorder, hide or rewrite what a terminal shows:
# explicit bidirectional embeddings, overrides and isolates, and marks.
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def terminal_safe(text: str) -> str:
    """``text`` with control and bidirectional-override characters shown as
    \\u escapes (an Arabic or Greek letter stays itself)."""
    return "".join(
        f"\\u{ord(character):04x}"
        if character in BIDI_CONTROLS or unicodedata.category(character) in ("Cc", "Zl", "Zp")
        else character
        for character in text
    )


def listing(submissions: list[Submission]) -> str:
    if not submissions:
        return "The queue is empty."
    lines = []
    for submission in submissions:
        where = f"{submission.key}.{submission.lang}"
        if submission.parent:
            where += f", in reply to {submission.parent}"
        lines.append(f"#{submission.number}  {submission.received:%Y-%m-%d %H:%M} UTC  {where}")
        lines.append(f"    from: {terminal_safe(submission.author)}"
                     + (f" <{terminal_safe(submission.author_url)}>" if submission.author_url else ""))
        for line in re.split(r"\r\n|\n|\r", submission.text):
            lines.append(f"    | {terminal_safe(line)}")
    lines.append(f"{len(submissions)} waiting. Approve or reject by number: make moderate APPROVE=\"1 2\" REJECT=3")
    return "\n".join(lines)


def comment_of(submission: Submission) -> Comment:
    """The comment an approved submission becomes, the same every time."""
    return Comment(
        id=submission.comment_id,
        parent=submission.parent,
        author=submission.author,
        author_url=clean_author_url(submission.author_url),
        date=submission.received,
        body=text_to_html(submission.text),
    )


@dataclass
class Outcome:
    done: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def approve(queue: Queue, articles: Articles, comments_dir: Path, numbers: list[int], outcome: Outcome) -> None:
    """Write each submission into its comments file (all files or none),
    then mark it approved. A comment already in its file is left as it is,
    so approving again changes nothing."""
    chosen = []
    for number in numbers:
        submission = queue.get(number)
        if submission is None:
            outcome.problems.append(f"#{number}: not in the queue (see make comments-queue)")
        elif articles.find(submission.key, submission.lang) is None:
            outcome.problems.append(f"#{number}: the article {submission.key}.{submission.lang} no longer "
                                    "exists; restore it, or reject the comment")
        else:
            chosen.append(submission)
    by_file: dict[Path, list[Submission]] = {}
    for submission in chosen:
        by_file.setdefault(store.file_for(comments_dir, Variant(submission.key, submission.lang)), []).append(submission)
    changed = {}
    for path, submissions in by_file.items():
        existing = store.load_file(path)  # a broken file stops here, nothing written
        present = {comment.id for comment in existing.comments}
        new = [comment_of(s) for s in submissions if s.comment_id not in present]
        if new:
            # The imports' record goes back as it was: what a moderator
            # deleted by hand stays deleted at the next import.
            changed[path] = store.dumps(canonical_order(existing.comments + new), existing.imported or ())
    store.write_all(changed)
    for submission in chosen:
        queue.mark_approved(submission.number)
        outcome.done.append(f"#{submission.number}: approved as {submission.comment_id} in "
                            f"{store.file_for(comments_dir, Variant(submission.key, submission.lang))}")


def reject(queue: Queue, numbers: list[int], outcome: Outcome) -> None:
    for number in numbers:
        if queue.delete([number]):
            outcome.done.append(f"#{number}: rejected and deleted")
        else:
            outcome.problems.append(f"#{number}: not in the queue (see make comments-queue)")


def purge_author(queue: Queue, name: str, outcome: Outcome) -> None:
    """Delete every submission signed ``name``, waiting or approved (those
    already published are in content/comments/: remove them there by hand)."""
    numbers = queue.numbers_by_author(name)
    queue.delete(numbers)
    outcome.done.append(f"{len(numbers)} submission(s) signed {terminal_safe(name)!r} deleted from the queue")
