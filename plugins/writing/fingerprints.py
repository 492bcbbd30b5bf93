"""Pages not rendered again when nothing they show has changed.

Each page's fingerprint is a digest of what it is rendered from:

* the site: the theme's templates, the catalogs, the plugins' code, the
  versions of the libraries that render (Pelican, Jinja2, Python-Markdown,
  Babel, nh3), the settings, and every article, page and series page as listings and
  neighbours show it (URL, status, language, all metadata);
* the page itself: the body of the article or page it renders, what
  plugins attach to it for its own page only, which they describe in
  `content.page_inputs` (the comment thread, the outdated notice), and the
  comment counts it shows (its variants' on an article; its entries' on
  each page of a listing, pagination.py).

Fingerprints are kept between builds in the record of what the build
wrote (outputs.py; used only when the content cache is loaded, and only
from a build that finished): a page whose fingerprint is unchanged and
whose file is still there is skipped. Editing one article's text thus
re-renders its own page alone; a new comment re-renders its article, the
article's other variants and the listings that count it; a change every
page may show (a title, a date, a template) re-renders everything.
"""

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

from .pagination import listing_pages

LIBRARIES = ("pelican", "jinja2", "markdown", "babel", "nh3", "icukit-pyicu")
PLUGINS = Path(__file__).resolve().parent.parent


def page_inputs(content):
    """The dict in which a plugin describes what it shows on this content's
    own page only (a string per thing), so the page is rendered again when
    it changes."""
    if not hasattr(content, "page_inputs"):
        content.page_inputs = {}
    return content.page_inputs


class RenderedPages:
    """The fingerprints of this build's pages, and those of the last
    finished build (outputs.py keeps them in its record)."""

    def __init__(self, settings, context, previous):
        self.settings = settings
        self.output_path = settings["OUTPUT_PATH"]
        self.enabled = bool(settings.get("CACHE_CONTENT"))
        self.previous = previous if self.enabled and settings.get("LOAD_CONTENT_CACHE") else {}
        self.site = _site_digest(settings, context) if self.enabled else ""
        self.current = {}

    def files_to_render(self, job):
        """(the files the job writes, those of them to render again),
        recording their fingerprints. A paginated listing's pages have one
        each: its entries' comment counts are those of its own page."""
        name, template, _, args, kwargs = job
        pages = listing_pages(job, self.settings)
        if not self.enabled:
            files = dict.fromkeys([name] if pages is None else [file for file, _ in pages], "")
        elif pages is None:
            files = {name: _digest(self.site, name, template.name, stable_text(args), _job_inputs(kwargs))}
        else:
            listing = _digest(self.site, name, template.name, stable_text(args), _job_inputs(kwargs, counts=False))
            files = {
                file: _digest(listing, file, [_comment_counts(objects) for objects in on_page])
                for file, on_page in pages
            }
        self.current.update(files)
        stale = [
            file for file, fingerprint in files.items()
            if not fingerprint or self.previous.get(file) != fingerprint
            or not os.path.isfile(os.path.join(self.output_path, file))
        ]
        return list(files), stale


def _job_inputs(kwargs, counts=True):
    inputs = {}
    for key, value in sorted(kwargs.items()):
        if key in ("article", "page"):
            group = getattr(value, "group", None)
            variants = group.by_lang.values() if group is not None else [value]
            inputs[key] = (
                value.source_path, hashlib.sha256((value._content or "").encode()).hexdigest(),
                sorted(getattr(value, "page_inputs", {}).items()), _comment_counts(variants),
                # Its variants' threads are shown on it too, collapsed.
                sorted((v.source_path, getattr(v, "page_inputs", {}).get("comments")) for v in variants),
            )
        elif key in ("articles", "dates"):  # a listing: its entries' counts, unless per page
            inputs[key] = _comment_counts(value) if counts else len(value)
        elif isinstance(value, (str, int, float, bool, type(None))):
            inputs[key] = value
        elif hasattr(value, "code"):  # a Language
            inputs[key] = value.code
        else:  # listings, series, entries: what they hold is in the site digest
            inputs[key] = type(value).__name__
    return stable_text(inputs)


def _comment_counts(contents):
    return sorted((content.source_path, getattr(content, "comment_count", None)) for content in contents)


def _site_digest(settings, context):
    digest = hashlib.sha256()
    for folder, pattern in (
        (Path(settings["THEME"]) / "templates", "*.html"),
        (Path(settings["TRANSLATIONS_PATH"]), "*.po"),
        (PLUGINS, "*.py"),
    ):
        for path in sorted(folder.rglob(pattern)):
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(stable_text(settings).encode())
    for library in LIBRARIES:
        digest.update(f"{library}={metadata.version(library)}".encode())
    contents = [content for group in context.get("sitemap_groups", []) for content in group.by_lang.values()]
    # In a fixed order: Pelican's own order of equally dated articles is not.
    for content in sorted(contents, key=lambda content: content.source_path):
        digest.update(stable_text((
            content.source_path, content.url, content.save_as, content.status, content.lang,
            content.metadata,
        )).encode())
    return digest.hexdigest()


def _digest(*parts):
    return hashlib.sha256(stable_text(parts).encode()).hexdigest()


def stable_text(value):
    """A text that is the same from run to run for the same value (no memory
    addresses): JSON, which is quick, with keys sorted; the slower repr
    walk for what JSON cannot hold (keys of mixed types)."""
    try:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_json_stand_in)
    except (TypeError, ValueError):
        return _stable_repr(value)


def _json_stand_in(value):
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if type(value).__repr__ is object.__repr__ or callable(value):
        return type(value).__qualname__
    return repr(value)


def _stable_repr(value):
    if isinstance(value, dict):
        return "{" + ",".join(f"{_stable_repr(k)}:{_stable_repr(v)}" for k, v in sorted(value.items(), key=lambda item: str(item[0]))) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_stable_repr(item) for item in value) + "]"
    if isinstance(value, (str, int, float, bool, type(None))):
        return repr(value)
    return _stable_repr(_json_stand_in(value))  # a list or a str: the walk ends
