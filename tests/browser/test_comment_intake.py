"""A reader comments with script turned off: headless Chromium fills the form
of a built article in Welsh and in Arabic, and a reply, and posts them to
the real intake server (python -m plugins.comments.intake serve, on
127.0.0.1); the moderator approves them with the real command; the site is
built again and shows each in its thread, the reply under its parent, the
hostile ones as harmless text."""

from types import SimpleNamespace

import pytest
from babel.support import Format
from defusedxml import ElementTree
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser.browser_pages import article_pages
from browser.local_server import serve
from intake.intake_support import catalogs, free_port, intake_command, running, settings_of, write_settings
from plugins.comments.intake.queue import Queue
from plugins.comments.intake.settings import project_path
from sitebuild import ROOT, build_site, copy_content, read_html
from test_accessibility import RUN_AXE, SERIOUS

HOSTILE_EXPORT = ROOT / "tests" / "comments" / "fixtures" / "wxr-1.2-https.xml"
WP = "{https://wordpress.org/export/1.2/}"


def hostile_comment():
    """(author, text) of the export's hostile comment, to be typed as text."""
    for comment in ElementTree.parse(HOSTILE_EXPORT).iter(f"{WP}comment"):
        if comment.findtext(f"{WP}comment_id") == "110":
            return comment.findtext(f"{WP}comment_author"), comment.findtext(f"{WP}comment_content")
    raise AssertionError("the hostile fixture has no comment 110")


@pytest.fixture
def without_script(browser):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        yield browser
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def fill_and_send(browser, name, text, website=""):
    for field, value in (("comment-name", name), ("comment-website", website), ("comment-text", text)):
        element = browser.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)
    browser.find_element(By.CSS_SELECTOR, "#comment-form button[type=submit]").click()


def wait_for(browser, address):
    WebDriverWait(browser, 30).until(lambda driver: driver.current_url.startswith(address))


def thread_heading(lang, count, words):
    num = Format(lang).number(count)
    return words[lang].ngettext("%(num)s comment", "%(num)s comments", count) % {"num": num}


@pytest.fixture(scope="module")
def intake_site(tmp_path_factory):
    """The real content built with a form posting to a running intake; the
    site served on 127.0.0.1, as are the intake's pages."""
    base = tmp_path_factory.mktemp("intake-site")
    content = copy_content(base / "content")
    output = base / "output"
    output.mkdir()
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    with serve(output) as site_url:
        settings_file = write_settings(base, content, SITEURL=site_url, COMMENTS_ENDPOINT=endpoint)
        build_site(content, output, COMMENTS_ENDPOINT=endpoint)
        with running(settings_file, port, base / "intake.log"):
            pages = article_pages(output)
            yield SimpleNamespace(
                content=content, output=output, endpoint=endpoint, site_url=site_url, settings_file=settings_file,
                pages=dict(pages),  # {lang: an article's address}
                # A Welsh article with a thread, to answer.
                threaded=next(url for lang, url in pages if lang == "cy"
                              and read_html(output / url.strip("/") / "index.html").select(".comment-reply")),
            )


def test_readers_comment_and_reply_without_script(intake_site, without_script):
    browser, words = without_script, catalogs()
    content, output, endpoint, site_url = (intake_site.content, intake_site.output, intake_site.endpoint,
                                           intake_site.site_url)
    settings_file, pages, cy_page = intake_site.settings_file, intake_site.pages, intake_site.threaded
    # Welsh, on an article with a thread: a comment of its own...
    browser.get(site_url + cy_page)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "cy"
    fill_and_send(browser, "Siân", "Rwy'n anghytuno'n llwyr.\n\nGweler https://example.org/pam.")
    wait_for(browser, f"{endpoint}/received")
    assert browser.find_element(By.TAG_NAME, "h1").text == words["cy"].gettext(
        "Thank you: your comment awaits moderation.")
    browser.find_element(By.CSS_SELECTOR, ".intake-back a").click()
    wait_for(browser, site_url + cy_page)
    # ...and a reply to the thread's first comment, from its reply link.
    first = browser.find_element(By.CSS_SELECTOR, ".comment-list > li")
    parent_id = first.get_attribute("id").removeprefix("comment-")
    first.find_element(By.CSS_SELECTOR, ".comment-reply").click()
    wait_for(browser, f"{endpoint}/reply")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "cy"
    fill_and_send(browser, "Gwyn", "Ateb i'r sylw cyntaf.")
    wait_for(browser, f"{endpoint}/received")

    # Arabic, right to left; the hostile comment typed as text, with a
    # javascript: website the intake sends back to correct.
    browser.get(site_url + pages["ar"])
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    author, text = hostile_comment()
    fill_and_send(browser, author, text, website="javascript:alert(1)")
    wait_for(browser, f"{endpoint}/post")
    website = browser.find_element(By.ID, "comment-website")
    assert website.get_attribute("aria-invalid") == "true"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    assert browser.find_element(By.ID, "comment-text").get_attribute("value") == text.strip()
    fill_and_send(browser, author, text)
    wait_for(browser, f"{endpoint}/received")
    assert browser.find_element(By.TAG_NAME, "h1").text == words["ar"].gettext(
        "Thank you: your comment awaits moderation.")

    queue = Queue(project_path(settings_of(settings_file), "COMMENTS_QUEUE"))
    waiting = {(s.lang, s.parent): s for s in queue.waiting()}
    assert set(waiting) == {("cy", None), ("cy", parent_id), ("ar", None)}
    shown_before = {url: len(read_html(output / url.strip("/") / "index.html").select(".comment:not(.comment-removed)"))
                    for url in (cy_page, pages["ar"])}
    approved = intake_command(settings_file, "moderate", "--approve", *(str(s.number) for s in waiting.values()))
    assert approved.returncode == 0, approved.stderr
    build_site(content, output, COMMENTS_ENDPOINT=endpoint)

    browser.get(site_url + cy_page)
    assert browser.find_element(By.CSS_SELECTOR, "#comments h2").text == thread_heading(
        "cy", shown_before[cy_page] + 2, words)
    mine = browser.find_element(By.ID, f"comment-{waiting['cy', None].comment_id}")
    assert mine.find_element(By.CSS_SELECTOR, ".comment-author").text == "Siân"
    assert mine.find_element(By.CSS_SELECTOR, ".comment-body a").get_attribute("href") == "https://example.org/pam"
    reply = browser.find_element(By.ID, f"comment-{waiting['cy', parent_id].comment_id}")
    assert reply.find_element(By.XPATH, "ancestor::li[1]").get_attribute("id") == f"comment-{parent_id}"

    browser.get(site_url + pages["ar"])
    thread = browser.find_element(By.ID, "comments")
    assert thread.find_element(By.TAG_NAME, "h2").text == thread_heading("ar", shown_before[pages["ar"]] + 1, words)
    hostile = browser.find_element(By.ID, f"comment-{waiting['ar', None].comment_id}")
    assert hostile.find_element(By.CSS_SELECTOR, ".comment-author").text == author
    assert "<script>alert(1)</script>" in hostile.find_element(By.CSS_SELECTOR, ".comment-body").text
    assert hostile.find_elements(By.CSS_SELECTOR, "script, iframe, img, svg, object, style, [onclick]") == []
    assert hostile.find_elements(By.CSS_SELECTOR, ".comment-author a") == []


def test_the_form_and_the_intakes_pages_pass_axe(intake_site, browser, axe_source):
    """Every page a reader meets on the way: the article with its form (cy,
    ar), the reply form, a form sent back to correct, the thanks page."""
    seen = []

    def check():
        browser.execute_script(axe_source)
        found = [v for v in browser.execute_async_script(RUN_AXE) if v["impact"] in SERIOUS]
        assert not found, (browser.current_url, found)
        seen.append(browser.current_url)

    for lang in ("cy", "ar"):
        browser.get(intake_site.site_url + intake_site.pages[lang])
        check()
    browser.get(intake_site.site_url + intake_site.threaded)
    browser.find_element(By.CSS_SELECTOR, ".comment-reply").click()
    wait_for(browser, f"{intake_site.endpoint}/reply")
    check()
    browser.get(intake_site.site_url + intake_site.pages["ar"])
    fill_and_send(browser, "   ", "نص")  # a name of spaces passes the browser, not the intake
    wait_for(browser, f"{intake_site.endpoint}/post")
    assert browser.find_element(By.ID, "comment-name").get_attribute("aria-invalid") == "true"
    check()
    fill_and_send(browser, "سلمى", "نص")
    wait_for(browser, f"{intake_site.endpoint}/received")
    check()
    assert len(seen) == 5
