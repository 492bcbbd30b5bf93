"""Commenters' names and links cannot spoof: invisible direction and
zero-width characters are dropped, and a link with credentials is not a link."""

import json

from comments_support import run_import, stored, write_articles, wxr_export
from sitebuild import build_site, read_html

# U+202E turns "gpj.exe" around; U+200B, U+2066/U+2069 and U+FEFF are unseen.
SPOOFED_NAME = "Admin\u200b \u202egpj.exe\u202c \u2066Site\u2069\ufeff"
SHOWN_NAME = "Admin gpj.exe Site"
CREDENTIALS_URL = "https://trusted.example:secret@evil.example/"


def test_import_drops_invisible_characters_and_credentials(content, tmp_path):
    source = wxr_export(tmp_path / "e.xml", [("hello-world", [
        {"id": "1", "parent": "0", "approved": "1", "date_gmt": "2012-01-01 10:00:00", "content": "x",
         "author": SPOOFED_NAME, "author_url": CREDENTIALS_URL},
    ])])  # fmt: skip
    result, _ = run_import("--source", source, "--format", "wxr", "--lang", "cy", content=content)
    assert result.returncode == 0, result.stderr
    comment = stored(content, "hello-world", "cy")["1"]
    assert comment["author"] == SHOWN_NAME
    assert comment["author_url"] is None


def test_a_hand_edited_file_is_neutralised_on_the_page(tmp_path):
    content = write_articles(tmp_path / "content", [("hello-world", "cy", "Helo", None)])
    (content / "comments").mkdir()
    entries = [{"id": "1", "author": SPOOFED_NAME, "author_url": CREDENTIALS_URL, "body": "<p>x</p>"},
               {"id": "2", "parent": "1", "author": "Reply", "body": "<p>y</p>"}]  # fmt: skip
    (content / "comments" / "hello-world.cy.json").write_text(json.dumps({"comments": entries}), encoding="utf-8")
    page = read_html(build_site(content, tmp_path / "output", COMMENTS_MAX_DEPTH=1) / "cy/hello-world/index.html")
    author = page.select_one("#comment-1 .comment-author")
    assert author.get_text(strip=True) == SHOWN_NAME
    assert author.find("a") is None and "evil.example" not in str(page)
    # The name is also shown in the reply's "in reply to" link.
    assert page.select_one("#comment-2 .comment-in-reply-to").get_text(" ", strip=True).endswith(SHOWN_NAME)
