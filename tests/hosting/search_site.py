"""A build with a search page, as the search work will add one: a Welsh
page (Template: search) at /cy/search/, rendered by a copy of the theme
whose search.html declares SEARCH_CONTENT_SECURITY_POLICY."""

import shutil

from sitebuild import ROOT, copy_content, run_pelican

SITEURL = "https://example.org"
SEARCH_TEMPLATE = """{% extends "page.html" %}
{% block content_security_policy %}{{ content_security_policies.SEARCH_CONTENT_SECURITY_POLICY.meta_text }}{% endblock %}
"""


def site_with_search_page(tmp_path, template=SEARCH_TEMPLATE, extra_page=None):
    """Build it into tmp_path/output; the CompletedProcess, whatever its code."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "themes" / "mmr", theme)
    (theme / "templates" / "search.html").write_text(template, "utf-8")
    content = copy_content(tmp_path / "content")
    (content / "pages" / "search").mkdir(parents=True)
    (content / "pages" / "search" / "search.cy.md").write_text(
        "Title: Chwilio\nTemplate: search\n\nChwilio'r gyfres.\n", "utf-8")
    if extra_page:
        (content / "pages" / "about").mkdir()
        (content / "pages" / "about" / "about.cy.md").write_text(extra_page, "utf-8")
    return run_pelican(content, tmp_path / "output", "publishconf.py", SITEURL=SITEURL,
                       THEME=str(theme))
