"""The language switcher and the root chooser work when clicked in a
browser: each link lands on the page in that language."""

from urllib.parse import unquote, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait

from browser_pages import language_homes


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
