"""Work done in forked processes comes back as one process would have
computed it, in order; a process that fails stops the build with a clear
line."""

import os

import pytest

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
