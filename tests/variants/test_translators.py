"""make status and make translate, as a translator runs them."""

import json
import re
import os
import subprocess
import sys

from sitebuild import ROOT, copy_content


def run(tmp_path, *args):
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"from pelicanconf import *\nPATH = {str(tmp_path / 'content')!r}\n", "utf-8"
    )
    return subprocess.run(
        [sys.executable, "-m", "plugins.variants", "-s", str(settings), *args],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def set_modified(path, when):
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"^(Title:.*)$", rf"\1\nModified: {when}", text, count=1, flags=re.M), "utf-8")


def test_status_reports_present_missing_and_stale(tmp_path):
    content = copy_content(tmp_path / "content")
    folder = content / "articles" / "is-it-engagement"
    set_modified(folder / "is-it-engagement.cy.md", "2025-06-01")
    set_modified(folder / "is-it-engagement.it.md", "2024-04-01")
    result = run(tmp_path, "status", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["languages"] == ["cy", "it", "ar", "el"]
    rows = {row["key"]: row["languages"] for row in report["content"]}
    assert set(rows) == {"is-it-engagement", "five-misconceptions", "lost-its-way", "marketing-failing", "about"}
    engagement = rows["is-it-engagement"]
    assert engagement["cy"]["state"] == "present"
    assert engagement["it"]["state"] == "stale"
    assert engagement["ar"]["state"] == engagement["el"]["state"] == "missing"
    assert rows["lost-its-way"]["ar"]["state"] == "present"

    table = run(tmp_path, "status")
    assert table.returncode == 0
    line = next(line for line in table.stdout.splitlines() if "is-it-engagement" in line)
    assert line.split()[2:] == ["present", "stale", "missing", "missing"]


def test_translate_starts_from_the_newest_variant_and_never_overwrites(tmp_path):
    content = copy_content(tmp_path / "content")
    folder = content / "articles" / "is-it-engagement"
    set_modified(folder / "is-it-engagement.cy.md", "2024-03-05")
    set_modified(folder / "is-it-engagement.it.md", "2025-06-01")
    result = run(tmp_path, "translate", "--key", "is-it-engagement", "--lang", "el")
    assert result.returncode == 0, result.stderr
    written = folder / "is-it-engagement.el.md"
    text = written.read_text("utf-8")
    assert "Title: È davvero impegno?" in text  # from the newest (Italian)
    assert "Status: draft" in text
    assert "Modified:" not in text

    written.write_text("my translation", "utf-8")
    again = run(tmp_path, "translate", "--key", "is-it-engagement", "--lang", "el")
    assert again.returncode != 0
    assert "already exists" in again.stderr
    assert written.read_text("utf-8") == "my translation"


def test_translate_refuses_unknown_languages_and_keys(tmp_path):
    copy_content(tmp_path / "content")
    result = run(tmp_path, "translate", "--key", "is-it-engagement", "--lang", "fr")
    assert result.returncode != 0 and "cy, it, ar, el" in result.stderr
    result = run(tmp_path, "translate", "--key", "nope", "--lang", "el")
    assert result.returncode != 0 and "is-it-engagement" in result.stderr


def test_files_pelican_ignores_are_ignored_by_status_and_translate(tmp_path):
    """An editor's lock file (IGNORE_FILES) and an excluded folder
    (ARTICLE_EXCLUDES) are found by neither the build nor the tools."""
    content = copy_content(tmp_path / "content")
    folder = content / "articles" / "is-it-engagement"
    (folder / ".#is-it-engagement.cy.md").write_text("user@host.1234:1700000000", "utf-8")
    parked = content / "articles" / "parked"
    parked.mkdir()
    (parked / "parked.xx.md").write_text("Title: Not a site language\nDate: 2024-01-01\n\nText.\n", "utf-8")
    settings = tmp_path / "settings.py"
    settings.write_text(
        "from pelicanconf import *\n"
        f"PATH = {str(content)!r}\n"
        "ARTICLE_EXCLUDES = ['articles/parked']\n", "utf-8"
    )

    def tool(*args):
        return subprocess.run(
            [sys.executable, "-m", "plugins.variants", "-s", str(settings), *args],
            cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )

    status = tool("status", "--format", "json")
    assert status.returncode == 0, status.stderr
    keys = {row["key"] for row in json.loads(status.stdout)["content"]}
    assert "parked" not in keys and "is-it-engagement" in keys
    translate = tool("translate", "--key", "is-it-engagement", "--lang", "ar")
    assert translate.returncode == 0, translate.stderr
    assert (folder / "is-it-engagement.ar.md").is_file()
