"""`make status FORMAT=html`: the translators' dashboard, one
self-contained page (its CSS inline, no script, no request) that reads
offline: every article and page against every language, present, missing
(with the command that starts it and a link to the file it starts from)
or stale (with the number of the source's paragraphs that changed). It is
written outside output/ and never published."""

import os
import re
import tempfile

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from plugins.localisation.languages import load_languages

from .status import MISSING, STALE

DEFAULT_OUTPUT = os.path.join(".cache", "translation-status.html")
ROOT_VARIABLES = re.compile(r":root\s*\{[^}]*\}")


def theme_variables(settings):
    """The theme's colours and fonts (main.css's :root block), so that the
    dashboard has the kit's look without a second copy of them."""
    path = os.path.join(settings["THEME"], "static", "css", "main.css")
    try:
        with open(path, encoding="utf-8") as handle:
            match = ROOT_VARIABLES.search(handle.read())
    except OSError:
        return ""
    # The theme's own stylesheet, not anyone's input: CSS, unescaped.
    return Markup(match[0]) if match and "</" not in match[0] else ""


def changed_paragraphs(cell):
    """How many of the source's paragraphs changed (added, removed or
    changed), or None when that cannot be told."""
    if cell.get("changes"):
        return sum(cell["changes"]["paragraphs"].values())
    return cell.get("new_paragraphs")


def write_dashboard(rows, variants, languages, settings, output=DEFAULT_OUTPUT):
    """Write the page (to a temporary name, then renamed); return its path."""
    output_folder = os.path.dirname(os.path.abspath(output))
    os.makedirs(output_folder, exist_ok=True)
    titles = {(v.kind, v.key, v.lang): v.title for v in variants}
    paths = {(v.kind, v.key, v.lang): v.path for v in variants}

    def link(path):
        return os.path.relpath(path, output_folder).replace(os.sep, "/")

    environment = Environment(
        loader=FileSystemLoader(os.path.join(os.path.dirname(__file__), "templates")),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["file_link"] = link
    environment.filters["basename"] = os.path.basename
    languages_shown = load_languages(settings["LANGUAGES"])
    html = environment.get_template("dashboard.html").render(
        rows=rows,
        languages=languages_shown,
        titles=titles,
        paths=paths,
        theme_variables=theme_variables(settings),
        changed_paragraphs=changed_paragraphs,
        MISSING=MISSING,
        STALE=STALE,
    )
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=output_folder, prefix=".", suffix=".tmp", delete=False) as handle:
        handle.write(html)
    os.replace(handle.name, output)
    return output
