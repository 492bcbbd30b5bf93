"""The theme's fonts (themes/mmr/fonts/make_fonts.py): what is committed is
what the script makes from the named Noto release, and it covers every
character the site shows."""

import filecmp
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from sitebuild import ROOT, read_html
from themes.mmr.fonts import make_fonts

THEME = ROOT / "themes" / "mmr"


@pytest.mark.skipif(make_fonts.installed_version() != make_fonts.UPSTREAM_VERSION,
                    reason=f"needs Debian's {make_fonts.UPSTREAM_PACKAGE} {make_fonts.UPSTREAM_VERSION}")
def test_the_committed_fonts_are_what_the_script_makes(tmp_path):
    sizes = make_fonts.make_fonts(tmp_path)
    made = sorted(sizes) + ["OFL.txt"]
    committed = sorted(path.name for path in (THEME / "static" / "fonts").iterdir())
    assert committed == sorted(made)
    _, differ, missing = filecmp.cmpfiles(tmp_path / "static" / "fonts", THEME / "static" / "fonts", made, shallow=False)
    assert not differ and not missing, differ + missing
    assert filecmp.cmp(tmp_path / "static" / "css" / "fonts.css", THEME / "static" / "css" / "fonts.css", shallow=False)
    assert filecmp.cmp(tmp_path / "fonts" / "faces.json", THEME / "fonts" / "faces.json", shallow=False)


def subsets_of(script):
    """The committed subsets of a script, in every family and style."""
    return [
        THEME / "static" / "fonts" / make_fonts.file_name(prefix, face_script, style)
        for _, face_script, prefix, styles, _ in make_fonts.FACES if face_script == script
        for style in styles
    ]


def test_every_character_the_site_shows_is_in_its_scripts_subsets(site):
    shown = set()
    for path in Path(site).rglob("*.html"):
        shown.update(read_html(path).body.get_text())
    shown -= set("\n\t\r")
    cmaps = {script: [set(TTFont(path).getBestCmap()) for path in subsets_of(script)]
             for script in make_fonts.SCRIPTS}
    points = {script: set(make_fonts.codepoints(ranges)) for script, ranges in make_fonts.SCRIPTS.items()}
    missing = []
    for character in sorted(shown):
        scripts = [script for script in points if ord(character) in points[script]]
        if len(scripts) != 1 or not all(ord(character) in cmap for cmap in cmaps[scripts[0]]):
            missing.append(f"U+{ord(character):04X} {character!r} in {scripts or 'no script'}")
    assert not missing, "characters the fonts lack:\n" + "\n".join(missing)
