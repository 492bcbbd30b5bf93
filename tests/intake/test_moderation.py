"""make comments-queue and make moderate, through the real command line:
the queue listed safely, approved comments written as the import writes
them, rejecting and purging."""

from datetime import datetime, timezone

import pytest
from intake_support import intake_command, stored

from plugins.comments import store
from plugins.comments.intake.queue import Queue
from plugins.comments.intake.settings import project_path
from plugins.comments.model import Comment
from plugins.comments.threads import canonical_order


@pytest.fixture
def queue(settings):
    return Queue(project_path(settings, "COMMENTS_QUEUE"))


WHEN = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)


def test_the_queue_is_listed_with_control_and_bidi_characters_neutralised(settings_file, queue):
    queue.add("hello-world", "ar", None, "Eve\u202eevil\x1b[31m", None, "line one\nline\u2066 two\x07", WHEN)
    queue.add("hello-world", "ar", None, "سلمى", "https://salma.example/", "نص عربي", WHEN)
    result = intake_command(settings_file, "queue")
    assert result.returncode == 0, result.stderr
    listed = result.stdout
    for character in "\u202e\x1b\u2066\x07":
        assert character not in listed
    assert "Eve\\u202eevil\\u001b[31m" in listed
    assert "    | line one\n    | line\\u2066 two\\u0007" in listed
    assert "سلمى <https://salma.example/>" in listed and "نص عربي" in listed
    assert "#1 " in listed and "#2 " in listed


def test_an_approved_comment_is_written_as_an_imported_one_is(settings_file, content, queue):
    reply = queue.add("hello-world", "cy", "wp-1", "Siân", "https://sian.example/",
                      "Cytuno <b>yn llwyr</b>.\n\nGweler https://example.org/a.", WHEN)
    path = content / "comments" / "hello-world.cy.json"
    before = store.load(path)
    result = intake_command(settings_file, "moderate", "--approve", str(reply.number))
    assert result.returncode == 0, result.stderr
    written = stored(content, "hello-world", "cy")[reply.comment_id]
    assert written == {
        "id": reply.comment_id, "parent": "wp-1", "author": "Siân", "author_url": "https://sian.example/",
        "date": "2025-03-01T12:00:00Z", "format": "html",
        "body": "<p>Cytuno &lt;b&gt;yn llwyr&lt;/b&gt;.</p>\n<p>Gweler <a href=\"https://example.org/a\" "
                "rel=\"nofollow ugc noopener\">https://example.org/a</a>.</p>",
    }
    # Exactly the file store.py writes for these comments, in the import's order.
    expected = store.dumps(canonical_order([*before, Comment(
        id=reply.comment_id, parent="wp-1", author="Siân", author_url="https://sian.example/", date=WHEN,
        body=written["body"])]))
    assert path.read_text(encoding="utf-8") == expected
    # Approving again changes nothing, and the comment is no longer waiting.
    again = intake_command(settings_file, "moderate", "--approve", str(reply.number))
    assert again.returncode == 0, again.stderr
    assert path.read_text(encoding="utf-8") == expected
    assert queue.waiting() == []
    assert "The queue is empty." in intake_command(settings_file, "queue").stdout


def test_a_new_comments_file_is_made_for_an_article_without_comments(settings_file, content, queue):
    first = queue.add("hello-world", "ar", None, "سلمى", None, "أوافق.", WHEN)
    assert intake_command(settings_file, "moderate", "--approve", str(first.number)).returncode == 0
    assert stored(content, "hello-world", "ar")[first.comment_id]["body"] == "<p>أوافق.</p>"


def test_reject_and_purge(settings_file, queue):
    spam = queue.add("hello-world", "cy", None, "Spammer", None, "Prynwch!", WHEN)
    kept = queue.add("hello-world", "cy", None, "Siân", None, "Da iawn.", WHEN)
    one = queue.add("hello-world", "cy", None, "Gwyn  Jones", None, "Un.", WHEN)
    two = queue.add("hello-world", "ar", None, "gwyn jones", None, "Dau.", WHEN)
    result = intake_command(settings_file, "moderate", "--reject", str(spam.number))
    assert result.returncode == 0 and queue.get(spam.number) is None
    result = intake_command(settings_file, "moderate", "--purge-name", "Gwyn Jones")
    assert result.returncode == 0, result.stderr
    assert [s.number for s in queue.everything()] == [kept.number]
    missing = intake_command(settings_file, "moderate", "--approve", "99")
    assert missing.returncode == 2 and "#99: not in the queue" in missing.stderr


def test_approving_keeps_the_record_of_what_imports_wrote(settings_file, content, queue):
    """A comment the owner deleted by hand must not come back at the next
    import: approving rewrites the file with its "imported" list intact."""
    path = content / "comments" / "hello-world.cy.json"
    kept = store.load_file(path)
    path.write_text(store.dumps(kept.comments, {*(kept.imported or ()), "wp-deleted-by-hand"}), encoding="utf-8")
    submission = queue.add("hello-world", "cy", None, "Siân", None, "Cytuno.", WHEN)
    assert intake_command(settings_file, "moderate", "--approve", str(submission.number)).returncode == 0
    after = store.load_file(path)
    assert "wp-deleted-by-hand" in after.imported
    assert submission.comment_id in {comment.id for comment in after.comments}
