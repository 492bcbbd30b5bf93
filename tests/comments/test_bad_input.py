"""Malformed and hostile exports fail fast, clearly, and write nothing."""

import time

import pytest
from comments_support import FIXTURES, run_import


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
