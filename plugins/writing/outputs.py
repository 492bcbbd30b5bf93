"""What the build wrote to output/, kept so that output/ is always what the
sources say.

One record in CACHE_PATH (written atomically) lists every file our
plugins write to output/ (pages, listings, feeds, the sitemap, the host
files), each with its fingerprint (fingerprints.py), and whether the
build that wrote it finished:

* before anything is written, the record is marked unfinished, and every
  file this build is about to write is added to it;
* at the end of a successful build, every file the record lists that this
  build did not write (an article deleted, renamed or made a draft, its
  tag pages, the pages of a failed build) is removed, with the folders it
  leaves empty, and the record is written finished, with this build's
  files alone.

A build that fails or is killed leaves the record unfinished: the next
trusts none of its fingerprints (it renders every page, and rewrites
those whose bytes differ), removes what it does not write itself, and
the temporary files a killed write left (files.py). Pelican's static
files (the theme's, content/images) are Pelican's: never listed, never
removed. The search step learns which pages went from `removed` in the
record (python -m plugins.search leaves output/pagefind/ to itself).
"""

import json
import logging
import os

from .files import is_partial, write_atomically

logger = logging.getLogger(__name__)

FILE_NAME = "output-record.json"


class OutputRecord:
    def __init__(self, settings, output_path):
        self.output_path = output_path
        self.path = os.path.join(settings["CACHE_PATH"], FILE_NAME)
        self.output = os.path.abspath(output_path)
        kept = _load(self.path)
        # A record of another output folder says nothing about this one.
        if kept.get("output") != self.output:
            kept = {}
        self.previous = dict(kept.get("files", {}))
        self.interrupted = bool(kept) and not kept.get("finished")
        # Fingerprints are trusted only from a build that finished.
        self.fingerprints = {} if self.interrupted else self.previous
        self.written = {}  # file -> fingerprint ("" for files not fingerprinted)
        self._save(finished=False, files=self.previous)

    def plan(self, files):
        """Files this build is about to write, recorded before any is."""
        new = [file for file in files if file not in self.previous and file not in self.written]
        for file in files:
            self.written.setdefault(file, "")
        if new:
            self._save(finished=False, files={**self.previous, **dict.fromkeys(self.written, "")})

    def wrote(self, file, fingerprint=""):
        self.written[file] = fingerprint

    def finish(self):
        """Remove what this build did not write; record the build finished."""
        removed = sorted(set(self.previous) - set(self.written))
        folders = set()
        for file in removed:
            path = os.path.join(self.output_path, file)
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
            folders.add(os.path.dirname(path))
        if self.interrupted:
            folders |= _remove_partial_files(self.output_path)
        _remove_empty_folders(folders, self.output_path)
        self._save(finished=True, files=self.written, removed=removed)
        if removed:
            logger.info("Removed %d files no source writes any more", len(removed))
        return removed

    def _save(self, finished, files, removed=()):
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        record = {"output": self.output, "finished": finished, "files": files, "removed": list(removed)}
        write_atomically(self.path, json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def _load(path):
    try:
        with open(path, encoding="utf-8") as kept:
            record = json.load(kept)
        if not isinstance(record, dict) or not isinstance(record.get("files", {}), dict):
            raise ValueError("not a record")
        return record
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        logger.warning("%s cannot be read (%s): set aside, every page is rendered again.", path, error)
        return {}


def _remove_partial_files(output_path):
    """Temporary files a killed build left (files.py); their folders."""
    folders = set()
    for folder, _, names in os.walk(output_path):
        for name in names:
            if is_partial(name):
                os.unlink(os.path.join(folder, name))
                folders.add(folder)
    return folders


def _remove_empty_folders(folders, output_path):
    root = os.path.abspath(output_path)
    for folder in sorted(folders, key=len, reverse=True):
        folder = os.path.abspath(folder)
        while folder != root and folder.startswith(root + os.sep):
            try:
                os.rmdir(folder)
            except OSError:  # not empty (or already gone)
                break
            folder = os.path.dirname(folder)
