"""Pagefind bundles as folders of files that are either whole or not
there: a manifest of every file (size and SHA-256), checked before a
bundle is trusted; folders written under a temporary name and renamed into
place, so that a kill or a full disk leaves at most a temporary folder
that nothing reads and the next run removes."""

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

MANIFEST = "files.json"
# The prefix of every folder still being written, here and in output/.
TEMPORARY = ".tmp-"


class BrokenBundle(Exception):
    """A bundle whose files are not all there as its manifest says."""


def file_digest(path):
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def manifest_of(folder):
    """{relative path: [size, sha256]} of every file under `folder`."""
    return {
        path.relative_to(folder).as_posix(): [path.stat().st_size, file_digest(path)]
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def check(folder, files):
    """Raise BrokenBundle unless every file of `files` (a manifest) is in
    `folder`, non-empty, with its size and digest."""
    for name, (size, digest) in files.items():
        path = folder / name
        if not path.is_file():
            raise BrokenBundle(f"{name} is missing")
        if size == 0 or path.stat().st_size != size or file_digest(path) != digest:
            raise BrokenBundle(f"{name} is empty or not as written")


def holds_exactly(folder, files):
    """Whether `folder` holds these files, as written, and nothing else."""
    if not folder.is_dir():
        return False
    present = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    if present != set(files):
        return False
    try:
        check(folder, files)
    except BrokenBundle:
        return False
    return True


def temporary_folder(parent):
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=TEMPORARY, dir=parent))


def remove_temporaries(parent):
    """Folders left half-written by a run that was killed or failed (runs
    into one folder are serialised, so none of these is still in use)."""
    if parent.is_dir():
        for path in parent.glob(TEMPORARY + "*"):
            shutil.rmtree(path, ignore_errors=True)


class BundleCache:
    """Each language's latest bundle, under CACHE/<lang>/<key>/ (a bundle/
    folder and its files.json), the key naming the pages it indexes."""

    def __init__(self, folder):
        self.folder = Path(folder)

    def load(self, lang, key, warn):
        """The verified bundle folder and manifest for these pages, or None;
        an entry that cannot be trusted is dropped with one warning."""
        entry = self.folder / lang / key
        if not entry.is_dir():
            return None
        try:
            files = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
            if not isinstance(files, dict) or not files:
                raise BrokenBundle(f"{MANIFEST} lists no file")
            check(entry / "bundle", files)
        except (OSError, ValueError, TypeError, BrokenBundle) as error:
            warn(f"{entry}: the cached search index is incomplete ({error}); dropped, rebuilding it")
            shutil.rmtree(entry, ignore_errors=True)
            return None
        return entry / "bundle", files

    def new_entry(self, lang):
        """A temporary folder to write a bundle into (its bundle/ folder)."""
        remove_temporaries(self.folder / lang)
        return temporary_folder(self.folder / lang)

    def store(self, lang, key, entry, files):
        """Write the manifest and rename the entry into place; older entries
        of the language go (only the latest is reused)."""
        (entry / MANIFEST).write_text(json.dumps(files, indent=1), encoding="utf-8")
        final = self.folder / lang / key
        shutil.rmtree(final, ignore_errors=True)
        os.rename(entry, final)
        for other in (self.folder / lang).iterdir():
            if other.name != key:
                shutil.rmtree(other, ignore_errors=True)
        return final / "bundle"


def place(source, files, target):
    """Make `target` hold exactly the files of `source` (as its manifest
    says); nothing is written when it already does. The new folder is
    written beside it under a temporary name and swapped in by renames."""
    if holds_exactly(target, files):
        return False
    remove_temporaries(target.parent)
    staging = temporary_folder(target.parent)
    for name in files:
        (staging / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, staging / name)
    check(staging, files)
    if target.exists():
        old = temporary_folder(target.parent)
        os.rename(target, old)  # onto an empty folder: replaces it
        os.rename(staging, target)
        shutil.rmtree(old)
    else:
        os.rename(staging, target)
    return True
