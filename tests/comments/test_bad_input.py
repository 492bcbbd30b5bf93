"""Malformed and hostile exports fail fast, clearly, and write nothing."""

import time

import pytest
from comments_support import FIXTURES, disqus_export, run_import, stored, write_articles
from sitebuild import run_pelican


@pytest.mark.parametrize(
    "fixture, line",
    [("malformed-junk-before-declaration.xml", 1), ("malformed-unquoted-attribute.xml", 5)],
)
def test_malformed_xml_names_file_and_line_and_writes_nothing(content, tmp_path, fixture, line):
    result, _ = run_import("--source", FIXTURES / fixture, "--format", "wxr", "--lang", "cy", content=content)
    assert result.returncode == 2
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert f"{fixture}:{line}:" in message
    assert not (content / "comments").exists()


@pytest.mark.parametrize("fixture", ["billion-laughs.xml", "xxe.xml"])
def test_entity_attacks_are_refused_quickly(content, fixture):
    started = time.monotonic()
    result, _ = run_import("--source", FIXTURES / fixture, "--format", "wxr", "--lang", "cy", content=content)
    assert time.monotonic() - started < 10
    assert result.returncode == 2
    assert fixture in result.stderr and "refused" in result.stderr and "Traceback" not in result.stderr
    assert not (content / "comments").exists()


def test_wrong_format_is_explained(content):
    result, _ = run_import("--source", FIXTURES / "disqus.xml", "--format", "wxr", content=content)
    assert result.returncode == 2
    assert "disqus.xml" in result.stderr and "--format" in result.stderr


def test_missing_source_is_explained(content, tmp_path):
    result, _ = run_import("--source", tmp_path / "nope.xml", "--format", "wxr", content=content)
    assert result.returncode == 2 and "nope.xml" in result.stderr and "Traceback" not in result.stderr


def test_a_broken_comments_file_stops_the_import_before_anything_is_written(content):
    comments = content / "comments"
    comments.mkdir()
    (comments / "hello-world.cy.json").write_text('{"comments": [\n  {"id": "1",}\n]}\n', encoding="utf-8")
    result, _ = run_import(
        "--source", FIXTURES / "wxr-1.2-https.xml", "--format", "wxr", "--lang", "cy", content=content
    )
    assert result.returncode == 2
    assert "hello-world.cy.json:2" in result.stderr
    assert (comments / "hello-world.cy.json").read_text(encoding="utf-8").startswith('{"comments": [\n  {"id": "1",}')


def _with_prefix(tmp_path, fixture, prefix: bytes):
    """A copy of a fixture with ``prefix`` written ahead of its first byte."""
    copy = tmp_path / f"prefixed-{fixture}"
    copy.write_bytes(prefix + (FIXTURES / fixture).read_bytes())
    return copy


@pytest.mark.parametrize("prefix", [b"\n\n\n", b"\r\n \t\r\n", b"   "])
def test_whitespace_before_the_declaration_is_read_past_and_reported(content, tmp_path, prefix):
    clean, clean_report = run_import(
        "--source", FIXTURES / "wxr-1.2-https.xml", "--format", "wxr", "--lang", "cy",
        "--dry-run", content=content, report=tmp_path / "clean.json",
    )  # fmt: skip
    source = _with_prefix(tmp_path, "wxr-1.2-https.xml", prefix)
    result, report = run_import(
        "--source", source, "--format", "wxr", "--lang", "cy", "--dry-run",
        content=content, report=tmp_path / "prefixed.json",
    )  # fmt: skip
    assert clean.returncode == 0 and result.returncode == 0, result.stderr
    assert clean_report["repairs"] == []
    for field in ("read", "imported", "skipped", "warnings"):
        assert report[field] == clean_report[field]
    declaration_line = prefix.replace(b"\r\n", b"\n").count(b"\n") + 1
    [repair] = report["repairs"]
    assert str(source) in repair and "whitespace" in repair and f"line {declaration_line}" in repair
    assert repair in result.stdout


def test_whitespace_before_something_other_than_the_declaration_is_still_refused(content, tmp_path):
    source = _with_prefix(tmp_path, "malformed-junk-before-declaration.xml", b"\n\n")
    result, _ = run_import("--source", source, "--format", "wxr", "--lang", "cy", content=content)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{source}:3:1: not well-formed XML" in result.stderr
    assert not (content / "comments").exists()


@pytest.mark.parametrize("prefix, line", [(b"\n\n", 7), (b"\r\n\r\n\r\n", 8)])
def test_an_error_after_skipped_whitespace_names_its_line_in_the_file(content, tmp_path, prefix, line):
    source = _with_prefix(tmp_path, "malformed-unquoted-attribute.xml", prefix)
    result, _ = run_import("--source", source, "--format", "wxr", "--lang", "cy", content=content)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{source}:{line}:" in result.stderr
    assert not (content / "comments").exists()


OUT_OF_RANGE = ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+01:00"]


@pytest.mark.parametrize("date", OUT_OF_RANGE)
def test_a_disqus_date_out_of_range_is_kept_empty_and_reported(content, tmp_path, date):
    source = disqus_export(tmp_path / "d.xml", {"900": "https://old.example/hello-world/"},
                           [{"id": "1", "thread": "900", "date": date}])  # fmt: skip
    result, report = run_import("--source", source, "--format", "disqus", "--lang", "cy", content=content,
                                report=tmp_path / "r.json")  # fmt: skip
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert stored(content, "hello-world", "cy")["disqus-1"]["date"] is None
    [warning] = report["warnings"]
    assert "out of range" in warning and "comment 1 (900)" in result.stdout


@pytest.mark.parametrize("date", OUT_OF_RANGE)
def test_a_saved_page_date_out_of_range_is_kept_empty_and_reported(content, tmp_path, date):
    page = (FIXTURES / "wordpress-page.html").read_text(encoding="utf-8")
    source = tmp_path / "page.html"
    source.write_text(page.replace("2012-01-01T23:30:00+01:00", date), encoding="utf-8")
    result, report = run_import("--source", source, "--format", "html", "--lang", "cy", content=content,
                                report=tmp_path / "r.json")  # fmt: skip
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert stored(content, "hello-world", "cy")["101"]["date"] is None
    assert any("out of range" in warning for warning in report["warnings"])


def test_a_byte_order_mark_before_blank_lines_is_named(content, tmp_path):
    source = _with_prefix(tmp_path, "wxr-1.2-https.xml", b"\xef\xbb\xbf\n\n")
    result, report = run_import("--source", source, "--format", "wxr", "--lang", "cy", "--dry-run", content=content,
                                report=tmp_path / "r.json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    [repair] = report["repairs"]
    assert str(source) in repair and "byte-order mark" in repair and "line 3" in repair
    assert report["imported"] == 5


def test_a_translation_id_that_leaves_the_folder_is_refused(tmp_path):
    content = write_articles(tmp_path / "content", [("hello-world", "cy", "Helo", None)])
    article = content / "articles/hello-world/hello-world.cy.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Date:", "Translation_id: ../../../x\nDate:"),
                       encoding="utf-8")  # fmt: skip
    result, _ = run_import("--source", FIXTURES / "wxr-1.2-https.xml", "--format", "wxr", "--map",
                           _map(tmp_path, "hello-world", "../../../x"), content=content)  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert "articles/hello-world/hello-world.cy.md" in line and "../../../x" in line
    assert not list(tmp_path.rglob("x.cy.json"))


def test_the_build_refuses_a_translation_id_that_leaves_the_folder(tmp_path):
    content = write_articles(tmp_path / "content", [("hello-world", "cy", "Helo", None)])
    article = content / "articles/hello-world/hello-world.cy.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Date:", "Translation_id: ../x\nDate:"),
                       encoding="utf-8")  # fmt: skip
    (tmp_path / "x.cy.json").write_text('{"comments": [{"id": "1", "body": "outside"}]}', encoding="utf-8")
    result = run_pelican(content, tmp_path / "output")
    assert result.returncode != 0
    errors = [line for line in (result.stdout + result.stderr).splitlines() if "ERROR" in line]
    assert any("articles/hello-world/hello-world.cy.md" in line and "'../x'" in line for line in errors), errors
    assert "outside" not in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "output").rglob("*.html"))


def _map(tmp_path, source, key):
    path = tmp_path / "map.csv"
    path.write_text(f"source,key,lang\n{source},{key},cy\n", encoding="utf-8")
    return path
