"""Where a language's search page lives."""

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchPage:
    lang: str
    url: str
    save_as: str


def search_page(settings, code):
    """The search page of language `code`; the one reader of
    LANGUAGE_SEARCH_URL and LANGUAGE_SEARCH_SAVE_AS."""
    return SearchPage(
        lang=code,
        url=settings["LANGUAGE_SEARCH_URL"].format(lang=code),
        save_as=settings["LANGUAGE_SEARCH_SAVE_AS"].format(lang=code),
    )
