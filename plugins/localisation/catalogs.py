"""Gettext catalogs: read from translations/<lang>/LC_MESSAGES/messages.po
and compiled in memory, so translators never run a compiler and no .mo
file is committed."""

import logging
import re
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import Translations

from plugins.errors.exceptions import ContentError

from .plural_forms import plural_categories

logger = logging.getLogger(__name__)


class CatalogError(ContentError):
    """A catalog is missing or cannot be read."""


class PageCatalog:
    """One language's translations, warning once for each string it lacks."""

    def __init__(self, language, catalog):
        self.language = language
        self._catalog = catalog
        mo = BytesIO()
        write_mo(mo, catalog)
        mo.seek(0)
        self._translations = Translations(mo)
        self._checked = set()

    def _check(self, msgid):
        """Warn once if msgid lacks a translation; a page asks for the same
        few strings thousands of times."""
        if msgid in self._checked:
            return
        self._checked.add(msgid)
        message = self._catalog.get(msgid)
        if message is None or message.fuzzy or not is_translated(message.string):
            logger.warning(
                "translations/%s: no translation of %r; the page shows the "
                "English text. Add it to the catalog (make translations).",
                self.language.code,
                msgid,
            )

    def gettext(self, message):
        self._check(message)
        return self._translations.gettext(message)

    def ngettext(self, singular, plural, n):
        self._check(singular)
        return self._translations.ngettext(singular, plural, n)

    def every_plural_form(self, singular, plural):
        """Each form of a plural message by its CLDR category, e.g. for
        Welsh {"zero": ..., "one": ..., ..., "other": ...}: for a script
        that counts in the browser and chooses with Intl.PluralRules,
        which follows the same CLDR rules."""
        self._check(singular)
        categories = plural_categories(self.language.code)
        message = self._catalog.get(singular)
        if message is None or message.fuzzy or not is_translated(message.string):
            # English, as gettext falls back.
            return {category: singular if category == "one" else plural for category in categories}
        return dict(zip(categories, message.string))


def is_translated(string):
    """Every form of the message has a translation."""
    if isinstance(string, (tuple, list)):
        return all(string)
    return bool(string)


# Every line of a PO file is blank, a comment, a keyword with a quoted
# string, or a quoted continuation. Babel's reader tolerates some lines
# msgfmt rejects (an unterminated string loses its last character), so the
# build checks the syntax itself rather than publish a damaged string.
PO_LINE = re.compile(
    r'^\s*(?:#.*|(?:msgctxt|msgid(?:_plural)?|msgstr(?:\[\d+\])?)\s+)?'
    r'"(?:[^"\\]|\\.)*"\s*$'
)


def check_po_syntax(path, text):
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#") and not PO_LINE.match(line):
            raise CatalogError(
                f"{path}:{number}: cannot read this catalog: {line.strip()!r} "
                "is not a PO line. "
                "Each line is a comment, a keyword (msgid, msgstr, ...) with a "
                'string in double quotes, or a "continued string".'
            )


def catalog_path(translations_dir, code):
    return Path(translations_dir) / code / "LC_MESSAGES" / "messages.po"


def load_catalogs(translations_dir, languages):
    """Return {code: PageCatalog} for every site language."""
    catalogs = {}
    for code, language in languages.items():
        path = catalog_path(translations_dir, code)
        if not path.is_file():
            raise CatalogError(
                f"{path}: missing catalog for {language.name} ({code}). "
                "Run `make translations` to create it, then translate it."
            )
        try:
            check_po_syntax(path, path.read_text(encoding="utf-8"))
            with path.open("rb") as po:
                catalog = read_po(po, locale=language.locale, abort_invalid=True)
        except (PoFileError, UnicodeDecodeError, ValueError) as error:
            raise CatalogError(
                f"{path}: cannot read this catalog: {error}. Fix the line it "
                "names (msgfmt --check shows the same problem)."
            ) from None
        catalogs[code] = PageCatalog(language, catalog)
    return catalogs
