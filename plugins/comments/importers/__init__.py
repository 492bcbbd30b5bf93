"""Readers of comment exports; each turns one file (or folder) into SourceComments."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from ..model import SourceComment
from . import disqus, html, seed, wxr

READERS: dict[str, Callable[[Path], Iterator[SourceComment]]] = {
    "wxr": wxr.read_comments,
    "disqus": disqus.read_comments,
    "html": html.read_comments,
    "seed": seed.read_comments,
}
