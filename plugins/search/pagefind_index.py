"""The search index: Pagefind over the built site, once Pelican has
written it.

Pagefind makes one index per <html lang>, so a page is found only from its
own language's search page. Once any page marks an element
data-pagefind-body, Pagefind indexes only such elements: the theme marks
each article (title, summary, text; not its date line or tag list, nor the
header, switcher, footer, listings or comments), and names its category
and tags as filters (data-pagefind-filter).
"""

import asyncio
import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

BUNDLE_FOLDER = "pagefind"
# The script the search page loads, relative to the site's root.
BUNDLE_SCRIPT = f"{BUNDLE_FOLDER}/pagefind.js"
MARK = "data-pagefind-body"


class SearchIndexError(Exception):
    """The index cannot be built from this folder."""


@dataclass
class IndexReport:
    pages: dict  # language code -> pages indexed
    files: int
    size: int  # bytes

    def __str__(self):
        languages = ", ".join(f"{code} {count}" for code, count in self.pages.items())
        return (
            f"{sum(self.pages.values())} pages in {len(self.pages)} languages "
            f"({languages}); {self.files} files, {self.size / 1024 / 1024:.1f} MiB "
            f"in {BUNDLE_FOLDER}/"
        )


def build_index(output, cache=None):
    """Index the site in `output` into output/pagefind/, replacing any
    index there; return what was indexed, or None when no page is marked
    for search (a site with no article yet).

    Pagefind's files differ from run to run for the same pages (the order
    it writes filter values in is not fixed), so with a `cache` folder the
    index of pages already indexed is reused: an unchanged site then gives
    the same bytes, and a deploy sends nothing."""
    output = Path(output).resolve()
    if not (output / "index.html").is_file():
        raise SearchIndexError(
            f"{output}: no built site here (no index.html). Build it first: make html."
        )
    bundle = output / BUNDLE_FOLDER
    # A language or page that is gone must not stay findable.
    shutil.rmtree(bundle, ignore_errors=True)
    if not any(MARK in page.read_text(encoding="utf-8") for page in output.rglob("*.html")):
        # Unmarked, Pagefind would index every page: listings, headers and all.
        return None
    cached = Path(cache) / _pages_digest(output) if cache else None
    if cached is not None and (cached / "pagefind-entry.json").is_file():
        shutil.copytree(cached, bundle)
    else:
        asyncio.run(_index(output, bundle))
        if cached is not None:
            shutil.rmtree(cache, ignore_errors=True)  # only the latest is reused
            shutil.copytree(bundle, cached)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    files = [path for path in bundle.rglob("*") if path.is_file()]
    return IndexReport(
        pages={code: language["page_count"] for code, language in entry["languages"].items()},
        files=len(files),
        size=sum(path.stat().st_size for path in files),
    )


def _pages_digest(output):
    """A digest of every page Pagefind reads (path and bytes)."""
    digest = hashlib.sha256()
    for page in sorted(output.rglob("*.html")):
        digest.update(page.relative_to(output).as_posix().encode() + b"\0")
        digest.update(page.read_bytes() + b"\0")
    return digest.hexdigest()


async def _index(output, bundle):
    async with PagefindIndex(IndexConfig(output_path=str(bundle))) as index:
        await index.add_directory(str(output))
