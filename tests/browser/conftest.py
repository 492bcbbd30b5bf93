"""What needs a real browser: headless Chromium (Debian's chromium and
chromium-driver, never a downloaded browser) driven by Selenium, loading the
built site from a local HTTP server, as a reader gets it.

Where Chromium, its driver or axe-core is missing, these tests are skipped
and say why; in CI (CI=true) that is a failure instead.
"""

import os
from pathlib import Path

import pytest

from browser import screenshot_report
from browser.local_server import serve
from sitebuild import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The flags known to work on these machines: headless, and no background
# connections (the network is closed; Chromium would retry them at length).
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
    "--window-size=1280,1000", "--hide-scrollbars",
)


def require(condition, reason):
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the browser tests must run in CI)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def base_url(site):
    """http://127.0.0.1:<port> serving the dev build (relative links)."""
    with serve(site) as url:
        yield url


def start_chromium(tmp_path_factory, name="chromium", env=None):
    """A headless Chromium driven by Selenium, with its own profile and
    log; env, when given, is the environment its driver (and so the
    browser) runs in."""
    require(CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK),
            f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    require(CHROMEDRIVER.is_file() and os.access(CHROMEDRIVER, os.X_OK),
            f"no ChromeDriver at {CHROMEDRIVER} (apt-get install chromium-driver)")
    # Explicit paths, and Selenium Manager told it is offline: it must never
    # try to download a browser or a driver.
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    profile = tmp_path_factory.mktemp(f"{name}-profile")
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument("--lang=en-GB")
    log = tmp_path_factory.mktemp(f"{name}-log") / "chromedriver.log"
    driver = webdriver.Chrome(
        service=Service(executable_path=str(CHROMEDRIVER), log_output=str(log), env=env),
        options=options,
    )
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    driver = start_chromium(tmp_path_factory)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def dejavu_browser(tmp_path_factory):
    """A second browser that sees no font but DejaVu, as on a machine
    without Noto: fontconfig is told to read DejaVu's folder alone, with
    the system's rendering settings (hinting, antialiasing), so that the
    fonts are all that differs."""
    require(DEJAVU.is_dir(), f"no DejaVu fonts at {DEJAVU} (apt-get install fonts-dejavu-core)")
    folder = tmp_path_factory.mktemp("fontconfig")
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig>\n  <dir>{DEJAVU}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n"
        '  <include ignore_missing="yes">/etc/fonts/conf.d</include>\n</fontconfig>\n',
        encoding="utf-8",
    )
    driver = start_chromium(tmp_path_factory, "dejavu", env=os.environ | {"FONTCONFIG_FILE": str(config)})
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def axe_source():
    require(AXE.is_file(), f"axe-core is not installed ({AXE} missing): run npm ci")
    return AXE.read_text(encoding="utf-8")


# Screenshots go under pytest's temporary folder; browser.screenshot_report
# prints the folders at the end of the run.


def pytest_configure(config):
    # Registered here when tests/conftest.py has not already done so.
    if not config.pluginmanager.has_plugin("browser.screenshot_report"):
        config.pluginmanager.register(screenshot_report, "browser.screenshot_report")


@pytest.fixture(scope="session")
def screenshot_folder(tmp_path_factory, request):
    folder = tmp_path_factory.mktemp("screenshots")
    screenshot_report.remember(request.config, folder)
    return folder
