"""What the importer writes, the build reads: reply loops are broken, ids
are cleaned without merging two into one, and every record is accounted for."""

import pytest
from comments_support import disqus_export, run_import, stored, wxr_export
from sitebuild import build_site, read_html

from plugins.comments import store


def comment(ident, parent="0", approved="1", **fields):
    return {"id": ident, "parent": parent, "date_gmt": f"2012-01-0{min(int(ident), 9)} 10:00:00",
            "author": f"A{ident}", "content": f"text {ident}", "approved": approved, **fields}  # fmt: skip


LOOPS = {
    "its own parent": [comment("1", parent="1")],
    "a loop of two": [comment("1", parent="2"), comment("2", parent="1")],
    "a loop of three": [comment("1", parent="3"), comment("2", parent="1"), comment("3", parent="2")],
    # 2 is spam: the importer's placeholder for it hangs where 2 hung, under 1.
    "a loop through a skipped comment": [comment("1", parent="2"), comment("2", parent="1", approved="spam")],
}


def _read_back(content):
    """The file as the build reads it (store.load raises what the build would refuse)."""
    return {c.id: c for c in store.load(content / "comments" / "hello-world.cy.json")}


@pytest.mark.parametrize("case", LOOPS)
def test_a_reply_loop_is_broken_and_reported(content, tmp_path, case):
    source = wxr_export(tmp_path / "loop.xml", [("hello-world", LOOPS[case])])
    result, report = run_import("--source", source, "--format", "wxr", "--lang", "cy", content=content,
                                report=tmp_path / "r.json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    comments = _read_back(content)
    assert {c.id for c in comments.values() if not c.removed} == {c["id"] for c in LOOPS[case] if c["approved"] == "1"}
    assert [c.id for c in comments.values() if c.parent is None]  # something is top-level
    [(warning, count)] = report["warnings"].items()
    assert "reply loop" in warning and count == 1
    assert "reply loop" in result.stdout and "hello-world.cy.json" in result.stdout
    assert report["read"] == report["imported"] + sum(report["skipped"].values())


def test_the_broken_loops_build(content, tmp_path):
    posts = [("hello-world", LOOPS["a loop of three"] + [comment("4", parent="5"), comment("5", parent="4", approved="spam")])]
    result, _ = run_import("--source", wxr_export(tmp_path / "l.xml", posts), "--format", "wxr", "--lang", "cy",
                           content=content)  # fmt: skip
    assert result.returncode == 0, result.stderr
    html = read_html(build_site(content, tmp_path / "output") / "cy/hello-world/index.html")
    assert {li["id"] for li in html.select("li.comment")} >= {"comment-1", "comment-2", "comment-3", "comment-4"}


DISQUS_IDS = ["a b", "a/b", 'a"b', "a_b"]


def test_disqus_ids_are_cleaned_consistently_and_never_merged(content, tmp_path):
    posts = [{"id": ident, "thread": "900", "name": f"N{n}", "text": f"t{n}"} for n, ident in enumerate(DISQUS_IDS)]
    posts.append({"id": "reply", "thread": "900", "parent": "a b", "name": "R"})
    source = disqus_export(tmp_path / "d.xml", {"900": "https://old.example/hello-world/"}, posts)
    result, report = run_import("--source", source, "--format", "disqus", "--lang", "cy", content=content,
                                report=tmp_path / "r.json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert report["imported"] == 5 and report["read"] == 5
    comments = _read_back(content)
    assert len(comments) == 5  # four different ids stay four comments
    by_author = {c.author: c for c in comments.values()}
    assert by_author["N3"].id == "disqus-a_b"  # an id that needs no cleaning is kept as it is
    assert by_author["R"].parent == by_author["N0"].id  # the reply follows its parent's cleaned id
    assert sum(report["warnings"].values()) == 3
    # The same export imported again finds the same ids: nothing new.
    again, report = run_import("--source", source, "--format", "disqus", "--lang", "cy", content=content,
                               report=tmp_path / "again.json")  # fmt: skip
    assert again.returncode == 0 and report["imported"] == 0 and report["skipped"] == {"duplicate": 5}


def test_a_disqus_post_naming_no_thread_is_skipped_and_reported(content, tmp_path):
    source = tmp_path / "d.xml"
    disqus_export(source, {"900": "https://old.example/hello-world/"},
                  [{"id": "1", "thread": "900"}, {"id": "2", "thread": None}])  # fmt: skip
    # A thread without an id: a post naming no thread must not land in it.
    text = source.read_text(encoding="utf-8").replace(
        "</disqus>", "<thread><id>https://old.example/hello-world/</id></thread></disqus>")
    source.write_text(text, encoding="utf-8")
    result, report = run_import("--source", source, "--format", "disqus", "--lang", "cy", content=content,
                                report=tmp_path / "r.json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert report["imported"] == 1 and report["skipped"] == {"no <thread> named by the post": 1}
    assert set(stored(content, "hello-world", "cy")) == {"disqus-1"}


def test_wordpress_comments_without_an_id_keep_their_ids_when_the_export_gains_a_post(content, tmp_path):
    unnumbered = [{k: v for k, v in comment(n).items() if k not in ("id", "parent")} for n in ("1", "2")]
    first = wxr_export(tmp_path / "first.xml", [("hello-world", unnumbered, 10)])
    result, report = run_import("--source", first, "--format", "wxr", "--lang", "cy", content=content,
                                report=tmp_path / "r.json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    ids = set(stored(content, "hello-world", "cy"))
    assert len(ids) == 2
    # The blog published another post before this one: the export gains an item ahead of it.
    newer = wxr_export(tmp_path / "newer.xml", [("ail-bost", [], 20), ("hello-world", unnumbered, 10)])
    result, report = run_import("--source", newer, "--format", "wxr", "--lang", "cy", content=content,
                                report=tmp_path / "again.json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert report["imported"] == 0 and report["skipped"] == {"duplicate": 2}
    assert set(stored(content, "hello-world", "cy")) == ids
