"""Hosting: the built site as static hosts serve it.

Every page carries its Content-Security-Policy: the theme fills a <meta>
from the policies this plugin puts in the context.
"""

from pelican import signals

from .policy import install_policies


def register():
    signals.generator_init.connect(install_policies)
