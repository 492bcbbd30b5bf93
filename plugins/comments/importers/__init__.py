"""Readers of comment exports; each turns one file (or folder) into SourceComments.

A reader is called with the source and ``repaired``, which it calls with a
sentence naming the file for each defect of a real export it read past
(the import report lists them), instead of refusing the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from ..model import SourceComment
from . import disqus, html, seed, wxr

READERS: dict[str, Callable[[Path, Callable[[str], None]], Iterator[SourceComment]]] = {
    "wxr": wxr.read_comments,
    "disqus": disqus.read_comments,
    "html": html.read_comments,
    "seed": seed.read_comments,
}
