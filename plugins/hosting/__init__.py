"""Hosting: the built site as static hosts serve it.

Every page carries its Content-Security-Policy (the theme fills a <meta>
from the policies this plugin puts in the context); once the site is
written, the files hosts read are derived from the pages: `_redirects`
and `_headers` (Netlify, Cloudflare Pages) and `.htaccess` (Apache).
`python -m plugins.hosting` deploys output/ (rsync, ghp-import).
"""

from pelican import signals

from plugins.errors.exceptions import require_plugins
from plugins.writing.writer import pages_written

from .host_files import write_host_files
from .policy import install_policies
from .site_url import check_site_url


def check_plugins(pelican):
    require_plugins(pelican.settings, "plugins.hosting", "plugins.errors", "plugins.writing")


def register():
    signals.initialized.connect(check_plugins)
    signals.initialized.connect(check_site_url)
    signals.generator_init.connect(install_policies)
    pages_written.connect(write_host_files)
