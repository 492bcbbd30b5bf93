"""Every page the build writes carries one Content-Security-Policy in a
<meta>, ahead of anything it governs, and the theme never needs an
exception to it: no inline script, no inline style, no event handler."""

import pytest

from host_formats import parse_policy
from sitebuild import LANGUAGES, SETTINGS, read_html

# What may appear before the policy in <head>: nothing it would govern.
BEFORE_POLICY = {"meta"}
UNSAFE_SOURCES = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "blob:",
                  "http:", "https:"}


@pytest.fixture(scope="module", params=["site", "published_site"])
def output(request):
    return request.getfixturevalue(request.param)


def pages(output):
    found = sorted(output.rglob("*.html"))
    assert len(found) > 30, "the whole site, listings and 404s included"
    return found


def search_pages(output):
    """The pages that may run scripts: each language's search page."""
    return {output / SETTINGS["LANGUAGE_SEARCH_SAVE_AS"].format(lang=code) for code in LANGUAGES}


def reading_pages(output):
    found = [page for page in pages(output) if page not in search_pages(output)]
    assert len(found) < len(pages(output)), "the search pages are where the layout says"
    return found


def test_every_page_declares_a_policy_before_anything_it_governs(output):
    for page in pages(output):
        head = read_html(page).head
        policies = head.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert len(policies) == 1, page
        earlier = [tag.name for tag in policies[0].find_all_previous() if tag.name not in ("html", "head")]
        assert set(earlier) <= BEFORE_POLICY, (page, earlier)


def test_reading_pages_allow_no_script_and_only_the_sites_own_resources(output):
    for page in reading_pages(output):
        meta = read_html(page).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        policy = parse_policy(meta["content"])
        assert policy["default-src"] == ["'none'"], page
        assert policy["script-src"] == ["'none'"], page
        assert policy["object-src"] == ["'none'"], page
        assert policy["base-uri"] == ["'self'"], page
        assert policy["img-src"] == ["'self'"], page
        assert policy["style-src"] == ["'self'"], page
        sources = {source for values in policy.values() for source in values}
        assert not sources & UNSAFE_SOURCES, (page, sources & UNSAFE_SOURCES)
        # Ignored (and reported) by browsers in a <meta>: the header sends it.
        assert "frame-ancestors" not in policy


def test_search_pages_allow_only_the_sites_own_scripts_and_webassembly(output):
    for page in search_pages(output):
        meta = read_html(page).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        policy = parse_policy(meta["content"])
        assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"], page
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"], page
        sources = {source for values in policy.values() for source in values}
        assert not sources & UNSAFE_SOURCES, (page, sources & UNSAFE_SOURCES)


def test_no_inline_script_or_style_anywhere(output):
    searching = search_pages(output)
    for page in pages(output):
        soup = read_html(page)
        assert not soup.find_all("style"), page
        assert not soup.find_all(style=True), page
        for script in soup.find_all("script"):
            if script.get("src") and page in searching:
                continue  # the search page's own script file
            # JSON data blocks (JSON-LD, the search page's words) are never
            # run: script-src does not apply to them.
            assert script.get("type") in ("application/ld+json", "application/json"), (page, script)
            assert not script.get("src"), (page, script)
        for tag in soup.find_all(True):
            handlers = [name for name in tag.attrs if name.lower().startswith("on")]
            assert not handlers, (page, tag.name, handlers)
            for name in ("href", "src", "action"):
                assert not str(tag.get(name, "")).lower().startswith("javascript:"), (page, tag)
