"""A translation knows its source and revision: make translate records
them, make status and make diff say what the source changed since (from a
git repository made here, offline), make translated records that the
translation caught up, and the build tells readers which sections are
behind."""

import os
import pty
import re
import subprocess
import sys

import pytest

from git_project import FIVE, ENGAGEMENT, Project
from sitebuild import ROOT, read_html, run_pelican

@pytest.fixture
def project(tmp_path):
    return Project(tmp_path)


def paragraph(project, relative, starting):
    text = project.path(relative).read_text("utf-8")
    return next(block for block in text.split("\n\n") if block.startswith(starting))


def test_make_translate_records_the_source_and_leaves_the_shared_fields_to_inherit(project):
    path = project.translate("five-misconceptions", "it")
    header = path.read_text("utf-8").split("\n\n", 1)[0]
    blob = project.git("rev-parse", "HEAD:content/" + FIVE.format("cy")).strip()
    assert "Translated_from: cy" in header.splitlines()
    assert f"Source_revision: {blob}" in header.splitlines()
    assert not re.search(r"^(Date|Series|Series_index):", header, re.M)
    assert project.status()["five-misconceptions"]["it"]["state"] == "present"


def test_a_changed_paragraph_is_shown_by_status_and_diff_and_nothing_else(project):
    project.translate("five-misconceptions", "it")
    old = paragraph(project, FIVE.format("cy"), "Mae cwmnïau yn aml")
    project.edit(FIVE.format("cy"), old, "Paragraff newydd yn lle'r hen un.")
    project.commit("cy: a paragraph rewritten")

    cell = project.status()["five-misconceptions"]["it"]
    assert cell["state"] == "stale" and cell["source"] == "cy"
    assert cell["changes"] == {
        "paragraphs": {"added": 0, "removed": 0, "changed": 1},
        "sections": {"added": 0, "removed": 0, "changed": 1},
    }
    table = project.tool("status").stdout
    assert "paragraphs: 1 changed; sections: 1 changed" in table

    diff = project.tool("diff", "--key", "five-misconceptions", "--lang", "it").stdout
    removed = [line for line in diff.splitlines() if line.startswith("- ")]
    added = [line for line in diff.splitlines() if line.startswith("+ ")]
    assert removed == ["- " + " ".join(old.split())]
    assert added == ["+ Paragraff newydd yn lle'r hen un."]
    heading = next(line for line in diff.splitlines() if line.startswith("## "))
    assert "Camsyniad Cyfryngau Cymdeithasol" in heading
    assert "\033[" not in diff  # not a terminal: no colour


def test_diff_is_coloured_on_a_terminal_only(project):
    project.translate("five-misconceptions", "it")
    project.edit(FIVE.format("cy"), "Y 5 Camsyniad", "Y Pum Camsyniad")
    project.commit("cy: the title")
    leader, follower = pty.openpty()
    result = subprocess.run(
        [sys.executable, "-m", "plugins.variants", "-s", str(project.settings),
         "diff", "--key", "five-misconceptions", "--lang", "it"],
        cwd=ROOT, stdout=follower, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": ""},
    )
    os.close(follower)
    shown = os.read(leader, 65536).decode("utf-8")
    os.close(leader)
    assert result.returncode == 0, result.stderr
    assert "\033[32m+ Title: Y Pum Camsyniad" in shown


def test_a_minor_commit_and_whitespace_leave_the_translation_fresh(project):
    project.translate("five-misconceptions", "it")
    for old, new, message, state in (
        ("Cymdeithasol o Fusnesau", "Cymdeithasol  o   Fusnesau", "cy: spacing", "present"),
        ("strategaeth", "strategaeth, busnes", "cy: a tag (metadata only)", "present"),
        ("Mae cwmnïau yn aml", "Mae cwmnïau yn amml", "cy: typo\n\nTranslation: minor", "present"),
        # The same change unmarked is news.
        ("Mae cwmnïau yn amml", "Mae cwmnïau yn aml", "cy: typo undone", "stale"),
    ):
        project.edit(FIVE.format("cy"), old, new)
        project.commit(message)
        assert project.status()["five-misconceptions"]["it"]["state"] == state, message


def test_make_translated_records_the_new_revision_and_never_the_text(project):
    path = project.translate("five-misconceptions", "it")
    project.edit(FIVE.format("cy"), "Mae cwmnïau yn aml", "Mae cwmnïau yn fynych")
    project.commit("cy: a paragraph changed")
    assert project.status()["five-misconceptions"]["it"]["state"] == "stale"
    before = path.read_text("utf-8")
    project.tool("translated", "--key", "five-misconceptions", "--lang", "it")
    after = path.read_text("utf-8")
    blob = project.git("rev-parse", "HEAD:content/" + FIVE.format("cy")).strip()
    assert re.sub(r"Source_revision: .*", "", before) == re.sub(r"Source_revision: .*", "", after)
    assert f"Source_revision: {blob}" in after
    assert project.status()["five-misconceptions"]["it"]["state"] == "present"


def test_an_uncommitted_source_is_recorded_by_digest_and_new_paragraphs_are_told(project):
    project.edit(FIVE.format("cy"), "Y 5 Camsyniad", "Y 5 Camsyniad Mawr")  # not committed
    path = project.translate("five-misconceptions", "it")
    revision = re.search(r"^Source_revision: (.*)$", path.read_text("utf-8"), re.M)[1]
    assert revision.startswith("sha256:")
    assert project.status()["five-misconceptions"]["it"]["state"] == "present"
    project.edit(FIVE.format("cy"), "\n\n## Camsyniad", "\n\nParagraff cwbl newydd.\n\n## Camsyniad")
    cell = project.status()["five-misconceptions"]["it"]
    assert cell["state"] == "stale" and cell["new_paragraphs"] == 1
    diff = project.tool("diff", "--key", "five-misconceptions", "--lang", "it").stdout
    assert "+ Paragraff cwbl newydd." in diff
    assert "digest" in diff and "make translated KEY=five-misconceptions LANG=it" in diff


def test_status_says_which_variants_keep_the_date_rule_and_the_lines_to_record_a_source(project):
    project.edit(ENGAGEMENT.format("cy"), "Rhif", "Na.")
    project.commit("cy: changed")
    cell = project.status()["is-it-engagement"]["it"]
    assert cell["rule"] == "date" and cell["state"] == "stale"
    blob = project.git("rev-parse", "HEAD:content/" + ENGAGEMENT.format("cy")).strip()
    assert cell["record_source"] == ["Translated_from: cy", f"Source_revision: {blob}"]
    assert f"    Source_revision: {blob}" in project.tool("status").stdout


def test_a_non_ascii_folder_is_dated_by_git(project):
    """git quotes non-ASCII paths unless told not to (issue 18, item 12)."""
    folder = project.content / "articles" / "caffè"
    folder.mkdir()
    (folder / "caffè.it.md").write_text("Title: Caffè\nDate: 2024-01-01\n\nTesto.\n", "utf-8")
    (folder / "caffè.cy.md").write_text("Title: Coffi\nDate: 2024-01-01\n\nTestun.\n", "utf-8")
    project.commit("caffè")
    cells = project.status()["caffè"]
    assert cells["it"]["updated_from"] == cells["cy"]["updated_from"] == "git"


def build(project):
    return run_pelican(project.content, project.root / "output")


def test_readers_see_the_changed_sections_linked_on_the_source_and_the_credit(project):
    path = project.translate("five-misconceptions", "it")
    project.edit(FIVE.format("it"), "Author: Douglas Karr", "Author: Douglas Karr\nTranslator: Chiara Rossi")
    project.commit("it: credit")
    third = paragraph(project, FIVE.format("cy"), "## Camsyniad Cyfryngau Cymdeithasol \\# 3")
    in_third = project.path(FIVE.format("cy")).read_text("utf-8").split(third + "\n\n", 1)[1].split("\n\n")[0]
    project.edit(FIVE.format("cy"), in_third, in_third + " Brawddeg newydd.")
    project.commit("cy: section 3 grows")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    output = project.root / "output"
    page = read_html(output / "it" / "five-misconceptions" / "index.html")
    notice = page.select_one(".outdated-notice")
    links = notice.select("li a")
    source_page = read_html(output / "cy" / "five-misconceptions" / "index.html")
    third_heading = source_page.select(".post-body h2")[2]
    assert [link["href"] for link in links] == [f"../../cy/five-misconceptions/#{third_heading['id']}"]
    assert links[0].get_text(" ", strip=True) == third_heading.get_text(" ", strip=True)
    assert links[0].span["lang"] == "cy"
    credit = page.select_one(".translation-credit")
    assert credit.a["href"] == "../../cy/five-misconceptions/" and credit.a["hreflang"] == "cy"
    assert credit.bdi.get_text() == "Chiara Rossi"
    # The source itself is not behind anything.
    assert source_page.select_one(".outdated-notice") is None
    assert path.is_file()


def test_a_translation_with_other_sections_keeps_the_whole_article_notice(project):
    path = project.translate("five-misconceptions", "it")
    text = path.read_text("utf-8")
    path.write_text(text.replace("\n\n## ", "\n\n", 1), "utf-8")  # one heading fewer
    project.edit(FIVE.format("cy"), "Mae cwmnïau yn aml", "Mae cwmnïau yn fynych")
    project.commit("cy changed, it merged two sections")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    notice = read_html(project.root / "output" / "it" / "five-misconceptions" / "index.html").select_one(
        ".outdated-notice"
    )
    assert notice.a["href"] == "../../cy/five-misconceptions/"
    assert notice.select("li") == []


def test_the_shared_fields_are_on_every_variants_page_and_in_the_series(project):
    project.translate("five-misconceptions", "it")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    output = project.root / "output"
    for lang in ("cy", "it"):
        page = read_html(output / lang / "five-misconceptions" / "index.html")
        assert page.select_one(".post-meta time")["datetime"] == "2024-04-16"
        assert page.select_one(".series-nav .series-position a")["href"].endswith(
            f"{lang}/series/myths-misconceptions-rants/"
        )
    series = read_html(output / "it" / "series" / "myths-misconceptions-rants" / "index.html")
    it_part = [link for link in series.select(".parts a") if "it/five-misconceptions/" in link["href"]]
    assert it_part and it_part[0].find_parent("li").select_one(".part-number").get_text().endswith("4")


def test_a_contradicted_field_needs_its_own_line(project):
    path = project.translate("five-misconceptions", "it")
    project.edit(FIVE.format("it"), "Translated_from: cy", "Translated_from: cy\nDate: 2024-05-01")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "content/articles/five-misconceptions/five-misconceptions.it.md:" in output
    assert "Overrides: date" in output
    project.edit(FIVE.format("it"), "Date: 2024-05-01", "Date: 2024-05-01\nOverrides: date")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    page = read_html(project.root / "output" / "it" / "five-misconceptions" / "index.html")
    assert page.select_one(".post-meta time")["datetime"] == "2024-05-01"
    assert path.is_file()


BAD_SOURCES = [
    pytest.param("Source_revision: 0123456789abcdef0123456789abcdef01234567", "no revision git knows",
                 id="a revision git does not know"),
    pytest.param("Translated_from: it", "own language", id="a source in the same language"),
    pytest.param("Translated_from: el", "names no variant", id="a source naming no variant"),
]


@pytest.mark.parametrize("line, expected", BAD_SOURCES)
def test_a_bad_source_is_one_line_naming_the_file(project, line, expected):
    project.translate("five-misconceptions", "it")
    name = line.split(":")[0]
    text = project.path(FIVE.format("it")).read_text("utf-8")
    project.path(FIVE.format("it")).write_text(re.sub(rf"^{name}: .*$", line, text, flags=re.M), "utf-8")
    for result in (build(project), project.tool("status", check=False)):
        output = result.stdout + result.stderr
        assert result.returncode != 0 and "Traceback" not in output
        lines = [line for line in output.splitlines() if expected in line]
        assert len(lines) == 1, output
        assert "content/articles/five-misconceptions/five-misconceptions.it.md:" in lines[0]


def test_a_cycle_of_sources_is_one_line(project):
    project.translate("five-misconceptions", "it")
    project.edit(FIVE.format("cy"), "Author: Douglas Karr", "Author: Douglas Karr\nTranslated_from: it")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    lines = [line for line in output.splitlines() if "cycle" in line]
    assert len(lines) == 1 and "five-misconceptions" in lines[0], output
