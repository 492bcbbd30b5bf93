"""A series and its parts, and how one language sees them."""

from dataclasses import dataclass, field

from plugins.errors.exceptions import ContentError


class SeriesError(ContentError):
    """Parts or series definitions that disagree; the message names the files."""


@dataclass
class Part:
    """One article of a series, in every language it is written in."""

    index: int  # Series_index:, the same in every variant
    group: object  # the article's VariantGroup (plugins.variants)
    number: int = 0  # 1-based position in the series


@dataclass
class Series:
    key: str
    pages: dict  # lang -> the series page (a Pelican Page read from its file)
    parts: list = field(default_factory=list)  # in order


@dataclass(frozen=True)
class Entry:
    """A part as a reader of one language is offered it: its variant in that
    language, else the first of the language's fallbacks that has one."""

    part: Part
    variant: object  # a Pelican Article
    fallback: bool  # True when the variant is in another language than the reader's

    @property
    def others(self):
        """The part's other published variants, in the site's order."""
        return [v for v in self.part.group.variants if v is not self.variant and v.status == "published"]


@dataclass(frozen=True)
class PartNavigation:
    """What a part's page shows of its series, in the page's language."""

    series: Series
    page: object  # this language's series page
    part: Part
    total: int
    previous: Entry | None
    next: Entry | None
    entries: list  # every part, in order, as this language's readers get it
