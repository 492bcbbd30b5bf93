"""Welsh mutations and Arabic spellings, word by word, on a small site
built for it (two Welsh and two Arabic articles) by the real build and
indexer: a query in one form finds the article that has the word only in
another form, both ways; and, to show what the search page adds, what
Pagefind finds by itself."""

import pytest

from browser.local_server import serve
from searching import pagefind_alone, search, search_path
from sitebuild import build_site, index_site

# (a form on one article, the form on the other); Welsh radicals with a
# soft, nasal or aspirate mutation of them.
WELSH = [
    ("nghadair", "cadair"),   # chair: nasal c
    ("chath", "cath"),        # cat: aspirate c
    ("mhentref", "pentref"),  # village: nasal p
    ("nhad", "tad"),          # father: nasal t
    ("ardd", "gardd"),        # garden: soft g, dropped
    ("ngardd", "gardd"),      # nasal g
    ("fara", "bara"),         # bread: soft b
    ("nrws", "drws"),         # door: nasal d
    ("fam", "mam"),           # mother: soft m
    ("lyfr", "llyfr"),        # book: soft ll
    ("raglen", "rhaglen"),    # programme: soft rh
]
# (with diacritics or hamza, without them; does Pagefind alone find the
# second article from the first spelling, and the first from the second).
# Its Arabic stemmer already folds the diacritics and the hamza on alef,
# waw and ya; it lacks ى typed for ي (or ئ), a final ه typed for ة, and
# the lone hamza ء typed where the page has none: the page adds those.
ARABIC = [
    ("القُرْآن", "القران", True, True),    # the Quran: diacritics, madda
    ("أحمد", "احمد", True, True),          # hamza on alef
    ("إسلام", "اسلام", True, True),        # hamza under alef
    ("سأل", "سال", True, True),            # asked
    ("مسؤول", "مسوول", True, True),        # hamza on waw
    ("رئيس", "رييس", True, True),          # hamza on ya
    ("مُفِيدَةٌ", "مفيدة", True, True),    # diacritics, tanween
    ("مستشفى", "مستشفي", False, True),     # alef maqsura / ya
    ("الشركة", "الشركه", True, False),     # ta marbuta / ha
    ("هيئة", "هيئه", True, False),
    ("شيء", "شي", False, True),            # the lone hamza
    ("مبتدئ", "مبتدى", True, False),       # hamza on ya / alef maqsura
]

ARTICLE = """Title: {title}
Date: 2024-01-0{day}
Category: {category}
Summary: {summary}

{words}
"""


def write_article(content, key, lang, day, title, category, words):
    folder = content / "articles" / key
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{key}.{lang}.md").write_text(
        ARTICLE.format(title=title, day=day, category=category, summary=title,
                       words=" ".join(words)), encoding="utf-8")


@pytest.fixture(scope="module")
def spellings_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("spellings")
    content = base / "content"
    write_article(content, "ffurfiau-treigledig", "cy", 1, "Ffurfiau treigledig", "Prawf",
                  sorted({mutated for mutated, _ in WELSH}))
    write_article(content, "ffurfiau-cysefin", "cy", 2, "Ffurfiau cysefin", "Prawf",
                  sorted({radical for _, radical in WELSH}))
    write_article(content, "bil-hamza", "ar", 3, "بالتشكيل", "اختبار", [marked for marked, *_ in ARABIC])
    write_article(content, "bila-hamza", "ar", 4, "دون تشكيل", "اختبار", [plain for _, plain, *_ in ARABIC])
    output = index_site(build_site(content, base / "output"))
    with serve(output) as url:
        yield url


def paths(lang, *keys):
    return [f"/{lang}/{key}/" for key in keys]


@pytest.mark.parametrize("mutated, radical", WELSH)
def test_a_welsh_word_finds_its_other_form_both_ways(browser, spellings_site, mutated, radical):
    mutated_page, radical_page = paths("cy", "ffurfiau-treigledig", "ffurfiau-cysefin")
    assert radical_page in search(browser, spellings_site, "cy", q=mutated)[1]
    assert mutated_page in search(browser, spellings_site, "cy", q=radical)[1]
    # Pagefind has no Welsh stemmer: by itself it finds neither.
    assert radical_page not in pagefind_alone(browser, mutated)
    assert mutated_page not in pagefind_alone(browser, radical)


def test_a_welsh_query_of_several_words_needs_each_in_some_form(browser, spellings_site):
    mutated_page, radical_page = paths("cy", "ffurfiau-treigledig", "ffurfiau-cysefin")
    found = search(browser, spellings_site, "cy", q="cadair ardd")[1]
    assert mutated_page in found and radical_page in found
    assert search(browser, spellings_site, "cy", q="cadair ysgol")[1] == []


@pytest.mark.parametrize("marked, plain, alone_finds_plain, alone_finds_marked", ARABIC)
def test_an_arabic_word_finds_its_other_spelling_both_ways(
        browser, spellings_site, marked, plain, alone_finds_plain, alone_finds_marked):
    marked_page, plain_page = paths("ar", "bil-hamza", "bila-hamza")
    assert plain_page in search(browser, spellings_site, "ar", q=marked)[1]
    assert marked_page in search(browser, spellings_site, "ar", q=plain)[1]
    assert (plain_page in pagefind_alone(browser, marked)) == alone_finds_plain
    assert (marked_page in pagefind_alone(browser, plain)) == alone_finds_marked


def test_another_language_s_page_is_not_found(browser, spellings_site):
    browser.get(spellings_site + search_path("ar"))
    assert pagefind_alone(browser, "cadair") == []
