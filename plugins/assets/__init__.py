"""Assets: what a page loads before its first paint, kept to the least.

The theme's CSS is kept in files by what they style (the faces, the page,
navigation, comments, search) and joined into the one stylesheet every
page loads (stylesheet.py), so a page waits for one request, not five.
Each page preloads the faces its first screen is drawn in, in its
language's script (font_preloads.py), so they download beside the
stylesheet instead of after it. README "Typography" says what each costs.
"""

from pelican import signals

from plugins.errors.exceptions import require_plugins
from plugins.writing.writer import pages_written

from .font_preloads import install_font_preloads
from .stylesheet import write_stylesheet


def check_plugins(pelican):
    require_plugins(pelican.settings, "plugins.assets", "plugins.errors", "plugins.localisation", "plugins.writing")


def register():
    signals.initialized.connect(check_plugins)
    signals.generator_init.connect(install_font_preloads)
    pages_written.connect(write_stylesheet)
