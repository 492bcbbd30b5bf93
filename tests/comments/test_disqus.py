"""Importing a Disqus export."""

import pytest
from comments_support import FIXTURES, run_import, stored


@pytest.fixture
def imported(content, tmp_path):
    result, report = run_import("--source", FIXTURES / "disqus.xml", "--format", "disqus", "--lang", "cy",
                                content=content, report=tmp_path / "r.json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    return stored(content, "hello-world", "cy"), report


def test_counts(imported):
    _, report = imported
    assert report["read"] == 6
    assert report["skipped"] == {"deleted": 1, "spam": 1, "no matching article": 1}
    assert report["imported"] == 3
    assert report["warnings"] == {"missing or invalid date": 1}


def test_deleted_parent_keeps_its_reply_under_a_placeholder(imported):
    comments, _ = imported
    assert comments["disqus-502"]["parent"] == "disqus-501"
    assert comments["disqus-501"]["removed"] is True
    assert "I was deleted" not in str(comments)


def test_dates_are_utc_and_text_is_intact(imported):
    comments, _ = imported
    assert comments["disqus-503"]["date"] == "2015-03-03T09:00:00Z"
    assert comments["disqus-506"]["date"] is None
    assert comments["disqus-502"]["body"] == "<p>Reply to a deleted comment &amp; still here 🎉</p>"
    assert comments["disqus-502"]["author"] == "Rhys"


def test_a_map_file_matches_by_url(content, tmp_path):
    mapping = tmp_path / "map.csv"
    mapping.write_text("source,key,lang\nhttps://old.example/hello-world/,hello-world,it\n", encoding="utf-8")
    result, report = run_import("--source", FIXTURES / "disqus.xml", "--format", "disqus", "--map", mapping,
                                content=content, report=tmp_path / "r.json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert report["imported"] == 3
    assert set(stored(content, "hello-world", "it")) >= {"disqus-502", "disqus-503"}


def test_a_map_naming_no_article_fails_on_its_line(content, tmp_path):
    mapping = tmp_path / "map.csv"
    mapping.write_text("source,key,lang\nx,hello-world,it\ny,nothing,cy\n", encoding="utf-8")
    result, _ = run_import("--source", FIXTURES / "disqus.xml", "--format", "disqus", "--map", mapping,
                           content=content)  # fmt: skip
    assert result.returncode == 2 and "map.csv:3" in result.stderr
