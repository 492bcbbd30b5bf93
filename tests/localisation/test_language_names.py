"""Language names are cased as CLDR says for where they stand: capitalised
as a menu or list of languages shows them (contextTransforms, uiListOrMenu,
read from ICU), as written in running text elsewhere (Babel's name)."""

import icu
import pytest
from babel import Locale

from l10n_support import LANGUAGES
from plugins.localisation.languages import load_languages
from sitebuild import SETTINGS, read_html


def menu_cased(code):
    """The name in itself for a menu, straight from ICU."""
    locale = icu.Locale(code)
    names = icu.LocaleDisplayNames.createInstance(locale, [icu.UDisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU])
    return names.localeDisplayName(locale)


def running_text(code):
    return Locale.parse(code).get_display_name(code)


def test_cldr_capitalises_italian_in_menus_only():
    """What the tests below rely on: the two contexts differ for Italian
    and for none of the other languages."""
    assert menu_cased("it") != running_text("it")
    assert menu_cased("it").casefold() == running_text("it").casefold()
    for code in ("cy", "el", "ar"):
        assert menu_cased(code) == running_text(code), code


def switcher_names(page):
    return {
        element["lang"]: element.get_text(strip=True)
        for element in page.select("nav.language-switcher [lang]")
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_switcher_names_the_languages_as_menus_do(site, lang):
    pages = [site / lang / "index.html", *(site / lang).glob("*/index.html")]
    for path in pages:
        assert switcher_names(read_html(path)) == {code: menu_cased(code) for code in LANGUAGES}, path


def test_the_root_chooser_names_the_languages_as_menus_do(site):
    names = {
        item["lang"]: item.select_one(".language-name").get_text(strip=True)
        for item in read_html(site / "index.html").select("ul.languages > li")
    }
    assert names == {code: menu_cased(code) for code in LANGUAGES}


def test_also_in_names_the_languages_as_lists_do(site):
    links = read_html(site / "cy" / "index.html").select(".other-variants a[lang]")
    assert links
    for link in links:
        assert link.get_text(strip=True) == menu_cased(link["lang"])


def test_a_name_inside_a_sentence_keeps_its_running_text_case(site):
    """The root 404 says "Go to the home page (italiano)" in each language."""
    for item in read_html(site / "404.html").select("ul.languages > li"):
        assert item.select_one("a").get_text(strip=True).endswith(f"({running_text(item['lang'])})")


def test_a_site_can_name_a_language_its_own_way_in_menus():
    languages = load_languages({**SETTINGS["LANGUAGES"], "cy": {"menu_name": "Cymraeg (Cymru)"}})
    assert languages["cy"].menu_name == "Cymraeg (Cymru)"
    assert languages["cy"].name == running_text("cy")
    assert languages["it"].menu_name == menu_cased("it")




def in_a_sentence(in_code, code):
    names = icu.LocaleDisplayNames.createInstance(
        icu.Locale(in_code), [icu.UDisplayContext.CAPITALIZATION_FOR_MIDDLE_OF_SENTENCE])
    return names.localeDisplayName(icu.Locale(code))


def test_labels_name_other_languages_as_running_text_does():
    """The "(gallese)" after a title in another language: CLDR's name for
    the middle of a sentence; Greek, which CLDR capitalises, in lower case."""
    languages = load_languages(SETTINGS["LANGUAGES"])
    assert languages["it"].labels["el"] == in_a_sentence("it", "el") == in_a_sentence("it", "el").lower()
    assert languages["it"].labels["el"] != menu_cased("it").lower() and languages["it"].labels["el"][0].islower()
    assert languages["el"].labels["it"] == in_a_sentence("el", "it").lower() != in_a_sentence("el", "it")
    assert languages["cy"].labels["it"] == in_a_sentence("cy", "it")  # Welsh capitalises: Eidaleg
    assert languages["ar"].labels["el"] == in_a_sentence("ar", "el")
