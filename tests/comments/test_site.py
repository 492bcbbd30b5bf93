"""The real site, built with the committed comments: threads as the seed captures show them."""

import re

import pytest
from comments_support import FIXTURES, run_import, write_articles
from sitebuild import LANGUAGES, ROOT, SETTINGS, build_site, read_html, run_pelican

from bench import corpus

from plugins.localisation.catalogs import load_catalogs
from plugins.localisation.languages import load_languages

SEED_THREADS = [
    # (page, comments, replies, deepest nesting)
    ("cy/is-it-engagement/index.html", 5, 2, 2),
    ("it/is-it-engagement/index.html", 5, 2, 2),
    ("cy/five-misconceptions/index.html", 1, 0, 1),
    ("el/marketing-failing/index.html", 12, 5, 4),
]


def count_phrase(lang, n):
    """What the language's catalog says for n comments (the catalogs are
    the translators' input; the page must follow them)."""
    catalog = load_catalogs(ROOT / "translations", load_languages(SETTINGS["LANGUAGES"]))[lang]
    return catalog.ngettext("%(num)s comment", "%(num)s comments", n) % {"num": n}


def depth_of(element):
    return len(element.find_parents("li", class_="comment")) + 1


@pytest.mark.parametrize("page, count, replies, deepest", SEED_THREADS)
def test_seed_threads(site, page, count, replies, deepest):
    html = read_html(site / page)
    comments = html.select("section.comments li.comment")
    assert len(comments) == count
    assert all(re.fullmatch(r"comment-seed-\d+", li["id"]) for li in comments)
    assert sum(1 for li in comments if depth_of(li) > 1) == replies
    assert max(depth_of(li) for li in comments) == deepest
    assert html.select_one("section.comments h2").get_text(strip=True) == count_phrase(page[:2], count)
    for li in comments:
        assert li.select_one(":scope > article .comment-author").name == "bdi"
        assert li.select_one(":scope > article .comment-body")["dir"] == "auto"
        assert li.select_one(":scope > article time") is None  # the captures have no dates


def test_replies_are_nested_inside_their_parent(site):
    html = read_html(site / "el/marketing-failing/index.html")
    assert html.select_one("#comment-seed-8 #comment-seed-9 #comment-seed-10 #comment-seed-11") is not None
    assert html.select_one("#comment-seed-1 #comment-seed-2") is not None


def test_article_without_comments_has_no_thread(site):
    html = read_html(site / "ar/lost-its-way/index.html")
    assert html.select("section.comments, li.comment") == []


def test_listing_shows_the_count_only_where_there_are_comments(site):
    listing = read_html(site / "cy/index.html")
    counts = sorted(a.get_text(strip=True) for a in listing.select(".entry-comments"))
    assert counts == sorted([count_phrase("cy", 1), count_phrase("cy", 5)])
    assert read_html(site / "ar/index.html").select(".entry-comments") == []


def test_imported_thread_renders_safely_with_dates_depth_and_placeholders(tmp_path):
    content = write_articles(tmp_path / "content", [("hello-world", "cy", "Helo byd", None)])
    result, _ = run_import("--source", FIXTURES / "wxr-1.2-https.xml", "--format", "wxr", "--lang", "cy",
                           content=content)  # fmt: skip
    assert result.returncode == 0, result.stderr
    # Deepen the thread past the default COMMENTS_MAX_DEPTH (5): 101 > 102 > 120 > 121 > 122 > 123.
    path = content / "comments" / "hello-world.cy.json"
    deeper = "".join(
        f',{{"id": "{n}", "parent": "{parent}", "author": "Deep {n}", "body": "deep"}}\n'
        for n, parent in ((120, 102), (121, 120), (122, 121), (123, 122))
    )
    path.write_text(path.read_text(encoding="utf-8").replace("\n  ],\n", deeper + "  ],\n", 1), encoding="utf-8")
    output = build_site(content, tmp_path / "output")
    page_text = (output / "cy/hello-world/index.html").read_text(encoding="utf-8")
    html = read_html(output / "cy/hello-world/index.html")
    thread = html.select_one("section.comments")
    for hostile in ("<script", "alert(", "onclick", "javascript:", "<iframe", "<style>body", "onerror", "<svg"):
        assert hostile not in str(thread).lower()
    assert thread.select_one("#comment-101 time")["datetime"] == "2012-01-01T22:30:00Z"
    assert thread.select_one("#comment-102 .comment-author a")["href"] == "https://bronwen.example/"
    assert "😀🏴󠁧󠁢󠁷󠁬󠁳󠁿" in page_text
    link = thread.select_one("#comment-101 .comment-body a")
    assert link["rel"] == ["nofollow", "ugc", "noopener"]
    # 123 is at depth 6 > 5: shown flat beside its parent 122, with a link to it.
    assert thread.select_one("#comment-122").find_parent("li")["id"] == "comment-121"
    deep = thread.select_one("#comment-123")
    assert deep.find_parent("li")["id"] == "comment-121"
    reply_link = deep.select_one(".comment-in-reply-to")
    assert reply_link["href"] == "#comment-122" and reply_link.bdi.get_text() == "Deep 122"
    # 122 at depth 5, deeper than a phone indents, names its parent too;
    # 121 at depth 4 likewise; a reply a phone indents does not.
    assert thread.select_one("#comment-122 > article .comment-in-reply-to")["href"] == "#comment-121"
    assert thread.select_one("#comment-121 > article .comment-in-reply-to")["href"] == "#comment-120"
    assert thread.select_one("#comment-120 > article .comment-in-reply-to") is None
    assert thread.select_one("#comment-103 .comment-placeholder") is not None
    assert thread.select_one("#comment-103 #comment-104") is not None
    assert thread.select_one("#comment-99 #comment-105 time") is None
    assert thread.h2.get_text(strip=True) == count_phrase("cy", 9)  # 5 imported + 4 added by hand


def test_broken_comments_file_fails_the_build_naming_it(tmp_path):
    content = write_articles(tmp_path / "content", [("hello-world", "cy", "Helo byd", None)])
    (content / "comments").mkdir()
    (content / "comments" / "hello-world.cy.json").write_text('{"comments": [\n  {"id": 1}\n]}\n', encoding="utf-8")
    result = run_pelican(content, tmp_path / "output")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "hello-world.cy.json:2" in output and '"id"' in output
    assert "Traceback" not in output


@pytest.mark.parametrize("processes", [1, 2])
def test_a_broken_file_among_many_fails_the_build_naming_it(tmp_path, processes):
    """With many files, threads are prepared in several processes; the
    error still names the file and its line."""
    content = tmp_path / "content"
    corpus.generate(content, 3, LANGUAGES)
    files = sorted((content / "comments").glob("*.json"))
    assert len(files) >= 4 * processes  # enough to be shared between processes
    broken = files[len(files) // 2]
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace('"id": "', '"id": "bad id ', 1), encoding="utf-8")
    result = run_pelican(content, tmp_path / "output", BUILD_PROCESSES=processes)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"{broken.name}:" in output and "bad id" in output
    assert "Traceback" not in output


def test_comments_follow_an_article_grouped_by_translation_id(tmp_path):
    """The importer and the page agree on the key of an article that joins
    its group with Translation_id from another folder."""
    content = write_articles(tmp_path / "content", [("hello-world", "cy", "Helo byd", None)])
    folder = content / "articles" / "elsewhere"
    folder.mkdir()
    (folder / "ciao.it.md").write_text(
        "Title: Ciao mondo\nDate: 2024-01-01\nCategory: Prova\nTranslation_id: hello-world\n\nTesto.\n",
        encoding="utf-8",
    )
    (content / "comments").mkdir(exist_ok=True)
    (content / "comments" / "hello-world.it.json").write_text(
        '{\n  "comments": [\n    {\n      "id": "7",\n      "parent": null,\n      "author": "Giulia",\n'
        '      "author_url": null,\n      "date": null,\n      "format": "html",\n'
        '      "body": "<p>Bello</p>"\n    }\n  ]\n}\n',
        encoding="utf-8",
    )
    output = build_site(content, tmp_path / "output")
    page = read_html(output / "it" / "ciao" / "index.html")
    assert page.select_one("#comment-7 .comment-author").get_text(strip=True) == "Giulia"


def test_the_import_ignores_files_pelican_ignores(tmp_path):
    """An editor's lock file beside an article (IGNORE_FILES) is not read
    as an article by the import."""
    content = write_articles(tmp_path / "content")
    (content / "articles" / "hello-world" / ".#hello-world.cy.md").write_text("user@host.1:2", "utf-8")
    result, report = run_import(
        "--source", FIXTURES / "wxr-1.2-https.xml", "--format", "wxr", "--lang", "cy",
        content=content, report=tmp_path / "report.json",
    )
    assert result.returncode == 0, result.stderr
    assert report is not None
