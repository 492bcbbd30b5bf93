"""Each language has its own bundles, each rebuilt only when its indexed
pages change: after an edit only the edited page's bundle is indexed and
its folder replaced; with nothing changed (or only a comment) nothing is
written at all; and the result is what a clean run over the same pages
gives (Pagefind's random order of filter values apart)."""

import json
import re
import shutil

import pytest

from pagefind_files import bundles, comparable, decoded, fragments, language_of
from test_index_robustness import index, succeeded

NEW_WORD = "qwxzylophant"


@pytest.fixture
def indexed(site, tmp_path):
    """A private copy of the built site, indexed with a cache."""
    output = tmp_path / "output"
    shutil.copytree(site, output, ignore=shutil.ignore_patterns("pagefind"))
    succeeded(index(output, tmp_path / "cache"))
    return output


def files_as_written(output):
    """{file: (inode, modification time)} of every file of the index."""
    return {
        path: (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in (output / "pagefind").rglob("*") if path.is_file()
    }


def indexed_and_updated(result):
    """The bundles a run's report says it indexed, and updated in output/."""
    found = re.search(r"; indexed (.+), updated (.+) in pagefind/", result.stdout)
    return found.group(1).split(), found.group(2).split()


def bundle_of(output, page):
    """The bundle whose fragments hold the page."""
    url = "/" + page.parent.relative_to(output).as_posix() + "/"
    holding = [name for name, folder in bundles(output).items()
               for record in fragments_in(folder) if record["url"] == url]
    assert len(holding) == 1, (url, holding)
    return holding[0]


def fragments_in(folder):
    return [json.loads(decoded(path)) for path in sorted((folder / "fragment").glob("*.pf_fragment"))]


def edit_one_article(output, lang):
    """Add a word to the text of one of the language's articles, as a
    rebuild after an author's edit would."""
    for page in sorted((output / lang).rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        if "data-pagefind-body>" in html:
            page.write_text(html.replace("data-pagefind-body>", f"data-pagefind-body><p>{NEW_WORD}</p>", 1),
                            encoding="utf-8")
            return page
    raise AssertionError(f"no {lang} article")


def test_with_no_page_changed_nothing_is_written(indexed, tmp_path):
    before = files_as_written(indexed)
    result = succeeded(index(indexed, tmp_path / "cache"))
    assert "indexed none, updated none" in result.stdout
    assert files_as_written(indexed) == before


def test_an_edit_rebuilds_only_its_language_and_equals_a_clean_run(indexed, tmp_path):
    before = files_as_written(indexed)
    page = edit_one_article(indexed, "cy")
    bundle = bundle_of(indexed, page)
    result = succeeded(index(indexed, tmp_path / "cache"))
    assert indexed_and_updated(result) == ([bundle], [bundle])
    after = files_as_written(indexed)
    others = {path: written for path, written in before.items()
              if path.relative_to(indexed / "pagefind").parts[0] != bundle}
    assert others and all(after.get(path) == written for path, written in others.items())
    assert any(NEW_WORD in record["content"] for lang, record in fragments(indexed) if lang == "cy")

    clean = tmp_path / "clean"
    shutil.copytree(indexed, clean, ignore=shutil.ignore_patterns("pagefind"))
    succeeded(index(clean, tmp_path / "clean-cache"))
    incremental, cold = bundles(indexed), bundles(clean)
    assert set(incremental) == set(cold)
    for lang in cold:
        assert comparable(incremental[lang]) == comparable(cold[lang]), lang


def test_a_language_with_no_indexed_page_left_loses_its_bundle(indexed, tmp_path):
    for page in (indexed / "el").rglob("*.html"):
        page.write_text(page.read_text(encoding="utf-8").replace(" data-pagefind-body", ""), encoding="utf-8")
    result = succeeded(index(indexed, tmp_path / "cache"))
    assert "indexed none, updated none" in result.stdout
    assert {language_of(name) for name in bundles(indexed)} == {"cy", "it", "ar"}


def add_after_the_article(output, lang, html):
    """Put `html` after the indexed element of one of the language's
    articles, where the comment threads are."""
    for page in sorted((output / lang).rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        if "data-pagefind-body>" in text:
            page.write_text(text.replace("</body>", f"{html}</body>", 1), encoding="utf-8")
            return page
    raise AssertionError(f"no {lang} article")


def test_a_new_comment_indexes_nothing_again(indexed, tmp_path):
    before = files_as_written(indexed)
    add_after_the_article(indexed, "cy", f'<section class="comments"><p>{NEW_WORD}</p></section>')
    result = succeeded(index(indexed, tmp_path / "cache"))
    assert "indexed none, updated none" in result.stdout
    assert files_as_written(indexed) == before


def test_what_pagefind_reads_after_the_article_still_counts(indexed, tmp_path):
    page = add_after_the_article(indexed, "cy", f'<p><a data-pagefind-filter="tag">{NEW_WORD}</a></p>')
    bundle = bundle_of(indexed, page)
    result = succeeded(index(indexed, tmp_path / "cache"))
    assert indexed_and_updated(result) == ([bundle], [bundle])


def test_a_language_in_several_bundles_lists_them_and_publishes_one_set_of_scripts(indexed):
    by_language = {}
    for name, folder in bundles(indexed).items():
        by_language.setdefault(language_of(name), {})[name] = folder
    assert any(len(found) > 1 for found in by_language.values()), "no language has two bundles"
    for lang, found in by_language.items():
        first = found[lang]
        assert sorted(json.loads((first / "parts.json").read_text(encoding="utf-8"))) == sorted(set(found) - {lang})
        assert (first / "pagefind.js").is_file() and (first / "pagefind-worker.js").is_file()
        for name, folder in found.items():
            published = {path.name for path in folder.iterdir() if path.is_file()}
            assert not {name for name in published if name.startswith("pagefind-") and "ui" in name}, folder
            if name != lang:
                assert not published & {"pagefind.js", "pagefind-worker.js", "parts.json"}, folder
                assert not [name for name in published if name.startswith("wasm.")], folder
