"""Language names as a language writes them in a menu and in running
text: CLDR's names with its contextTransforms capitalisation (uiListOrMenu:
"Italiano" in an Italian menu; middle of a sentence: "italiano"), read from
ICU, because Babel has no contextTransforms.

ICU is asked in a short-lived process: the build needs a few dozen names
from it, and ICU's library, once loaded, would stay in the build's memory
and in every process forked from it (11.5 MiB of about 100).
"""

import functools
import os
import pickle

from plugins.errors.exceptions import ContentError
from plugins.writing.processes import can_fork, fork, succeeded


class NamesUnavailable(ContentError):
    """The process asking ICU failed; it printed why."""


def standalone_names(codes):
    """{"menu": {in_code: {code: name}}, "text": {...}}: each language's
    name as each of the languages writes it in a menu and in a sentence."""
    if not can_fork():  # ICU then stays loaded: there is no other process to ask it in
        return _names_from_icu(codes)
    reading, writing = os.pipe()
    pid = fork(functools.partial(_send_names, list(codes), reading, writing))
    os.close(writing)
    with os.fdopen(reading, "rb") as stream:
        received = stream.read()
    if not succeeded(pid):
        raise NamesUnavailable("ICU could not name the site's languages (see above); check that icukit-pyicu is installed.")
    return pickle.loads(received)


def _send_names(codes, reading, writing):
    os.close(reading)
    with os.fdopen(writing, "wb") as stream:  # a few dozen names: far less than a pipe holds
        pickle.dump(_names_from_icu(codes), stream)


def _names_from_icu(codes):
    import icu  # only in this process: see the module's docstring

    contexts = {
        "menu": icu.UDisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU,
        "text": icu.UDisplayContext.CAPITALIZATION_FOR_MIDDLE_OF_SENTENCE,
    }
    tables = {}
    for usage, context in contexts.items():
        tables[usage] = {}
        for in_code in codes:
            names = icu.LocaleDisplayNames.createInstance(icu.Locale.forLanguageTag(in_code), [context])
            tables[usage][in_code] = {code: names.localeDisplayName(icu.Locale.forLanguageTag(code)) for code in codes}
    return tables
