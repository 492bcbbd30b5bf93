"""`make devserver` (python -m plugins.devserver): it survives bad input,
printing the message for a broken Date:, and serves the page rebuilt once
the file is fixed; each build refreshes the search index; the pages it
serves load the live-reload script under a policy that allows exactly
that, while output/ stays what a build writes. (That the browser reloads
by itself: tests/browser/test_devserver_reload.py.)"""

import gzip

import pytest
from bs4 import BeautifulSoup
from sitebuild import CONTENT, copy_content

from bench.devserving import saving, started, wait_for

ARTICLE = "articles/five-misconceptions/five-misconceptions.cy.md"
PAGE = "/cy/five-misconceptions/"
@pytest.fixture
def devserver(tmp_path):
    """A devserver of its own, on a copy of the content to edit."""
    with started(copy_content(tmp_path / "content"), tmp_path) as server:
        yield server


@pytest.fixture(scope="module")
def site_devserver(tmp_path_factory):
    """One devserver over the content as it is, for the tests that only read."""
    with started(CONTENT, tmp_path_factory.mktemp("devserver")) as server:
        yield server


def indexed_text(output):
    """Every indexed page's record, as Pagefind stores it (gzip JSON), in
    the language bundles in place (not a bundle being written beside them,
    under a .tmp- name, which may vanish while it is read)."""
    try:
        return b"".join(gzip.decompress(path.read_bytes())
                        for path in (output / "pagefind").glob("[!.]*/fragment/*.pf_fragment"))
    except FileNotFoundError:  # a bundle replaced while read: ask again
        return b""


def test_a_broken_date_is_reported_and_the_fix_is_served_and_indexed(devserver):
    assert b"Rebuilt after the fix" not in devserver.fetch(PAGE)
    source = devserver.content / ARTICLE
    broken = source.read_text("utf-8").replace("Date: 2024-04-16", "Date: not-a-date")
    message = lambda: devserver.printed(f"{ARTICLE}:2: Date: 'not-a-date' cannot be read")  # noqa: E731
    wait_for(saving(source, broken, message), "the error message", devserver)
    assert devserver.process.poll() is None, "the devserver stopped"

    fixed = broken.replace("Date: not-a-date", "Date: 2024-04-16") + "\nRebuilt after the fix.\n"
    rebuilt = lambda: b"Rebuilt after the fix" in (devserver.fetch(PAGE) or b"")  # noqa: E731
    wait_for(saving(source, fixed, rebuilt), "the rebuilt page", devserver)
    # The search index follows the build, before the browsers reload.
    wait_for(lambda: b"Rebuilt after the fix" in indexed_text(devserver.output_path),
             "the search index to hold the new text", devserver)
    assert "Traceback" not in devserver.output()


def policy_of(page):
    meta = BeautifulSoup(page, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    return dict(directive.strip().split(" ", 1) for directive in meta["content"].split(";"))


@pytest.mark.parametrize("path", [PAGE, "/cy/search/"])
def test_served_pages_load_live_reload_under_a_policy_that_allows_it_alone(site_devserver, path):
    devserver = site_devserver
    origin = f"127.0.0.1:{devserver.port}"
    served = devserver.fetch(path).decode("utf-8")
    on_disk = (devserver.output_path / path.strip("/") / "index.html").read_text("utf-8")
    scripts = [script.get("src") for script in BeautifulSoup(served, "html.parser").find_all("script", src=True)]
    assert f"/livereload.js?port={devserver.port}" in scripts
    written, dev = policy_of(on_disk), policy_of(served)
    # The page's own policy, and the script and its WebSocket added.
    expected = dict(written)
    for name, source in (("script-src", f"http://{origin}/livereload.js"),
                         ("connect-src", f"ws://{origin}/livereload")):
        kept = [s for s in written.get(name, written["default-src"]).split() if s != "'none'"]
        expected[name] = " ".join([*kept, source])
    assert dev == expected
    assert "livereload" not in on_disk


def test_nothing_of_live_reload_is_written_into_the_site(site_devserver):
    mentions = [path for path in site_devserver.output_path.rglob("*")
                if path.is_file() and b"livereload" in path.read_bytes()]
    assert not mentions


def test_a_deleted_article_is_no_longer_served(devserver):
    assert devserver.fetch(PAGE)
    source = devserver.content / ARTICLE
    source.unlink()
    source.parent.rmdir()
    (devserver.content / "comments" / "five-misconceptions.cy.json").unlink()
    readme = devserver.content / "README.md"
    wait_for(saving(readme, readme.read_text("utf-8"), lambda: devserver.fetch(PAGE) is None), "the page to go", devserver)
    assert b"five-misconceptions" not in devserver.fetch("/cy/")
