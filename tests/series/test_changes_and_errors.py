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
        if not re.search(rf"^{name}:", text, flags=re.M):  # inherited: state it
            return text.replace("\n\n", f"\n{name}: {value}\n\n", 1)
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


def test_a_site_can_have_several_series(tmp_path):
    content = copy_content(tmp_path / "content")
    (content / "series" / "field-notes").mkdir()
    (content / "series" / "field-notes" / "field-notes.cy.md").write_text("Title: Nodiadau maes\n", "utf-8")
    for index in (1, 2):
        folder = content / "articles" / f"note-{index}"
        folder.mkdir()
        (folder / f"note-{index}.cy.md").write_text(
            f"Title: Nodyn {index}\nDate: 2024-06-0{index}\nSeries: field-notes\nSeries_index: {index}\n\nTestun.\n",
            "utf-8",
        )
    output = build_in_process(content, tmp_path / "output")
    home = read_html(output / "cy" / "index.html")
    titles = sorted(a.get_text() for a in home.select(".series-link a"))
    assert titles == sorted([catalog("cy").gettext("Myths, Misconceptions and Rants"), "Nodiadau maes"])
    second = read_html(output / "cy" / "note-2" / "index.html").select_one("nav.series-nav")
    position = catalog("cy").gettext("Part %(number)s of %(total)s") % {"number": 2, "total": 2}
    assert position in second.get_text()
    assert second.select_one(".series-position a")["href"].endswith("cy/series/field-notes/")
    assert (output / "cy" / "series" / "field-notes" / "index.html").is_file()
    # A series with parts only in Welsh has no page in the other languages.
    assert not (output / "it" / "series" / "field-notes").exists()
