"""Re-importing changes nothing; a newer export adds only what is new; hand edits stay."""

import json

from comments_support import FIXTURES, run_import, stored

WXR = FIXTURES / "wxr-1.2-https.xml"


def _import(content, tmp_path, source=WXR, name="r.json"):
    result, report = run_import("--source", source, "--format", "wxr", "--lang", "cy", content=content,
                                report=tmp_path / name)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return report


def test_reimporting_the_same_export_is_byte_identical(content, tmp_path):
    _import(content, tmp_path)
    path = content / "comments" / "hello-world.cy.json"
    before = path.read_bytes()
    report = _import(content, tmp_path, name="again.json")
    assert path.read_bytes() == before
    assert report["imported"] == 0
    assert report["skipped"]["duplicate"] == 5
    assert report["read"] == report["imported"] + sum(report["skipped"].values())


def test_hand_edits_survive_a_reimport(content, tmp_path):
    _import(content, tmp_path)
    path = content / "comments" / "hello-world.cy.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    for comment in document["comments"]:
        if comment["id"] == "102":
            comment["body"] = "<p>Typo fixed</p>"
        if comment["id"] == "110":
            comment["removed"] = True
    edited = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    path.write_text(edited, encoding="utf-8")
    _import(content, tmp_path, name="again.json")
    assert path.read_text(encoding="utf-8") == edited


def test_a_newer_export_adds_only_what_is_new(content, tmp_path):
    _import(content, tmp_path)
    newer = tmp_path / "newer.xml"
    text = WXR.read_text(encoding="utf-8")
    # The pending comment got approved, and someone replied to the spam's placeholder's sibling.
    text = text.replace("<wp:comment_approved><![CDATA[0]]></wp:comment_approved>",
                        "<wp:comment_approved><![CDATA[1]]></wp:comment_approved>")  # fmt: skip
    newer.write_text(text, encoding="utf-8")
    before = stored(content, "hello-world", "cy")
    report = _import(content, tmp_path, source=newer, name="newer.json")
    after = stored(content, "hello-world", "cy")
    assert report["imported"] == 1
    assert set(after) - set(before) == {"106"}
    assert all(after[i] == before[i] for i in before)


def test_a_placeholder_is_filled_when_the_parent_turns_up(content, tmp_path):
    _import(content, tmp_path)
    assert stored(content, "hello-world", "cy")["103"]["removed"] is True
    newer = tmp_path / "unspammed.xml"
    newer.write_text(WXR.read_text(encoding="utf-8").replace("[CDATA[spam]]", "[CDATA[1]]"), encoding="utf-8")
    report = _import(content, tmp_path, source=newer, name="n.json")
    assert report["imported"] == 1
    comment = stored(content, "hello-world", "cy")["103"]
    assert "removed" not in comment and comment["author"] == "Spammer"


def test_file_is_sorted_pretty_and_ends_with_newline(content, tmp_path):
    _import(content, tmp_path)
    text = (content / "comments" / "hello-world.cy.json").read_text(encoding="utf-8")
    assert text.endswith("}\n") and '\n      "id": ' in text
    ids = [c["id"] for c in json.loads(text)["comments"]]
    # Oldest first (the undated orphan first); the placeholder beside its reply.
    assert ids == ["99", "105", "101", "102", "103", "104", "110"]


def test_a_comment_deleted_by_hand_stays_deleted(content, tmp_path):
    _import(content, tmp_path)
    path = content / "comments" / "hello-world.cy.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["comments"] = [c for c in document["comments"] if c["id"] != "102"]
    for comment in document["comments"]:
        if comment["id"] == "110":  # its text erased, as for a request to remove it
            comment.update(author=None, author_url=None, body="", removed=True)
    edited = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    path.write_text(edited, encoding="utf-8")
    report = _import(content, tmp_path, name="again.json")
    assert path.read_text(encoding="utf-8") == edited
    assert report["imported"] == 0
    assert report["skipped"]["deleted from its comments file, stays deleted"] == 2
    assert report["read"] == report["imported"] + sum(report["skipped"].values())


def test_the_file_records_what_imports_wrote(content, tmp_path):
    _import(content, tmp_path)
    document = json.loads((content / "comments" / "hello-world.cy.json").read_text(encoding="utf-8"))
    # Placeholders are not imported comments: their comment may still turn up.
    assert document["imported"] == ["101", "102", "104", "105", "110"]
