"""Work on every core, by forking: the forked processes start with the
build's objects as they are, so what each computes is what one process
would have.

fork() runs one piece of work in a process of its own; render_everywhere
renders the queued pages, each process its share (every Nth page), and
waits for all of them; WorkApart computes values in other processes while
the build goes on, and hands them over when asked.

Where the system has no fork() (Windows), the build runs in one process:
build_processes is 1 and fork() does its work at once, here."""

import functools
import os
import pickle
import sys
import tempfile
import traceback
import weakref

from pelican.log import console

from plugins.errors.exceptions import ContentError
from plugins.errors.reporting import FATAL_LOG_MESSAGE


def can_fork():
    return hasattr(os, "fork")


def say_when_one_process(pelican):
    """One line where there is no fork(), once per build (a devserver's
    builds share it): printed, not logged, as it is no warning (make
    publish fails on warnings)."""
    if not can_fork():
        console.print("This system has no os.fork (Windows): the build runs in one process.")


def build_processes(settings):
    """How many processes the build may work in: BUILD_PROCESSES, by
    default one per core; one where the system cannot fork. Converting
    Markdown, preparing comment threads and rendering pages all ask here."""
    if not can_fork():
        return 1
    return max(1, settings.get("BUILD_PROCESSES") or os.cpu_count() or 1)


class ForkedProcessError(ContentError):
    """A forked process failed; it printed why."""


def fork(work, report=None):
    """Call work() in a forked process and return its pid, for succeeded().
    The process exits 0 when work returns, 1 when it raises, having
    printed why (an error Pelican's --fatal logged is printed already). A
    ContentError's message is written to `report` (a binary file), for the
    build's own process to raise it as its own, or else printed as one line.
    Where there is no fork(), work() is done here, now, the same way."""
    if not can_fork():
        return RanHere(_status_of(work, report=report) == 0)
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            status = _status_of(work, BaseException, report)  # whatever stops it, it exits
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status)
    return pid


def _status_of(work, caught=Exception, report=None):
    try:
        work()
        return 0
    except ContentError as error:
        if report is not None:
            report.write(str(error).encode("utf-8"))
            report.flush()
        else:
            print(f"ERROR: {error}", file=sys.stderr)
        return 1
    except caught:
        if not _is_fatal_log(sys.exc_info()[1]):
            traceback.print_exc()
        return 1


class RanHere:
    """What fork() returns where the system cannot fork: the work is done."""

    def __init__(self, ok):
        self.ok = ok


def succeeded(pid):
    """Wait for a forked process; True if it exited 0."""
    if isinstance(pid, RanHere):
        return pid.ok
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0


class WorkApart:
    """function(item) for every item, computed in ``processes`` forked
    processes from now on; results() waits for them and returns the values
    in the items' order. With one process or few items, results() computes
    them itself. Each process hands its values back in an anonymous
    temporary file, so none waits for the build to read a pipe."""

    def __init__(self, function, items, processes):
        self.function = function
        self.items = list(items)
        self.children = []  # (pid, the file its values arrive in)
        if processes < 2 or len(self.items) < 2 * processes:
            return
        for share in range(processes):
            values = tempfile.TemporaryFile()
            pid = fork(functools.partial(_compute_into, function, self.items[share::processes], values))
            self.children.append((pid, values))
        # A build that stops before asking still reaps its processes.
        weakref.finalize(self, _reap, self.children)

    def results(self):
        if not self.children:
            return [self.function(item) for item in self.items]
        values = [None] * len(self.items)
        failed = False
        for share, (pid, stream) in enumerate(self.children):
            if not succeeded(pid):
                failed = True
            elif not failed:
                stream.seek(0)
                values[share::len(self.children)] = pickle.load(stream)
            stream.close()
        self.children.clear()
        if failed:
            raise ForkedProcessError(
                "the build stopped in another process at the error printed above; fix it and build again."
            )
        return values


def _compute_into(function, items, values):
    pickle.dump([function(item) for item in items], values, protocol=pickle.HIGHEST_PROTOCOL)
    values.flush()


def _reap(children):
    for pid, stream in children:
        os.waitpid(pid, 0)
        stream.close()


def render_everywhere(jobs, render, processes):
    """Call render(job) for every job, split across `processes` processes.
    A ContentError in any of them is raised here, as one process would."""
    processes = max(1, min(processes, len(jobs)))
    children = []
    for share in range(1, processes):
        report = tempfile.TemporaryFile()
        children.append((fork(functools.partial(_render_share, render, jobs[share::processes]), report), report))
    try:
        _render_share(render, jobs[0::processes])
    finally:
        failed = [report for pid, report in children if not succeeded(pid)]
    messages = []
    for report in failed:
        report.seek(0)
        messages.append(report.read().decode("utf-8"))
    for _, report in children:
        report.close()
    if failed and all(messages):
        raise ContentError("\nERROR: ".join(dict.fromkeys(messages)))
    if failed:
        raise ForkedProcessError(
            "rendering stopped in another process at the error printed above; fix it and build again."
        )


def _render_share(render, jobs):
    for job in jobs:
        render(job)


def _is_fatal_log(error):
    return isinstance(error, RuntimeError) and str(error) == FATAL_LOG_MESSAGE
