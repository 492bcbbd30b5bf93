"""The moderation queue: one SQLite file (COMMENTS_QUEUE), never in git.

A submission is what the reader wrote, as text, with the article it is for
and the id it will have in content/comments/ (chosen now, so approving it
again writes the same comment). Neither the reader's address nor anything
derived from it is stored. A post is acknowledged only once its row is
committed (WAL journal, synchronous=FULL): a server killed at any moment
keeps every post it answered. Each submission's digest is unique, so a
post sent twice (a double click, a retry after a lost answer) is stored
once.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS submissions (
    number INTEGER PRIMARY KEY AUTOINCREMENT,
    comment_id TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL,
    lang TEXT NOT NULL,
    parent TEXT,
    author TEXT NOT NULL,
    author_url TEXT,
    text TEXT NOT NULL,
    received TEXT NOT NULL,
    digest TEXT NOT NULL UNIQUE,
    approved INTEGER NOT NULL DEFAULT 0
)
"""
# A comment written from the intake has an id of its own kind, as imported
# ones have "wp-…", "disqus-…" or "seed-…": random, so two queues (or a queue
# made anew) never give two comments one id.
ID_PREFIX = "intake-"


@dataclass(frozen=True)
class Submission:
    number: int  # the moderator's handle on it
    comment_id: str
    key: str
    lang: str
    parent: str | None
    author: str
    author_url: str | None
    text: str
    received: datetime  # UTC
    approved: bool


class DuplicateSubmission(Exception):
    """The same comment, to the same place, is already in the queue."""


def digest_of(key: str, lang: str, parent: str | None, author: str, text: str) -> str:
    fields = (key, lang, parent or "", author.strip(), " ".join(text.split()))
    return hashlib.sha256("\x00".join(fields).encode("utf-8")).hexdigest()


class Queue:
    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()  # one connection per thread
        with self._connection() as connection:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute(SCHEMA)

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("PRAGMA busy_timeout=30000")
            self._local.connection = connection
        return connection

    def add(self, key: str, lang: str, parent: str | None, author: str, author_url: str | None,
            text: str, received: datetime | None = None) -> Submission:
        """Store a submission; raises DuplicateSubmission if it is there already."""
        received = (received or datetime.now(timezone.utc)).replace(microsecond=0)
        comment_id = ID_PREFIX + secrets.token_hex(6)
        digest = digest_of(key, lang, parent, author, text)
        try:
            with self._connection() as connection:
                cursor = connection.execute(
                    "INSERT INTO submissions (comment_id, key, lang, parent, author, author_url, text,"
                    " received, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (comment_id, key, lang, parent, author, author_url, text,
                     received.strftime("%Y-%m-%dT%H:%M:%SZ"), digest),
                )
        except sqlite3.IntegrityError as error:
            if "digest" in str(error):
                raise DuplicateSubmission() from None
            raise
        return Submission(cursor.lastrowid, comment_id, key, lang, parent, author, author_url, text,
                          received, False)

    def _select(self, where: str = "", parameters: tuple = ()) -> list[Submission]:
        rows = self._connection().execute(
            "SELECT number, comment_id, key, lang, parent, author, author_url, text, received, approved"
            f" FROM submissions {where} ORDER BY number", parameters
        ).fetchall()
        return [
            Submission(*row[:8], datetime.strptime(row[8], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc),
                       bool(row[9]))
            for row in rows
        ]

    def waiting(self) -> list[Submission]:
        return self._select("WHERE approved = 0")

    def everything(self) -> list[Submission]:
        return self._select()

    def get(self, number: int) -> Submission | None:
        found = self._select("WHERE number = ?", (number,))
        return found[0] if found else None

    def mark_approved(self, number: int) -> None:
        """Kept (as approved) so that the same text sent again is still refused
        as a duplicate rather than published twice."""
        with self._connection() as connection:
            connection.execute("UPDATE submissions SET approved = 1 WHERE number = ?", (number,))

    def delete(self, numbers: list[int]) -> int:
        with self._connection() as connection:
            return sum(connection.execute("DELETE FROM submissions WHERE number = ?", (n,)).rowcount
                       for n in numbers)

    def numbers_by_author(self, name: str) -> list[int]:
        """Every submission signed with ``name`` (compared without case or
        extra spaces), waiting or approved."""
        wanted = " ".join(name.split()).casefold()
        return [s.number for s in self.everything() if " ".join(s.author.split()).casefold() == wanted]

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None
