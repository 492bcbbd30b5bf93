"""The devserver's builds: the loop `pelican --autoreload` runs (one
Pelican, run again after every save, made anew when its settings file
changes), written out here to add two steps after each build that
succeeded: the search index brought up to date, then the browsers told to
reload."""

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

from pelican import get_instance
from pelican.log import console
from pelican.utils import wait_for_changes

# The logger whose records plugins.errors turns into the error's own line.
PELICAN_LOG = logging.getLogger("pelican")
PROJECT = Path(__file__).resolve().parents[2]
# What livereload.js does with a path: a stylesheet is restyled in place,
# anything else reloads the page.
WHOLE_PAGE = "*"
# Printed once the site and its index are up to date (the tests and the
# bench wait for it).
UP_TO_DATE = "Site and search index up to date"


def build_forever(args, announce):
    """Build, refresh the index, send announce the path to reload; wait
    for a save; again. A build that fails is reported in one line and the
    server goes on serving the last good one."""
    pelican, settings = get_instance(args)
    settings_file = os.path.abspath(args.settings)
    changed = set()
    while True:
        started = time.perf_counter()
        try:
            pelican.run()
        except Exception as error:
            # As Pelican's own autoreload loop says it (plugins.errors
            # rewrites it): the next save builds again.
            PELICAN_LOG.warning('Caught exception:\n"%s".', error)
        else:
            refresh_search_index(settings)
            announce.send(next(iter(changed)) if len(changed) == 1 else WHOLE_PAGE)
            console.print(f"{UP_TO_DATE} in {time.perf_counter() - started:.2f} s; open pages reload.")
        changed = {path for _, path in wait_for_changes(args.settings, settings)}
        if settings_file in changed:
            pelican, settings = get_instance(args)
        console.print(f"\n-> Modified: {', '.join(sorted(changed))}. re-generating...")


def refresh_search_index(settings):
    """The search index of what changed, as make html builds it; its
    command prints its own line, and an error in it leaves the site
    served."""
    subprocess.run(
        [sys.executable, "-m", "plugins.search", "index", os.path.abspath(settings["OUTPUT_PATH"]),
         "--cache", os.path.abspath(os.path.join(settings["CACHE_PATH"], "search-index"))],
        cwd=PROJECT, check=False,
    )
