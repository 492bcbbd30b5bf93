"""A rebuild's output/ is what a clean build of the same sources writes,
whatever happened since the last build: an article deleted, renamed,
made a draft; a build that failed mid-render, or was killed, and the
edit then undone."""

import signal
import subprocess
import time

import pytest

from bench import corpus
from sitebuild import LANGUAGES, ROOT, build_site, copy_content, files_of, pelican_command, run_pelican

ARTICLE = "five-misconceptions"


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


@pytest.mark.parametrize("change, settings", [
    (delete_article, {}), (rename_slug, {}), (make_draft, {}),
    # With a site address the sitemap is written too.
    (delete_article, {"SITEURL": "https://example.org"}),
])
def test_a_rebuild_after_a_change_writes_what_a_clean_build_writes(tmp_path, change, settings):
    content = copy_content(tmp_path / "content")
    output = build_site(content, tmp_path / "output", **settings)
    old_page = output / "cy" / ARTICLE / "index.html"
    assert old_page.is_file()
    change(content)
    build_site(content, output, **settings)
    assert not old_page.exists()
    for host_file in ("_redirects", "_headers", "sitemap.xml"):
        assert not (output / host_file).exists() or f"/{ARTICLE}/" not in (output / host_file).read_text("utf-8")
    assert_same_as_a_clean_build(tmp_path, content, output, **settings)


MARK = "<!-- an edit undone -->"


def theme_copy(tmp_path):
    theme = tmp_path / "theme"
    subprocess.run(["cp", "-r", str(ROOT / "themes" / "mmr"), str(theme)], check=True)
    return theme


def edit_the_theme(theme, failing_page=None):
    """Every page gets MARK; the failing page's render raises."""
    base = theme / "templates" / "base.html"
    original = base.read_text("utf-8")
    failure = f'{{% if output_file == "{failing_page}" %}}{{{{ 1 // 0 }}}}{{% endif %}}' if failing_page else ""
    base.write_text(original.replace("<head>", f"<head>{MARK}{failure}", 1), "utf-8")
    return lambda: base.write_text(original, "utf-8")


def marked(output):
    return [path for path in output.rglob("*.html") if MARK in path.read_text("utf-8")]


def test_a_build_that_failed_mid_render_is_healed_once_the_edit_is_undone(tmp_path):
    content = copy_content(tmp_path / "content")
    theme = theme_copy(tmp_path)
    output = build_site(content, tmp_path / "output", THEME=str(theme), BUILD_PROCESSES=1)
    undo = edit_the_theme(theme, failing_page="it/is-it-engagement/index.html")
    failed = run_pelican(content, output, THEME=str(theme), BUILD_PROCESSES=1)
    assert failed.returncode != 0
    assert marked(output), "the failed build wrote no page before its failure: the test shows nothing"
    undo()
    build_site(content, output, THEME=str(theme), BUILD_PROCESSES=1)
    assert not marked(output)
    assert_same_as_a_clean_build(tmp_path, content, output, THEME=str(theme), BUILD_PROCESSES=1)


def test_a_build_killed_mid_render_is_healed_by_the_next(tmp_path):
    content = tmp_path / "content"
    corpus.generate(content, 12, LANGUAGES)
    theme = theme_copy(tmp_path)
    settings = {"THEME": str(theme), "BUILD_PROCESSES": 1, "CACHE_PATH": str(tmp_path / "cache")}
    output = build_site(content, tmp_path / "output", **settings)
    undo = edit_the_theme(theme)
    command = pelican_command(content, output, **settings)
    build = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not marked(output) and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert build.returncode == -signal.SIGKILL and marked(output), "the build ended before it could be killed mid-render"
    undo()
    build_site(content, output, **settings)
    assert not marked(output)
    assert_same_as_a_clean_build(tmp_path, content, output, THEME=str(theme), BUILD_PROCESSES=1)
