"""Every optional field is optional: an article with only Title: and Date:
builds in every language, listed under no category; so does one without
tags, summary, author or slug; a hidden article keeps its comment thread."""

import json
import logging

import pytest

from sitebuild import LANGUAGES, build_in_process, read_html

TITLES = {"cy": "Teitl yn unig", "it": "Solo il titolo", "ar": "العنوان فقط", "el": "Μόνο τίτλος"}


def write(content, key, lang, header, body="Text."):
    folder = content / "articles" / key
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{key}.{lang}.md").write_text(header + "\n\n" + body + "\n", "utf-8")


@pytest.fixture(scope="module")
def sparse_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("sparse")
    content = base / "content"
    for lang, title in TITLES.items():
        write(content, "bare", lang, f"Title: {title}\nDate: 2024-05-01")
        write(content, "categorised", lang, f"Title: {title} 2\nDate: 2024-05-02\nCategory: Cat-{lang}")
    write(content, "tucked-away", "cy", "Title: Cudd\nDate: 2024-05-03\nStatus: hidden")
    comments = content / "comments"
    comments.mkdir()
    (comments / "tucked-away.cy.json").write_text(json.dumps({"comments": [
        {"id": "1", "parent": None, "author": "Ann", "author_url": None,
         "date": "2024-05-04T10:00:00Z", "format": "html", "body": "<p>Diolch</p>", "removed": False},
    ]}), "utf-8")
    return build_in_process(content, base / "output")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_article_with_only_title_and_date_builds_and_is_listed(sparse_site, lang):
    page = read_html(sparse_site / lang / "bare" / "index.html")
    assert page.h1.get_text() == TITLES[lang]
    assert page.select_one(".breadcrumbs li[aria-current]").get_text() == TITLES[lang]
    # No category crumb, no tags line, no byline, no lead.
    assert len(page.select(".breadcrumbs li")) == 2
    assert page.select_one("article.post footer") is None
    assert page.select_one(".lead") is None
    home = read_html(sparse_site / lang / "index.html")
    titles = [a.get_text() for a in home.select(".entry-title a")]
    assert TITLES[lang] in titles


@pytest.mark.parametrize("lang", LANGUAGES)
def test_categories_list_only_the_categorised(sparse_site, lang):
    listing = read_html(sparse_site / lang / "category" / f"cat-{lang}" / "index.html")
    titles = [a.get_text() for a in listing.select(".entry-title a")]
    assert titles == [f"{TITLES[lang]} 2"]


def test_a_hidden_article_shows_its_thread(sparse_site):
    page = read_html(sparse_site / "cy" / "tucked-away" / "index.html")
    assert page.select_one("#comments .comment-body").get_text(strip=True) == "Diolch"
    home = read_html(sparse_site / "cy" / "index.html")
    assert "Cudd" not in [a.get_text() for a in home.select(".entry-title a")]


def test_a_hidden_articles_comments_file_raises_no_warning(tmp_path, caplog):
    content = tmp_path / "content"
    write(content, "tucked-away", "cy", "Title: Cudd\nDate: 2024-05-03\nStatus: hidden")
    (content / "comments").mkdir()
    (content / "comments" / "tucked-away.cy.json").write_text('{"comments": []}\n', "utf-8")
    with caplog.at_level(logging.WARNING):
        build_in_process(content, tmp_path / "output")
    assert [r.getMessage() for r in caplog.records if "comments" in r.getMessage()] == []
