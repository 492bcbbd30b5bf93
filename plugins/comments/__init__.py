"""Comments: threads imported from WordPress, Disqus and saved pages, shown under articles.

Stored in content/comments/<key>.<lang>.json; imported with
``python -m plugins.comments import``; see the package's modules for each step.
Readers' new comments come in through the intake (intake/), whose form the
build puts on each article when COMMENTS_ENDPOINT is set.
"""

from pelican import signals

from .intake.form import attach_comment_forms
from .rendering import attach_comments, check_plugins, start_preparing_threads


def register():
    signals.initialized.connect(check_plugins)
    signals.article_generator_init.connect(start_preparing_threads)
    signals.article_generator_finalized.connect(attach_comments)
    signals.article_generator_finalized.connect(attach_comment_forms)
