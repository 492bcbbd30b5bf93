"""What the repository's own history says about a source file, offline:
git is asked with `core.quotepath=off` and NUL-separated names, so a
folder named `caffè/` is read as it is written."""

import hashlib
import os
import re
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone

# A line of a commit message that marks the commit's change as minor (a
# typo fixed, a metadata line moved): it makes no translation stale, by
# either rule. The same line as git's --grep (POSIX ERE) reads it.
MINOR_MARK = re.compile(r"^\s*translation\s*:\s*minor\s*$", re.IGNORECASE | re.MULTILINE)
MINOR_MARK_ERE = "^[[:space:]]*translation[[:space:]]*:[[:space:]]*minor[[:space:]]*$"


def git(directory, *args):
    """git's output as text, or None when git is missing, the folder is
    not in a work tree, or git refuses."""
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", "-C", directory, *args],
            capture_output=True, text=True, check=True, encoding="utf-8",
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def commit_times(directory):
    """{absolute path: time of the last commit that touched it, minor
    commits aside}, in one git call; empty outside a git work tree."""
    top = git(directory, "rev-parse", "--show-toplevel")
    log = git(
        directory, "log", "--format=@%ct", "--name-only", "--no-renames", "-z",
        "--invert-grep", "--extended-regexp", "--regexp-ignore-case", f"--grep={MINOR_MARK_ERE}", "--", ".",
    )
    if top is None or log is None:
        return {}
    top = top.strip()
    times = {}
    commit_time = None
    for token in log.split("\0"):
        token = token.lstrip("\n")
        if token.startswith("@") and token[1:].isdigit():
            commit_time = datetime.fromtimestamp(int(token[1:]), timezone.utc)
        elif token:
            times.setdefault(os.path.join(top, token), commit_time)  # newest first
    return times


def blob_id(data):
    """The id git gives these bytes as a blob (`git hash-object`)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def committed_blob(path):
    """The blob id of the file as committed, when the work tree's copy is
    exactly that commit's (else None: uncommitted changes, or no git)."""
    with open(path, "rb") as handle:
        current = blob_id(handle.read())
    head = git(os.path.dirname(path), "rev-parse", "--verify", "--quiet", f"HEAD:./{os.path.basename(path)}")
    return current if head is not None and head.strip() == current else None


def blob_text(directory, blob):
    """The text of a blob the repository knows, else None."""
    if not re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", blob):
        return None
    if (git(directory, "cat-file", "-t", blob) or "").strip() != "blob":
        return None
    return git(directory, "cat-file", "blob", blob)


def in_work_tree(directory):
    return (git(directory, "rev-parse", "--is-inside-work-tree") or "").strip() == "true"


@dataclass(frozen=True)
class FileVersion:
    """A commit that changed the file, and the blob it left."""

    commit: str
    blob: str  # the file as the commit left it (all zeros: deleted)
    minor: bool  # its message carries the "Translation: minor" line


def file_history(path):
    """Every commit that changed the file, newest first (empty without git)."""
    log = git(
        os.path.dirname(path), "log", "--format=%x1e%H%x1f%B%x1f", "--raw", "--no-abbrev",
        "--no-renames", "--", os.path.basename(path),
    )
    versions = []
    for record in (log or "").split("\x1e")[1:]:
        commit, message, raw = record.split("\x1f", 2)
        changes = [line.split("\t")[0].split() for line in raw.splitlines() if line.startswith(":")]
        if changes:
            versions.append(FileVersion(commit, changes[0][3], bool(MINOR_MARK.search(message))))
    return versions
