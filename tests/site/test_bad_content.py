"""Bad content stops the build with a message naming the file and the
problem, never a traceback and never a silently wrong page."""

from sitebuild import copy_content, run_pelican

ARTICLE = "articles/five-misconceptions/five-misconceptions.cy.md"


def build(tmp_path, content):
    result = run_pelican(content, tmp_path / "output")
    return result.returncode, result.stdout + result.stderr


def test_a_date_that_is_not_a_date(tmp_path):
    content = copy_content(tmp_path / "content")
    path = content / ARTICLE
    path.write_text(path.read_text("utf-8").replace("Date: 2024-04-16", "Date: someday"), "utf-8")
    code, output = build(tmp_path, content)
    assert code != 0
    assert f"content/{ARTICLE}:2" in output
    assert "someday" in output and "YYYY-MM-DD" in output
    assert "Traceback" not in output


def test_a_language_suffix_that_is_not_a_site_language(tmp_path):
    content = copy_content(tmp_path / "content")
    source = content / ARTICLE
    (source.parent / "five-misconceptions.fr.md").write_text(source.read_text("utf-8"), "utf-8")
    code, output = build(tmp_path, content)
    assert code != 0
    assert "content/articles/five-misconceptions/five-misconceptions.fr.md" in output
    assert "'fr'" in output and "cy, it, ar, el" in output
    assert "Traceback" not in output


def test_a_lang_line_that_is_not_a_site_language(tmp_path):
    content = copy_content(tmp_path / "content")
    path = content / ARTICLE
    path.write_text(path.read_text("utf-8").replace("Date:", "Lang: de\nDate:", 1), "utf-8")
    code, output = build(tmp_path, content)
    assert code != 0
    assert f"content/{ARTICLE}" in output and "'de'" in output
    assert "Traceback" not in output


def test_a_file_without_a_language(tmp_path):
    content = copy_content(tmp_path / "content")
    source = content / ARTICLE
    (source.parent / "five-misconceptions.md").write_text(source.read_text("utf-8"), "utf-8")
    code, output = build(tmp_path, content)
    assert code != 0
    assert "content/articles/five-misconceptions/five-misconceptions.md" in output
    assert "<key>.<lang>.md" in output
