"""Screenshots for a person to look at: each language home, every article
(each a part of the series), each language's series page and search
results, full page; the homes and articles again on a 390 px phone and in
the dark colour scheme; saved under pytest's temporary folder (the folder
is printed at the end of the run). Nothing is compared."""

from urllib.parse import unquote

import pytest

from browser_pages import article_pages, language_homes
from emulation import PHONE, emulated
from search_sources import article_sources, words_of
from searching import search
from sitebuild import LANGUAGES


def full_page_png(browser):
    """The whole page, not only the window, through the DevTools protocol."""
    shot = browser.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
    )
    import base64

    return base64.b64decode(shot["data"])


def save(browser, base_url, url, folder, name):
    browser.get(base_url + url)
    browser.execute_script("return document.fonts.ready")
    path = folder / f"{name}.png"
    path.write_bytes(full_page_png(browser))
    assert path.stat().st_size > 10_000, f"{path} looks empty"
    return path


def test_screenshot_each_language_home(browser, base_url, site, screenshot_folder):
    homes = language_homes(site)
    assert homes
    for lang in homes:
        save(browser, base_url, f"/{lang}/", screenshot_folder, f"home-{lang}")
    print(f"screenshots in {screenshot_folder}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_screenshot_articles(browser, base_url, site, screenshot_folder, lang):
    pages = [url for page_lang, url in article_pages(site) if page_lang == lang]
    assert pages, f"no {lang} article"
    for url in pages:
        name = "article-" + unquote(url).strip("/").replace("/", "-")
        save(browser, base_url, url, screenshot_folder, name)
    print(f"screenshots in {screenshot_folder}")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("view", ["phone", "dark"])
def test_screenshot_phone_and_dark_views(browser, base_url, site, screenshot_folder, lang, view):
    pages = [(f"home-{lang}", f"/{lang}/")] + [
        ("article-" + unquote(url).strip("/").replace("/", "-"), url)
        for page_lang, url in article_pages(site) if page_lang == lang
    ]
    settings = {"viewport": PHONE} if view == "phone" else {"colour_scheme": "dark"}
    with emulated(browser, **settings):
        for name, url in pages:
            save(browser, base_url, url, screenshot_folder, f"{view}-{name}")
    print(f"screenshots in {screenshot_folder}")


def test_screenshot_each_series_page(browser, base_url, site, screenshot_folder):
    pages = sorted(site.glob("*/series/*/index.html"))
    assert pages
    for path in pages:
        url = "/" + path.parent.relative_to(site).as_posix() + "/"
        save(browser, base_url, url, screenshot_folder, "series-" + path.parent.relative_to(site).parts[0])


def test_screenshot_each_language_s_search_results(browser, base_url, site, screenshot_folder):
    """Each language's search page with the results of a word of one of
    its articles' titles."""
    sources = article_sources()
    for lang in language_homes(site):
        article = next(source for source in sources if source.lang == lang)
        assert search(browser, base_url, lang, q=max(words_of(article.title), key=len))[1], lang
        browser.execute_script("return document.fonts.ready")
        path = screenshot_folder / f"search-{lang}.png"
        path.write_bytes(full_page_png(browser))
        assert path.stat().st_size > 10_000, f"{path} looks empty"
    print(f"screenshots in {screenshot_folder}")
