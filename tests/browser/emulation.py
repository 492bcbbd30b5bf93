"""How a page is shown: a colour scheme, print, a phone's viewport, set
through the DevTools protocol and undone afterwards, since the tests of a
worker share one browser."""

import contextlib

# An iPhone 14's viewport in CSS pixels, the narrow phone the site is checked at.
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}


@contextlib.contextmanager
def emulated(browser, media="", colour_scheme=None, viewport=None):
    """media: "print" or "" (screen); colour_scheme: "light", "dark" or
    None (the browser's own); viewport: device metrics such as PHONE."""
    features = [{"name": "prefers-color-scheme", "value": colour_scheme}] if colour_scheme else []
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media, "features": features})
    if viewport:
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", viewport)
    try:
        yield browser
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
        if viewport:
            browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def load(browser, url):
    """Open url and wait until its fonts have loaded (or failed)."""
    browser.get(url)
    browser.execute_async_script("document.fonts.ready.then(() => arguments[arguments.length - 1]())")
