"""The search page's query forms (themes/mmr/static/js/query_variants.js),
run in Node: the Welsh mutations and Arabic spellings a query word is also
searched as. Expected forms are Welsh and Arabic orthography, written here
by hand; that Pagefind then finds them on pages is tests/browser/
test_search_spellings.py."""

import json
import os
import shutil
import subprocess

import pytest

from sitebuild import ROOT

MODULE = ROOT / "themes" / "mmr" / "static" / "js" / "query_variants.js"
NODE = shutil.which("node")


def forms(lang, *words):
    """{word: [(text, exact)]} from the module itself."""
    if NODE is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Node is not installed (CI=true: this test must run)")
        pytest.skip("Node is not installed (apt-get install nodejs)")
    program = (
        f"import {{ queryForms }} from {json.dumps(MODULE.as_uri())};\n"
        f"const words = {json.dumps(words)};\n"
        f"console.log(JSON.stringify(Object.fromEntries(words.map(w => "
        f"[w, queryForms({json.dumps(lang)}, w).map(f => [f.text, f.exact])]))));"
    )
    result = subprocess.run(
        [NODE, "--input-type=module", "-e", program], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return {word: [tuple(form) for form in found] for word, found in json.loads(result.stdout).items()}


def texts(found):
    return {text for text, _ in found}


def test_the_typed_word_comes_first_and_alone_is_searched_as_a_prefix():
    for lang, word in (("cy", "Cath"), ("ar", "مستشفى"), ("it", "gatto")):
        found = forms(lang, word)[word]
        assert found[0] == (word.lower(), False)
        assert all(exact for _, exact in found[1:])
        assert len(texts(found)) == len(found)  # no form twice


@pytest.mark.parametrize("radical, mutated", [
    ("cath", {"gath", "nghath", "chath"}),
    ("pen", {"ben", "mhen", "phen"}),
    ("tad", {"dad", "nhad", "thad"}),
    ("gardd", {"ardd", "ngardd"}),
    ("bara", {"fara", "mara"}),
    ("drws", {"ddrws", "nrws"}),
    ("mam", {"fam"}),
    ("llyfr", {"lyfr"}),
    ("rhaglen", {"raglen"}),
])
def test_a_welsh_radical_is_also_searched_as_each_mutation(radical, mutated):
    assert mutated <= texts(forms("cy", radical)[radical])


@pytest.mark.parametrize("mutated, expected", [
    ("nghath", {"cath", "gath", "chath"}),   # nasal c, not g's "ng" nor d's "n"
    ("chath", {"cath", "gath", "nghath"}),
    ("gath", {"cath", "nghath", "chath", "ath", "ngath"}),  # or a radical "gath"
    ("mhen", {"pen", "ben", "phen"}),
    ("nhad", {"tad", "dad", "thad"}),
    ("ngardd", {"gardd", "ardd"}),           # nasal g
    ("ardd", {"gardd", "ngardd"}),           # the soft mutation drops g
    ("las", {"glas", "nglas", "llas"}),      # soft g or soft ll
    ("fam", {"mam", "bam"}),                 # f is soft b and soft m
    ("ddrws", {"drws", "nrws"}),
    ("lyfr", {"llyfr", "glyfr", "nglyfr"}),
    ("raglen", {"rhaglen", "graglen", "ngraglen"}),
])
def test_a_mutated_welsh_word_is_also_searched_as_its_radical_and_its_other_forms(mutated, expected):
    assert texts(forms("cy", mutated)[mutated]) == expected | {mutated}


def test_welsh_letters_that_are_no_mutation_stay_as_they_are():
    found = forms("cy", "ffordd", "llaw", "rhaglen", "hyn")
    assert texts(found["ffordd"]) == {"ffordd"}          # ff never mutates
    assert texts(found["llaw"]) == {"llaw", "law"}       # ll is not a mutated l
    assert texts(found["rhaglen"]) == {"rhaglen", "raglen"}
    assert texts(found["hyn"]) == {"hyn"}                # h- is not undone: "yn" would flood


@pytest.mark.parametrize("typed, also", [
    ("مستشفى", "مستشفي"),   # alef maqsura for ya
    ("إلى", "إلي"),
    ("الشركه", "الشركة"),   # final ha for ta marbuta
    ("شيء", "شي"),          # the lone hamza, written or not
    ("سماء", "سما"),
])
def test_an_arabic_word_is_also_searched_in_the_spellings_pagefind_does_not_match(typed, also):
    assert texts(forms("ar", typed)[typed]) == {typed, also}


def test_languages_without_rules_search_the_word_as_typed():
    assert forms("el", "Μπιφτέκι")["Μπιφτέκι"] == [("μπιφτέκι", False)]
    assert forms("it", "Gatto")["Gatto"] == [("gatto", False)]
    assert forms("ar", "كتاب")["كتاب"] == [("كتاب", False)]
