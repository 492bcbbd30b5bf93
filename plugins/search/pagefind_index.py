"""The search index: Pagefind over the built site, once Pelican has
written it, one index per language, which that language's search page
loads.

Once any page marks an element data-pagefind-body, Pagefind indexes only
such elements: the theme marks each article (title, summary, text; not its
date line or tag list, nor the header, switcher, footer, listings or
comments), and names its category and tags as filters
(data-pagefind-filter). A language's pages are those marked pages whose
<html lang> names it, as Pagefind itself reads them.

A language's index is one or more Pagefind bundles of about
PAGES_PER_BUNDLE pages each, a page's bundle chosen by a digest of its
path: output/pagefind/<lang>/ holds the first, with Pagefind's scripts and
parts.json naming the others (output/pagefind/<lang>.<n>/, data only),
which the search page merges in (Pagefind's mergeIndex). Small bundles
keep what an edit costs and Pagefind's memory bounded by the bundle, not
the site.

Pagefind runs as its command-line program (its Python API is slower, and
holds every language in one process), once per bundle over a folder of
what it reads of that bundle's pages, as many runs at once as there are
cores: one run mostly keeps one core busy. A bundle whose pages say to Pagefind
what they said for the cached bundle is not indexed again, and its folder
in output/ is not touched when it already holds that bundle: after an edit
only the edited page's bundle is rebuilt, and after a new comment none.
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import pagefind_bin

from .bundles import BrokenBundle, BundleCache, check, manifest_of, place, remove_temporaries

try:
    import fcntl
except ImportError:  # Windows: runs into one folder are not serialised there
    fcntl = None

BUNDLE_FOLDER = "pagefind"
MARK = b"data-pagefind-body"
HTML_LANG = re.compile(rb"<html\b[^>]*?\slang=\"([^\"]+)\"")
MARKED_ELEMENT = re.compile(rb"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\sdata-pagefind-body\b")
# What Pagefind reads outside the marked element; data-pagefind-ignore
# means nothing there.
READ_ANYWHERE = re.compile(rb"data-pagefind-(?!ignore\b)")
ENTRY = "pagefind-entry.json"
PARTS = "parts.json"
PAGES_PER_BUNDLE = 100
# What the search page uses of Pagefind's output: its scripts and
# WebAssembly in the first bundle; every bundle's data. Pagefind's own
# user interfaces are not used, and not published.
SCRIPTS = re.compile(r"pagefind\.js|pagefind-worker\.js|wasm\.[^/]+\.pagefind")
DATA = re.compile(r"pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|(index|fragment|filter)/[^/]+")
# What decides a bundle besides the pages: Pagefind's version and how it
# is run. A change of either rebuilds every language.
PAGEFIND_COMMAND = ("--silent",)
BUNDLE_FORMAT = f"pagefind {version('pagefind-bin')} {' '.join(PAGEFIND_COMMAND)}"


def bundle_script(lang):
    """The script a language's search page loads, relative to the site's root."""
    return f"{BUNDLE_FOLDER}/{lang}/pagefind.js"


class SearchIndexError(Exception):
    """The index cannot be built; the message names the folder and says
    what to do."""


@dataclass
class IndexReport:
    pages: dict  # language code -> pages indexed
    files: int
    size: int  # bytes
    rebuilt: list = field(default_factory=list)  # bundles Pagefind indexed this time
    replaced: list = field(default_factory=list)  # bundles whose folder in output/ changed

    def __str__(self):
        languages = ", ".join(f"{code} {count}" for code, count in self.pages.items())
        return (
            f"{sum(self.pages.values())} pages in {len(self.pages)} languages "
            f"({languages}); indexed {' '.join(self.rebuilt) or 'none'}, "
            f"updated {' '.join(self.replaced) or 'none'} in {BUNDLE_FOLDER}/; "
            f"{self.files} files, {self.size / 1024 / 1024:.1f} MiB"
        )


@dataclass
class Bundle:
    """One Pagefind bundle of a language's index: its folder under
    output/pagefind/ (the language's code for the first, which carries
    the scripts and the list of the others), its pages and their key."""

    folder: str
    lang: str
    pages: list
    key: str
    parts: list | None  # the other bundles' folders, for the first; else None


def build_index(output, cache=None, warn=print, pages_per_bundle=PAGES_PER_BUNDLE):
    """Index the site in `output` into output/pagefind/, one index per
    language; return what was indexed, or None when no page is marked for
    search (a site with no article yet).

    Pagefind writes filter values in a different order on each run, so
    bundles are kept in `cache` (a temporary folder when None) and reused
    for the same pages: an unchanged bundle keeps its bytes, and a deploy
    sends nothing for it."""
    output = Path(output).resolve()
    if not (output / "index.html").is_file():
        raise SearchIndexError(
            f"{output}: no built site here (no index.html). Build it first: make html."
        )
    try:
        with ExitStack() as stack:
            stack.enter_context(_only_run(output))
            if cache is None:
                cache = stack.enter_context(tempfile.TemporaryDirectory(prefix="search-index-"))
            else:
                Path(cache).mkdir(parents=True, exist_ok=True)
                stack.enter_context(_only_run(Path(cache)))
            return _build(output, BundleCache(cache), warn, pages_per_bundle)
    except OSError as error:
        where = error.filename or output
        raise SearchIndexError(
            f"{where}: {error.strerror or error}; the search index was not written "
            "(free some space or fix the folder's permissions, then run make html again)."
        ) from None


def _build(output, cache, warn, pages_per_bundle):
    folder = output / BUNDLE_FOLDER
    languages = _marked_pages(output)
    bundles = [bundle for lang, pages in languages.items() for bundle in _bundles(lang, pages, pages_per_bundle)]
    # A bundle or page that is gone must not stay findable; nor may the
    # leftovers of a run that was killed.
    remove_temporaries(folder)
    if folder.is_dir():
        wanted = {bundle.folder for bundle in bundles}
        for path in folder.iterdir():
            if path.name in wanted:
                continue
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
    if not bundles:
        # Unmarked, Pagefind would index every page: listings, headers and all.
        shutil.rmtree(folder, ignore_errors=True)
        return None
    report = IndexReport(pages={lang: len(pages) for lang, pages in languages.items()}, files=0, size=0)
    found = {bundle.folder: cache.load(bundle.folder, bundle.key, warn) for bundle in bundles}
    missing = [bundle for bundle in bundles if found[bundle.folder] is None]
    report.rebuilt = [bundle.folder for bundle in missing]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as runs:
        indexed = {bundle.folder: runs.submit(_index_bundle, output, bundle, cache) for bundle in missing}
    for name, run in indexed.items():
        found[name] = run.result()
    for bundle in bundles:
        source, files = found[bundle.folder]
        if place(source, files, folder / bundle.folder):
            report.replaced.append(bundle.folder)
        report.files += len(files)
        report.size += sum(size for size, _ in files.values())
    return report


def _marked_pages(output):
    """{lang: {path: digest}} of the pages marked for search, by language;
    each digest is of the page's path and of what Pagefind reads in it
    (_read_by_pagefind)."""
    pages = {}
    for page in sorted(output.rglob("*.html")):
        relative = page.relative_to(output)
        if relative.parts[0] == BUNDLE_FOLDER:
            continue
        data = page.read_bytes()
        if MARK not in data:
            continue
        found = HTML_LANG.search(data)
        if found is None:
            raise SearchIndexError(
                f"{page}: marked for search but its <html> names no language; "
                "the theme's base template must give <html lang>."
            )
        lang = found.group(1).decode("ascii", "replace")
        digest = hashlib.sha256(relative.as_posix().encode() + b"\0" + _read_by_pagefind(data))
        pages.setdefault(lang, {})[relative] = digest.digest()
    return {lang: pages[lang] for lang in sorted(pages)}


def _bundles(lang, pages, pages_per_bundle):
    """A language's pages shared out into bundles of about
    `pages_per_bundle` pages, each page's by a digest of its path; the
    number of bundles is a power of two, so it changes seldom and a page
    added moves no other."""
    count = 1
    while count * pages_per_bundle < len(pages):
        count *= 2
    shares = {}
    for relative in pages:
        share = int.from_bytes(hashlib.sha256(relative.as_posix().encode()).digest()[:8], "big") % count
        shares.setdefault(share, []).append(relative)
    numbers = sorted(shares)
    parts = [f"{lang}.{number}" for number in numbers[1:]]
    made = []
    for number in numbers:
        first = number == numbers[0]
        key = hashlib.sha256(BUNDLE_FORMAT.encode() + b"\0" + json.dumps(parts if first else None).encode())
        for relative in shares[number]:
            key.update(pages[relative])
        made.append(Bundle(lang if first else f"{lang}.{number}", lang, shares[number], key.hexdigest(),
                           parts if first else None))
    return made


def _read_by_pagefind(page):
    """The bytes of a page up to the end of its marked element: Pagefind
    reads <html lang>, that element and data-pagefind-* attributes, and
    the theme puts none of these after it (the comment threads come after:
    a new comment changes no index). The whole page where that is not so."""
    marked = MARKED_ELEMENT.search(page)
    if marked is None:
        return page
    opening = re.compile(rb"<" + marked.group(1) + rb"\b")
    closing = b"</" + marked.group(1) + b">"
    depth, position = 1, marked.end()
    while depth:
        end = page.find(closing, position)
        if end == -1:
            return page
        depth += len(opening.findall(page, position, end)) - 1
        position = end + len(closing)
    return page if READ_ANYWHERE.search(page, position) else page[:position]


def _index_bundle(output, bundle, cache):
    """Run Pagefind over one bundle's pages; keep what the search page
    uses of its output (and, in the first bundle, the list of the
    others); store and return the checked bundle (folder, manifest)."""
    entry = cache.new_entry(bundle.folder)
    try:
        # Pagefind is given what it reads of each page, no more: a fifth
        # less of its time than over the whole pages with their threads.
        site = entry / "site"
        for relative in bundle.pages:
            (site / relative).parent.mkdir(parents=True, exist_ok=True)
            (site / relative).write_bytes(_read_by_pagefind((output / relative).read_bytes()))
        written = entry / "bundle"
        result = subprocess.run(
            [str(pagefind_bin.get_executable()), "--site", str(site),
             "--output-path", str(written), *PAGEFIND_COMMAND],
            capture_output=True, text=True,
        )
        if result.returncode != 0:
            said = (result.stderr.strip() or result.stdout.strip() or "no message").splitlines()[-1]
            raise SearchIndexError(
                f"{output}: Pagefind failed on the {bundle.lang} pages (exit {result.returncode}: "
                f"{said}); run make html again, and make clean if it fails again."
            )
        shutil.rmtree(site)
        _check_bundle(output, bundle, written, manifest_of(written))
        first = bundle.parts is not None
        for path in sorted(written.rglob("*"), reverse=True):
            name = path.relative_to(written).as_posix()
            if path.is_file() and not (DATA.fullmatch(name) or first and SCRIPTS.fullmatch(name)):
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        if first:
            (written / PARTS).write_text(json.dumps(bundle.parts), encoding="utf-8")
        files = manifest_of(written)
        return cache.store(bundle.folder, bundle.key, entry, files), files
    except BaseException:
        shutil.rmtree(entry, ignore_errors=True)
        raise


def _check_bundle(output, bundle, written, files):
    """What Pagefind wrote must be whole: every file non-empty, its entry
    file naming this language alone with every page of the bundle."""
    try:
        check(written, files)
        entry = json.loads((written / ENTRY).read_text(encoding="utf-8"))
        indexed = {code: data["page_count"] for code, data in entry["languages"].items()}
        if "pagefind.js" not in files:
            raise BrokenBundle("pagefind.js is missing")
    except (OSError, ValueError, KeyError, TypeError, AttributeError, BrokenBundle) as error:
        raise SearchIndexError(
            f"{output}: Pagefind's index of the {bundle.lang} pages is incomplete ({error}); "
            "run make html again."
        ) from None
    if indexed != {bundle.lang: len(bundle.pages)}:
        raise SearchIndexError(
            f"{output}: Pagefind indexed {len(bundle.pages)} {bundle.lang} pages as {indexed}; "
            "check their <html lang>."
        )


class _only_run:
    """One index run at a time into a folder: a second waits (an exclusive
    lock on the folder itself, released when the process ends, even
    killed)."""

    def __init__(self, folder):
        self.folder = folder

    def __enter__(self):
        self.descriptor = None
        if fcntl is not None:
            self.descriptor = os.open(self.folder, os.O_RDONLY)
            fcntl.flock(self.descriptor, fcntl.LOCK_EX)
        return self.folder

    def __exit__(self, *exception):
        if self.descriptor is not None:
            os.close(self.descriptor)
