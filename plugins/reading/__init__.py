"""Reading: the site's Markdown read fast and strictly.

One converter per process instead of one per file; when Pelican is about
to read many files, they are converted ahead on every core
(BUILD_PROCESSES); a metadata line Pelican cannot read (a Date: that is
not a date, ...) is reported with the file, the line and what to write
instead, rather than Pelican's "Could not process". The readers' content
cache is saved from a short-lived process (cache.py), which keeps a copy of
the site's text out of the build's memory; every Pelican cache is written
to a temporary name and renamed, and one that cannot be read is rebuilt
with one warning. A folder link that loops back is refused before Pelican
looks for files (discovery.py).
"""

from pelican import signals

from plugins.errors.exceptions import require_plugins

from .ahead import convert_articles_ahead
from .cache import read_and_write_caches_safely, save_readers_cache_apart, wait_for_saved_caches
from .discovery import refuse_link_loops
from .reader import use_site_markdown_reader


def check_plugins(pelican):
    require_plugins(pelican.settings, "plugins.reading", "plugins.errors")


def register():
    read_and_write_caches_safely()
    signals.initialized.connect(check_plugins)
    signals.readers_init.connect(use_site_markdown_reader)
    signals.article_generator_init.connect(refuse_link_loops)
    signals.article_generator_init.connect(convert_articles_ahead)
    signals.generator_init.connect(save_readers_cache_apart)
    signals.all_generators_finalized.connect(wait_for_saved_caches)
