"""What makes the build fast changes no byte of it: Markdown converted
ahead in worker processes and pages rendered on several cores give the
same files as one process doing everything, for the real site and for a
generated one with many articles, threads and series; a rebuild rewrites
no unchanged file, and renders again what an edit changed: the edited
article's page alone for its text, the page and the listings for a new
comment, the older sibling's notice for a newer variant."""

import json
import os

import jinja2
import pytest

from bench import corpus
from sitebuild import CONTENT, LANGUAGES, build_in_process, build_site, copy_content, files_of, read_html

from plugins.reading.conversion import Converter

ONE_PROCESS = {"BUILD_PROCESSES": 1}
SEVERAL = {"BUILD_PROCESSES": 3}


@pytest.fixture(scope="module")
def generated_content(tmp_path_factory):
    content = tmp_path_factory.mktemp("generated") / "content"
    corpus.generate(content, 12, LANGUAGES)
    return content


@pytest.mark.parametrize("source", ["real", "generated"])
@pytest.mark.parametrize("settings_file", ["pelicanconf.py", "publishconf.py"])
def test_several_processes_write_the_same_bytes_as_one(tmp_path, generated_content, source, settings_file):
    content = CONTENT if source == "real" else generated_content
    extra = {"SITEURL": "https://example.org"} if settings_file == "publishconf.py" else {}
    one = files_of(build_site(content, tmp_path / "one" / "output", settings_file, **ONE_PROCESS, **extra))
    several = files_of(build_site(content, tmp_path / "several" / "output", settings_file, **SEVERAL, **extra))
    assert len(one) > 20
    assert sorted(one) == sorted(several)
    different = [name for name in one if one[name] != several[name]]
    assert not different, different


def test_a_rebuild_rewrites_no_unchanged_file(tmp_path):
    output = build_site(CONTENT, tmp_path / "output")
    before = {path: path.stat().st_mtime_ns for path in output.rglob("*.html")}
    for path in before:  # an old time, which a rewrite would change
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    build_site(CONTENT, output)
    rewritten = [path for path in before if path.stat().st_mtime_ns != 1_000_000_000]
    assert before
    assert not rewritten, rewritten


def test_the_content_cache_saved_apart_is_read_by_the_next_build(tmp_path, monkeypatch):
    """The readers' caches are written by a short-lived process
    (plugins/reading/cache.py); the next build reads its articles and its
    series files from them."""
    converted = []
    convert = Converter.convert
    monkeypatch.setattr(Converter, "convert", lambda self, path, *args: converted.append(path) or convert(self, path, *args))
    articles = {str(path) for folder in ("articles", "series") for path in (CONTENT / folder).rglob("*.md")}
    build_in_process(CONTENT, tmp_path / "output", BUILD_PROCESSES=1)
    assert articles <= set(converted)
    converted.clear()
    build_in_process(CONTENT, tmp_path / "output", BUILD_PROCESSES=1)
    assert not articles & set(converted)


def rebuild_after(tmp_path, change):
    """Build a copy of the real site, change its sources, build again; the
    second build's output and the files it wrote."""
    content = copy_content(tmp_path / "content")
    output = build_site(content, tmp_path / "output")
    for path in output.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    change(content)
    build_site(content, output)
    # Pelican copies the theme's static files and the content's
    # (STATIC_PATHS: the favicon) at every build (its StaticGenerator):
    # they are left out here.
    written = {
        path.relative_to(output).as_posix() for path in output.rglob("*")
        if path.is_file() and path.stat().st_mtime_ns != 1_000_000_000
        and path.relative_to(output).parts[0] != "theme" and path.name != "favicon.ico"
    }
    return output, written


def append(path, text):
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def test_editing_one_articles_text_rewrites_its_page_alone(tmp_path):
    def change(content):
        append(content / "articles" / "lost-its-way" / "lost-its-way.ar.md", "\nفقرة جديدة للاختبار.\n")
    output, written = rebuild_after(tmp_path, change)
    assert written == {"ar/lost-its-way/index.html"}
    assert "فقرة جديدة للاختبار." in read_html(output / "ar" / "lost-its-way" / "index.html").get_text()


def test_an_edited_comments_file_shows_on_its_page_and_in_the_counts(tmp_path):
    def change(content):
        path = content / "comments" / "five-misconceptions.cy.json"
        thread = json.loads(path.read_text("utf-8"))
        thread["comments"].append({
            "id": "added-1", "parent": None, "author": "Newydd", "author_url": None,
            "date": "2024-05-01T10:00:00Z", "format": "html", "body": "<p>Sylw newydd</p>", "removed": False,
        })
        path.write_text(json.dumps(thread), "utf-8")
    output, written = rebuild_after(tmp_path, change)
    page = read_html(output / "cy" / "five-misconceptions" / "index.html")
    assert "Sylw newydd" in page.select_one("#comments").get_text()
    assert "cy/five-misconceptions/index.html" in written and "cy/index.html" in written


def test_a_newer_sibling_puts_the_notice_on_the_older_page(tmp_path):
    def change(content):
        folder = content / "articles" / "is-it-engagement"
        for lang, when in (("cy", "2024-03-05"), ("it", "2025-06-01")):
            path = folder / f"is-it-engagement.{lang}.md"
            path.write_text(path.read_text("utf-8").replace("Date:", f"Modified: {when}\nDate:", 1), "utf-8")
    output, _ = rebuild_after(tmp_path, change)
    assert read_html(output / "cy" / "is-it-engagement" / "index.html").select_one(".outdated-notice")
    assert not read_html(output / "it" / "is-it-engagement" / "index.html").select_one(".outdated-notice")


def test_a_new_comment_renders_again_only_its_page_of_each_listing(tmp_path, monkeypatch):
    """A listing of several pages renders again only the page whose
    entry's count changed, and every file is still what a cold build
    writes."""
    content = tmp_path / "content"
    corpus.generate(content, 25, LANGUAGES)  # three pages of each home
    output = build_in_process(content, tmp_path / "output", BUILD_PROCESSES=1)
    second_page = read_html(output / "cy" / "page" / "2" / "index.html")
    key = second_page.select_one("article.entry h2 a")["href"].rstrip("/").split("/")[-1]
    comments = content / "comments" / f"{key}.cy.json"
    thread = json.loads(comments.read_text("utf-8"))
    thread["comments"].append({
        "id": "added-1", "parent": None, "author": "Newydd", "author_url": None,
        "date": "2024-05-01T10:00:00Z", "format": "html", "body": "<p>Sylw newydd</p>",
    })
    comments.write_text(json.dumps(thread), "utf-8")

    rendered = []
    render = jinja2.Template.render
    monkeypatch.setattr(jinja2.Template, "render", lambda self, context: rendered.append(context["output_file"]) or render(self, context))
    build_in_process(content, output, BUILD_PROCESSES=1)
    assert "cy/page/2/index.html" in rendered and f"cy/{key}/index.html" in rendered
    assert "cy/index.html" not in rendered and "cy/page/3/index.html" not in rendered

    monkeypatch.undo()
    cold = build_in_process(content, tmp_path / "cold" / "output", BUILD_PROCESSES=1)
    assert files_of(output) == files_of(cold)


def test_a_readers_cache_is_written_again_only_when_something_was_read_afresh(tmp_path):
    content = copy_content(tmp_path / "content")
    output = build_site(content, tmp_path / "output")
    cache = tmp_path / "cache" / "ArticlesGenerator-Readers"
    os.utime(cache, ns=(1_000_000_000, 1_000_000_000))
    build_site(content, output)
    assert cache.stat().st_mtime_ns == 1_000_000_000
    append(content / "articles" / "lost-its-way" / "lost-its-way.ar.md", "\nفقرة أخرى.\n")
    build_site(content, output)
    assert cache.stat().st_mtime_ns != 1_000_000_000
