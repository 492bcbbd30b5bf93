"""Plugins say what they need of each other: a missing or misordered plugin
stops the build with one line naming it; so does a language table whose
fallbacks name a language the site does not have."""

import pytest

from sitebuild import CONTENT, SETTINGS, run_pelican

PLUGINS = SETTINGS["PLUGINS"]


def without(name):
    return [plugin for plugin in PLUGINS if plugin != name]


def swapped(first, second):
    plugins = list(PLUGINS)
    i, j = plugins.index(first), plugins.index(second)
    plugins[i], plugins[j] = plugins[j], plugins[i]
    return plugins


def error_lines(result):
    return [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]


@pytest.mark.parametrize(
    "plugins, expected",
    [
        (without("plugins.localisation"), "the plugins.variants plugin needs plugins.localisation: add"),
        (without("plugins.variants"), "the plugins.comments plugin needs plugins.variants: add"),
        (swapped("plugins.variants", "plugins.comments"),
         "the plugins.comments plugin needs plugins.variants to run first"),
    ],
)
def test_a_missing_or_misordered_plugin_is_one_line_naming_it(tmp_path, plugins, expected):
    result = run_pelican(CONTENT, tmp_path / "output", PLUGINS=plugins)
    lines = error_lines(result)
    assert result.returncode != 0
    assert len(lines) == 1 and expected in lines[0], lines


def test_a_fallback_that_is_not_a_site_language(tmp_path):
    languages = {**SETTINGS["LANGUAGES"], "el": {"fallbacks": ["it", "fr"]}}
    result = run_pelican(CONTENT, tmp_path / "output", LANGUAGES=languages)
    lines = error_lines(result)
    assert result.returncode != 0
    assert len(lines) == 1, lines
    assert "LANGUAGES['el'] falls back to 'fr'" in lines[0] and "cy, it, ar, el" in lines[0]
