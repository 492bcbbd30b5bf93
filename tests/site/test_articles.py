"""Each seed article is published in its language with all its text."""

import pytest

from seeds import SEED_ARTICLES, article_paragraphs, capture_title, normalise
from sitebuild import SEEDS, read_html

# The captures are the source material beside the project, not in it, as
# the real exports are (tests/comments/test_corpora.py).
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is absent (the seed captures are not in the repo)")


@pytest.mark.parametrize("seed", SEED_ARTICLES, ids=lambda seed: seed.file[:3])
def test_every_paragraph_of_the_capture_is_on_the_page(site, seed):
    page = read_html(site / seed.lang / seed.key / "index.html")
    body = normalise(page.select_one("article .post-body").get_text(" "))
    paragraphs = article_paragraphs(seed)
    assert len(paragraphs) > 5
    position = 0
    for paragraph in paragraphs:
        found = body.find(paragraph, position)
        assert found >= 0, f"missing or out of order: {paragraph[:80]!r}"
        position = found + len(paragraph)


@pytest.mark.parametrize("seed", SEED_ARTICLES, ids=lambda seed: seed.file[:3])
def test_article_title_and_language(site, seed):
    page = read_html(site / seed.lang / seed.key / "index.html")
    assert normalise(page.h1.get_text()) == normalise(capture_title(seed))
    assert page.html["lang"] == seed.lang
    assert page.html["dir"] == ("rtl" if seed.lang == "ar" else "ltr")


@pytest.mark.parametrize("seed", SEED_ARTICLES, ids=lambda seed: seed.file[:3])
def test_page_chrome_is_not_article_text(site, seed):
    body = read_html(site / seed.lang / seed.key / "index.html").select_one(".post-body")
    text = body.get_text()
    for chrome in ("Akismet", "Beth ydych chi'n feddwl?", "Cosa ne pensi?",
                   "Ποια είναι η γνώμη σας;", "المقال السابق", seed.end_marker):
        assert chrome not in text
