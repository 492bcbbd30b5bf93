"""Joins the theme's stylesheets (STYLESHEET_SOURCES, files of the
theme's static folder, in the order their rules must cascade) into
STYLESHEET under the theme's output folder, through the writer, which
writes it whole and records it."""

from pathlib import Path, PurePosixPath

from plugins.errors.exceptions import ContentError


class StylesheetSourceError(ContentError):
    """STYLESHEET_SOURCES names a file the theme does not have."""


def joined_stylesheet(static, sources):
    """The text of the sources (paths under the theme's static folder
    static), each after a comment naming it."""
    parts = []
    for source in sources:
        path = Path(static) / source
        if not path.is_file():
            raise StylesheetSourceError(
                f"pelicanconf.py: STYLESHEET_SOURCES names {source}, which {static} does not have: "
                "name a stylesheet of the theme's static folder")
        parts.append(f"/* ---- {source} ---- */\n\n" + path.read_text("utf-8").strip() + "\n")
    return "\n".join(parts)


def write_stylesheet(writer, context):
    """Once the writer has written every page (its pages_written signal)."""
    settings = writer.settings
    text = joined_stylesheet(Path(settings["THEME"]) / "static", settings["STYLESHEET_SOURCES"])
    name = PurePosixPath(settings["THEME_STATIC_DIR"], settings["STYLESHEET"])
    writer.write_site_file(str(name), text, "the theme's stylesheet")
