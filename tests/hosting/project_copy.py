"""A private copy of the project, for tests that run its make verbs and
change its content: the Makefile, settings, plugins, theme, catalogs and
content, with the shared virtualenv linked in."""

import os
import shutil
import subprocess
from pathlib import Path

from sitebuild import ROOT

FILES = ("Makefile", "pelicanconf.py", "publishconf.py", "requirements.txt")
FOLDERS = ("plugins", "themes", "translations", "content")
SITEURL = "https://example.org"
# Whoever runs the tests, the publishing commit is signed the same way.
PUBLISHER = {"GIT_COMMITTER_NAME": "Test Publisher", "GIT_COMMITTER_EMAIL": "publisher@example.org"}


def copy_project(destination):
    destination = Path(destination)
    destination.mkdir(parents=True)
    for name in FILES:
        shutil.copy2(ROOT / name, destination / name)  # keeps requirements.txt's time
    for name in FOLDERS:
        shutil.copytree(ROOT / name, destination / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    (destination / ".venv").symlink_to((ROOT / ".venv").resolve())
    return destination


def make(project, *arguments):
    """Run a make verb in the copy; the CompletedProcess, whatever its code."""
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(project), *arguments],
        capture_output=True, text=True, timeout=600,
        env=dict(os.environ, **PUBLISHER),
    )


def tree(folder):
    """{relative path: bytes} of every file under folder."""
    folder = Path(folder)
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def break_build(content, how):
    """Make the next build fail: with an error (a Date: that is not a
    date) or with a warning (a link to an article that does not exist).
    Returns what the build's log must then say."""
    article = content / "articles" / "is-it-engagement" / "is-it-engagement.cy.md"
    text = article.read_text("utf-8")
    if how == "error":
        text = text.replace("Date: 2024-03-05", "Date: the fifth of March")
    else:
        text += "\n[Gweler hefyd]({filename}/articles/nowhere/nowhere.cy.md)\n"
    assert text != article.read_text("utf-8")
    article.write_text(text, "utf-8")
    return "is-it-engagement.cy.md" if how == "error" else "Unable to find"
