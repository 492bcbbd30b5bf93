"""What a site owner types on make's command line reaches the commands as
it was typed, and SITEURL is checked before anything is built on it."""

import shlex

import pytest

from project_copy import copy_project, make
from sitebuild import read_html


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def test_a_trailing_slash_is_dropped_not_fatal(project):
    result = make(project, "publish", "SITEURL=https://example.org/blog/")
    assert result.returncode == 0, result.stdout + result.stderr
    page = read_html(project / "output" / "cy" / "is-it-engagement" / "index.html")
    assert page.find("link", rel="canonical")["href"] == "https://example.org/blog/cy/is-it-engagement/"


def test_a_space_in_the_address_is_encoded(project):
    result = make(project, "publish", "SITEURL=https://example.org/my site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = read_html(project / "output" / "cy" / "index.html")
    assert page.find("link", rel="canonical")["href"] == "https://example.org/my%20site/cy/"


@pytest.mark.parametrize("address, expected", [
    ("example.org", "not a web address"),
    ("https://owner:secret@example.org", "user name or password"),
    ("https://example.org/?x=1", "query or fragment"),
])
def test_an_address_pages_cannot_be_built_on_is_one_line(project, address, expected):
    result = make(project, "publish", f"SITEURL={address}")
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if "SITEURL" in line]
    assert len(errors) == 1 and expected in errors[0], result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "secret" not in errors[0]
    assert not (project / "output").exists()


def test_a_quote_in_a_target_is_not_run_by_the_shell(project, tmp_path):
    marker = tmp_path / "ran"
    target = f"{tmp_path}/site'; touch {shlex.quote(str(marker))}; echo '"
    result = make(project, "rsync_upload", f"RSYNC_TARGET={target}", "SITEURL=https://example.org")
    assert not marker.exists(), result.stdout + result.stderr


def test_a_dollar_in_a_target_is_kept(project, tmp_path):
    target = tmp_path / "www$HOME"
    target.mkdir()
    result = make(project, "rsync_upload", f"RSYNC_TARGET={target}/", "SITEURL=https://example.org")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (target / "index.html").is_file()


def test_a_source_with_a_space_is_one_argument(project, tmp_path):
    source = tmp_path / "my exports" / "missing file.xml"
    result = make(project, "import-comments", f"SOURCE={source}", "FORMAT=wxr", "DRY_RUN=1")
    assert "unrecognized arguments" not in result.stderr
    assert "missing file.xml" in result.stdout + result.stderr


def test_a_branch_git_refuses_is_one_line(project, tmp_path):
    result = make(project, "github", "PAGES_REMOTE=" + str(tmp_path), "PAGES_BRANCH=a..b",
                  "SITEURL=https://example.org")
    assert result.returncode != 0
    assert "PAGES_BRANCH 'a..b'" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
