"""The search index holds, per language, that language's articles and only
what a reader searches for: title, summary and text, with category and
tags as filters. Expected values come from the Markdown sources."""

import json
from collections import Counter

import pytest

from pagefind_files import entry, fragments
from search_sources import article_sources, words_of
from sitebuild import build_site, copy_content, index_site, read_html


@pytest.mark.parametrize("build", ["site", "published_site"])
def test_each_language_indexes_exactly_its_own_articles(build, request):
    output = request.getfixturevalue(build)
    sources = article_sources()
    expected = {}
    for source in sources:
        expected.setdefault(source.lang, set()).add(source.url)
    indexed = {}
    for language, record in fragments(output):
        indexed.setdefault(language, set()).add(record["url"])
    assert indexed == expected
    assert {code: data["page_count"] for code, data in entry(output)["languages"].items()} == {
        code: len(urls) for code, urls in expected.items()
    }
    # Each indexed page says, in its own <html lang>, the language it is indexed under.
    for language, urls in indexed.items():
        for url in urls:
            assert read_html(output / url.strip("/") / "index.html").html["lang"] == language


def test_only_the_title_summary_and_text_are_indexed(site):
    by_url = {source.url: source for source in article_sources()}
    records = fragments(site)
    assert len(records) == len(by_url)
    for language, record in records:
        source = by_url[record["url"]]
        content = record["content"]
        assert record["meta"]["title"] == source.title
        assert content.startswith(source.title.rstrip("?.!"))
        assert " ".join(source.summary.split()) in content
        # Every word indexed is the author's: none from the header, the
        # switcher, the breadcrumbs, the date line, the footer or comments.
        strangers = words_of(content) - source.words
        assert not strangers, f"{record['url']}: not the author's words: {sorted(strangers)[:20]}"


def test_comments_are_not_indexed(site):
    """Comments are readers' words, not the article's: a search that found
    an article for a word only a commenter used would show an excerpt that
    is not on the article. (plugins/search/pagefind_index.py)"""
    commented = 0
    for language, record in fragments(site):
        page = read_html(site / record["url"].strip("/") / "index.html")
        comment_words = Counter()
        for body in page.select(".comment-body"):
            comment_words.update(words_of(body.get_text(" ")))
        article_words = words_of(page.select_one("article.post").get_text(" "))
        only_in_comments = set(comment_words) - article_words
        if only_in_comments:
            commented += 1
            assert not only_in_comments & words_of(record["content"]), record["url"]
    assert commented, "no article has comments with words of their own: the test checks nothing"


def test_category_and_tags_are_filters(site):
    by_url = {source.url: source for source in article_sources()}
    for language, record in fragments(site):
        source = by_url[record["url"]]
        filters = {name: sorted(values) for name, values in record["filters"].items()}
        assert filters == {
            "category": [source.category],
            **({"tag": sorted(source.tags)} if source.tags else {}),
        }, json.dumps(record["filters"], ensure_ascii=False)


def test_drafts_and_hidden_articles_are_not_found(tmp_path):
    content = copy_content(tmp_path / "content")
    published = (content / "articles" / "lost-its-way" / "lost-its-way.ar.md").read_text(encoding="utf-8")
    for key, status in (("a-draft", "draft"), ("a-hidden-one", "hidden")):
        folder = content / "articles" / key
        folder.mkdir()
        (folder / f"{key}.ar.md").write_text(
            published.replace("Title:", f"Status: {status}\nTitle:", 1), encoding="utf-8")
    output = index_site(build_site(content, tmp_path / "output"))
    written = {path.parent.name for path in output.rglob("index.html")}
    assert {"a-draft", "a-hidden-one"} <= written  # Pelican wrote both pages...
    indexed = {record["url"] for _, record in fragments(output)}
    assert indexed == {source.url for source in article_sources()}  # ...search finds neither
