"""No theme string is left in English on a built page: no msgid of
messages.pot appears in a text node or a reader-facing attribute (aria-label,
title, alt, placeholder) of any page, in the language of that node (its
nearest lang= ancestor), unless that language rightly says it the same way
(l10n_support.SAME_AS_ENGLISH, each with its reason).

Authors' text (article and comment bodies, summaries) is not theme text:
it is in the article's language by construction and may quote English.
"""

import pytest

from l10n_support import english_on, english_patterns, theme_strings


def test_the_check_finds_english_where_it_is():
    """The checker itself: it sees text and attributes, placeholders,
    the node's language, and skips authors' text."""
    patterns = english_patterns()
    page = """<html lang="cy"><body>
      <nav aria-label="Languages"></nav>
      <a>Previous article: Teitl</a>
      <h1>Tag: ymgysylltu</h1>
      <p>3 articles · 12 comments</p>
      <p lang="it">Tag: marketing</p>
      <div class="post-body"><p>Home</p></div>
    </body></html>"""
    found = {(language, msgid) for language, msgid, _ in english_on(page, patterns)}
    assert found == {
        ("cy", "Languages"),
        ("cy", "Previous article: %(title)s"),
        ("cy", "%(num)s articles"),
        ("cy", "%(num)s comments"),
        ("it", "Tag: %(name)s"),
        ("it", "Tag"),  # the search page's filter label, inside the same text
    }


@pytest.mark.parametrize("build", ["site", "published_site"])
def test_no_english_theme_text_on_any_page(build, request):
    site = request.getfixturevalue(build)
    patterns = english_patterns()
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    problems = []
    theme_texts = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        theme_texts += sum(1 for _ in theme_strings(html))
        for language, msgid, text in english_on(html, patterns):
            problems.append(f"{path.relative_to(site)} [{language}]: {msgid!r} in {text!r}")
    assert theme_texts > 10 * len(pages)  # the check saw the theme's words
    assert not problems, "\n".join(problems)
