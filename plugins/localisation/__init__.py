"""Localisation: every page is rendered in its own language.

Languages come from the LANGUAGES setting with their names and direction
from Babel's CLDR data; theme strings come from the gettext catalogs in
translations/, compiled in memory at build time; dates and numbers are
formatted by Babel in the page's language, lists joined by CLDR's list
patterns (Babel's data), language names cased for menus by CLDR (ICU, in
a short-lived process).
"""

from pelican import signals

from .environment import check_plugins, install_localisation


def register():
    signals.initialized.connect(check_plugins)
    signals.generator_init.connect(install_localisation)
