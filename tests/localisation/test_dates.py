"""Dates speak the page's language: an article's <time datetime> holds the
ISO date of its Markdown's Date:, and its text is Babel's long format of
that date for the article's language."""

import re
from datetime import date

import pytest
from babel.dates import format_date

from l10n_support import LANGUAGES
from sitebuild import CONTENT, read_html


def articles():
    """(lang, site path of the article page, Date:) of every published
    article Markdown file."""
    found = []
    for path in sorted(CONTENT.glob("articles/*/*.*.md")):
        lang = path.name.split(".")[-2]
        header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        if lang not in LANGUAGES or re.search(r"^Status:\s*(draft|hidden)", header, re.M | re.I):
            continue
        # A variant without Date: inherits its sibling's (README, "Written once").
        written = next(
            match.group(1)
            for source in [path, *sorted(path.parent.glob("*.md"))]
            if (match := re.search(r"^Date:\s*(\d{4}-\d{2}-\d{2})", source.read_text("utf-8").split("\n\n", 1)[0], re.M))
        )
        slug = re.search(r"^Slug:\s*(.+)$", header, re.M)
        slug = slug.group(1).strip() if slug else path.parent.name
        found.append((lang, f"{lang}/{slug}/index.html", date.fromisoformat(written)))
    return found


def test_babel_long_format_is_what_readers_expect():
    """What "long" means in each language, spelled out once."""
    day = date(2024, 3, 5)
    assert format_date(day, "long", locale="cy") == "5 Mawrth 2024"
    assert format_date(day, "long", locale="it") == "5 marzo 2024"
    assert format_date(day, "long", locale="el") == "5 Μαρτίου 2024"
    assert format_date(day, "long", locale="ar") == "5 مارس 2024"


def test_there_are_articles_in_every_language():
    assert {lang for lang, _, _ in articles()} == set(LANGUAGES)


@pytest.mark.parametrize("lang, page, written", articles(), ids=lambda value: str(value))
def test_article_date_is_iso_in_datetime_and_long_in_text(site, lang, page, written):
    time = read_html(site / page).select_one("article.post .post-meta time")
    assert time is not None, page
    assert time["datetime"] == written.isoformat()
    assert time.get_text(strip=True) == format_date(written, "long", locale=lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_listing_dates_are_long_in_the_listing_language(site, lang):
    times = read_html(site / lang / "index.html").select("article.entry time")
    assert times
    for time in times:
        written = date.fromisoformat(time["datetime"])
        assert time.get_text(strip=True) == format_date(written, "long", locale=lang)
