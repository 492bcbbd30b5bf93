"""Thread building and depth flattening, on comments made here."""

from plugins.comments.model import Comment
from plugins.comments.threads import build_thread


def chain(length):
    return [Comment(id=str(n), parent=str(n - 1) if n > 1 else None, body=f"<p>{n}</p>") for n in range(1, length + 1)]


def test_nesting_up_to_max_depth_then_flat_with_reply_link():
    roots = build_thread(chain(7), max_depth=3)
    assert [n.comment.id for n in roots] == ["1"]
    second = roots[0].replies[0]
    assert [n.comment.id for n in second.replies] == ["3", "4", "5", "6", "7"]
    assert [n.depth for n in second.replies] == [3] * 5
    assert [n.in_reply_to.comment.id if n.in_reply_to else None for n in second.replies] == [None, "3", "4", "5", "6"]


def test_flat_part_keeps_reading_order_of_branches():
    comments = [Comment(id="a"), Comment(id="b", parent="a"), Comment(id="c", parent="b"),
                Comment(id="d", parent="a"), Comment(id="e", parent="c")]  # fmt: skip
    roots = build_thread(comments, max_depth=1)
    assert [n.comment.id for n in roots] == ["a", "b", "c", "e", "d"]


def test_removed_without_replies_disappears_and_with_replies_stays():
    comments = [Comment(id="1", removed=True), Comment(id="2", removed=True, body="hidden by hand"),
                Comment(id="3", parent="2", body="x")]  # fmt: skip
    roots = build_thread(comments, max_depth=5)
    assert [n.comment.id for n in roots] == ["2"]
    assert roots[0].comment.removed and roots[0].replies[0].comment.id == "3"


def test_reply_whose_parent_was_deleted_by_hand_gets_a_placeholder():
    roots = build_thread([Comment(id="3", parent="2", body="x")], max_depth=5)
    assert roots[0].comment.id == "2" and roots[0].comment.removed
    assert roots[0].replies[0].comment.id == "3"


def test_very_deep_threads_do_not_exhaust_the_stack():
    roots = build_thread(chain(5000), max_depth=5)
    deepest = roots[0].replies[0].replies[0].replies[0]
    assert len(deepest.replies) == 4996
