"""Helpers for the comments tests: a small content folder and the import command."""

import json
from html import escape
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"

ARTICLES = [
    # (key, lang, title, slug)
    ("hello-world", "cy", "Helo byd", None),
    ("hello-world", "it", "Ciao mondo", None),
    ("second-post", "cy", "Ail bost", "ail-bost"),
]


def write_articles(content: Path, articles=ARTICLES) -> Path:
    for key, lang, title, slug in articles:
        folder = content / "articles" / key
        folder.mkdir(parents=True, exist_ok=True)
        header = f"Title: {title}\nDate: 2024-01-01\nCategory: Prawf\n" + (f"Slug: {slug}\n" if slug else "")
        (folder / f"{key}.{lang}.md").write_text(header + "\nText.\n", encoding="utf-8")
    return content


def run_import(*arguments, content: Path, report: Path | None = None):
    """Run the real command line; returns (CompletedProcess, report dict or None)."""
    command = [sys.executable, "-m", "plugins.comments", "import", "--content", str(content), *map(str, arguments)]
    if report is not None:
        command += ["--report", str(report)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    data = json.loads(report.read_text(encoding="utf-8")) if report is not None and report.exists() else None
    return result, data


def stored(content: Path, key: str, lang: str) -> dict:
    """A comments file's comments by id."""
    path = content / "comments" / f"{key}.{lang}.json"
    return {c["id"]: c for c in json.loads(path.read_text(encoding="utf-8"))["comments"]}


def wxr_export(path: Path, posts) -> Path:
    """A WordPress export: ``posts`` are (post_name, [comment fields]) or
    (post_name, [comment fields], post_id) (else its place), each
    comment a dict of wp:comment_* fields without the prefix (id, parent,
    date_gmt, author, author_url, content, approved); absent ones are left out."""
    items = []
    for number, (slug, comments, *post_id) in enumerate(posts, start=1):
        fields = "".join(
            "<wp:comment>" + "".join(
                f"<wp:comment_{name}><![CDATA[{value}]]></wp:comment_{name}>" for name, value in comment.items()
            ) + "</wp:comment>"
            for comment in comments
        )
        items.append(f"<item><title>Post {number}</title><wp:post_id>{post_id[0] if post_id else number}</wp:post_id>"
                     f"<wp:post_name><![CDATA[{slug}]]></wp:post_name>{fields}</item>")
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                    'xmlns:wp="http://wordpress.org/export/1.2/"><channel>\n'
                    + "\n".join(items) + "\n</channel></rss>\n", encoding="utf-8")
    return path


def disqus_export(path: Path, threads: dict, posts) -> Path:
    """A Disqus export: ``threads`` {dsq:id: link}; ``posts`` dicts with id,
    thread (None: no <thread>), parent, date, name."""
    parts = [f'<thread dsq:id="{ident}"><id>{link}</id><link>{link}</link></thread>' for ident, link in threads.items()]
    for post in posts:
        thread = f'<thread dsq:id="{post["thread"]}"/>' if post.get("thread") is not None else ""
        parent = f'<parent dsq:id="{escape(post["parent"])}"/>' if post.get("parent") else ""
        parts.append(
            f'<post dsq:id="{escape(post["id"])}"><message><![CDATA[<p>{post.get("text", "x")}</p>]]></message>'
            f'<createdAt>{post.get("date", "2015-03-02T10:00:00Z")}</createdAt><isDeleted>false</isDeleted>'
            f'<isSpam>{str(post.get("spam", False)).lower()}</isSpam>'
            f'<author><name>{post.get("name", "Rhys")}</name></author>{thread}{parent}</post>'
        )
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" '
                    'xmlns:dsq="http://disqus.com/disqus-internals">\n' + "\n".join(parts) + "\n</disqus>\n",
                    encoding="utf-8")
    return path
