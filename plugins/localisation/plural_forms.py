"""The gettext Plural-Forms header of a language, derived from CLDR.

CLDR (through Babel) says which plural categories a language has and when
each applies. gettext's plural expression is C over one operand, the
integer n, and chooses msgstr[index]; the index of a category is its place
in CLDR's order (zero, one, two, few, many, other), counting only the
categories the language uses. So in every catalog msgstr[0], msgstr[1], ...
follow that order: for Welsh zero, one, two, few, many, other.

CLDR rules also read operands of a number *as written*: v, w, f, t (its
visible fraction digits) and c/e (a compact exponent, as in "1,2 Mio").
gettext has none of them. A count on a page is a plain integer, for which
all of those are 0 and i equals n, so each rule is first specialised to
plain integers: relations on those operands become true or false, and a
category whose condition is false for every integer is dropped (gettext
could never choose it). Babel then compiles what remains.

Italian is the case in point. CLDR's "many" for `it` is
`e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5`; for a plain
integer it is `n != 0 and n % 1000000 = 0`. That category is kept: Italian
says "1.000.000 di commenti" (with "di") but "1.000 commenti", so it has
three forms, one / many / other, and gettext can tell all three apart.
Babel's own to_gettext() would leave `e` in the expression, which msgfmt
rejects.

Nothing here is typed in by hand: the rules are Babel's CLDR data.
"""

from babel import Locale
from babel.plural import PluralRule, to_gettext

# UTS #35 plural operands of a number written as a plain integer.
_FIXED_FOR_INTEGERS = {"v": 0, "w": 0, "f": 0, "t": 0, "c": 0, "e": 0}
# The integer digits of a plain integer are the number itself.
_SAME_AS_N = {"n", "i"}


class PluralRuleError(ValueError):
    """A CLDR rule cannot be written as a gettext plural expression."""


def plural_forms(code):
    """The Plural-Forms header value for a language code, e.g. for "el"
    'nplurals=2; plural=(((n == 1)) ? 0 : 1);'."""
    return to_gettext(integer_plural_rule(code))


def plural_categories(code):
    """The categories gettext distinguishes for a language, in msgstr
    order, e.g. ["one", "many", "other"] for "it"."""
    used = integer_plural_rule(code).tags | {"other"}
    return [tag for tag in ("zero", "one", "two", "few", "many", "other") if tag in used]


def integer_plural_rule(code):
    """The language's CLDR plural rule, restricted to plain integers."""
    rule = Locale.parse(code.replace("-", "_")).plural_form
    kept = []
    for tag, condition in rule.abstract:
        condition = _for_integers(condition)
        if condition is False:
            continue  # never true for an integer: gettext cannot choose it
        if condition is True:
            raise PluralRuleError(
                f"{code}: CLDR category {tag!r} holds for every integer, "
                "which leaves no integer for the others"
            )
        kept.append((tag, condition))
    # Build the rule from CLDR syntax again, so Babel parses (and checks)
    # exactly what it compiles.
    specialised = PluralRule({})
    specialised.abstract = kept
    return PluralRule(specialised.rules)


def _for_integers(node):
    """A condition of Babel's rule tree with the integer operands filled in:
    True, False, or a smaller tree over n alone."""
    op, args = node
    if op in ("and", "or"):
        left, right = (_for_integers(arg) for arg in args)
        absorbing = op == "or"  # True absorbs an `or`, False an `and`
        if left is absorbing or right is absorbing:
            return absorbing
        if left is (not absorbing):
            return right
        if right is (not absorbing):
            return left
        return op, (left, right)
    if op == "not":
        inner = _for_integers(args[0])
        return (not inner) if isinstance(inner, bool) else ("not", (inner,))
    if op == "relation":
        method, expr, range_list = args
        expr = _expression(expr)
        if isinstance(expr, int):
            return any(
                low[1][0] <= expr <= high[1][0] for low, high in range_list[1]
            )
        return "relation", (method, expr, range_list)
    if op in ("is", "isnot"):
        expr, value = args
        expr = _expression(expr)
        if isinstance(expr, int):
            return (expr == value[1][0]) == (op == "is")
        return op, (expr, value)
    raise PluralRuleError(f"unexpected node {op!r} in a CLDR plural rule")


def _expression(node):
    """An operand or `operand mod k`, as an int when it is fixed for plain
    integers, else as a tree over n."""
    op, args = node
    if op == "mod":
        inner, divisor = args
        inner = _expression(inner)
        if isinstance(inner, int):
            return inner % divisor[1][0]
        return "mod", (inner, divisor)
    if op in _FIXED_FOR_INTEGERS:
        return _FIXED_FOR_INTEGERS[op]
    if op in _SAME_AS_N:
        return "n", ()
    raise PluralRuleError(f"unknown plural operand {op!r}")
