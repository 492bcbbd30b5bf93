import pytest

from sitebuild import CONTENT, SITE_BUNDLE_PAGES, build_site, index_site

# Prints where the browser tests saved their screenshots; registered here
# because under xdist the controlling process never reads browser/conftest.py.
pytest_plugins = ["browser.screenshot_report"]

SITEURL = "https://example.org"


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real site, built once as `make html` builds it, search index too,
    each language's index in bundles of one page or so (SITE_BUNDLE_PAGES):
    every search test runs over merged bundles, as on a site of hundreds of
    articles."""
    base = tmp_path_factory.mktemp("site")
    return index_site(build_site(CONTENT, base / "output"), SITE_BUNDLE_PAGES)


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """The real site, built as `make publish SITEURL=https://example.org`."""
    base = tmp_path_factory.mktemp("published")
    return index_site(build_site(
        CONTENT, base / "output", "publishconf.py", fatal="warnings", SITEURL=SITEURL
    ))
