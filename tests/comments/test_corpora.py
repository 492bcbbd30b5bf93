"""Real exports written by other projects (../shared/corpora): every approved
comment lands exactly once on the page of the article it was mapped to."""

import xml.etree.ElementTree as ElementTree
from collections import Counter

import pytest
from comments_support import run_import, write_articles
from sitebuild import CORPORA, build_site, read_html

pytestmark = pytest.mark.skipif(not CORPORA.is_dir(), reason=f"{CORPORA} is absent (real exports are not in the repo)")


def approved_by_post(path):
    """Independently of the importer: {post reference: {comment id: parent id}} of visible comments."""
    posts = {}
    for item in ElementTree.parse(path).getroot().iter("item"):
        fields = {child.tag.rsplit("}", 1)[-1]: child for child in item}
        reference = (fields["post_id"].text if "post_id" in fields else fields["link"].text).strip()
        for comment in item:
            if not comment.tag.endswith("}comment"):
                continue
            value = {c.tag.rsplit("}", 1)[-1]: (c.text or "").strip() for c in comment}
            if value.get("comment_approved") == "1" and value.get("comment_type", "") in ("", "comment"):
                parent = value.get("comment_parent", "0")
                posts.setdefault(reference, {})[value["comment_id"]] = None if parent == "0" else parent
    return posts


def depth(comments, comment_id):
    levels = 1
    while comments.get(comment_id):
        comment_id, levels = comments[comment_id], levels + 1
    return levels


@pytest.mark.parametrize("name", ["themeunittestdata.wordpress.xml", "isso-wordpress.xml"])
def test_wordpress_corpus(tmp_path, name):
    source = CORPORA / "wordpress" / name
    expected = approved_by_post(source)
    keys = {reference: f"post-{n}" for n, reference in enumerate(sorted(expected))}
    content = write_articles(tmp_path / "content", [(key, "cy", key, None) for key in keys.values()])
    mapping = tmp_path / "map.csv"
    mapping.write_text("source,key,lang\n" + "".join(f"{r},{k},cy\n" for r, k in keys.items()), encoding="utf-8")
    result, report = run_import("--source", source, "--format", "wxr", "--map", mapping, content=content,
                                report=tmp_path / "report.json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert report["read"] == report["imported"] + sum(report["skipped"].values())
    assert report["imported"] == sum(len(comments) for comments in expected.values())

    output = build_site(content, tmp_path / "output")
    for reference, comments in expected.items():
        html = read_html(output / "cy" / keys[reference] / "index.html")
        shown = Counter(li["id"] for li in html.select("li.comment") if not li.select_one(":scope > .comment-placeholder"))
        assert shown == Counter(f"comment-{i}" for i in comments)
        for comment_id, parent in comments.items():
            li = html.select_one(f"#comment-{comment_id}")
            if parent is None:
                continue
            nested_in = li.find_parent("li", class_="comment")["id"]
            flat_link = li.select_one(":scope > article .comment-in-reply-to")
            # Nested inside its parent, or (past the depth limit) linked to it.
            assert nested_in == f"comment-{parent}" or flat_link["href"] == f"#comment-{parent}"
    if name.startswith("themeunittestdata"):
        assert max(depth(c, i) for c in expected.values() for i in c) == 10


def test_disqus_corpus_reconciles(tmp_path):
    content = write_articles(tmp_path / "content", [("hello", "cy", "Hello", None)])
    mapping = tmp_path / "map.csv"
    mapping.write_text("source,key,lang\nhttp://example.org/,hello,cy\n", encoding="utf-8")
    result, report = run_import("--source", CORPORA / "disqus" / "isso-disqus.xml", "--format", "disqus",
                                "--map", mapping, content=content, report=tmp_path / "r.json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert report["read"] == report["imported"] + sum(report["skipped"].values())
    assert report["imported"] >= 1 and report["skipped"].get("no matching article", 0) >= 1
