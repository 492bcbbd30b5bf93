"""Importing WordPress exports (WXR) through the real command line."""

from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from comments_support import FIXTURES, run_import, stored, write_articles, wxr_export


@pytest.fixture
def imported(content, tmp_path):
    result, report = run_import(
        "--source", FIXTURES / "wxr-1.2-https.xml", "--format", "wxr", "--lang", "cy",
        content=content, report=tmp_path / "report.json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return stored(content, "hello-world", "cy"), report, result


def test_counts_reconcile_with_a_reason_for_every_skip(imported):
    _, report, _ = imported
    assert report["read"] == 11
    assert report["skipped"] == {
        "no matching article": 1, "pending": 1, "pingback": 1, "spam": 1, "trackback": 1, "trash": 1,
    }  # fmt: skip
    assert report["imported"] == 5
    assert report["read"] == report["imported"] + sum(report["skipped"].values())


def test_prints_a_summary(imported):
    _, _, result = imported
    assert "Imported 5 of 11" in result.stdout
    assert "spam: 1" in result.stdout


def test_parent_after_child_is_threaded(imported):
    comments, _, _ = imported
    assert comments["102"]["parent"] == "101"


def test_reply_to_skipped_parent_hangs_under_placeholder(imported):
    comments, report, _ = imported
    assert comments["104"]["parent"] == "103"
    assert comments["103"]["removed"] is True
    assert comments["103"]["body"] == "" and comments["103"]["author"] is None
    assert "Buy things" not in str(comments)


def test_reply_to_parent_missing_from_export_hangs_under_placeholder(imported):
    comments, _, _ = imported
    assert comments["105"]["parent"] == "99"
    assert comments["99"] == {
        "id": "99", "parent": None, "author": None, "author_url": None, "date": None,
        "format": "html", "body": "", "removed": True,
    }  # fmt: skip


def test_dates_come_from_the_gmt_field(imported):
    comments, _, _ = imported
    assert comments["101"]["date"] == "2012-01-01T22:30:00Z"
    assert comments["102"]["date"] == "2012-01-02T11:00:00Z"


def test_invalid_date_is_reported_and_comment_kept_without_date(imported):
    comments, report, _ = imported
    assert comments["105"]["date"] is None
    assert report["warnings"] == {"missing or invalid date": 1}


def test_no_email_or_ip_is_stored(content, imported):
    text = (content / "comments" / "hello-world.cy.json").read_text(encoding="utf-8")
    for private in ("bronwen@mail.example", "anon@mail.example", "192.0.2.7", "198.51.100.23", "email", "IP"):
        assert private not in text


def test_non_ascii_and_astral_emoji_survive_unescaped(content, imported):
    comments, _, _ = imported
    assert "😀🏴󠁧󠁢󠁷󠁬󠁳󠁿 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢" in comments["102"]["body"]
    assert "😀" in (content / "comments" / "hello-world.cy.json").read_text(encoding="utf-8")


def test_entities_in_cdata_author_are_decoded_once(imported):
    comments, _, _ = imported
    assert comments["101"]["author"] == "Anon & Co <3"


def test_javascript_author_url_is_dropped_and_https_kept(imported):
    comments, _, _ = imported
    assert comments["101"]["author_url"] is None
    assert comments["102"]["author_url"] == "https://bronwen.example/"


def test_formatting_survives(imported):
    comments, _, _ = imported
    body = BeautifulSoup(comments["101"]["body"], "html.parser")
    assert [p.get_text() for p in body.find_all("p", recursive=False)][:2] == [
        "First paragraph with a link and x < y.", "Second paragraph\nwith a line break.",
    ]  # fmt: skip
    assert body.find("br") is not None
    assert body.find("a")["href"] == "https://example.org/x"
    assert body.find("a")["rel"] == ["nofollow", "ugc", "noopener"]
    assert body.find("code").get_text() == "x < y"
    assert body.find("blockquote").get_text() == "Quoted text"
    assert [li.get_text() for li in body.select("ul > li")] == ["one", "two"]
    assert body.find("table").find("th").get_text() == "A"


def test_hostile_markup_never_stored(imported):
    comments, _, _ = imported
    body = comments["110"]["body"].lower()
    for hostile in ("<script", "alert(1)", "onclick", "javascript:", "<iframe", "<style", "onerror", "<svg", "<object"):
        assert hostile not in body
    assert "click" in body  # the link's text stays, without its link
    assert comments["110"]["author"] == "Mallory bold"


def test_pending_and_pingbacks_imported_when_asked(content, tmp_path):
    result, report = run_import(
        "--source", FIXTURES / "wxr-1.2-https.xml", "--format", "wxr", "--lang", "cy",
        "--include-pending", "--include-pingbacks", content=content, report=tmp_path / "r.json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert report["imported"] == 8
    assert {"106", "107", "108"} <= set(stored(content, "hello-world", "cy"))


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_older_wxr_versions_with_http_namespace(content, tmp_path, version):
    result, report = run_import(
        "--source", FIXTURES / f"wxr-{version}-http.xml", "--format", "wxr", "--lang", "it",
        content=content, report=tmp_path / "r.json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    comments = stored(content, "hello-world", "it")
    assert comments["2"]["parent"] == "1"
    assert f"WXR {version} reply" in comments["2"]["body"]
    assert report["imported"] == 2


def test_dry_run_writes_nothing(content, tmp_path):
    result, report = run_import(
        "--source", FIXTURES / "wxr-1.2-https.xml", "--format", "wxr", "--lang", "cy", "--dry-run",
        content=content, report=tmp_path / "r.json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert report["imported"] == 5 and report["dry_run"] is True
    assert not (content / "comments").exists()
    assert "Would import 5 of 11" in result.stdout


@pytest.mark.parametrize("lang, slug", [("ar", "مرحبا-بالعالم"), ("el", "γεια-σου-κόσμε")])
def test_a_percent_encoded_non_ascii_slug_matches_its_article(tmp_path, lang, slug):
    content = write_articles(tmp_path / "content", [("hello-world", lang, "Title", slug)])
    # WordPress writes post_name percent-encoded, in lower case.
    encoded = quote(slug).lower()
    source = wxr_export(tmp_path / "export.xml", [(encoded, [{"id": "7", "parent": "0", "approved": "1",
                                                              "date_gmt": "2012-01-01 10:00:00", "content": "x"}])])
    result, report = run_import("--source", source, "--format", "wxr", content=content, report=tmp_path / "r.json")
    assert result.returncode == 0, result.stderr
    assert report["imported"] == 1 and report["skipped"] == {}
    assert set(stored(content, "hello-world", lang)) == {"7"}
