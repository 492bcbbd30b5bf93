"""The one place every page passes. The writer tells each template which
language it is rendering (so gettext, dates and dir follow the page),
queues the pages while the generators hand them over, renders those whose
inputs changed since the last build (fingerprints.py) on every core once
all are queued (BUILD_PROCESSES), and writes a file only when its bytes
change."""

import logging
import os

from pelican.writers import FileOverwriteFailedError, Writer

from .files import ChangedOnlyFile
from .fingerprints import RenderedPages
from .pagination import ReusingTemplate
from .processes import build_processes, render_everywhere

logger = logging.getLogger(__name__)


class PageWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.processes = build_processes(self.settings)
        self.queued = []

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

    def render_queued(self, context):
        """Render and write every queued page whose inputs changed since the
        last build (RenderingGenerator calls it once all the generators have
        handed theirs over)."""
        jobs, self.queued = self.queued, []
        rendered = RenderedPages(self.settings, context)
        changed, files, stale_files = [], 0, 0
        for job in jobs:
            written, stale = rendered.files_to_render(job)
            files, stale_files = files + len(written), stale_files + len(stale)
            if len(stale) < len(written) and stale:  # some pages of a listing
                name, template, job_context, args, kwargs = job
                unchanged = set(written) - set(stale)
                job = (name, ReusingTemplate(template, self.output_path, unchanged), job_context, args, kwargs)
            if stale:
                changed.append(job)
        logger.info("Rendering %d of %d pages; the others are unchanged", stale_files, files)
        render_everywhere(changed, self._render, self.processes)
        rendered.save()

    def _render(self, job):
        name, template, context, args, kwargs = job
        super().write_file(name, template, context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        """Pelican's check that no page overwrites another, then a file
        that is written only if its bytes change."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            logger.info('Skipping "%s", not overwriting', filename)
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it '
                "previously (set `override=True` if intended)"
            )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return ChangedOnlyFile(filename, encoding)
