"""Variant clashes stop the build and name the files."""

import pytest

from sitebuild import copy_content, run_pelican


def build(tmp_path, content):
    result = run_pelican(content, tmp_path / "output")
    return result.returncode, result.stdout + result.stderr


def test_two_files_claiming_the_same_key_and_language(tmp_path):
    content = copy_content(tmp_path / "content")
    folder = content / "articles" / "is-it-engagement"
    (folder / "copy.cy.md").write_text((folder / "is-it-engagement.cy.md").read_text("utf-8"), "utf-8")
    code, output = build(tmp_path, content)
    assert code != 0
    assert "content/articles/is-it-engagement/copy.cy.md" in output
    assert "content/articles/is-it-engagement/is-it-engagement.cy.md" in output
    assert "Traceback" not in output


def test_translation_id_into_a_group_that_has_the_language(tmp_path):
    content = copy_content(tmp_path / "content")
    folder = content / "articles" / "other"
    folder.mkdir()
    (folder / "other.it.md").write_text(
        "Title: Altro\nDate: 2024-01-01\nTranslation_id: is-it-engagement\n\nTesto.\n", "utf-8"
    )
    code, output = build(tmp_path, content)
    assert code != 0
    assert "content/articles/other/other.it.md" in output
    assert "content/articles/is-it-engagement/is-it-engagement.it.md" in output
    assert "Translation_id" in output


FIVE = "articles/five-misconceptions/five-misconceptions.cy.md"
ENGAGEMENT = "articles/is-it-engagement/is-it-engagement.cy.md"


def add_line(content, source, line):
    path = content / source
    path.write_text(path.read_text("utf-8").replace("Date:", f"{line}\nDate:", 1), "utf-8")


def one_error(output):
    errors = [line for line in output.splitlines() if "ERROR" in line or "CRITICAL" in line]
    assert "Traceback" not in output
    return errors


def test_two_articles_with_one_slug(tmp_path):
    content = copy_content(tmp_path / "content")
    add_line(content, FIVE, "Slug: is-it-engagement")
    code, output = build(tmp_path, content)
    assert code != 0
    errors = one_error(output)
    assert any(f"content/{FIVE}" in line and f"content/{ENGAGEMENT}" in line
               and "cy/is-it-engagement/index.html" in line for line in errors), output


def test_a_page_whose_key_is_an_articles(tmp_path):
    content = copy_content(tmp_path / "content")
    page = content / "pages" / "five-misconceptions" / "five-misconceptions.cy.md"
    page.parent.mkdir(parents=True)
    page.write_text("Title: Tudalen\n\nTestun.\n", "utf-8")
    code, output = build(tmp_path, content)
    assert code != 0
    assert any(f"content/{FIVE}" in line and "content/pages/five-misconceptions/five-misconceptions.cy.md" in line
               for line in one_error(output)), output


def test_a_slug_that_takes_the_search_pages_place(tmp_path):
    content = copy_content(tmp_path / "content")
    add_line(content, FIVE, "Slug: search")
    code, output = build(tmp_path, content)
    assert code != 0
    assert any(f"content/{FIVE}" in line and "search page" in line and "cy/search/index.html" in line
               for line in one_error(output)), output


@pytest.mark.parametrize("source", [FIVE, "series/myths-misconceptions-rants/myths-misconceptions-rants.cy.md"])
@pytest.mark.parametrize("slug", ["tag/x", "../..", "x" * 300, ".hidden", "a?b", "a b"])
def test_a_slug_that_is_not_one_safe_path_segment(tmp_path, source, slug):
    content = copy_content(tmp_path / "content")
    path = content / source
    header = path.read_text("utf-8").split("\n\n", 1)[0].rstrip("\n")
    path.write_text(path.read_text("utf-8").replace(header, f"{header}\nSlug: {slug}", 1), "utf-8")
    code, output = build(tmp_path, content)
    assert code != 0
    assert "Traceback" not in output
    named = [line for line in output.splitlines() if f"content/{source}" in line]
    assert len(named) == 1, output
    # Pelican refuses a save_as outside output/ itself, naming the file.
    assert f"content/{source}:{len(header.splitlines()) + 1}: Slug:" in named[0] or (
        slug == "../.." and "outside output path" in named[0]), output
    assert not (tmp_path / "output" / "index.html").exists()


def test_a_tag_that_slugifies_to_nothing(tmp_path):
    content = copy_content(tmp_path / "content")
    path = content / FIVE
    path.write_text(path.read_text("utf-8").replace("Tags:", "Tags: !!!,", 1), "utf-8")
    code, output = build(tmp_path, content)
    assert code != 0
    errors = one_error(output)
    assert len(errors) == 1 and f"content/{FIVE}:" in errors[0] and "'!!!'" in errors[0], output


def test_a_key_with_a_dot_is_named_as_such(tmp_path):
    content = copy_content(tmp_path / "content")
    folder = content / "articles" / "v1.2"
    folder.mkdir()
    (folder / "v1.2.cy.md").write_text("Title: Fersiwn\nDate: 2024-01-01\n\nTestun.\n", "utf-8")
    code, output = build(tmp_path, content)
    assert code != 0
    errors = one_error(output)
    assert len(errors) == 1 and "content/articles/v1.2/v1.2.cy.md" in errors[0], output
    assert "dot" in errors[0] and "'2'" not in errors[0]
