"""Lists joined as each language joins them: CLDR's list patterns, from
Babel's data.

The tags line and the "also in" line are compact lists of links, so they
take CLDR's narrow "and" list ("standard-narrow"): Welsh and Greek join
with commas only, Italian ends with "e", Arabic joins with "و". Babel's
format_list is not used because it resolves a list style as a whole, not
part by part (python-babel/babel#1076): its "standard-narrow" raises
KeyError for Welsh and Greek, whose CLDR data gives only its last parts,
and the wide "standard" style writes Welsh "a(c)", CLDR's way of leaving
"a" or "ac" (and the mutation after it) to the reader. CLDR's root fills a
style's missing parts from the next wider style; ListJoiner does that part
by part, as ICU does (tests/localisation/test_lists.py checks it against
ICU). ICU's two rules that look at the items themselves (Spanish "y"
becoming "e" before an "i" sound, Hebrew "ו-" before a word in another
script) are not applied: none of the site's languages has such a rule.
"""

from markupsafe import Markup, escape

# CLDR root.xml's listPattern aliases: a part standard-narrow lacks comes
# from standard-short, and one standard-short lacks from standard.
WIDER_STYLES = ("standard-narrow", "standard-short", "standard")
PARTS = ("2", "start", "middle", "end")


class ListJoiner:
    """Joins items as HTML with a locale's "and" list of ``style``: each
    item escaped unless it is already Markup, and the pattern's own text
    (locale data) escaped too."""

    def __init__(self, locale, style="standard-narrow"):
        styles = WIDER_STYLES[WIDER_STYLES.index(style):]
        patterns = locale.list_patterns
        self.patterns = {
            part: str(escape(next(patterns[name][part] for name in styles if part in patterns.get(name, {}))))
            for part in PARTS
        }

    def join(self, items):
        # Everything is escaped already, so str.format (quick) gives what
        # Markup.format (which escapes each argument again) would.
        items = [str(escape(item)) for item in items]
        if len(items) < 2:
            return Markup(items[0] if items else "")
        if len(items) == 2:
            return Markup(self.patterns["2"].format(*items))
        joined = self.patterns["start"].format(items[0], items[1])
        for item in items[2:-1]:
            joined = self.patterns["middle"].format(joined, item)
        return Markup(self.patterns["end"].format(joined, items[-1]))
