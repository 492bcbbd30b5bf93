"""The Content-Security-Policy as Chromium enforces it.

A listener for `securitypolicyviolation`, installed before any page runs
(CDP's Page.addScriptToEvaluateOnNewDocument, which the page's policy does
not govern), records every violation Chromium reports. Pages come from the
local server with the headers the build's _headers gives them (as Netlify
would send them), so the <meta> and the header are both in force.

- Every page of the build, and the 404 pages a missing address gets,
  loads without a single violation. Article pages carry JSON-LD in a
  <script type="application/ld+json">: a data block, which Chromium
  neither runs nor checks against script-src, and which stays readable.
- A script slipped into a comment's HTML past the sanitiser (the built
  page is edited here) does not run, in any of the ways HTML can carry
  one, and neither do inline styles, frames, plugins or outside images.
- The search policy lets the site's own script run, compile WebAssembly
  and fetch the site's files, as Pagefind does, and still no inline script;
  without 'wasm-unsafe-eval' the WebAssembly would not compile.
"""

import contextlib
import shutil
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pelican.settings import read_settings
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser.local_server import SiteRequestHandler, serve
from browser_pages import article_pages, language_homes, site_pages
from hosting.host_formats import netlify_headers, parse_headers
from plugins.hosting.policy import read_policy
from sitebuild import ROOT, read_html

LISTENER = """
window.__policyViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__policyViolations.push({directive: event.effectiveDirective,
                                  blocked: event.blockedURI, sample: event.sample});
}, true);
"""
# Violation events are queued as tasks: let the page's have fired.
COLLECT = """
const done = arguments[arguments.length - 1];
setTimeout(() => done(window.__policyViolations === undefined ? null : window.__policyViolations), 50);
"""
INJECTED = """<div class="injected">
<script>document.documentElement.dataset.injected = "inline script";</script>
<script src="/theme/injected.js"></script>
<img src="/no-such-image.png" alt="" onerror="document.documentElement.dataset.injected = 'event handler';">
<img src="https://images.example.net/tracker.png" alt="">
<a id="injected-link" href="javascript:document.documentElement.dataset.injected = 'javascript: link'">x</a>
<iframe title="x" srcdoc="<script>parent.document.documentElement.dataset.injected = 'frame'</script>"></iframe>
<iframe title="y" src="/"></iframe>
<object data="/theme/css/main.css" type="text/html"></object>
<style>body { display: none; }</style>
<span id="injected-style" style="display: none">styled</span>
</div>"""


def host_handler(output):
    """The local server, sending each address the headers of _headers."""
    rules = parse_headers((Path(output) / "_headers").read_text("utf-8"))

    class HostHeaders(SiteRequestHandler):
        def end_headers(self):
            for name, value in netlify_headers(rules, urlsplit(self.path).path).items():
                self.send_header(name, value)
            super().end_headers()

    return HostHeaders


@contextlib.contextmanager
def violation_listener(browser):
    script = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LISTENER})
    try:
        yield
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument",
                                {"identifier": script["identifier"]})


def violations(browser):
    found = browser.execute_async_script(COLLECT)
    assert found is not None, "the violation listener did not run on this page"
    return found


def root_data(browser, name):
    return browser.execute_script(f"return document.documentElement.dataset.{name} ?? null;")


@pytest.fixture(scope="module")
def hosted(site):
    with serve(site, host_handler(site)) as url:
        yield url


def test_every_page_loads_without_a_policy_violation(browser, site, hosted):
    homes = language_homes(site)
    missing = ["/no-such-page/"] + [f"/{lang}/no-such-page/" for lang in homes]
    articles = {url for _, url in article_pages(site)}
    assert len(homes) == 4 and articles
    with urllib.request.urlopen(hosted + "/") as response:
        assert "script-src 'none'" in response.headers["Content-Security-Policy"]
    report = []
    with violation_listener(browser):
        for url in site_pages(site) + missing:
            browser.get(hosted + url)
            meta = browser.find_elements(By.CSS_SELECTOR, 'meta[http-equiv="Content-Security-Policy"]')
            assert len(meta) == 1, url
            report += [f"{url}: {v}" for v in violations(browser)]
            if url in articles:
                # JSON-LD is data: there, whole, and not reported above.
                kind = browser.execute_script(
                    "return JSON.parse(document.querySelector("
                    "'script[type=\"application/ld+json\"]').textContent)['@type'];")
                assert kind == "BlogPosting", url
    assert not report, "Chromium reported policy violations:\n" + "\n".join(report)


def commented_article(output):
    for _, url in article_pages(output):
        page = Path(output, *url.strip("/").split("/"), "index.html")
        if read_html(page).select(".comment-body"):
            return url, page
    raise AssertionError("no article with comments in the build")


def test_a_script_slipped_into_a_comment_does_not_run(browser, site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    url, page = commented_article(copy)
    opening = '<div class="comment-body" dir="auto">'
    html = page.read_text("utf-8")
    assert opening in html
    page.write_text(html.replace(opening, opening + INJECTED, 1), "utf-8")
    (copy / "theme" / "injected.js").write_text(
        "document.documentElement.dataset.injected = 'script file';\n", "utf-8")

    with serve(copy, host_handler(copy)) as base, violation_listener(browser):
        browser.get(base + url)
        assert browser.find_elements(By.CSS_SELECTOR, ".comment-body .injected")
        browser.find_element(By.ID, "injected-link").click()
        reported = violations(browser)
        assert root_data(browser, "injected") is None
        assert browser.execute_script("return getComputedStyle(document.body).display;") != "none"
        assert browser.execute_script(
            "return getComputedStyle(document.getElementById('injected-style')).display;") != "none"
    directives = {violation["directive"] for violation in reported}
    assert {"script-src-elem", "script-src-attr", "style-src-elem", "style-src-attr",
            "img-src", "frame-src", "object-src"} <= directives, reported
    assert "https://images.example.net/tracker.png" in {v["blocked"] for v in reported}


PROBE_SCRIPT = """const root = document.documentElement;
root.dataset.ownScript = "ran";
WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
  () => { root.dataset.wasm = "compiled"; }, (error) => { root.dataset.wasm = error.name; });
fetch("probe.json").then((response) => response.json()).then(
  (data) => { root.dataset.fetched = data.answer; }, (error) => { root.dataset.fetched = error.name; });
"""
PROBE_PAGE = """<!DOCTYPE html>
<html lang="cy"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<title>Chwilio</title><link rel="stylesheet" href="/theme/css/main.css"></head>
<body><script src="probe.js"></script>
<script>document.documentElement.dataset.inline = "ran";</script></body></html>
"""


@pytest.fixture(scope="module")
def settings():
    return read_settings(str(ROOT / "pelicanconf.py"))


def run_probe(browser, site, folder, policy):
    """Load a page like the search page (its own script, WebAssembly, a
    fetch) under `policy`; (its data attributes, the violations)."""
    copy = folder / "site"
    shutil.copytree(site, copy)
    probe = copy / "probe"
    probe.mkdir()
    (probe / "index.html").write_text(PROBE_PAGE.format(policy=policy.meta_text), "utf-8")
    (probe / "probe.js").write_text(PROBE_SCRIPT, "utf-8")
    (probe / "probe.json").write_text('{"answer": "fetched"}', "utf-8")
    with serve(copy) as base, violation_listener(browser):
        browser.get(base + "/probe/")
        WebDriverWait(browser, 10).until(
            lambda b: root_data(b, "wasm") is not None and root_data(b, "fetched") is not None)
        data = {name: root_data(browser, name) for name in ("ownScript", "wasm", "fetched", "inline")}
        return data, violations(browser)


def test_the_search_policy_runs_the_sites_scripts_and_webassembly_only(browser, site, settings, tmp_path):
    policy = read_policy(settings, "SEARCH_CONTENT_SECURITY_POLICY")
    data, reported = run_probe(browser, site, tmp_path, policy)
    assert data == {"ownScript": "ran", "wasm": "compiled", "fetched": "fetched", "inline": None}
    assert [(v["directive"], v["blocked"]) for v in reported] == [("script-src-elem", "inline")]


def test_without_wasm_unsafe_eval_the_webassembly_would_not_compile(browser, site, settings, tmp_path):
    settings = dict(settings, PROBE_POLICY=settings["SEARCH_CONTENT_SECURITY_POLICY"] | {"script-src": "'self'"})
    data, reported = run_probe(browser, site, tmp_path, read_policy(settings, "PROBE_POLICY"))
    assert data["ownScript"] == "ran" and data["wasm"] == "CompileError"
    assert "script-src" in {v["directive"] for v in reported}
