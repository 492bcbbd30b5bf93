"""Rendering the queued pages on every core: the build forks, each process
renders its share (every Nth page) and writes it, and the build waits for
all of them. Forking after Pelican has read and linked everything gives
every process the same objects, so each page's bytes are what one process
would have written."""

import os
import sys
import traceback

from plugins.errors.exceptions import ContentError
from plugins.errors.reporting import FATAL_LOG_MESSAGE


def build_processes(settings):
    """How many processes the build may work in: BUILD_PROCESSES, by
    default one per core. Converting Markdown, preparing comment threads
    and rendering pages all ask here."""
    return max(1, settings.get("BUILD_PROCESSES") or os.cpu_count() or 1)


class RenderingError(ContentError):
    """A rendering process failed; it printed why."""


def render_everywhere(jobs, render, processes):
    """Call render(job) for every job, split across `processes` processes."""
    processes = max(1, min(processes, len(jobs)))
    children = []
    for share in range(1, processes):
        pid = os.fork()
        if pid == 0:  # a rendering process: its share, then gone
            status = 0
            try:
                for job in jobs[share::processes]:
                    render(job)
            except BaseException:
                # A logged error (Pelican's --fatal) has been printed
                # already; anything else is printed here.
                if not _is_fatal_log(sys.exc_info()[1]):
                    traceback.print_exc()
                status = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(status)
        children.append(pid)
    try:
        for job in jobs[0::processes]:
            render(job)
    finally:
        failed = sum(1 for pid in children if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0)
    if failed:
        raise RenderingError(
            "rendering stopped in another process at the error printed above; fix it and build again."
        )


def _is_fatal_log(error):
    return isinstance(error, RuntimeError) and str(error) == FATAL_LOG_MESSAGE
