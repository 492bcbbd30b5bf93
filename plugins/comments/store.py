"""Read and write the comments files: content/comments/<key>.<lang>.json.

One JSON file per article variant, written so that a diff shows one line per
changed field: two-space indentation, one field per line in a fixed order,
UTF-8 with non-ASCII characters as themselves, a trailing newline. Authors
may edit these files; loading checks them and names the file and line of any
mistake. Beside "comments", a file written by an import keeps "imported":
the ids imports have written to it, so that one deleted by hand stays
deleted. Whoever rewrites a file passes load_file's ``imported`` on to dumps.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from plugins.errors.exceptions import ContentError
from plugins.variants.naming import file_name, parse_name

from .model import Comment, Variant
from .threads import natural_key, reply_loops

FIELDS = ("id", "parent", "author", "author_url", "date", "format", "body", "removed")
# What a comment's id may hold: it becomes the page's #comment-<id> anchor.
ID_CHARACTERS = "A-Za-z0-9_.:-"
_ID = re.compile(f"[{ID_CHARACTERS}]+")
_NOT_ID = re.compile(f"[^{ID_CHARACTERS}]+")
# The report's line for an id clean_id changed.
CLEANED_ID = "id with characters a comments file does not allow: stored with a digest of the original appended"
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


class UnfitKeyError(ValueError):
    """An article's key or language cannot name a comments file (a
    Translation_id such as ../../x would put it outside the folder)."""


@dataclass
class CommentsFile:
    comments: list[Comment]
    # Every id an import has written to the file: a comment deleted from it
    # by hand is not brought back by the next import. None in a file no
    # import has written since this record began.
    imported: set[str] | None = None


def file_for(comments_dir: Path, variant: Variant) -> Path:
    """``comments_dir``/<key>.<lang>.json; UnfitKeyError unless the name
    reads back as this key and language under the one naming rule."""
    name = file_name(variant.key, variant.lang, "json")
    parsed = parse_name(name)
    if parsed is None or (parsed.stem, parsed.lang) != tuple(variant):
        raise UnfitKeyError(
            f"the key {variant.key!r} (language {variant.lang!r}) cannot name a comments file "
            f"<key>.<lang>.json; give the article a key (folder or Translation_id) without '/' or '.'"
        )
    return comments_dir / name


def clean_id(raw: str) -> str:
    """``raw`` as a comment id: itself when every character is allowed,
    else the allowed parts and a digest of the whole, so that two ids
    differing only in characters that are not allowed stay two ids."""
    if _ID.fullmatch(raw):
        return raw
    kept = _NOT_ID.sub("_", raw).strip("_")
    digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{kept}-{digest}" if kept else digest


def variant_of(path: Path) -> Variant | None:
    """The variant a comments file belongs to, from its name."""
    name = parse_name(path.name)
    return Variant(name.stem, name.lang) if name and name.extension == "json" else None


def list_files(comments_dir: Path) -> list[Path]:
    if not comments_dir.is_dir():
        return []
    return sorted(comments_dir.glob("*.json"))


def load(path: Path) -> list[Comment]:
    """Read one comments file's comments; a missing file holds none."""
    return load_file(path).comments


def load_file(path: Path) -> CommentsFile:
    """Read one comments file; a missing file holds no comments."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return CommentsFile([])
    except UnicodeDecodeError as error:
        raise CommentsFileError(path, None, f"is not UTF-8 ({error.reason}); re-save it as UTF-8")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise CommentsFileError(
            path, error.lineno, f"is not valid JSON ({error.msg}, column {error.colno}); fix that line"
        ) from None
    except RecursionError:
        raise CommentsFileError(
            path, None, 'is nested too deep to be a comments file; it must be {"comments": [...]}, '
            "a list of comment objects: restore it from git or import it again"
        ) from None
    if not isinstance(document, dict) or not isinstance(document.get("comments"), list):
        raise CommentsFileError(path, 1, 'must be a JSON object {"comments": [...]}')
    imported = document.get("imported")
    if imported is not None and (
        not isinstance(imported, list) or not all(isinstance(i, str) and _ID.fullmatch(i) for i in imported)
    ):
        raise CommentsFileError(path, _line_of_key(text, "imported"), '"imported" must be a list of comment ids')
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
    _check_no_loops(path, text, comments)
    return CommentsFile(comments, set(imported) if imported is not None else None)


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
    if not isinstance(raw_id, str) or not _ID.fullmatch(raw_id):
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


def _check_no_loops(path: Path, text: str, comments: list[Comment]) -> None:
    loops = reply_loops({comment.id: comment.parent for comment in comments})
    if loops:
        place = {comment.id: n for n, comment in enumerate(comments)}
        first = min(loops[0], key=place.__getitem__)
        raise CommentsFileError(
            path,
            _line_of_id(text, first),
            f'comment "{first}" is its own ancestor; fix the "parent" fields of that loop',
        )


def _line_of_id(text: str, comment_id: object) -> int | None:
    match = re.search(r'"id"\s*:\s*' + re.escape(json.dumps(comment_id)), text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _line_of_key(text: str, key: str) -> int | None:
    match = re.search(r'"' + re.escape(key) + r'"\s*:', text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def dumps(comments: list[Comment], imported: Iterable[str] = ()) -> str:
    """The exact text of a comments file holding ``comments`` in this
    order, and the ids imports have written to it (``imported``), if any."""
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
    document = {"comments": entries}
    if imported:
        document["imported"] = sorted(imported, key=natural_key)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


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
