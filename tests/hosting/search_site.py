"""A published build with the search pages (plugins/search), optionally
with a changed copy of the theme's search.html or one more page placed
inside a search folder."""

import shutil

from sitebuild import ROOT, copy_content, run_pelican

SITEURL = "https://example.org"


def site_with_search_page(tmp_path, template=None, extra_page=None):
    """Build it into tmp_path/output; the CompletedProcess, whatever its code."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "themes" / "mmr", theme)
    if template is not None:
        (theme / "templates" / "search.html").write_text(template, "utf-8")
    content = copy_content(tmp_path / "content")
    if extra_page:
        (content / "pages" / "placed").mkdir(parents=True)
        (content / "pages" / "placed" / "placed.cy.md").write_text(extra_page, "utf-8")
    return run_pelican(content, tmp_path / "output", "publishconf.py", SITEURL=SITEURL,
                       THEME=str(theme))
