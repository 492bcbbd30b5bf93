"""Installs the page-language gettext callables and Babel filters into
every generator's Jinja2 environment."""

from babel.dates import format_date
from babel.numbers import format_decimal
from jinja2 import pass_context

from .catalogs import CatalogError, load_catalogs
from .languages import LanguageSettingError, load_languages


class Localisation:
    """What every template needs to speak a language: the language table
    and one catalog per language. Built once per build and kept in the
    build's context, so a devserver rebuild rereads the catalogs."""

    def __init__(self, settings):
        self.languages = load_languages(settings["LANGUAGES"])
        self.catalogs = load_catalogs(settings["TRANSLATIONS_PATH"], self.languages)

    def catalog_for(self, context):
        return self.catalogs[context["page_lang"].code]

    @pass_context
    def gettext(self, context, message):
        return self.catalog_for(context).gettext(message)

    @pass_context
    def ngettext(self, context, singular, plural, n):
        return self.catalog_for(context).ngettext(singular, plural, n)

    @pass_context
    def every_plural_form(self, context, singular, plural):
        return self.catalog_for(context).every_plural_form(singular, plural)

    def gettext_in(self, code, message):
        """Translate into a named language, for pages that speak all of
        them (the root chooser and 404)."""
        return self.catalogs[code].gettext(message)

    @pass_context
    def format_date(self, context, value, format="long"):
        return format_date(value, format, locale=context["page_lang"].locale)

    @pass_context
    def format_number(self, context, value):
        return format_decimal(value, locale=context["page_lang"].locale)


def install_localisation(generator):
    localisation = generator.context.get("localisation")
    if localisation is None:
        try:
            localisation = Localisation(generator.settings)
        except (CatalogError, LanguageSettingError) as error:
            # Nothing can be rendered in a language without its catalog.
            raise SystemExit(f"ERROR: {error}") from None
        generator.context["localisation"] = localisation
        generator.context["languages"] = list(localisation.languages.values())
    env = generator.env
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(
        localisation.gettext, localisation.ngettext, newstyle=True
    )
    env.globals["gettext_in"] = localisation.gettext_in
    env.globals["every_plural_form"] = localisation.every_plural_form
    env.filters["format_date"] = localisation.format_date
    env.filters["format_number"] = localisation.format_number
