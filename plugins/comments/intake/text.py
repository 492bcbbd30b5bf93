"""What a reader may write, checked, and turned into the stored comment.

The text is plain text: no markup is read (a "<b>" stays those three
characters). A blank line starts a new paragraph, a single line break is
kept, and web addresses (http:// or https://) become links, at most
COMMENTS_MAX_LINKS of them. The name is required, the website optional
(an http or https address). Sizes are counted in characters, after the
line ends are made \\n. What is stored in content/comments/ is made by
sanitise.py, as for an imported comment.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..sanitise import clean_author, clean_author_url, wordpress_text_to_html
from .settings import Limits

# A web address in running text; punctuation that ends a sentence is not
# part of it ("see https://example.org." links to https://example.org).
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
TRAILING_PUNCTUATION = ".,;:!?)»”’'\"،؛؟"


@dataclass
class Written:
    """The fields of a posted form, as the reader wrote them."""

    name: str = ""
    website: str = ""
    text: str = ""

    @classmethod
    def from_form(cls, form) -> Written:
        def field(name: str) -> str:
            text = form.get(name, "").replace("\r\n", "\n").replace("\r", "\n")
            # Control characters (NUL, escapes, bells) have no place in a
            # comment; line breaks and tabs stay.
            return CONTROL_CHARACTERS.sub("", text)

        return cls(field("name").strip(), field("website").strip(), field("text").strip())


def web_addresses(text: str) -> list[str]:
    return [match.group(0).rstrip(TRAILING_PUNCTUATION) for match in WEB_ADDRESS.finditer(text)]


def problems(written: Written, limits: Limits) -> dict[str, str]:
    """{field: what is wrong}, each a code the form's template words."""
    found = {}
    if not stored_author(written.name) or len(written.name) > limits.name_characters:
        found["name"] = "name"
    if written.website and (len(written.website) > limits.website_characters
                            or clean_author_url(written.website) != written.website):
        found["website"] = "website"
    if not written.text or len(written.text) > limits.characters:
        found["text"] = "text"
    elif len(web_addresses(written.text)) > limits.links:
        found["text"] = "links"
    return found


def text_to_html(text: str) -> str:
    """The comment's body as stored: escaped text, addresses linked,
    paragraphs and line breaks as WordPress makes them, then sanitised."""
    pieces, position = [], 0
    for match in WEB_ADDRESS.finditer(text):
        address = match.group(0).rstrip(TRAILING_PUNCTUATION)
        pieces.append(html.escape(text[position:match.start()], quote=False))
        pieces.append(f'<a href="{html.escape(address)}">{html.escape(address, quote=False)}</a>')
        position = match.start() + len(address)
    pieces.append(html.escape(text[position:], quote=False))
    return wordpress_text_to_html("".join(pieces))


def stored_author(name: str) -> str | None:
    # clean_author reads exports' HTML-escaped names: escape the plain name
    # first so that "Tom & Jerry <3" is kept as written.
    return clean_author(html.escape(name, quote=False))
