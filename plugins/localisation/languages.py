"""The site's language table, built from the LANGUAGES setting and CLDR."""

from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.core import get_global


class LanguageSettingError(ValueError):
    """LANGUAGES names a code Babel has no locale data for."""


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47 tag, used in URLs, lang= and hreflang=
    name: str  # the language's name in itself, e.g. "Cymraeg"
    dir: str  # "ltr" or "rtl"
    locale: Locale

    @property
    def territory_locale(self):
        """language_TERRITORY as Open Graph wants it (cy_GB), from CLDR's
        likely subtags."""
        likely = Locale.parse(get_global("likely_subtags").get(str(self.locale), str(self.locale)))
        return f"{likely.language}_{likely.territory}" if likely.territory else likely.language


def load_languages(codes):
    """Return {code: Language} for the LANGUAGES setting, in its order."""
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
            dir=locale.text_direction,
            locale=locale,
        )
    return languages
