"""Streaming XML parsing that refuses entity tricks and reports where it broke.

defusedxml refuses entity declarations (billion laughs, quadratic blowup)
and external entities (XXE) before any expansion happens; exports from
WordPress and Disqus never declare entities, so nothing legitimate is lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from ..model import ImportFailure


def iterate(path: Path) -> Iterator[tuple[str, Element]]:
    """(event, element) pairs for start and end events, errors as ImportFailure."""
    try:
        yield from iterparse(str(path), events=("start", "end"))
    except ParseError as error:
        line, column = error.position
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
