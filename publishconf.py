"""Settings for `make publish`: absolute URLs and feeds, and where the
deploy verbs send the site.

SITEURL comes from the command line (make publish SITEURL=https://...),
else from here.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

RELATIVE_URLS = False
LANGUAGE_FEED_ATOM = "{lang}/feeds/atom.xml"
DELETE_OUTPUT_DIRECTORY = True
LOAD_CONTENT_CACHE = False
# Drafts are for the author's own `make html`: never built for the web, so
# no deploy can send them.
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""

# Deploying (README "Publishing"): make rsync_upload and make github read
# these; each can be given on the command line instead (make github
# PAGES_BRANCH=pages). Never write a password or token here: ssh and git
# find their own (SSH keys, git's credential helper).
RSYNC_TARGET = ""  # user@example.org:/srv/www/site/
SSH_PORT = None  # when the server's SSH is not on port 22
PAGES_REMOTE = "origin"  # a remote of this repository, or an address
PAGES_BRANCH = "gh-pages"
PAGES_CNAME = ""  # GitHub Pages custom domain (its CNAME file), e.g. "example.org"

# Taking comments: the intake server's public address, e.g.
# "https://example.org/comments" behind the site's own web server (README
# "Taking comments"); empty, no page shows a comment form.
COMMENTS_ENDPOINT = ""
# Behind that reverse proxy, believe its X-Forwarded-For.
COMMENTS_TRUSTED_PROXIES = 1
