"""A WordPress export (WXR 1.2) with many comments on the corpus's posts,
for timing `python -m plugins.comments import --format wxr`."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Bench blog</title>
  <wp:wxr_version>1.2</wp:wxr_version>
"""
FOOTER = "</channel>\n</rss>\n"
WORDS = ("engagement marketing metric social media comment reply thanks agree "
         "disagree point article read brand customer value data time "
         "diolch grazie شكرا ευχαριστώ").split()


def generate(path: Path, keys: list[str], comments: int, seed: int = 2024) -> int:
    """Write `comments` approved comments spread over the posts `keys`
    (WordPress slugs equal to the corpus's keys), threaded up to depth 4.
    Returns the file's size in bytes."""
    rng = random.Random(seed)
    per_post, extra = divmod(comments, len(keys))
    start = datetime(2012, 1, 1)
    next_id = 1
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for number, key in enumerate(keys):
            out.write(
                f"  <item>\n    <title>Post {number}</title>\n"
                f"    <link>https://old.example/{key}/</link>\n"
                f"    <wp:post_id>{number + 1}</wp:post_id>\n"
                f"    <wp:post_name><![CDATA[{key}]]></wp:post_name>\n"
                "    <wp:post_type>post</wp:post_type>\n    <wp:status>publish</wp:status>\n"
            )
            depth = {}
            ids = []
            for _ in range(per_post + (1 if number < extra else 0)):
                comment_id = next_id
                next_id += 1
                open_parents = [i for i in ids[-20:] if depth[i] < 4]
                parent = rng.choice(open_parents) if open_parents and rng.random() < 0.6 else 0
                depth[comment_id] = depth[parent] + 1 if parent else 1
                ids.append(comment_id)
                date = start + timedelta(minutes=comment_id)
                body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 60)))
                out.write(
                    "    <wp:comment>\n"
                    f"      <wp:comment_id>{comment_id}</wp:comment_id>\n"
                    f"      <wp:comment_author><![CDATA[Reader {comment_id % 997}]]></wp:comment_author>\n"
                    f"      <wp:comment_author_url>https://reader{comment_id % 97}.example/</wp:comment_author_url>\n"
                    f"      <wp:comment_date_gmt>{date:%Y-%m-%d %H:%M:%S}</wp:comment_date_gmt>\n"
                    f"      <wp:comment_content><![CDATA[{escape(body)}\n\n{escape(body[:40])}]]></wp:comment_content>\n"
                    "      <wp:comment_approved>1</wp:comment_approved>\n"
                    "      <wp:comment_type>comment</wp:comment_type>\n"
                    f"      <wp:comment_parent>{parent}</wp:comment_parent>\n"
                    "    </wp:comment>\n"
                )
            out.write("  </item>\n")
        out.write(FOOTER)
    return path.stat().st_size
