"""The search index: Pagefind over the built site, once Pelican has
written it, one bundle per language (output/pagefind/<lang>/), which that
language's search page loads.

Once any page marks an element data-pagefind-body, Pagefind indexes only
such elements: the theme marks each article (title, summary, text; not its
date line or tag list, nor the header, switcher, footer, listings or
comments), and names its category and tags as filters
(data-pagefind-filter). A language's pages are those marked pages whose
<html lang> names it, as Pagefind itself reads them.

Pagefind runs as its command-line program (its Python API is slower, and
holds every language in one process), once per language over a folder of
links to that language's marked pages only, as many languages at once as
there are cores: one run mostly keeps one core busy. A language whose
pages say to Pagefind what they said for the cached bundle is not indexed
again, and its folder in output/ is not touched when it already holds that
bundle: after an edit only the edited language is rebuilt, and after a new
comment none.
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
    rebuilt: list = field(default_factory=list)  # languages Pagefind indexed this time
    replaced: list = field(default_factory=list)  # languages whose folder in output/ changed

    def __str__(self):
        languages = ", ".join(f"{code} {count}" for code, count in self.pages.items())
        return (
            f"{sum(self.pages.values())} pages in {len(self.pages)} languages "
            f"({languages}); indexed {' '.join(self.rebuilt) or 'none'}, "
            f"updated {' '.join(self.replaced) or 'none'} in {BUNDLE_FOLDER}/; "
            f"{self.files} files, {self.size / 1024 / 1024:.1f} MiB"
        )


def build_index(output, cache=None, warn=print):
    """Index the site in `output` into output/pagefind/<lang>/, one bundle
    per language; return what was indexed, or None when no page is marked
    for search (a site with no article yet).

    Pagefind writes filter values in a different order on each run, so
    bundles are kept in `cache` (a temporary folder when None) and reused
    for the same pages: an unchanged language keeps its bytes, and a deploy
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
            return _build(output, BundleCache(cache), warn)
    except OSError as error:
        where = error.filename or output
        raise SearchIndexError(
            f"{where}: {error.strerror or error}; the search index was not written "
            "(free some space or fix the folder's permissions, then run make html again)."
        ) from None


def _build(output, cache, warn):
    bundles = output / BUNDLE_FOLDER
    languages = _marked_pages(output)
    # A language or page that is gone must not stay findable; nor may the
    # leftovers of a run that was killed.
    remove_temporaries(bundles)
    if bundles.is_dir():
        for path in bundles.iterdir():
            if path.name in languages:
                continue
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
    if not languages:
        # Unmarked, Pagefind would index every page: listings, headers and all.
        shutil.rmtree(bundles, ignore_errors=True)
        return None
    report = IndexReport(pages={}, files=0, size=0)
    found = {lang: cache.load(lang, key, warn) for lang, (key, _) in languages.items()}
    report.rebuilt = [lang for lang, bundle in found.items() if bundle is None]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as runs:
        indexed = {lang: runs.submit(_index_language, output, lang, languages[lang][1], cache, languages[lang][0])
                   for lang in report.rebuilt}
    for lang, run in indexed.items():
        found[lang] = run.result()
    for lang, (key, pages) in languages.items():
        source, files = found[lang]
        if place(source, files, bundles / lang):
            report.replaced.append(lang)
        report.pages[lang] = len(pages)
        report.files += len(files)
        report.size += sum(size for size, _ in files.values())
    return report


def _marked_pages(output):
    """{lang: (key, [paths])} of the pages marked for search, by language;
    the key is a digest of the pages' paths and of what Pagefind reads in
    them (_read_by_pagefind)."""
    digests, pages = {}, {}
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
        if lang not in digests:
            digests[lang] = hashlib.sha256(BUNDLE_FORMAT.encode() + b"\0")
            pages[lang] = []
        digests[lang].update(relative.as_posix().encode() + b"\0" + _read_by_pagefind(data) + b"\0")
        pages[lang].append(relative)
    return {lang: (digests[lang].hexdigest(), pages[lang]) for lang in sorted(pages)}


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


def _index_language(output, lang, pages, cache, key):
    """Run Pagefind over one language's pages; store and return the
    checked bundle (folder, manifest)."""
    entry = cache.new_entry(lang)
    try:
        site = entry / "site"
        for relative in pages:
            (site / relative).parent.mkdir(parents=True, exist_ok=True)
            _link_or_copy(output / relative, site / relative)
        bundle = entry / "bundle"
        result = subprocess.run(
            [str(pagefind_bin.get_executable()), "--site", str(site),
             "--output-path", str(bundle), *PAGEFIND_COMMAND],
            capture_output=True, text=True,
        )
        if result.returncode != 0:
            said = (result.stderr.strip() or result.stdout.strip() or "no message").splitlines()[-1]
            raise SearchIndexError(
                f"{output}: Pagefind failed on the {lang} pages (exit {result.returncode}: "
                f"{said}); run make html again, and make clean if it fails again."
            )
        shutil.rmtree(site)
        files = manifest_of(bundle)
        _check_bundle(output, lang, len(pages), bundle, files)
        return cache.store(lang, key, entry, files), files
    except BaseException:
        shutil.rmtree(entry, ignore_errors=True)
        raise


def _check_bundle(output, lang, count, bundle, files):
    """What Pagefind wrote must be whole: every file non-empty, its entry
    file naming this language alone with every page."""
    try:
        check(bundle, files)
        entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        indexed = {code: data["page_count"] for code, data in entry["languages"].items()}
        if "pagefind.js" not in files:
            raise BrokenBundle("pagefind.js is missing")
    except (OSError, ValueError, KeyError, TypeError, AttributeError, BrokenBundle) as error:
        raise SearchIndexError(
            f"{output}: Pagefind's index of the {lang} pages is incomplete ({error}); "
            "run make html again."
        ) from None
    if indexed != {lang: count}:
        raise SearchIndexError(
            f"{output}: Pagefind indexed the {count} {lang} pages as {indexed}; "
            "check their <html lang>."
        )


def _link_or_copy(source, destination):
    try:
        os.link(source, destination)
    except OSError:  # another file system, or no hard links there
        shutil.copyfile(source, destination)


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
