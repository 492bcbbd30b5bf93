"""Streaming XML parsing that refuses entity tricks and reports where it broke.

defusedxml refuses entity declarations (billion laughs, quadratic blowup)
and external entities (XXE) before any expansion happens; exports from
WordPress and Disqus never declare entities, so nothing legitimate is lost.

One defect of real exports is read past: whitespace ahead of the XML
declaration, which XML forbids but WordPress exports often carry (a theme or
plugin prints blank lines before the export), sometimes after a UTF-8
byte-order mark. Only whitespace directly followed by the declaration is
skipped, and the caller is told; anything else before it, or wrong anywhere
else, is still refused with its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from ..model import ImportFailure

_XML_WHITESPACE = b" \t\r\n"
_UTF8_BOM = b"\xef\xbb\xbf"
_DECLARATION = re.compile(rb"<\?xml[ \t\r\n]")
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")  # as expat counts lines


def iterate(path: Path, repaired: Callable[[str], None]) -> Iterator[tuple[str, Element]]:
    """(event, element) pairs for start and end events, errors as ImportFailure.

    ``repaired`` is called with a sentence naming the file when whitespace
    before the XML declaration was skipped.
    """
    skipped = b""
    try:
        with path.open("rb") as source:
            skipped = _whitespace_before_declaration(source)
            if skipped:
                line, _ = _position_in_file((1, 0), skipped)
                what = ("a byte-order mark (U+FEFF) and the whitespace after it"
                        if skipped.startswith(_UTF8_BOM) else "the whitespace")  # fmt: skip
                repaired(
                    f"{path}: skipped {what} before the XML declaration on line {line}, "
                    "which the exporting site printed ahead of the export"
                )
            yield from iterparse(source, events=("start", "end"))
    except ParseError as error:
        line, column = _position_in_file(error.position, skipped)
        raise ImportFailure(
            f"{path}:{line}:{column + 1}: not well-formed XML ({_reason(error)}); "
            "repair the file or export it again"
        ) from None
    except DefusedXmlException as error:
        raise ImportFailure(
            f"{path}: refused: the file declares XML entities ({error}); exports never need "
            "them and they are used for entity-expansion and external-entity attacks"
        ) from None
    except FileNotFoundError:
        raise ImportFailure(f"{path}: file not found") from None
    except OSError as error:
        raise ImportFailure(f"{path}: cannot be read ({error.strerror})") from None


def _whitespace_before_declaration(source: BinaryIO) -> bytes:
    """The whitespace ahead of an XML declaration (with a UTF-8 byte-order
    mark before it, if any), ``source`` left just past it; b"" and
    ``source`` rewound when the file does not start that way."""
    start = source.read(len(_UTF8_BOM))
    if start != _UTF8_BOM:
        source.seek(0)
        start = b""
    while not start.removeprefix(_UTF8_BOM).lstrip(_XML_WHITESPACE) and (chunk := source.read(4096)):
        start += chunk
    start += source.read(6)  # room for "<?xml " should the whitespace end a chunk
    rest = start.removeprefix(_UTF8_BOM).lstrip(_XML_WHITESPACE)
    skipped = start[: len(start) - len(rest)]
    # A mark right before the declaration is for the parser to read.
    if skipped in (b"", _UTF8_BOM) or not _DECLARATION.match(rest):
        source.seek(0)
        return b""
    source.seek(len(skipped))
    return skipped


def _position_in_file(position: tuple[int, int], skipped: bytes) -> tuple[int, int]:
    """The parser's (line, column) in the file, counting the skipped whitespace."""
    line, column = position
    if line == 1:
        column += len(_LINE_BREAK.split(skipped)[-1])
    return line + len(_LINE_BREAK.findall(skipped)), column


def _reason(error: ParseError) -> str:
    return str(error).split(":", 1)[0]


def split_tag(tag: str) -> tuple[str, str]:
    """("namespace", "local name") of an ElementTree tag."""
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


def text_of(element: Element | None) -> str:
    return (element.text or "") if element is not None else ""
