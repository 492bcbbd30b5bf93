"""Settings for `make publish`: absolute URLs and feeds.

SITEURL comes from the command line (make publish SITEURL=https://...).
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

RELATIVE_URLS = False
LANGUAGE_FEED_ATOM = "{lang}/feeds/atom.xml"
DELETE_OUTPUT_DIRECTORY = True
LOAD_CONTENT_CACHE = False
