"""Makes the theme's web fonts (make fonts).

    python themes/mmr/fonts/make_fonts.py

Reads Noto from Debian's fonts-noto-core (the version named below, as
installed under /usr/share/fonts/truetype/noto/), cuts each face down to
the characters of one script with fontTools, and writes into the theme:

    static/fonts/<face>-<script>-<style>.woff2   the subsets
    static/fonts/OFL.txt                          their copyright and licence
    static/css/fonts.css                          one @font-face per subset
    fonts/faces.json                              the subsets by script, for
                                                  the pages' preloads (plugins/assets)

Two families, each drawn from one face per script so that a browser
chooses the face by character (unicode-range) and downloads only the
subsets a page's text uses:

    "MMR Sans"   the interface: Noto Sans (Latin, Greek), Noto Sans Arabic
    "MMR Serif"  reading text: Noto Serif (Latin, Greek), Noto Naskh Arabic

The same sources give the same bytes: run it again and git sees no change.
"""

import json
import re
import subprocess
import sys
from io import BytesIO
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

UPSTREAM_PACKAGE = "fonts-noto-core"
UPSTREAM_VERSION = "20201225-1"  # Debian 12 (bookworm); upstream noto-fonts, December 2020
UPSTREAM_FONTS = Path("/usr/share/fonts/truetype/noto")
UPSTREAM_COPYRIGHT = Path("/usr/share/doc/fonts-noto-core/copyright")

THEME = Path(__file__).resolve().parent.parent

# The characters the site needs, per script, as CSS writes them. Only
# these are kept in each subset (every glyph is bytes a reader downloads),
# and the stylesheet gives the browser the same ranges, so each character
# has exactly one face in a family. A character outside them is drawn by
# the reader's own fonts; tests/theme checks the site shows none.
SCRIPTS = {
    # ASCII and Latin-1 (Italian à è ì ò ù, Welsh â ê î ô û ï), Œ œ, Welsh
    # Ŵ ŵ Ŷ ŷ (and Ÿ) and ẁ ẃ ẅ ỳ, the apostrophe and accents, General
    # Punctuation (dashes, quotes, …, ‹ ›), ⁄ € ™ −.
    "latin": "U+0020-007E, U+00A0-00FF, U+0152-0153, U+0174-0178, U+02BC, U+02C6, U+02DC, "
             "U+1E80-1E85, U+1EF2-1EF3, U+2010-2027, U+2030-203A, U+2044, U+20AC, U+2122, U+2212",
    # Modern (monotonic) Greek: the letters, tonos and dialytika, ; and ·.
    "greek": "U+037E, U+0384-038A, U+038C, U+038E-03A1, U+03A3-03CE",
    # The letters, tatweel, marks and punctuation (، ؛ ؟) the Arabic
    # language uses, Arabic-Indic digits and their separators, superscript
    # alef, the joiners and direction marks, the reversed comma and ornate
    # parentheses.
    "arabic": "U+060C, U+061B, U+061F, U+0621-063A, U+0640-0655, U+0660-066D, U+0670, "
              "U+200C-200F, U+2E41, U+FD3E-FD3F",
}

# Each subset's script as CLDR names a language's (ISO 15924, Babel's
# likely subtags: el -> el_Grek_GR), so a page can tell which subsets its
# language's text is drawn in.
SCRIPT_CODES = {"latin": "Latn", "greek": "Grek", "arabic": "Arab"}

STYLES = {"regular": (400, "normal"), "bold": (700, "normal"), "italic": (400, "italic")}

# (family in CSS, script, upstream file prefix, styles, size-adjust).
# Arabic letters are small for their body size beside Latin ones (Naskh's
# tooth height is 340 units to Noto Serif's x-height of 536): size-adjust
# enlarges them to look the same size as the Latin beside them, wherever
# they appear, so no rule has to guess which elements hold Arabic.
FACES = (
    ("MMR Sans", "latin", "NotoSans", ("regular", "bold"), None),
    ("MMR Sans", "greek", "NotoSans", ("regular", "bold"), None),
    ("MMR Sans", "arabic", "NotoSansArabic", ("regular", "bold"), "108%"),
    ("MMR Serif", "latin", "NotoSerif", ("regular", "bold", "italic"), None),
    ("MMR Serif", "greek", "NotoSerif", ("regular", "bold", "italic"), None),
    ("MMR Serif", "arabic", "NotoNaskhArabic", ("regular", "bold"), "120%"),
)


def codepoints(ranges):
    """The code points of a CSS unicode-range value."""
    points = []
    for part in ranges.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points.extend(range(int(first, 16), int(last or first, 16) + 1))
    return points


def file_name(prefix, script, style):
    """NotoNaskhArabic, arabic, bold -> noto-naskh-arabic-bold.woff2 (the
    script is said once, where the face is not already of one script)."""
    face = re.sub(r"(?<!^)(?=[A-Z])", "-", prefix).lower()
    return f"{face}-{style}.woff2" if face.endswith(script) else f"{face}-{script}-{style}.woff2"


def upstream_file(prefix, style):
    return UPSTREAM_FONTS / f"{prefix}-{style.capitalize()}.ttf"


def installed_version():
    """The version of UPSTREAM_PACKAGE dpkg has installed, or None."""
    try:
        return subprocess.run(
            ["dpkg-query", "--showformat=${Version}", "--show", UPSTREAM_PACKAGE],
            capture_output=True, text=True, check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def check_upstream():
    """The fonts are made from one release: refuse any other, so that two
    machines make the same files."""
    installed = installed_version()
    if installed != UPSTREAM_VERSION:
        found = f"version {installed} is installed" if installed else "it is not installed"
        sys.exit(f"make fonts: the fonts are made from Debian's {UPSTREAM_PACKAGE} {UPSTREAM_VERSION}, "
                 f"but {found}: install that version, or change UPSTREAM_VERSION in {Path(__file__).name} "
                 "and check the new subsets")


def write_atomically(path, data):
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)


def subset_font(source, ranges):
    """The WOFF2 bytes of source cut down to ranges, with the OpenType
    features fontTools keeps by default (kerning, ligatures, Arabic joining
    and marks), without hinting instructions (with them the Latin serif
    subset is 23 KB instead of 14 KB; Chromium on Linux and Android and
    Safari draw with little or no hinting), and with the source's own
    timestamps, so the bytes repeat."""
    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False
    options.desubroutinize = True
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints(ranges))
    subsetter.subset(font)
    font.flavor = "woff2"
    data = BytesIO()
    font.save(data)
    return data.getvalue()


# The family each family falls back on while its faces download: the same
# upstream faces where the reader has them installed, at the same size, so
# that text drawn before the download takes the room it will take after
# (no layout shift when the faces swap in).
INSTALLED = "{family} installed"


def font_face(family, script, style, size_adjust, sources):
    weight, font_style = STYLES[style]
    lines = [
        "@font-face {",
        f'  font-family: "{family}";',
        f"  src: {sources};",
        f"  font-weight: {weight};",
        f"  font-style: {font_style};",
        *(["  font-display: swap;"] if "url(" in sources else []),
        f"  unicode-range: {SCRIPTS[script]};",
        *([f"  size-adjust: {size_adjust};"] if size_adjust else []),
    ]
    return "\n".join(lines + ["}"])


def licence_text():
    """The OFL 1.1 as the upstream release states it (the Debian copyright
    file's OFL-1.1 stanza, unfolded)."""
    stanzas = UPSTREAM_COPYRIGHT.read_text("utf-8").split("\n\n")
    stanza = next(s for s in stanzas if s.startswith("License: OFL-1.1\n"))
    body = stanza.split("\n")[1:]
    return "\n".join("" if line == " ." else line.removeprefix(" ") for line in body) + "\n"


def make_fonts(theme):
    """Write the subsets, their licence and fonts.css into the theme folder
    theme; return {file name: bytes} of the subsets."""
    fonts = theme / "static" / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    faces, installed, notices, sizes = [], [], {}, {}
    manifest = {code: [] for code in SCRIPT_CODES.values()}
    for family, script, prefix, styles, size_adjust in FACES:
        for style in styles:
            source = upstream_file(prefix, style)
            name = file_name(prefix, script, style)
            data = subset_font(source, SCRIPTS[script])
            write_atomically(fonts / name, data)
            sizes[name] = len(data)
            names = TTFont(source)["name"]
            faces.append(font_face(family, script, style, size_adjust, f'url("../fonts/{name}") format("woff2")'))
            installed.append(font_face(INSTALLED.format(family=family), script, style, size_adjust,
                                       f'local("{names.getDebugName(4)}"), local("{names.getDebugName(6)}")'))
            notices.setdefault(names.getDebugName(0), []).append(f"{name} (from {source.name})")
            weight, font_style = STYLES[style]
            manifest[SCRIPT_CODES[script]].append(
                {"family": family, "weight": weight, "style": font_style, "file": name})
    for stale in set(path.name for path in fonts.glob("*.woff2")) - set(sizes):
        (fonts / stale).unlink()

    header = (f"Subsets of Noto, from Debian's {UPSTREAM_PACKAGE} {UPSTREAM_VERSION} "
              "(https://github.com/notofonts), made by themes/mmr/fonts/make_fonts.py.\n"
              "They are Modified Versions under the SIL Open Font License, Version 1.1, below.\n\n")
    copyrights = "".join(f"{notice}\n" + "".join(f"  {file}\n" for file in files) + "\n"
                         for notice, files in notices.items())
    write_atomically(fonts / "OFL.txt", (header + copyrights + licence_text()).encode("utf-8"))

    stylesheet = (
        "/* Made by themes/mmr/fonts/make_fonts.py (make fonts): edit the script,\n"
        "   not this file. Each family has one face per script; the browser picks\n"
        "   the face by character and downloads only the subsets a page uses.\n"
        "   Each \"… installed\" family is the same faces from the reader's machine,\n"
        "   to draw with while they download. */\n\n"
        + "\n\n".join(faces + installed) + "\n"
    )
    css = theme / "static" / "css"
    css.mkdir(parents=True, exist_ok=True)
    write_atomically(css / "fonts.css", stylesheet.encode("utf-8"))
    (theme / "fonts").mkdir(parents=True, exist_ok=True)
    write_atomically(theme / "fonts" / "faces.json", (json.dumps(manifest, indent=1) + "\n").encode("utf-8"))
    return sizes


def main():
    check_upstream()
    sizes = make_fonts(THEME)
    for name, size in sizes.items():
        print(f"{size:>7,} bytes  {name}")
    print(f"{sum(sizes.values()):>7,} bytes  in all")


if __name__ == "__main__":
    main()
