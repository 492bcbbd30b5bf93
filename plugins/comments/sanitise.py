"""Make comment bodies, author names and author links safe to publish.

Comment bodies come from strangers, so everything goes through nh3 (the
Python binding of the maintained Rust sanitiser ammonia) with an allow-list:
formatting survives, anything that can run code or restyle the page does not.
Bodies are sanitised when imported and again when rendered, because the
stored files can be edited by hand.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import urlsplit

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd",
    "del", "dl", "dt", "em", "hr", "i", "ins", "kbd", "li", "ol", "p", "pre",
    "q", "s", "samp", "small", "strike", "strong", "sub", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
LINK_SCHEMES = {"http", "https", "mailto"}
# Elements whose content is dropped with them, not kept as text.
DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "noscript", "template", "textarea", "title",
    "object", "embed", "svg", "math", "select",
}  # fmt: skip
# Links written by commenters are not endorsed by the site (Google's "ugc"),
# and must not get a handle on the page that opened them.
LINK_REL = "nofollow ugc noopener"

_BLOCK_START = re.compile(
    r"^\s*<(?:p|div|ul|ol|li|dl|table|thead|tbody|tr|blockquote|pre|h[1-6]|hr)\b",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Unicode categories of characters that are not seen but change what is:
# format (bidirectional controls, zero-width characters) and control.
_INVISIBLE = {"Cf", "Cc"}


def sanitise_html(fragment: str) -> str:
    """Return ``fragment`` with only the allowed tags, attributes and links."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        clean_content_tags=DROPPED_WITH_CONTENT,
        url_schemes=LINK_SCHEMES,
        link_rel=LINK_REL,
    ).strip()


def wordpress_text_to_html(content: str) -> str:
    """Turn WordPress comment text into safe HTML paragraphs.

    WordPress stores comments as text with a little inline HTML and adds the
    paragraphs when it displays them (wpautop): blank lines separate
    paragraphs and single newlines are line breaks. Chunks that already start
    with a block element are kept as written.
    """
    paragraphs = []
    for chunk in _PARAGRAPH_BREAK.split(content.replace("\r\n", "\n").strip()):
        if not chunk.strip():
            continue
        if _BLOCK_START.match(chunk):
            paragraphs.append(chunk)
        else:
            paragraphs.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    return sanitise_html("\n".join(paragraphs))


def plain_text_to_html(text: str) -> str:
    """Turn plain text (no markup at all) into HTML paragraphs."""
    return wordpress_text_to_html(html.escape(text, quote=False))


def clean_author(name: str | None) -> str | None:
    """Return the author's name as plain text, or None when there is none.

    Exports escape names as HTML (``Anon &amp; Co``), so entities are decoded
    exactly once; any tags are removed, the text of scripts with them.
    """
    if not name:
        return None
    return neutral_name(html.unescape(nh3.clean(name, tags=set(), clean_content_tags=DROPPED_WITH_CONTENT)))


def neutral_name(name: str | None) -> str | None:
    """A name as plain text that cannot spoof: no invisible formatting
    characters (direction overrides and isolates, zero-width spaces and
    joiners, all of Unicode's category Cf) and no control characters; runs
    of whitespace made one space. Applied on import and again on render,
    since comments files can be edited by hand."""
    if not name:
        return None
    text = "".join(c for c in name if unicodedata.category(c) not in _INVISIBLE or c.isspace())
    return " ".join(text.split()) or None


def clean_author_url(url: str | None) -> str | None:
    """Return the author's web address if it is an http(s) URL without
    credentials (user:password@ lends a link a name it does not go to), else None."""
    if not url:
        return None
    url = html.unescape(url).strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc or "@" in parts.netloc:
        return None
    if any(character.isspace() or character in "\"'<>`" for character in url):
        return None
    return url
