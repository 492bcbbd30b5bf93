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
