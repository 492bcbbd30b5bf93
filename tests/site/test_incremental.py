"""A rebuild's output/ is what a clean build of the same sources writes,
whatever happened since the last build: an article deleted, renamed,
made a draft; a build that failed mid-render, or was killed, and the
edit then undone."""

import os
import signal
import subprocess
import sys
import time

import pytest

from sitebuild import ROOT, build_site, copy_content, run_pelican

ARTICLE = "five-misconceptions"


def files_of(output):
    return {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in sorted(output.rglob("*")) if path.is_file()
    }


def assert_same_as_a_clean_build(tmp_path, content, output, **settings):
    clean = build_site(content, tmp_path / "clean" / "output", CACHE_PATH=str(tmp_path / "clean" / "cache"), **settings)
    built, expected = files_of(output), files_of(clean)
    assert sorted(built) == sorted(expected)
    assert [name for name in built if built[name] != expected[name]] == []


def edit(path, old, new):
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def delete_article(content):
    folder = content / "articles" / ARTICLE
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    (content / "comments" / f"{ARTICLE}.cy.json").unlink()


def rename_slug(content):
    edit(content / "articles" / ARTICLE / f"{ARTICLE}.cy.md", "Date:", "Slug: pum-camsyniad\nDate:")


def make_draft(content):
    edit(content / "articles" / ARTICLE / f"{ARTICLE}.cy.md", "Date:", "Status: draft\nDate:")


@pytest.mark.parametrize("change", [delete_article, rename_slug, make_draft])
def test_a_rebuild_after_a_change_writes_what_a_clean_build_writes(tmp_path, change):
    content = copy_content(tmp_path / "content")
    output = build_site(content, tmp_path / "output")
    old_page = output / "cy" / ARTICLE / "index.html"
    assert old_page.is_file()
    change(content)
    build_site(content, output)
    assert not old_page.exists()
    assert_same_as_a_clean_build(tmp_path, content, output)
