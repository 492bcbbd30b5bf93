"""Searching as a reader does, for the browser tests: open a language's
search page (or type into a page's header form), wait for the script to
finish, read what it lists; and Pagefind alone, without the page's own
query forms, to show what those add."""

from urllib.parse import unquote, urlencode, urlsplit

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from search_sources import settings

FINISHED = """
const list = document.getElementById('search-results');
const status = document.getElementById('search-status');
return list !== null && !list.hasAttribute('aria-busy') && status.textContent !== '';
"""
LISTED = """
return [...document.querySelectorAll('#search-results > li')].map(item => ({
  path: new URL(item.querySelector('a').href).pathname,
  title: item.querySelector('a').textContent,
  excerpt: item.querySelector('.search-excerpt').textContent,
}));
"""
# A new query on the open search page, sent as a reader sends it (the
# page's script keeps the page and updates its address).
SEND = """
const params = arguments[0];
document.getElementById('search-query').value = params.q ?? '';
for (const name of ['category', 'tag']) {
  const select = document.getElementById('search-' + name);
  if (select !== null) select.value = params[name] ?? '';
}
document.getElementById('search-form').requestSubmit();
"""
PAGEFIND_ALONE = """
const done = arguments[arguments.length - 1];
const bundle = document.getElementById('search-bundle').href;
import(bundle)
  .then(async pagefind => {
    const baseUrl = new URL('../../', bundle).pathname;
    await pagefind.options({ baseUrl });
    await pagefind.init();
    const parts = await (await fetch(new URL('parts.json', bundle))).json();
    await Promise.all(parts.map(part => pagefind.mergeIndex(new URL(`../${part}/`, bundle).pathname, { baseUrl })));
    const search = await pagefind.search(arguments[0]);
    const found = await Promise.all(search.results.map(result => result.data()));
    done(found.map(data => new URL(data.url, location.href).pathname));
  })
  .catch(error => done('error: ' + error));
"""


def search_path(lang, **params):
    path = "/" + settings()["LANGUAGE_SEARCH_URL"].format(lang=lang)
    return path + ("?" + urlencode(params) if params else "")


def wait_for_results(browser):
    WebDriverWait(browser, 30).until(lambda driver: driver.execute_script(FINISHED))
    return status(browser), [unquote(entry["path"]) for entry in listed(browser)]


def status(browser):
    return browser.find_element(By.ID, "search-status").text


def listed(browser):
    return browser.execute_script(LISTED)


def search(browser, base_url, lang, **params):
    """(status, [paths of the results]) of /<lang>/search/?params: typed
    into the form when that page is open, else loaded from its address."""
    if browser.current_url.startswith(base_url + search_path(lang)):
        browser.execute_script(SEND, params)
    else:
        browser.get(base_url + search_path(lang, **params))
    return wait_for_results(browser)


def search_from_header(browser, base_url, page, query):
    """Type the query into the header form of `page` and send it."""
    browser.get(base_url + page)
    field = browser.find_element(By.CSS_SELECTOR, "header form[role=search] input[name=q]")
    field.send_keys(query, Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda driver: urlsplit(driver.current_url).path != page)


def pagefind_alone(browser, query):
    """Paths Pagefind's own search finds for the query on the open search page."""
    found = browser.execute_async_script(PAGEFIND_ALONE, query)
    assert not isinstance(found, str), found
    return [unquote(path) for path in found]
