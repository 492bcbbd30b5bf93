"""Hostile sizes cost work in proportion to their size: a reply chain
100,000 deep, a saved page nested 3,000 deep. Each runs under a generous
guard so that the quadratic code this replaced fails instead of hanging;
nothing here measures time."""

import threading

import pytest
from comments_support import run_import, stored

from plugins.comments import store
from plugins.comments.model import Comment

GUARD_SECONDS = 120


def finishes(work):
    """Run ``work`` in a thread; its result, or a failure after GUARD_SECONDS."""
    outcome = {}
    thread = threading.Thread(target=lambda: outcome.setdefault("result", work()), daemon=True)
    thread.start()
    thread.join(GUARD_SECONDS)
    assert not thread.is_alive(), f"did not finish within the {GUARD_SECONDS} s guard"
    return outcome["result"]


def test_a_reply_chain_100000_deep_is_read(tmp_path):
    depth = 100_000
    chain = [Comment(id=str(n), parent=str(n - 1) if n > 1 else None, body="x") for n in range(1, depth + 1)]
    path = tmp_path / "deep.cy.json"
    path.write_text(store.dumps(chain), encoding="utf-8")
    assert len(finishes(lambda: store.load(path))) == depth


def test_a_loop_at_the_end_of_a_long_chain_is_found(tmp_path):
    depth = 100_000
    chain = [Comment(id=str(n), parent=str(n - 1) if n > 1 else str(depth)) for n in range(1, depth + 1)]
    path = tmp_path / "loop.cy.json"
    path.write_text(store.dumps(chain), encoding="utf-8")

    def load():
        try:
            store.load(path)
        except store.CommentsFileError as error:
            return str(error)

    assert finishes(load).startswith(f'{path}:4: comment "1" is its own ancestor')


def nested_page(depth: int, replies_in_text: bool = False) -> str:
    """A saved WordPress page whose comments each reply to the one before,
    the replies after each comment's text (WordPress's markup) or, in a
    hostile page, inside it."""
    closing = "</ul></div></article></li>" if replies_in_text else "</ul></li>"
    opening = "".join(
        f'<li id="comment-{n}" class="comment depth-{n}"><article class="comment-body"><footer class="comment-meta">'
        f'<div class="comment-author vcard"><b class="fn">Author {n}</b></div><div class="comment-metadata">'
        f'<time datetime="2012-01-01T10:00:00+00:00">1 Jan</time></div></footer>'
        + (f'<div class="comment-content"><p>Reply {n}</p><ul class="children">' if replies_in_text
           else f'<div class="comment-content"><p>Reply {n}</p></div></article><ul class="children">')
        for n in range(1, depth + 1)
    )  # fmt: skip
    return ('<html><head><link rel="canonical" href="https://old.example/hello-world/"></head><body>'
            f'<ol class="comment-list">{opening}{closing * depth}</ol></body></html>')  # fmt: skip


@pytest.mark.parametrize("replies_in_text", [False, True])
def test_a_saved_page_nested_3000_deep_is_imported(content, tmp_path, replies_in_text):
    depth = 3000
    source = tmp_path / "deep.html"
    source.write_text(nested_page(depth, replies_in_text), encoding="utf-8")
    result, report = run_import("--source", source, "--format", "html", "--lang", "cy", content=content,
                                report=tmp_path / "r.json")  # fmt: skip (run_import's own timeout guards it)
    assert result.returncode == 0, result.stderr
    assert report["imported"] == depth
    comments = stored(content, "hello-world", "cy")
    assert comments["3000"]["parent"] == "2999" and comments["3000"]["author"] == "Author 3000"
    # A comment's text is its own, never its replies'.
    assert comments["1500"]["body"].startswith("<p>Reply 1500</p>") and "Reply 1501" not in comments["1500"]["body"]
