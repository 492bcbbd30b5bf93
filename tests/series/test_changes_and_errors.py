"""The series as authors and translators change it: an outdated variant
tells its readers, and every inconsistent series stops the build with a
message naming the files and what to do."""

import re

import pytest

from series_support import SERIES, catalog, label
from sitebuild import build_in_process, copy_content, read_html, run_pelican

ENGAGEMENT = "articles/is-it-engagement/is-it-engagement.{}.md"


def edit(content, relative, change):
    path = content / relative
    path.write_text(change(path.read_text("utf-8")), "utf-8")


def test_an_older_translation_names_and_links_the_newer_one(tmp_path):
    content = copy_content(tmp_path / "content")
    edit(content, ENGAGEMENT.format("cy"), lambda t: t.replace("Date:", "Modified: 2024-03-05\nDate:", 1))
    edit(content, ENGAGEMENT.format("it"), lambda t: t.replace("Date:", "Modified: 2025-06-01\nDate:", 1))
    output = build_in_process(content, tmp_path / "output")
    notice = read_html(output / "cy" / "is-it-engagement" / "index.html").select_one(".outdated-notice")
    assert catalog("cy").gettext("A newer version of this article is available:") in notice.get_text()
    link = notice.a
    assert link["href"].endswith("it/is-it-engagement/") and link["hreflang"] == "it"
    assert link.find("span", lang="it").get_text() == "È davvero impegno?"
    assert f"({label('it', 'cy')})" in link.get_text()
    # The newest variant, and articles with one variant, show no notice.
    assert read_html(output / "it" / "is-it-engagement" / "index.html").select_one(".outdated-notice") is None
    assert read_html(output / "ar" / "lost-its-way" / "index.html").select_one(".outdated-notice") is None


def test_variants_changed_together_show_no_notice(site):
    for lang in ("cy", "it"):
        assert read_html(site / lang / "is-it-engagement" / "index.html").select_one(".outdated-notice") is None


def set_line(name, value):
    def change(text):
        if value is None:
            return re.sub(rf"^{name}:.*\n", "", text, flags=re.M)
        return re.sub(rf"^{name}:.*$", f"{name}: {value}", text, flags=re.M)
    return change


BAD = [
    pytest.param(
        [("articles/five-misconceptions/five-misconceptions.cy.md", set_line("Series_index", "2"))],
        ["content/articles/five-misconceptions/five-misconceptions.cy.md",
         "content/articles/is-it-engagement/is-it-engagement.cy.md", "Series_index: 2", "own index"],
        id="two parts with one index"),
    pytest.param(
        [("articles/lost-its-way/lost-its-way.ar.md", set_line("Series_index", None))],
        ["content/articles/lost-its-way/lost-its-way.ar.md", "no Series_index: line"],
        id="a part with no index"),
    pytest.param(
        [(ENGAGEMENT.format("it"), set_line("Series_index", "5"))],
        ["is-it-engagement.it.md says Series: myths-misconceptions-rants, Series_index: 5",
         "is-it-engagement.cy.md says Series: myths-misconceptions-rants, Series_index: 2",
         "same Series: and Series_index:"],
        id="variants disagree on the index"),
    pytest.param(
        [(ENGAGEMENT.format("it"), set_line("Series", "another-series"))],
        ["is-it-engagement.it.md says Series: another-series", "disagree"],
        id="variants disagree on the series"),
    pytest.param(
        [(f"series/{SERIES}/{SERIES}.ar.md", None)],
        ["content/articles/lost-its-way/lost-its-way.ar.md is a part of series", "in 'ar'",
         f"Add content/series/{SERIES}/{SERIES}.ar.md with a Title: line"],
        id="a series with no title in a language of its parts"),
]


@pytest.mark.parametrize("changes, expected", BAD)
def test_an_inconsistent_series_stops_the_build_naming_the_files(tmp_path, changes, expected):
    content = copy_content(tmp_path / "content")
    for relative, change in changes:
        if change is None:
            (content / relative).unlink()
        else:
            edit(content, relative, change)
    result = run_pelican(content, tmp_path / "output")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert all(fragment in output for fragment in expected), output
    assert "Traceback" not in output
