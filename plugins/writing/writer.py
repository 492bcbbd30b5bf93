"""The one place every page passes. The writer tells each template which
language it is rendering (so gettext, dates and dir follow the page),
queues the pages while the generators hand them over, checks that no two
of them claim one file, renders those whose inputs changed since the last
build (fingerprints.py) on every core once all are queued
(BUILD_PROCESSES), writes a file only when its bytes change, and keeps the
record of what the build wrote (outputs.py): what it no longer writes is
removed once the build has succeeded.

Files that are not rendered from a template (the sitemap, the host files)
are written through write_site_file, so that they are checked and
recorded too; the host files are written when `pages_written` is sent,
once every page is on disk."""

import contextlib
import logging
import os

from blinker import signal
from pelican.writers import Writer

from plugins.errors.exceptions import ContentError, author_path

from .files import ChangedOnlyFile
from .fingerprints import RenderedPages
from .outputs import OutputRecord
from .pagination import ReusingTemplate
from .processes import build_processes, render_everywhere

logger = logging.getLogger(__name__)

# Sent with the writer once every page is written and before the build's
# record is finished; receivers write derived files with write_site_file.
pages_written = signal("mmr_pages_written")


class OutputClashError(ContentError):
    """Two sources claim one output file, or one claims a file outside
    output/; the message names them."""


class PageWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.processes = build_processes(self.settings)
        self.queued = []
        self.record = OutputRecord(self.settings, output_path)
        self.claims = {}  # file -> who writes it, for clash messages

    def write_file(self, name, template, context, *args, **kwargs):
        if not name:  # Pelican writes nothing for an empty *_SAVE_AS
            return
        if "page_lang" not in kwargs:
            content = kwargs.get("article") or kwargs.get("page")
            if content is not None:
                kwargs["page_lang"] = context["localisation"].languages[content.lang]
            else:
                # Pages that speak every language (the root chooser).
                kwargs["page_lang"] = None
        self.queued.append((name, template, context, args, kwargs))

    def write_feed(self, elements, context, path=None, url=None, *args, **kwargs):
        language = context.get("page_lang")
        claimant = f"the {language.code if language else 'site'} feed"
        if path:
            self._claim({path: claimant})
        with self._writing(claimant, path):
            return super().write_feed(elements, context, path, url, *args, **kwargs)

    def write_site_file(self, name, text, claimant):
        """Write a file that no template renders (sitemap, host files)."""
        self._claim({name: claimant})
        path = os.path.join(self.output_path, name)
        with self._writing(claimant, name):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with ChangedOnlyFile(path, "utf-8") as target:
                target.write(text)

    def render_queued(self, context):
        """Render and write every queued page whose inputs changed since the
        last build, then the files derived from them, then remove what the
        build no longer writes (RenderingGenerator calls it once all the
        generators have handed theirs over)."""
        jobs, self.queued = self.queued, []
        rendered = RenderedPages(self.settings, context, self.record.fingerprints)
        claims, changed, files, stale_files = [], [], 0, 0
        for job in jobs:
            written, stale = rendered.files_to_render(job)
            claims += [(file, _claimant(job, self.settings)) for file in written]
            files, stale_files = files + len(written), stale_files + len(stale)
            if len(stale) < len(written) and stale:  # some pages of a listing
                name, template, job_context, args, kwargs = job
                unchanged = set(written) - set(stale)
                job = (name, ReusingTemplate(template, self.output_path, unchanged), job_context, args, kwargs)
            if stale:
                changed.append(job)
        self._claim_all(claims)
        logger.info("Rendering %d of %d pages; the others are unchanged", stale_files, files)
        render_everywhere(changed, self._render, self.processes)
        for file, fingerprint in rendered.current.items():
            self.record.wrote(file, fingerprint)
        pages_written.send(self, context=context)
        self.record.finish()

    def _render(self, job):
        name, template, context, args, kwargs = job
        with self._writing(_claimant(job, self.settings), name):
            super().write_file(name, template, context, *args, **kwargs)

    @contextlib.contextmanager
    def _writing(self, claimant, name):
        """A file that cannot be written is one line naming it and its source."""
        try:
            yield
        except OSError as error:
            raise ContentError(
                f"{claimant}: cannot write {os.path.join(self.output_path, name or '')} "
                f"({error.strerror or error}); check that the output folder is writable and has room."
            ) from None

    def _claim(self, claims):
        self._claim_all(list(claims.items()))

    def _claim_all(self, claims):
        """Record the files, refusing any that another source claims or
        that leaves output/ (OutputClashError, every problem named)."""
        problems = []
        for file, who in claims:
            normal = os.path.normpath(file)
            if os.path.isabs(file) or normal == ".." or normal.startswith(".." + os.sep) or normal != file:
                problems.append(
                    f"{who}: would write {file!r}, not a plain path under the output folder; "
                    "give it a Slug: of one path segment (letters, digits, hyphens)."
                )
                continue
            other = self.claims.get(file)
            if other is not None and other != who:
                first, second = sorted((other, who))
                problems.append(
                    f"{first} and {second} both write {file}; give one of them another Slug: "
                    "(or another key)."
                )
                continue
            self.claims[file] = who
        if problems:
            raise OutputClashError("\nERROR: ".join(problems))
        self.record.plan([file for file, _ in claims])

    def _open_w(self, filename, encoding, override=False):
        """A file written only if its bytes change (clashes are refused
        before anything is rendered)."""
        self._written_files.add(filename)
        return ChangedOnlyFile(filename, encoding)


def _claimant(job, settings):
    """Who writes a queued page, as an author can find it."""
    _, template, _, _, kwargs = job
    content = kwargs.get("article") or kwargs.get("page")
    if content is not None:
        return author_path(content.source_path, settings)
    language = kwargs.get("page_lang")
    where = f"the {language.code} " if language else "the site's "
    listing = kwargs.get("listing")
    if listing is not None:
        # Source paths share the content folder: the first of them is the
        # first as the author sees them, found without a relpath each.
        first = author_path(min(article.source_path for article in listing.articles), settings)
        others = " and others" if len(listing.articles) > 1 else ""
        return f"{where}{kwargs.get('listing_kind', 'listing')} {listing.name!r} (of {first}{others})"
    return f"{where}{os.path.splitext(template.name)[0]} page"
