"""Importing saved WordPress pages (default comment markup), parsed with Beautiful Soup."""

from comments_support import FIXTURES, run_import, stored


def test_saved_page(content, tmp_path):
    result, report = run_import("--source", FIXTURES / "wordpress-page.html", "--format", "html", "--lang", "cy",
                                content=content, report=tmp_path / "r.json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert report["read"] == 5
    assert report["skipped"] == {"pending": 1, "pingback": 1}
    comments = stored(content, "hello-world", "cy")
    assert set(comments) == {"101", "102", "105"}
    assert comments["101"]["author"] == "Ffion"
    assert comments["101"]["author_url"] == "https://ffion.example/"
    assert comments["101"]["date"] == "2012-01-01T22:30:00Z"
    assert comments["101"]["body"] == "<p>Top comment with <em>emphasis</em>.</p><p>Second paragraph.</p>"
    assert comments["102"]["parent"] == "101"
    assert "<script" not in comments["102"]["body"]
    assert comments["105"]["author"] == "Old Theme"
    assert comments["105"]["body"] == "<p>Kubrick-era markup.</p>"
    assert comments["105"]["date"] is None
    assert report["warnings"] == {"missing or invalid date": 1}
