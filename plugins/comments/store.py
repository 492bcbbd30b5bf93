"""Read and write the comments files: content/comments/<key>.<lang>.json.

One JSON file per article variant, written so that a diff shows one line per
changed field: two-space indentation, one field per line in a fixed order,
UTF-8 with non-ASCII characters as themselves, a trailing newline. Authors
may edit these files; loading checks them and names the file and line of any
mistake.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from plugins.errors.exceptions import ContentError
from plugins.variants.naming import file_name, parse_name

from .model import Comment, Variant

FIELDS = ("id", "parent", "author", "author_url", "date", "format", "body", "removed")
FORMATS = ("html", "markdown")
DATE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class CommentsFileError(ContentError):
    """A comments file cannot be read; the message says where and what to do."""

    def __init__(self, path: Path, line: int | None, problem: str):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}")
        self.path, self.line, self.problem = path, line, problem

    def __reduce__(self):  # it travels back from the processes preparing threads
        return type(self), (self.path, self.line, self.problem)


def file_for(comments_dir: Path, variant: Variant) -> Path:
    return comments_dir / file_name(variant.key, variant.lang, "json")


def variant_of(path: Path) -> Variant | None:
    """The variant a comments file belongs to, from its name."""
    name = parse_name(path.name)
    return Variant(name.stem, name.lang) if name and name.extension == "json" else None


def list_files(comments_dir: Path) -> list[Path]:
    if not comments_dir.is_dir():
        return []
    return sorted(comments_dir.glob("*.json"))


def load(path: Path) -> list[Comment]:
    """Read one comments file; a missing file holds no comments."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except UnicodeDecodeError as error:
        raise CommentsFileError(path, None, f"is not UTF-8 ({error.reason}); re-save it as UTF-8")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise CommentsFileError(
            path, error.lineno, f"is not valid JSON ({error.msg}, column {error.colno}); fix that line"
        ) from None
    if not isinstance(document, dict) or not isinstance(document.get("comments"), list):
        raise CommentsFileError(path, 1, 'must be a JSON object {"comments": [...]}')
    comments = []
    seen = set()
    for position, entry in enumerate(document["comments"]):
        comment = _comment_from_entry(path, text, position, entry)
        if comment.id in seen:
            raise CommentsFileError(
                path, _line_of_id(text, comment.id), f'two comments have the id "{comment.id}"; give one a new id'
            )
        seen.add(comment.id)
        comments.append(comment)
    _check_no_cycles(path, text, comments)
    return comments


def _comment_from_entry(path: Path, text: str, position: int, entry: object) -> Comment:
    if not isinstance(entry, dict):
        raise CommentsFileError(path, None, f"comment #{position + 1} is not a JSON object")
    raw_id = entry.get("id")

    def fail(problem: str):
        # Found only for the message: searching every comment's line made
        # reading a file quadratic in its size.
        line = _line_of_id(text, raw_id) if raw_id is not None else None
        label = f'comment "{raw_id}"' if isinstance(raw_id, str) else f"comment #{position + 1}"
        raise CommentsFileError(path, line, f"{label}: {problem}")

    unknown = set(entry) - set(FIELDS)
    if unknown:
        fail(f"unknown field(s) {', '.join(sorted(unknown))}; the fields are {', '.join(FIELDS)}")
    if not isinstance(raw_id, str) or not re.fullmatch(r"[A-Za-z0-9_.:-]+", raw_id):
        fail('"id" must be a string of letters, digits, "-", "_", "." or ":"')
    for name in ("parent", "author", "author_url"):
        if entry.get(name) is not None and not isinstance(entry[name], str):
            fail(f'"{name}" must be a string or null')
    if entry.get("parent") == raw_id:
        fail('"parent" is the comment itself; set it to null or to another id')
    body = entry.get("body", "")
    if not isinstance(body, str):
        fail('"body" must be a string')
    text_format = entry.get("format", "html")
    if text_format not in FORMATS:
        fail(f'"format" must be one of {", ".join(FORMATS)}')
    removed = entry.get("removed", False)
    if not isinstance(removed, bool):
        fail('"removed" must be true or false')
    date = entry.get("date")
    if date is not None:
        try:
            date = datetime.strptime(date, DATE_FORMAT).replace(tzinfo=timezone.utc)
        except (TypeError, ValueError):
            fail(f'"date" must be UTC written as 2024-01-31T09:05:00Z, or null (found {date!r})')
    return Comment(
        id=raw_id,
        parent=entry.get("parent"),
        author=entry.get("author"),
        author_url=entry.get("author_url"),
        date=date,
        body=body,
        format=text_format,
        removed=removed,
    )


def _check_no_cycles(path: Path, text: str, comments: list[Comment]) -> None:
    parents = {comment.id: comment.parent for comment in comments}
    for comment in comments:
        seen = {comment.id}
        parent = comment.parent
        while parent in parents:
            if parent in seen:
                raise CommentsFileError(
                    path,
                    _line_of_id(text, comment.id),
                    f'comment "{comment.id}" is its own ancestor; fix the "parent" fields of that loop',
                )
            seen.add(parent)
            parent = parents[parent]


def _line_of_id(text: str, comment_id: object) -> int | None:
    match = re.search(r'"id"\s*:\s*' + re.escape(json.dumps(comment_id)), text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def dumps(comments: list[Comment]) -> str:
    """The exact text of a comments file holding ``comments`` in this order."""
    entries = []
    for comment in comments:
        entry = {
            "id": comment.id,
            "parent": comment.parent,
            "author": comment.author,
            "author_url": comment.author_url,
            "date": comment.date.astimezone(timezone.utc).strftime(DATE_FORMAT) if comment.date else None,
            "format": comment.format,
            "body": comment.body,
        }
        if comment.removed:
            entry["removed"] = True
        entries.append(entry)
    return json.dumps({"comments": entries}, ensure_ascii=False, indent=2) + "\n"


def write_all(contents: dict[Path, str]) -> None:
    """Write every file or none: all are written to temporary files first,
    then moved into place, so a failure part-way leaves the old files."""
    staged = []
    try:
        for path, text in contents.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            staged.append((temporary, path))
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            os.chmod(temporary, 0o644)  # mkstemp makes files private; these are content
    except BaseException:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)
        raise
    for temporary, path in staged:
        os.replace(temporary, path)
