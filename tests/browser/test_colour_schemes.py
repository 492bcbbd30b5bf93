"""Both colour schemes: the light one, and the dark one a reader gets
whose system prefers it (prefers-color-scheme). axe-core's colour-contrast
check passes on every page in the dark one (in the light one with all of
axe's rules, test_accessibility.py), and every colour is set once per
scheme, as a --colour-* property."""

import re

import pytest

from browser_pages import site_pages
from emulation import emulated
from sitebuild import ROOT

STYLESHEETS = [ROOT / "themes" / "mmr" / "static" / "css" / name for name in ("main.css", "comments.css")]
RUN_CONTRAST = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: ['color-contrast'], resultTypes: ['violations']})
   .then(results => done(results.violations.flatMap(v => v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary.split('\\n').pop()))))
   .catch(error => done(['axe-error: ' + error]));
"""
LUMINANCE = """
const [r, g, b] = getComputedStyle(arguments[0]).getPropertyValue(arguments[1]).match(/[\\d.]+/g).map(Number);
return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
"""


def luminance(browser, selector, css_property):
    element = browser.find_element("css selector", selector)
    return browser.execute_script(LUMINANCE, element, css_property)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_page_follows_the_readers_colour_scheme(browser, base_url, scheme):
    with emulated(browser, colour_scheme=scheme):
        browser.get(base_url + "/cy/")
        background = luminance(browser, "html", "background-color")
        text = luminance(browser, "html", "color")
    assert (background < 0.2 and text > 0.8) if scheme == "dark" else (background > 0.9 and text < 0.2)


def test_text_contrasts_with_its_background_in_the_dark_scheme(browser, base_url, site, axe_source):
    """The light scheme's contrast is checked with the rest of axe's rules
    in test_accessibility.py."""
    failures = []
    with emulated(browser, colour_scheme="dark"):
        for url in site_pages(site):
            browser.get(base_url + url)
            browser.execute_script(axe_source)
            failures.extend(f"{url} {failure}" for failure in browser.execute_async_script(RUN_CONTRAST))
    assert not failures, "too little contrast in the dark scheme:\n" + "\n".join(failures)


def test_each_colour_is_set_once_per_scheme():
    """A colour written anywhere but in a --colour-* property would not
    change with the scheme."""
    literal = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgb|hsl)a?\(")
    stray = []
    for stylesheet in STYLESHEETS:
        for number, line in enumerate(stylesheet.read_text("utf-8").splitlines(), 1):
            if literal.search(line) and not line.strip().startswith("--colour-"):
                stray.append(f"{stylesheet.name}:{number}: {line.strip()}")
    assert not stray, "\n".join(stray)
