"""Installs the page-language gettext callables and Babel filters into
every generator's Jinja2 environment."""

from datetime import datetime

from babel.support import Format
from jinja2 import pass_context
from markupsafe import Markup

from plugins.errors.exceptions import require_plugins

from .catalogs import load_catalogs
from .languages import load_languages
from .lists import ListJoiner


class Localisation:
    """What every template needs to speak a language: the language table,
    one catalog per language and Babel's formatting bound to each locale.
    Built once per build and kept in the build's context, so a devserver
    rebuild rereads the catalogs."""

    def __init__(self, settings):
        self.languages = load_languages(settings["LANGUAGES"])
        self.catalogs = load_catalogs(settings["TRANSLATIONS_PATH"], self.languages)
        self.formats = {
            code: Format(language.locale) for code, language in self.languages.items()
        }
        self.list_joiners = {code: ListJoiner(language.locale) for code, language in self.languages.items()}
        self.formatted = {}  # (code, format, value) -> text, for dates and numbers

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
        # Babel formats the date of a datetime; sixty thousand comments
        # share a few thousand dates, so each is formatted once.
        key = (context["page_lang"].code, format, value.date() if isinstance(value, datetime) else value)
        if key not in self.formatted:
            self.formatted[key] = self.formats[key[0]].date(key[2], format)
        return self.formatted[key]

    @pass_context
    def format_number(self, context, value):
        key = (context["page_lang"].code, "number", value)
        if key not in self.formatted:
            self.formatted[key] = self.formats[key[0]].number(value)
        return self.formatted[key]

    @pass_context
    def language_label(self, context, code, alone=False):
        """The name of language `code` in the page's language, as running
        text writes it ("(gallese)" on an Italian page) or, `alone`, as it
        starts a line or a menu item ("Gallese")."""
        return (context["page_lang"].menu_labels if alone else context["page_lang"].labels)[code]

    @pass_context
    def format_list(self, context, items, caller=None):
        """Items joined as the page's language joins a list. A filter for
        text (``names | format_list``); with a call block each item is
        rendered by its body, as markup:
        ``{% call(tag) format_list(tags) %}<a …>{{ tag.name }}</a>{% endcall %}``."""
        if caller is not None:
            items = [Markup(caller(item).strip()) for item in items]
        return self.list_joiners[context["page_lang"].code].join(items)


def check_plugins(pelican):
    require_plugins(pelican.settings, "plugins.localisation", "plugins.errors")


def install_localisation(generator):
    localisation = generator.context.get("localisation")
    if localisation is None:
        # A CatalogError or LanguageSettingError stops the build with its
        # message: nothing can be rendered in a language without its catalog.
        localisation = Localisation(generator.settings)
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
    env.filters["format_list"] = env.globals["format_list"] = localisation.format_list
    env.filters["language_label"] = localisation.language_label
