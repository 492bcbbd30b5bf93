"""Prints where the browser tests saved their screenshots, at the end of
the run. A pytest plugin of its own because under xdist the controller
process never loads tests/browser/conftest.py: it has to be registered from
tests/conftest.py (pytest_plugins = ["browser.screenshot_report"]) to print
there. Each worker hands its folders back through xdist's workeroutput."""

import pytest

FOLDERS = pytest.StashKey[list]()
WORKEROUTPUT_KEY = "mmr_screenshot_folders"


def remember(config, folder):
    config.stash.setdefault(FOLDERS, []).append(str(folder))


def pytest_sessionfinish(session):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput[WORKEROUTPUT_KEY] = session.config.stash.get(FOLDERS, [])


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    folders = getattr(node, "workeroutput", {}).get(WORKEROUTPUT_KEY, [])
    node.config.stash.setdefault(FOLDERS, []).extend(folders)


def pytest_terminal_summary(terminalreporter, config):
    if hasattr(config, "workerinput"):
        return
    from pathlib import Path

    for folder in config.stash.get(FOLDERS, []):
        shots = sorted(Path(folder).glob("*.png"))
        if shots:
            terminalreporter.write_line(f"screenshots ({len(shots)}): {folder}")
