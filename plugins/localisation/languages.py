"""The site's language table, built from the LANGUAGES setting and CLDR."""

from dataclasses import dataclass

import icu
from babel import Locale, UnknownLocaleError
from babel.core import get_global


class LanguageSettingError(ValueError):
    """LANGUAGES names a code Babel has no locale data for."""


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47 tag, used in URLs, lang= and hreflang=
    name: str  # the language's name in itself for running text, e.g. "italiano"
    menu_name: str  # the same name as a menu or list of languages shows it, e.g. "Italiano"
    dir: str  # "ltr" or "rtl"
    locale: Locale

    @property
    def territory_locale(self):
        """language_TERRITORY as Open Graph wants it (cy_GB), from CLDR's
        likely subtags."""
        likely = Locale.parse(get_global("likely_subtags").get(str(self.locale), str(self.locale)))
        return f"{likely.language}_{likely.territory}" if likely.territory else likely.language


def load_languages(codes, menu_names=None):
    """Return {code: Language} for the LANGUAGES setting, in its order.

    ``menu_names`` (the LANGUAGE_MENU_NAMES setting) overrides, per code, the
    name menus show; the default is CLDR's, as ICU capitalises it for a menu.
    """
    menu_names = menu_names or {}
    unknown = sorted(set(menu_names) - set(codes))
    if unknown:
        raise LanguageSettingError(
            f"pelicanconf.py: LANGUAGE_MENU_NAMES names {', '.join(map(repr, unknown))}, "
            "which LANGUAGES does not list; add the language to LANGUAGES or remove its menu name."
        )
    languages = {}
    for code in codes:
        try:
            locale = Locale.parse(code.replace("-", "_"))
        except (UnknownLocaleError, ValueError) as error:
            raise LanguageSettingError(
                f"pelicanconf.py: LANGUAGES lists {code!r}, which Babel has no "
                f"CLDR data for ({error}); use a language code such as 'cy'."
            ) from None
        languages[code] = Language(
            code=code,
            name=locale.get_display_name(locale),
            menu_name=menu_names.get(code) or menu_name(code),
            dir=locale.text_direction,
            locale=locale,
        )
    return languages


def menu_name(code):
    """The language's name in itself as CLDR's contextTransforms capitalise it
    in a menu or list of languages (uiListOrMenu), by ICU: Babel has no
    contextTransforms."""
    locale = icu.Locale.forLanguageTag(code)
    names = icu.LocaleDisplayNames.createInstance(
        locale, [icu.UDisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU]
    )
    return names.localeDisplayName(locale)
