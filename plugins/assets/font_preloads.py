"""The faces each language's pages preload (FONT_PRELOADS), each in the
scripts it draws there: "page", the language's script, as CLDR's likely
subtags name it (Babel: el -> el_Grek_GR); "site", every language's. Both
with Latin's, which holds the spaces, digits and punctuation of text in
every script (themes/mmr/fonts/make_fonts.py cuts the subsets so). Read
from the subsets' manifest make_fonts.py writes (fonts/faces.json)."""

import json
from pathlib import Path

from babel.core import get_global, parse_locale

from plugins.errors.exceptions import ContentError

MANIFEST = Path("fonts") / "faces.json"
SHARED_SCRIPT = "Latn"


class FontPreloadError(ContentError):
    """FONT_PRELOADS names a face, or a language has a script, that the
    theme's fonts do not have."""


def script_of(code):
    """The ISO 15924 script CLDR gives the language: cy -> Latn."""
    _, _, script, _ = parse_locale(get_global("likely_subtags").get(code, code))
    return script


def font_preloads(manifest, languages, wanted):
    """{language code: [font file]} for the languages, of the faces wanted
    ([family, weight, style, "page" or "site"])."""
    scripts = {code: script_of(code) for code in languages}
    for code, script in scripts.items():
        if script not in manifest:
            raise FontPreloadError(
                f"pelicanconf.py: LANGUAGES has {code}, written in {script}, for which the theme has no "
                "fonts: add the script to themes/mmr/fonts/make_fonts.py and run make fonts")
    files_of = {}
    for script, faces in manifest.items():
        for face in faces:
            files_of.setdefault((script, face["family"], face["weight"], face["style"]), []).append(face["file"])
    preloads = {}
    for code in languages:
        files = []
        for family, weight, style, where in wanted:
            drawn = [scripts[code]] + (list(scripts.values()) if where == "site" else [])
            for face_script in dict.fromkeys(drawn + [SHARED_SCRIPT]):
                found = files_of.get((face_script, family, weight, style))
                if not found:
                    raise FontPreloadError(
                        f"pelicanconf.py: FONT_PRELOADS names {family} {weight} {style}, which the theme's "
                        f"{face_script} fonts do not have: name a face of themes/mmr/fonts/make_fonts.py's FACES")
                files += found
        preloads[code] = files
    return preloads


def install_font_preloads(generator):
    """Put {language code: [font file]} in the build's context, for the
    templates."""
    if "font_preloads" not in generator.context:
        settings = generator.settings
        manifest = json.loads((Path(settings["THEME"]) / MANIFEST).read_text("utf-8"))
        languages = generator.context["localisation"].languages
        generator.context["font_preloads"] = font_preloads(manifest, languages, settings["FONT_PRELOADS"])
