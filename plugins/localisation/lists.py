"""Lists joined as each language joins them: CLDR's list patterns, by ICU.

The tags line and the "also in" line are compact lists of links, so they
take CLDR's narrow "and" list ("standard-narrow"): Welsh and Greek join
with commas only, Italian ends with "e", Arabic joins with "و". ICU is used
rather than Babel's format_list because Babel resolves a list style as a
whole, not part by part (python-babel/babel#1076): its "standard-narrow"
raises KeyError for Welsh and Greek, whose CLDR data gives only its last
parts; and the wide "standard" style writes Welsh "a(c)", CLDR's way of
leaving "a" or "ac" (and the mutation after it) to the reader.
"""

import icu
from markupsafe import Markup

# Stand-ins for the items while ICU joins them: private-use characters,
# which no CLDR pattern contains.
_FIRST_SLOT = 0xE000


def list_formatter(code):
    """ICU's narrow "and" list formatter for a BCP 47 language tag."""
    return icu.ListFormatter.createInstance(
        icu.Locale.forLanguageTag(code), icu.UListFormatterType.AND, icu.UListFormatterWidth.NARROW
    )


def join_markup(formatter, items):
    """The items joined by ``formatter`` as HTML: each item escaped unless it
    is already Markup, and the pattern's own text (locale data) escaped too."""
    items = list(items)
    slots = {chr(_FIRST_SLOT + number): item for number, item in enumerate(items)}
    joined = formatter.format(list(slots))
    return Markup("").join(slots[character] if character in slots else character for character in joined)
