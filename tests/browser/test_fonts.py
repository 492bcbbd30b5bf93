"""Every script is drawn with a font the stylesheet names for it: the
browser reports which installed fonts it used for each article's text."""

import re

import pytest

from browser_pages import article_pages
from sitebuild import ROOT

STYLESHEET = ROOT / "themes" / "mmr" / "static" / "css" / "main.css"
STACK_OF = {"cy": "--font-latin", "it": "--font-latin", "el": "--font-greek", "ar": "--font-arabic"}


def stack(variable):
    """The font families the stylesheet names in a --font-* variable."""
    declaration = re.search(rf"{variable}:\s*([^;]+);", STYLESHEET.read_text("utf-8")).group(1)
    return [family.strip().strip('"') for family in declaration.split(",")]


def fonts_used(browser, selector):
    """{family: glyphs drawn} for the text of the first element matching."""
    browser.execute_cdp_cmd("DOM.enable", {})
    browser.execute_cdp_cmd("CSS.enable", {})
    root = browser.execute_cdp_cmd("DOM.getDocument", {})["root"]["nodeId"]
    node = browser.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = browser.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"]: font["glyphCount"] for font in fonts}


@pytest.mark.parametrize("lang", ["cy", "it", "ar", "el"])
def test_article_text_uses_the_scripts_font(browser, base_url, site, lang):
    url = next(url for page_lang, url in article_pages(site) if page_lang == lang)
    browser.get(base_url + url)
    used = fonts_used(browser, "article .post-body p")
    assert used, url
    if lang == "cy":  # the first Welsh paragraph has "dyweddïo": Latin Extended
        assert "ï" in browser.execute_script("return document.querySelector('article .post-body p').textContent")
    # Every glyph of the paragraph comes from a font of its script's stack:
    # none fell back to whatever else happens to be installed.
    assert set(used) <= set(stack(STACK_OF[lang])), used

