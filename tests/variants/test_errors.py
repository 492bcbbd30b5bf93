"""Variant clashes stop the build and name the files."""

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
