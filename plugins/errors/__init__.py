"""Errors: content mistakes reported as one clear message (file, line, what
to do), never a traceback; `make html` exits non-zero and `make devserver`
prints the message and rebuilds on the next save.

Other plugins raise ContentError (errors.exceptions) instead of SystemExit:
Pelican's autoreload loop survives an Exception, not a SystemExit.
"""

from pelican import signals

from .reporting import report_content_errors


def register():
    signals.initialized.connect(report_content_errors)
