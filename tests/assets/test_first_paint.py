"""What a page loads before its first paint (plugins/assets): one
stylesheet, joined from the theme's, and the preloaded faces of its first
screen, each a face the stylesheet declares."""

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from sitebuild import ROOT, read_html

THEME_STATIC = ROOT / "themes" / "mmr" / "static"
SOURCES = ["css/fonts.css", "css/main.css", "css/navigation.css", "css/comments.css", "css/search.css"]


def local_file(output, page, href):
    """The file under output an href on page (a file under output) names."""
    url = urljoin(Path(page).relative_to(output).as_posix(), href)
    return Path(output) / urlsplit(url).path.lstrip("/")


def test_every_page_loads_one_stylesheet_holding_every_rule_of_the_theme(site):
    for page in Path(site).rglob("*.html"):
        if "pagefind" in page.parts:
            continue
        links = read_html(page).find_all("link", rel="stylesheet")
        assert len(links) == 1, page
        stylesheet = local_file(site, page, links[0]["href"]).read_text("utf-8")
    # Every rule of every source, in the order they cascade.
    positions = [stylesheet.index((THEME_STATIC / source).read_text("utf-8").strip()) for source in SOURCES]
    assert positions == sorted(positions)


def test_a_page_preloads_the_faces_of_its_first_screen_in_its_languages_scripts(site):
    fonts_css = (THEME_STATIC / "css" / "fonts.css").read_text("utf-8")
    declared = set(re.findall(r'url\("\.\./fonts/([^"]+)"\)', fonts_css))
    scripts = {"cy": {"latin"}, "it": {"latin"}, "el": {"greek", "latin"}, "ar": {"arabic", "latin"}}
    for lang, own in scripts.items():
        page = Path(site) / lang / "index.html"
        preloaded = [local_file(site, page, link["href"]) for link in read_html(page).find_all("link", rel="preload")]
        names = {path.name for path in preloaded}
        assert all(path.is_file() for path in preloaded) and names <= declared, names
        # The header's sans in every script (the switcher names every
        # language in its own); bold sans and the serif in its own only.
        assert {name for name in names if name.startswith("noto-sans-") and name.endswith("-regular.woff2")} == {
            f"noto-sans-{script}-regular.woff2" for script in ("latin", "greek", "arabic")}, (lang, names)
        bold_and_serif = {name for name in names if "bold" in name or "serif" in name or "naskh" in name}
        drawn = {script for script in ("latin", "greek", "arabic") if any(script in name for name in bold_and_serif)}
        assert drawn == own and len(bold_and_serif) == 2 * len(own), (lang, names)
