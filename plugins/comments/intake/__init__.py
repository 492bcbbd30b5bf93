"""The comment intake: readers' comments posted from the site's pages,
kept in a moderation queue, written into content/comments/ once approved.

A small web application (Flask, served by waitress), not a Pelican plugin;
only form.py runs in the build, to put each article's form on its page.
``python -m plugins.comments.intake serve | queue | moderate``; the
Makefile's comments-server, comments-queue and moderate run it.
"""
