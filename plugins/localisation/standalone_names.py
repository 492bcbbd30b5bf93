"""Language names as a language writes them standing alone, in a menu or
as a label: CLDR's names with its contextTransforms capitalisation
(uiListOrMenu: "Italiano" in an Italian menu, "italiano" in a sentence),
read from ICU, because Babel has no contextTransforms.

ICU is asked in a short-lived process: the build needs a few dozen names
from it, and ICU's library, once loaded, would stay in the build's memory
and in every process forked from it (11.5 MiB of about 100).
"""

import multiprocessing


def standalone_names(codes):
    """{in_code: {code: name}}: each language's name as each of the
    languages writes it standing alone."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.apply(_names_from_icu, (list(codes),))


def _names_from_icu(codes):
    import icu  # only in this process: see the module's docstring

    table = {}
    for in_code in codes:
        names = icu.LocaleDisplayNames.createInstance(
            icu.Locale.forLanguageTag(in_code), [icu.UDisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU]
        )
        table[in_code] = {code: names.localeDisplayName(icu.Locale.forLanguageTag(code)) for code in codes}
    return table
