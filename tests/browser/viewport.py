"""A phone's viewport for the browser tests: 390 CSS pixels wide (an
iPhone 12 to 15), set through the DevTools protocol and always undone."""

import contextlib

PHONE_WIDTH = 390


@contextlib.contextmanager
def phone(browser):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": PHONE_WIDTH, "height": 844, "deviceScaleFactor": 1, "mobile": True,
    })
    try:
        yield
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
