"""The articles the intake takes comments for: the site's article variants,
read as the comments import reads them (metadata only), with the address
of each one's page for the way back."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from ..matching import read_articles
from ..model import Variant

# An article published after the intake started is found by reading the
# sources again, at most this often (a made-up key cannot make it reread
# the whole site at every post).
REREAD_SECONDS = 30


@dataclass(frozen=True)
class KnownArticle:
    variant: Variant
    title: str
    url: str  # absolute: SITEURL and ARTICLE_URL


class Articles:
    def __init__(self, settings: dict):
        self.settings = settings
        self._lock = threading.Lock()
        self._read()

    def _read(self) -> None:
        site = self.settings["SITEURL"].rstrip("/")
        self._known = {
            article.variant: KnownArticle(
                article.variant, article.title,
                f"{site}/{self.settings['ARTICLE_URL'].format(lang=article.variant.lang, slug=article.slug)}",
            )
            for article in read_articles(self.settings)
        }
        self._read_at = time.monotonic()

    def find(self, key: str, lang: str) -> KnownArticle | None:
        variant = Variant(key, lang)
        with self._lock:
            if variant not in self._known and time.monotonic() - self._read_at > REREAD_SECONDS:
                self._read()
            return self._known.get(variant)
