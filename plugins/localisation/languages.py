"""The site's language table, built from the LANGUAGES setting and CLDR."""

from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from plugins.errors.exceptions import ContentError

from .standalone_names import standalone_names


class LanguageSettingError(ContentError):
    """LANGUAGES names a code Babel has no locale data for, or a fallback
    that is not one of the site's languages."""


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47 tag, used in URLs, lang= and hreflang=
    name: str  # the language's name in itself for running text, e.g. "italiano"
    menu_name: str  # the same name as a menu or list of languages shows it, e.g. "Italiano"
    dir: str  # "ltr" or "rtl"
    locale: Locale
    fallbacks: tuple  # codes of the languages offered when this one lacks a page
    territory_locale: str  # language_TERRITORY as Open Graph wants it, e.g. "cy_GB"
    # {code: the site's languages' names as this one writes them in running
    # text, e.g. in a label in parentheses}: "gallese" in Italian.
    labels: dict = field(compare=False)
    # The same names as a menu or the start of a line shows them: "Gallese".
    menu_labels: dict = field(compare=False)


def load_languages(table):
    """Return {code: Language} for the LANGUAGES setting, in its order; a
    language's "menu_name" overrides the name menus show (by default CLDR's, as
    ICU capitalises it for a menu)."""
    locales = {code: _locale(code) for code in table}
    names = standalone_names(list(locales))
    return {
        code: Language(
            code=code,
            name=locale.get_display_name(locale),
            menu_name=(table[code] or {}).get("menu_name") or names["menu"][code][code],
            dir=locale.text_direction,
            locale=locale,
            fallbacks=_fallbacks(code, table[code] or {}, list(locales)),
            territory_locale=_territory_locale(locale),
            labels=_names_in_text(names["text"][code], table[code] or {}),
            menu_labels=names["menu"][code],
        )
        for code, locale in locales.items()
    }


def _names_in_text(names, entry):
    """CLDR's names for the middle of a sentence, lower-cased where the
    language writes them so and CLDR does not ("lowercase_language_names":
    Greek writes "τα ιταλικά", CLDR has "Ιταλικά")."""
    if entry.get("lowercase_language_names"):
        return {code: name.lower() for code, name in names.items()}
    return names


def _locale(code):
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as error:
        raise LanguageSettingError(
            f"pelicanconf.py: LANGUAGES lists {code!r}, which Babel has no "
            f"CLDR data for ({error}); use a language code such as 'cy'."
        ) from None


def _territory_locale(locale):
    """From CLDR's likely subtags: cy -> cy_GB, ar -> ar_EG."""
    likely = Locale.parse(get_global("likely_subtags").get(str(locale), str(locale)))
    return f"{likely.language}_{likely.territory}" if likely.territory else likely.language


def _fallbacks(code, entry, codes):
    chain = entry.get("fallbacks")
    if chain is None:
        return tuple(other for other in codes if other != code)
    wrong = [other for other in chain if other not in codes or other == code]
    if wrong:
        raise LanguageSettingError(
            f"pelicanconf.py: LANGUAGES[{code!r}] falls back to {', '.join(map(repr, wrong))}, "
            f"which {'is' if len(wrong) == 1 else 'are'} not another of the site's "
            f"languages ({', '.join(codes)}); list only those."
        )
    # Languages left out of the chain still come last, in the site's order:
    # a reader is offered every part in some language.
    return tuple(chain) + tuple(other for other in codes if other != code and other not in chain)
