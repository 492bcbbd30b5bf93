"""The URL layout: where every kind of page lives in every language.

Set once in pelicanconf.py, in Pelican's own style: LANGUAGE_<KIND>_URL and
LANGUAGE_<KIND>_SAVE_AS with {lang} (and {slug} for categories, tags and
series); articles and pages use Pelican's ARTICLE_URL and PAGE_URL, which
take {lang} too. Listings, feeds, the sitemap, the series pages, search and
the templates (through `url` on what they render) all ask this layout.
"""

from dataclasses import dataclass

from plugins.errors.exceptions import ContentError

# kind -> the settings' prefix
KINDS = {
    "home": "LANGUAGE_HOME",
    "archives": "LANGUAGE_ARCHIVES",
    "category": "LANGUAGE_CATEGORY",
    "tag": "LANGUAGE_TAG",
    "404": "LANGUAGE_404",
    "series": "LANGUAGE_SERIES",
    "search": "LANGUAGE_SEARCH",
}
WITH_SLUG = {"category", "tag", "series"}
# The longest file or folder name most file systems take, in bytes.
NAME_MAX = 255
# Characters a link would have to escape, or would read as the end of the path.
ADDRESS_CHARACTERS = set('?#%"<>')


def slug_problem(slug):
    """What keeps a slug from being one folder name in every URL pattern
    ({slug}), or None: a slug is one path segment, never a way out of its
    language's folder nor a hidden file."""
    if not slug:
        return "is empty"
    if "/" in slug or "\\" in slug:
        return "has a '/' in it, which would make it more than one folder"
    if slug.startswith("."):
        return "starts with '.', a hidden file or a way out of its folder"
    if any(ord(character) < 32 or ord(character) == 127 for character in slug):
        return "has a control character in it"
    if any(character in ADDRESS_CHARACTERS or character.isspace() for character in slug):
        return "has a space or a character that means something else in an address (? # % \" < >)"
    if len(slug.encode("utf-8")) > NAME_MAX:
        return f"is {len(slug.encode('utf-8'))} bytes long, more than a folder name may be ({NAME_MAX})"
    return None


class LayoutSettingError(ContentError):
    """A LANGUAGE_*_URL / _SAVE_AS setting is missing or malformed."""


@dataclass(frozen=True)
class Place:
    """Where one page is: its URL (relative to SITEURL) and its file in output/."""

    url: str
    save_as: str


@dataclass(frozen=True)
class LanguagePlaces:
    """The pages every language has, for the templates' menus and links."""

    home: Place
    archives: Place
    not_found: Place
    search: Place
    feed: Place | None  # None while LANGUAGE_FEED_ATOM is off (make html)


class Layout:
    """The layout of this build, read from its settings."""

    root = Place("", "index.html")  # the language chooser, x-default
    root_not_found = Place("404.html", "404.html")

    def __init__(self, settings):
        self.patterns = {}
        for kind, prefix in KINDS.items():
            self.patterns[kind] = tuple(
                self._pattern(settings, f"{prefix}{suffix}", kind) for suffix in ("_URL", "_SAVE_AS")
            )
        feed = settings.get("LANGUAGE_FEED_ATOM")
        self.feed = None
        if feed:
            url = settings.get("LANGUAGE_FEED_ATOM_URL") or feed
            self.feed = (
                self._pattern({"LANGUAGE_FEED_ATOM_URL": url}, "LANGUAGE_FEED_ATOM_URL", "feed"),
                self._pattern(settings, "LANGUAGE_FEED_ATOM", "feed"),
            )

    @staticmethod
    def _pattern(settings, name, kind):
        pattern = settings.get(name)
        if not isinstance(pattern, str):
            raise LayoutSettingError(
                f"pelicanconf.py: set {name} (e.g. {name} = \"{{lang}}/...\"): "
                "it says where that page is written in each language."
            )
        allowed = {"lang": "xx", "slug": "x"} if kind in WITH_SLUG else {"lang": "xx"}
        try:
            pattern.format(**allowed)
        except (KeyError, IndexError, ValueError) as error:
            raise LayoutSettingError(
                f"pelicanconf.py: {name} = {pattern!r} cannot be filled in ({error!r}); "
                f"it may use {', '.join('{' + key + '}' for key in allowed)}."
            ) from None
        if "{lang}" not in pattern:
            raise LayoutSettingError(
                f"pelicanconf.py: {name} = {pattern!r} has no {{lang}}, so every language "
                "would write the same page; put {lang} in it."
            )
        return pattern

    def place(self, kind, lang, slug=None):
        url, save_as = self.patterns[kind]
        values = {"lang": lang, "slug": slug}
        return Place(url.format(**values), save_as.format(**values))

    def feed_place(self, lang):
        if self.feed is None:
            return None
        url, save_as = self.feed
        return Place(url.format(lang=lang), save_as.format(lang=lang))

    def language_places(self, lang):
        return LanguagePlaces(
            home=self.place("home", lang),
            archives=self.place("archives", lang),
            not_found=self.place("404", lang),
            search=self.place("search", lang),
            feed=self.feed_place(lang),
        )
