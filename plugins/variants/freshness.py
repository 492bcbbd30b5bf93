"""When a variant last changed, by the rule `make status` uses for "stale":
its Modified: line, else the time of the last git commit that touched its
file, else the file's modification time."""

import os
import subprocess
from datetime import datetime, timezone

from plugins.writing.fingerprints import page_inputs


def git_commit_times(directory):
    """{absolute path: time of the last commit that touched it}, in one
    git call; empty outside a git work tree."""
    try:
        top = subprocess.run(
            ["git", "-C", directory, "rev-parse", "--show-toplevel"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        log = subprocess.run(
            ["git", "-C", directory, "log", "--format=@%ct", "--name-only",
             "--no-renames", "--", "."],
            capture_output=True, text=True, check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    times = {}
    commit_time = None
    for line in log.splitlines():
        if line.startswith("@"):
            commit_time = datetime.fromtimestamp(int(line[1:]), timezone.utc)
        elif line:
            times.setdefault(os.path.join(top, line), commit_time)  # newest first
    return times


def last_changed(metadata, path, commit_times):
    """(when, how): how is "Modified", "git" or "mtime"."""
    if "modified" in metadata:
        return as_utc(metadata["modified"]), "Modified"
    if path in commit_times:
        return commit_times[path], "git"
    return datetime.fromtimestamp(os.path.getmtime(path), timezone.utc), "mtime"


def as_utc(moment):
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def mark_outdated(groups, content_root):
    """On every published variant older than its group's most recently
    changed one, set `newer_variant` to that one (else None)."""
    commit_times = git_commit_times(content_root)
    for group in groups:
        published = [v for v in group.variants if v.status == "published"]
        changed = {
            id(v): last_changed(v.metadata, os.path.abspath(v.source_path), commit_times)[0]
            for v in published
        }
        newest = max(published, key=lambda v: changed[id(v)], default=None)
        for variant in published:
            older = newest is not None and changed[id(variant)] < changed[id(newest)]
            variant.newer_variant = newest if older else None
            # Shown on the variant's own page only (plugins/writing).
            page_inputs(variant)["newer_variant"] = newest.url if older else ""

