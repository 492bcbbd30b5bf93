"""The site draws every script in its own faces (themes/mmr/static/fonts,
README "Typography"), served with the site: checked in a Chromium that
sees no font but DejaVu (fontconfig told to read only DejaVu's folder), so
nothing can come from the reader's machine, and compared with one that sees
the system's Noto too."""

import unicodedata

import pytest

from browser_pages import article_pages, language_homes
from emulation import load

# What each role's text is drawn in, per script: the interface in one sans
# family, reading text in the matching serif, Arabic in faces made for it.
FACES = {
    "interface": {"latin": "Noto Sans", "greek": "Noto Sans", "arabic": "Noto Sans Arabic"},
    "reading": {"latin": "Noto Serif", "greek": "Noto Serif", "arabic": "Noto Naskh Arabic"},
}
# Elements of every page, each with the role of its text.
ELEMENTS = (
    ("article .post-body p", "reading"),
    ("h1", "interface"),
    (".site-nav a", "interface"),
    (".breadcrumbs a", "interface"),
    # Every language's name in its own script, on every page.
    (".language-switcher [lang]", "interface"),
    # Titles in another language than the page's.
    (".series-nav [lang]", "interface"),
)


def pages(site):
    return ["/"] + [f"/{lang}/" for lang in language_homes(site)] + [url for _, url in article_pages(site)]


def fonts_of_each(browser, selector):
    """[(the element's text, [fonts drawing it])] for every element
    matching selector, as Chromium reports the fonts it used."""
    browser.execute_cdp_cmd("DOM.enable", {})
    browser.execute_cdp_cmd("CSS.enable", {})
    root = browser.execute_cdp_cmd("DOM.getDocument", {})["root"]["nodeId"]
    nodes = browser.execute_cdp_cmd("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]
    texts = browser.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(element => element.textContent)", selector
    )
    return [(text, browser.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"])
            for text, node in zip(texts, nodes)]


def scripts_of(text):
    """The scripts of the letters in text: {"latin", "greek", "arabic"}."""
    return {unicodedata.name(character).split()[0].lower() for character in text if character.isalpha()}


def test_the_browser_without_noto_sees_only_dejavu(dejavu_browser):
    """Else the tests below would prove nothing."""
    dejavu_browser.get("about:blank")
    dejavu_browser.execute_script(
        "document.body.innerHTML = '<p style=\"font-family: Noto Sans, Noto Serif\">Ab Ελληνικά العربية</p>'")
    [(_, fonts)] = fonts_of_each(dejavu_browser, "p")
    assert fonts and all(font["familyName"].startswith("DejaVu") for font in fonts), fonts


def test_each_script_is_drawn_in_its_own_face(dejavu_browser, base_url, site):
    wrong, seen = [], set()
    for url in pages(site):
        load(dejavu_browser, base_url + url)
        for selector, role in ELEMENTS:
            for text, fonts in fonts_of_each(dejavu_browser, selector):
                used = {font["familyName"] for font in fonts}
                scripts = scripts_of(text)
                expected = {FACES[role][script] for script in scripts}
                # The script's face drew its letters; the role's faces
                # (Latin for spaces and punctuation) drew the rest; nothing
                # came from the machine.
                if not expected <= used <= set(FACES[role].values()) or any(not font["isCustomFont"] for font in fonts):
                    wrong.append(f"{url} {selector} {text.strip()[:40]!r}: {sorted(used)}, expected {sorted(expected)}")
                seen.update((role, script) for script in scripts)
    assert not wrong, "\n".join(wrong)
    # Every script was seen in both roles (the site has text in each).
    assert seen == {(role, script) for role in FACES for script in FACES[role]}, seen


NEEDED_FACES = """
const faces = [...document.fonts];
const family = face => face.family.replace(/"/g, '');
const key = face => `${family(face)} ${face.weight} ${face.style} ${face.unicodeRange}`;
const covers = (face, point) => face.unicodeRange.split(',').some(range => {
  const [first, last] = range.trim().slice(2).split('-').map(hex => parseInt(hex, 16));
  return first <= point && point <= (last ?? first);
});
// The face CSS font matching gives a character of text in this family,
// weight and style (the theme's faces are 400 and 700, normal and italic).
function face(name, weight, style, point) {
  let candidates = faces.filter(face => family(face) === name && covers(face, point));
  const styled = candidates.filter(face => face.style === style);
  candidates = styled.length ? styled : candidates.filter(face => face.style === 'normal');
  const wanted = Number(weight) > 500 ? 700 : 400;
  candidates.sort((a, b) => Math.abs(a.weight - wanted) - Math.abs(b.weight - wanted));
  return candidates[0];
}
const needed = new Set();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const text = walker.currentNode;
  const range = document.createRange();
  range.selectNodeContents(text);
  if (!text.data.trim() || !range.getClientRects().length) continue;
  const style = getComputedStyle(text.parentElement);
  const name = style.fontFamily.split(',')[0].trim().replace(/"/g, '');
  for (const character of text.data.trim()) {
    const found = face(name, style.fontWeight, style.fontStyle, character.codePointAt(0));
    if (found) needed.add(key(found));
  }
}
return {needed: [...needed].sort(), loaded: faces.filter(face => face.status === 'loaded').map(key).sort()};
"""


def test_a_page_downloads_only_the_faces_its_text_needs(dejavu_browser, base_url, site):
    """unicode-range at work: a Welsh article fetches no Arabic reading
    face, an Arabic one no Greek reading face, and so on."""
    wrong = []
    # Without the cache, where a face fetched for the previous page would
    # count as loaded on this one.
    dejavu_browser.execute_cdp_cmd("Network.enable", {})
    dejavu_browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    for url in pages(site):
        load(dejavu_browser, base_url + url)
        faces = dejavu_browser.execute_script(NEEDED_FACES)
        assert faces["needed"], url
        if faces["needed"] != faces["loaded"]:
            wrong.append(f"{url}:\n  loaded {faces['loaded']}\n  needed {faces['needed']}")
    dejavu_browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    assert not wrong, "\n".join(wrong)


def full_page_png(browser):
    return browser.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})["data"]


@pytest.mark.parametrize("kind", ["home", "article"])
def test_a_page_looks_the_same_with_or_without_the_systems_noto(dejavu_browser, browser, base_url, site, kind):
    urls = [f"/{lang}/" for lang in language_homes(site)] if kind == "home" else [url for _, url in article_pages(site)]
    different = []
    for url in urls:
        shots = []
        for each in (browser, dejavu_browser):
            load(each, base_url + url)
            shots.append(full_page_png(each))
        if shots[0] != shots[1]:
            different.append(url)
    assert not different, f"drawn differently where only DejaVu is installed: {different}"


UNDERLINES = """
return [...document.querySelectorAll('a[href]')].filter(link => link.getClientRects().length).map(link => {
  const style = getComputedStyle(link);
  return [link.textContent.trim(), parseFloat(style.textUnderlineOffset) / parseFloat(style.fontSize)];
});
"""


def test_links_with_arabic_text_are_underlined_below_its_dots(browser, base_url, site):
    """The dots under joined Arabic letters reach about 0.3 em below the
    baseline (Naskh's at size-adjust 120%): an underline 0.2 em down, right
    for Latin, runs through them. A link draws one underline for all its
    text, so this holds for an Arabic title in a link on any page."""
    close = []
    for url in pages(site):
        browser.get(base_url + url)
        for text, offset in browser.execute_script(UNDERLINES):
            if "arabic" in scripts_of(text) and offset < 0.4:
                close.append(f"{url} {text[:40]!r}: {offset:.2f} em")
    assert not close, "\n".join(close)
