"""What the search tests expect, read from the content as its author wrote
it (the Markdown files), never from the build: each published article
variant's language, address, title, summary, category, tags and words."""

import re
from dataclasses import dataclass
from pathlib import Path

from pelican.settings import get_settings_from_file

from sitebuild import CONTENT, ROOT

WORD = re.compile(r"\w+")


@dataclass
class ArticleSource:
    lang: str
    url: str  # from the root, as Pagefind records it: /cy/is-it-engagement/
    title: str
    summary: str
    category: str
    tags: list
    text: str  # the whole file: metadata and Markdown

    @property
    def words(self):
        return words_of(self.text)


def settings():
    return get_settings_from_file(str(ROOT / "pelicanconf.py"))


def words_of(text):
    return {word.casefold() for word in WORD.findall(text)}


def article_sources(content=CONTENT):
    """Every published article variant under content/articles/."""
    article_url = settings()["ARTICLE_URL"]
    found = []
    for path in sorted(Path(content).glob("articles/*/*.*.md")):
        text = path.read_text(encoding="utf-8")
        header = dict(
            line.split(":", 1) for line in text.split("\n\n", 1)[0].splitlines() if ":" in line
        )
        header = {name.strip().lower(): value.strip() for name, value in header.items()}
        if header.get("status", "published").lower() != "published":
            continue
        lang = path.name.split(".")[-2]
        slug = header.get("slug", path.name.split(".")[0])
        found.append(ArticleSource(
            lang=lang,
            url="/" + article_url.format(lang=lang, slug=slug),
            title=header["title"],
            summary=header.get("summary", ""),
            category=header.get("category", ""),
            tags=[tag.strip() for tag in header.get("tags", "").split(",") if tag.strip()],
            text=text,
        ))
    return found
