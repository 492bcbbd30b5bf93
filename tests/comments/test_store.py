"""Comments files: round trip and errors that name the file and line."""

import re
from datetime import datetime, timezone

import pytest

from plugins.comments import store
from plugins.comments.model import Comment, Variant


def test_round_trip_is_exact(tmp_path):
    comments = [
        Comment(id="1", author="Siân 😀", date=datetime(2012, 1, 1, 22, 30, tzinfo=timezone.utc), body="<p>ŵ</p>"),
        Comment(id="2", parent="1", author_url="https://x.example/", body="*hi*", format="markdown"),
        Comment(id="3", removed=True),
    ]
    path = tmp_path / "a.cy.json"
    path.write_text(store.dumps(comments), encoding="utf-8")
    assert store.load(path) == comments
    assert "Siân 😀" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text, line, words",
    [
        ('{"comments": [\n{"id": "1",\n "body": "x",}\n]}', 3, "not valid JSON"),
        ('{"comments": [\n{"id": "1"},\n{"id": "2", "date": "yesterday"}\n]}', 3, '"date"'),
        ('{"comments": [\n{"id": "1"},\n{"id": "1"}\n]}', 2, "two comments"),
        ('{"comments": [\n{"id": "1", "parent": "2"},\n{"id": "2", "parent": "1"}\n]}', 2, "own ancestor"),
        ('{"comments": [\n{"id": "1", "emial": "x"}\n]}', 2, "unknown field"),
    ],
)
def test_mistakes_name_file_and_line(tmp_path, text, line, words):
    path = tmp_path / "a.cy.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(store.CommentsFileError) as failure:
        store.load(path)
    assert f"a.cy.json:{line}:" in str(failure.value)
    assert words in str(failure.value)


def test_a_file_nested_100000_deep_is_one_line(tmp_path):
    path = tmp_path / "a.cy.json"
    path.write_text('{"comments": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(store.CommentsFileError) as failure:
        store.load(path)
    message = str(failure.value)
    assert message.startswith(f"{path}: ") and "nested too deep" in message and "\n" not in message


@pytest.mark.parametrize("key", ["../../../x", "a/b", "v1.2", ""])
def test_a_key_that_cannot_name_a_file_is_refused(tmp_path, key):
    with pytest.raises(store.UnfitKeyError):
        store.file_for(tmp_path, Variant(key, "cy"))


@pytest.mark.parametrize("raw", ["a b", "a/b", 'a"b', "ä"])
def test_cleaned_ids_are_valid_and_distinct(raw):
    cleaned = store.clean_id(raw)
    assert re.fullmatch(r"[A-Za-z0-9_.:-]+", cleaned)
    assert cleaned not in {store.clean_id(other) for other in ("a b", "a/b", 'a"b', "ä", "a_b") if other != raw}
