"""Bad content stops the build with a message naming the file and the
problem, never a traceback and never a silently wrong page."""

import os
import subprocess

import pytest

from sitebuild import ROOT, build_site, copy_content, pelican_command, run_pelican

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


def test_a_lang_line_that_is_not_a_site_language(tmp_path):
    content = copy_content(tmp_path / "content")
    path = content / ARTICLE
    path.write_text(path.read_text("utf-8").replace("Date:", "Lang: de\nDate:", 1), "utf-8")
    code, output = build(tmp_path, content)
    assert code != 0
    assert f"content/{ARTICLE}" in output and "'de'" in output
    assert "Traceback" not in output


@pytest.mark.parametrize(
    "name, expected",
    [
        ("five-misconceptions.fr.md", ["'fr'", "cy, it, ar, el"]),  # not a site language
        ("five-misconceptions.md", ["<key>.<lang>.md", "cy, it, ar, el"]),  # no language
    ],
)
def test_a_file_name_without_a_site_language(tmp_path, name, expected):
    content = copy_content(tmp_path / "content")
    source = content / ARTICLE
    (source.parent / name).write_text(source.read_text("utf-8"), "utf-8")
    code, output = build(tmp_path, content)
    assert code != 0
    assert f"content/articles/five-misconceptions/{name}" in output
    assert all(fragment in output for fragment in expected), output
    assert "Traceback" not in output


@pytest.mark.parametrize("line", ["Title", "Date"])
def test_a_missing_title_or_date(tmp_path, line):
    content = copy_content(tmp_path / "content")
    path = content / ARTICLE
    header, body = path.read_text("utf-8").split("\n\n", 1)
    header = "\n".join(row for row in header.splitlines() if not row.startswith(f"{line}:"))
    path.write_text(header + "\n\n" + body, "utf-8")
    code, output = build(tmp_path, content)
    assert code != 0
    assert f"content/{ARTICLE}: no {line}:" in output
    assert "Traceback" not in output


def test_a_file_that_is_not_utf8(tmp_path):
    """Read ahead in other processes or by Pelican, it is named, with what to do."""
    content = copy_content(tmp_path / "content")
    (content / ARTICLE).write_bytes(b"Title: X\nDate: 2024-01-01\n\n\xff\xfe text\n")
    code, output = build(tmp_path, content)
    assert code != 0
    assert f"content/{ARTICLE}: is not UTF-8" in output and "re-save it as UTF-8" in output
    assert "Traceback" not in output


@pytest.mark.parametrize("line", ["Modified: 9999-12-31T23:59:59-12:00", "Modified: 0001-01-01T00:00:00+01:00",
                                  "Date: 9999-12-31T23:59:59-12:00"])
def test_a_date_out_of_range(tmp_path, line):
    content = copy_content(tmp_path / "content")
    path = content / ARTICLE
    name = line.split(":")[0]
    text = path.read_text("utf-8")
    text = text.replace("Date: 2024-04-16", line) if name == "Date" else text.replace("Date:", f"{line}\nDate:", 1)
    path.write_text(text, "utf-8")
    number = next(i for i, row in enumerate(text.splitlines(), start=1) if row == line)
    code, output = build(tmp_path, content)
    assert code != 0
    errors = [row for row in output.splitlines() if f"content/{ARTICLE}" in row]
    assert len(errors) == 1 and f"content/{ARTICLE}:{number}: {name}:" in errors[0], output
    assert "between the years" in errors[0]
    assert "Traceback" not in output and "OverflowError" not in output


def test_an_output_folder_that_cannot_be_written(tmp_path):
    """One line naming the page and the folder, from whichever process
    renders it. Root writes anywhere: it runs the build without its
    capabilities (setpriv), as any user would."""
    content = copy_content(tmp_path / "content")
    output = build_site(content, tmp_path / "output")
    for article in (content / "articles").rglob("*.md"):  # pages for every rendering process
        article.write_text(article.read_text("utf-8") + "\nNewydd.\n", "utf-8")
    for path in [output, *output.rglob("*")]:
        path.chmod(path.stat().st_mode & ~0o222)
    prefix = ["setpriv", "--inh-caps=-all", "--bounding-set=-all"] if os.geteuid() == 0 else []
    try:
        result = subprocess.run(prefix + pelican_command(content, output), cwd=ROOT, capture_output=True, text=True)
    finally:
        for path in [output, *output.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    errors = [line for line in log.splitlines() if line.strip()]
    assert len(errors) == 1, log
    assert "content/articles/" in errors[0] and f": cannot write {output}/" in errors[0]
    assert "(Permission denied)" in errors[0]


def test_a_folder_link_that_loops_back(tmp_path):
    content = copy_content(tmp_path / "content")
    (content / "articles" / "self").symlink_to(".")
    code, output = build(tmp_path, content)
    assert code != 0
    errors = [line for line in output.splitlines() if line.strip()]
    assert len(errors) == 1 and "content/articles/self: a link to content/articles" in errors[0], output
