"""axe-core, injected into each page in headless Chromium, finds no
violation of impact serious or critical: on every page the build writes
(root chooser, language homes, every article variant, listings) and on the
404 pages a reader meets at a missing address."""

from browser_pages import article_pages, language_homes, site_pages

SERIOUS = ("serious", "critical")
RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']})
   .then(results => done(results.violations.map(v => ({
       id: v.id, impact: v.impact, help: v.help,
       nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.html.slice(0, 120))
   }))))
   .catch(error => done([{id: 'axe-error', impact: 'critical', help: String(error), nodes: []}]));
"""


def violations(browser, axe_source, url):
    browser.get(url)
    browser.execute_script(axe_source)
    return [v for v in browser.execute_async_script(RUN_AXE) if v["impact"] in SERIOUS]


def test_no_serious_accessibility_violation_anywhere(browser, base_url, site, axe_source):
    homes = language_homes(site)
    # Missing addresses answer with the site's 404 pages (see conftest).
    missing = ["/no-such-page/"] + [f"/{lang}/no-such-page/" for lang in homes]
    urls = site_pages(site) + missing
    required = {"/", *(f"/{lang}/" for lang in homes), *(url for _, url in article_pages(site))}
    assert required <= set(urls), required - set(urls)
    assert len(homes) == 4 and article_pages(site)

    report = []
    for url in urls:
        for violation in violations(browser, axe_source, base_url + url):
            report.append(f"{url}: [{violation['impact']}] {violation['id']}: {violation['help']}")
            report.extend(f"    {node}" for node in violation["nodes"][:5])
    assert not report, "axe-core found serious or critical violations:\n" + "\n".join(report)
