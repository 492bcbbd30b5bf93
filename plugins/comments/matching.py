"""Which of our article variants a post of an export belongs to.

A MAP file (CSV: source,key,lang) wins; otherwise the post's slug must equal
an article's key or slug (in the --lang language when given). Posts from the
seed captures, which have no slug, match the article whose Title equals the
capture's first line. Articles are read as the build reads them (Pelican's
readers, through the variants plugin: key, language, slug and title), with
no site build needed.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from plugins.errors.exceptions import author_path
from plugins.variants.sources import read_sources

from .model import ImportFailure, SourcePost, Variant

_INDEX_FILE = re.compile(r"/index\.(?:html?|php)$")
_ID_QUERY = ("p", "page_id", "post", "attachment_id")


@dataclass(frozen=True)
class Article:
    variant: Variant
    title: str
    slug: str
    path: str  # its source file, for messages


def read_articles(settings: dict) -> list[Article]:
    """Every article variant of the site whose settings are given."""
    return [
        Article(Variant(source.key, source.lang), source.title, source.slug,
                author_path(source.path, settings))
        for source in read_sources(settings)
        if source.kind == "article"
    ]


def reference_keys(reference: str) -> list[str]:
    """Normalised forms of one name of a post, most specific first.

    URLs lose their scheme, "www.", a trailing index.html and slash, and
    their query string; "?p=4" style queries name the post's id instead.
    """
    reference = reference.strip()
    if not reference:
        return []
    if reference.isdigit():
        return [f"id:{reference}"]
    if reference.startswith("?") or "://" in reference or reference.startswith(("//", "www.")):
        if "://" not in reference and not reference.startswith("?"):
            reference = "//" + reference.lstrip("/")
        parts = urlsplit(reference)
        host = parts.netloc.lower().removeprefix("www.")
        path = _clean_path(parts.path)
        query = parse_qs(parts.query)
        ids = [f"id:{query[name][0]}" for name in _ID_QUERY if query.get(name, [""])[0].isdigit()]
        if ids:
            return ids
        keys = [f"{host}/{path}" if path else host] if host else []
        if path:
            keys += [path, path.rsplit("/", 1)[-1]]
        return keys
    path = _clean_path(reference.split("?", 1)[0])
    if "/" in path:
        return [path, path.rsplit("/", 1)[-1]]
    return [path] if path else []


def _clean_path(path: str) -> str:
    path = _INDEX_FILE.sub("", "/" + unquote(path).strip("/"))
    return path.strip("/").lower()


def read_map(path: Path, articles: list[Article]) -> dict[str, Variant]:
    """MAP file rows as {normalised source: variant}; mistakes name the line."""
    known = {article.variant for article in articles}
    mapping: dict[str, Variant] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            reader = csv.DictReader(stream)
            if not reader.fieldnames or {"source", "key", "lang"} - set(reader.fieldnames):
                raise ImportFailure(f"{path}:1: the map needs the header line source,key,lang")
            for row in reader:
                line = reader.line_num
                source, key, lang = (row.get(name) or "" for name in ("source", "key", "lang"))
                variant = Variant(key.strip(), lang.strip())
                if variant not in known:
                    raise ImportFailure(
                        f"{path}:{line}: no article content/articles/{variant.key}/"
                        f"{variant.key}.{variant.lang}.md; fix the key or lang"
                    )
                keys = reference_keys(source)
                if not keys:
                    raise ImportFailure(f"{path}:{line}: the source column is empty")
                mapping[keys[0]] = variant
    except FileNotFoundError:
        raise ImportFailure(f"{path}: map file not found") from None
    except UnicodeDecodeError:
        raise ImportFailure(f"{path}: the map is not UTF-8; re-save it as UTF-8") from None
    return mapping


class Matcher:
    """Matches posts to variants; remembers nothing between imports."""

    def __init__(self, articles: list[Article], mapping: dict[str, Variant], lang: str | None):
        self.mapping = mapping
        candidates = [a for a in articles if lang is None or a.variant.lang == lang]
        self.by_name: dict[str, set[Variant]] = {}
        self.by_title: dict[str, set[Variant]] = {}
        for article in candidates:
            for name in {article.variant.key.lower(), article.slug.lower()}:
                self.by_name.setdefault(name, set()).add(article.variant)
            self.by_title.setdefault(article.title, set()).add(article.variant)

    def match(self, post: SourcePost | None) -> tuple[Variant | None, str | None]:
        """(variant, None) when matched, else (None, the reason to report)."""
        if post is None:
            return None, "no matching article"
        names = [key for reference in post.references for key in reference_keys(reference)]
        for name in names:
            if name in self.mapping:
                return self.mapping[name], None
        if post.match_by_title:
            found = self.by_title.get(post.title or "", set())
        else:
            slugs = [post.slug.lower()] if post.slug else [n for n in names if "/" not in n and ":" not in n]
            found = next((self.by_name[s] for s in slugs if s in self.by_name), set())
        if len(found) == 1:
            return next(iter(found)), None
        if len(found) > 1:
            return None, "ambiguous article (use --lang or --map)"
        return None, "no matching article"
