"""make devserver in Chromium: after a save, the page open in the browser
reloads by itself (nothing asks it to here), and the live-reload script
and its WebSocket load without one policy violation, while any other
script stays blocked on a reading page."""

import pytest
from selenium.webdriver.support.ui import WebDriverWait
from sitebuild import copy_content

from bench.devserving import saving, started, wait_for
from browser.test_content_security_policy import violation_listener, violations

ARTICLE = "articles/five-misconceptions/five-misconceptions.cy.md"
PAGE = "/cy/five-misconceptions/"
CONNECTED = "return !!(window.LiveReload && window.LiveReload.connector.protocol);"


@pytest.fixture
def devserver(tmp_path, browser):
    with started(copy_content(tmp_path / "content"), tmp_path) as server:
        yield server


def test_a_saved_article_reloads_by_itself_without_a_policy_violation(browser, devserver):
    source = devserver.content / ARTICLE
    with violation_listener(browser):
        browser.get(devserver.url(PAGE))
        WebDriverWait(browser, 30).until(lambda driver: driver.execute_script(CONNECTED))
        assert violations(browser) == []
        browser.execute_script("document.documentElement.dataset.beforeSave = 'yes';")

        def reloaded():
            return browser.execute_script(
                "return !document.documentElement.dataset.beforeSave"
                " && document.body.textContent.includes('Reloaded by itself.');")

        edited = source.read_text("utf-8") + "\nReloaded by itself.\n"
        wait_for(saving(source, edited, reloaded), "the page to reload by itself", devserver)
        WebDriverWait(browser, 30).until(lambda driver: driver.execute_script(CONNECTED))
        assert violations(browser) == []

        # The dev policy admits livereload.js alone: the site's own search
        # script is still refused on a reading page.
        browser.execute_script(
            "const script = document.createElement('script');"
            "script.src = '/pagefind/pagefind.js'; document.head.appendChild(script);")
        blocked = WebDriverWait(browser, 10).until(lambda driver: violations(driver))
        assert [(v["directive"], v["blocked"].rsplit("/", 2)[-2:]) for v in blocked] == [
            ("script-src-elem", ["pagefind", "pagefind.js"])
        ]
