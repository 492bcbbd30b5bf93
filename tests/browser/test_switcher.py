"""The language switcher and the root chooser work when clicked in a
browser: each link lands on the page in that language; the languages an
article is not in lead to their homes, struck out nowhere, and the
switcher works from the keyboard with names a screen reader can say."""

from urllib.parse import unquote, urlsplit

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait

from browser_pages import language_homes
from plugins.localisation.catalogs import load_catalogs
from plugins.localisation.languages import load_languages
from sitebuild import ROOT, SETTINGS


def click_language(browser, lang):
    """Click the first link to `lang` on the page (the switcher comes first)
    and wait for the next page."""
    links = browser.find_elements(By.CSS_SELECTOR, f"a[hreflang='{lang}']")
    assert links, f"{browser.current_url} has no link to {lang}"
    old = browser.find_element(By.TAG_NAME, "html")
    links[0].click()
    WebDriverWait(browser, 10).until(expected_conditions.staleness_of(old))


def where(browser):
    path = unquote(urlsplit(browser.current_url).path)
    lang = browser.find_element(By.TAG_NAME, "html").get_attribute("lang")
    return path, lang


def test_switching_an_article_from_welsh_to_italian(browser, base_url):
    browser.get(base_url + "/cy/is-it-engagement/")
    assert where(browser) == ("/cy/is-it-engagement/", "cy")
    click_language(browser, "it")
    assert where(browser) == ("/it/is-it-engagement/", "it")


@pytest.mark.parametrize("lang", ["cy", "it", "ar", "el"])
def test_the_root_chooser_leads_to_each_language_home(browser, base_url, site, lang):
    assert lang in language_homes(site)
    browser.get(base_url + "/")
    click_language(browser, lang)
    assert where(browser) == (f"/{lang}/", lang)


# An article in one language: the Greek part, in no other language.
GREEK_ONLY = "/el/marketing-failing/"

STRUCK = """
return [...document.querySelectorAll('nav.language-switcher, nav.language-switcher *')]
  .filter(element => getComputedStyle(element).textDecorationLine.includes('line-through'))
  .map(element => element.outerHTML);
"""


@pytest.mark.parametrize("lang", ["cy", "it", "ar"])
def test_a_language_the_article_is_not_in_leads_to_its_home(browser, base_url, lang):
    browser.get(base_url + GREEK_ONLY)
    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, f"nav.language-switcher .switcher-missing a[hreflang='{lang}']").click()
    WebDriverWait(browser, 10).until(expected_conditions.staleness_of(old))
    assert where(browser) == (f"/{lang}/", lang)


def test_no_language_is_struck_out(browser, base_url):
    browser.get(base_url + GREEK_ONLY)
    assert browser.find_elements(By.CSS_SELECTOR, "nav.language-switcher .switcher-missing a")
    assert browser.execute_script(STRUCK) == []


@pytest.fixture(scope="module")
def catalogs():
    return load_catalogs(ROOT / "translations", load_languages(SETTINGS["LANGUAGES"]))


def test_the_switcher_works_from_the_keyboard_and_names_its_links(browser, base_url, catalogs):
    """Tab reaches a missing language's link, whose name says it leads to
    a home page (in the page's language); Enter follows it."""
    browser.get(base_url + GREEK_ONLY)
    target = browser.find_element(By.CSS_SELECTOR, "nav.language-switcher .switcher-missing a[hreflang='cy']")
    assert catalogs["el"].gettext("(home page)") in target.accessible_name
    assert target.accessible_name.startswith("Cymraeg")
    for _ in range(40):  # the skip link, the menu, the search box, the languages
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.switch_to.active_element == target:
            break
    assert browser.switch_to.active_element == target
    old = browser.find_element(By.TAG_NAME, "html")
    target.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(expected_conditions.staleness_of(old))
    assert where(browser) == ("/cy/", "cy")
