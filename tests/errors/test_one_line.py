"""An error is one line, whole, whatever the width of the terminal or log:
nothing can jump to a file name cut in two."""

import os
import subprocess

from hosting.project_copy import copy_project

LONG_NAME = "an-article-whose-key-is-long-enough-to-cross-eighty-columns-of-a-log"


def test_make_html_prints_the_file_name_whole_in_a_narrow_log(tmp_path):
    project = copy_project(tmp_path / "project")
    folder = project / "content" / "articles" / LONG_NAME
    folder.mkdir()
    (folder / f"{LONG_NAME}.cy.md").write_text("Title: Hir\nDate: someday\n\nTestun.\n", "utf-8")
    result = subprocess.run(["make", "--no-print-directory", "-C", str(project), "html"],
                            capture_output=True, text=True, timeout=600,
                            env=dict(os.environ, COLUMNS="40"))
    assert result.returncode != 0
    lines = [line for line in (result.stdout + result.stderr).splitlines() if "someday" in line]
    assert len(lines) == 1
    assert f"content/articles/{LONG_NAME}/{LONG_NAME}.cy.md:2:" in lines[0]
