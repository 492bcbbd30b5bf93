"""Work done in forked processes comes back as one process would have
computed it, in order; a process that fails stops the build with a clear
line."""

import os

import pytest
from sitebuild import CONTENT, build_in_process, copy_content, files_of

from plugins.errors.exceptions import ContentError
from plugins.reading import cache
from plugins.writing.processes import ForkedProcessError, WorkApart


def pid_and_square(number):
    return os.getpid(), number * number


def test_values_come_back_in_the_items_order_from_other_processes():
    work = WorkApart(pid_and_square, range(20), 3)
    results = work.results()
    assert [square for _, square in results] == [number * number for number in range(20)]
    assert len({pid for pid, _ in results}) == 3
    assert os.getpid() not in {pid for pid, _ in results}


def test_few_items_are_computed_here():
    results = WorkApart(pid_and_square, range(3), 2).results()
    assert results == [(os.getpid(), number * number) for number in range(3)]


def fail_on_seven(number):
    if number == 7:
        raise ValueError("seven")
    return number


def test_a_failing_process_stops_with_a_clear_error(capfd):
    work = WorkApart(fail_on_seven, range(12), 2)
    with pytest.raises(ForkedProcessError, match="another process"):
        work.results()
    assert "ValueError: seven" in capfd.readouterr().err


def test_a_build_that_stops_early_leaves_no_process_behind(tmp_path, monkeypatch):
    """The readers' cache is saved by a fork the build waits for once
    every generator has read. A devserver build stopped before that (a
    broken comments file) has it reaped by the next build at the latest."""
    forked = []
    fork = cache.fork
    monkeypatch.setattr(cache, "fork", lambda work: forked.append(fork(work)) or forked[-1])
    content = copy_content(tmp_path / "content")
    broken = content / "comments" / "is-it-engagement.cy.json"
    kept = broken.read_text("utf-8")
    broken.write_text('{"comments": [\n  {"id": 1}\n]}\n', "utf-8")
    with pytest.raises(ContentError):
        build_in_process(content, tmp_path / "output")
    broken.write_text(kept, "utf-8")
    build_in_process(content, tmp_path / "output")
    assert forked
    for pid in forked:
        with pytest.raises(ChildProcessError):  # reaped already
            os.waitpid(pid, os.WNOHANG)


def test_without_fork_the_build_runs_in_one_process_and_says_so(tmp_path, monkeypatch, capsys):
    """Windows has no os.fork: the build does every piece of work in its
    own process, saying so once, and writes what a forking build writes."""
    monkeypatch.delattr(os, "fork")
    alone = build_in_process(CONTENT, tmp_path / "alone" / "output")
    said = [line for line in capsys.readouterr().out.splitlines() if "no os.fork" in line]
    assert said == ["This system has no os.fork (Windows): the build runs in one process."]
    monkeypatch.undo()
    forked = build_in_process(CONTENT, tmp_path / "forked" / "output", BUILD_PROCESSES=2)
    assert "no os.fork" not in capsys.readouterr().out
    assert files_of(alone) == files_of(forked)
