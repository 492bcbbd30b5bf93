"""SITEURL, the published site's address, checked once: every absolute
link, the sitemap, the feeds and the host files are built on it, so a
mistake in it would be copied into every page."""

from urllib.parse import quote, urlsplit, urlunsplit

from plugins.errors.exceptions import ContentError

EXAMPLE = "https://example.org or https://example.org/blog"


class SiteUrlError(ContentError):
    """SITEURL is not an address every page can be built on."""


def checked_site_url(value, source="SITEURL"):
    """The address as the build uses it: http(s), a host, no credentials,
    no query or fragment, no trailing slash, its path percent-encoded.
    Raise SiteUrlError naming `source` and saying what to write."""
    text = str(value).strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SiteUrlError(f"{source} {text!r} is not a web address: write it with its scheme, e.g. {EXAMPLE}.")
    if parts.username is not None or parts.password is not None:
        # They would be printed in every link of every page.
        raise SiteUrlError(
            f"{source} carries a user name or password: remove it (it would be published in every link); "
            f"the deploy verbs find credentials through ssh and git."
        )
    if parts.query or parts.fragment:
        raise SiteUrlError(f"{source} {text!r} has a query or fragment: give the site's address only, e.g. {EXAMPLE}.")
    # Spaces and other characters a URL cannot hold are encoded; what is
    # already encoded stays as it is.
    path = quote(parts.path, safe="/%:@!$&'()*+,;=~-._").rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, "", ""))


def check_site_url(pelican):
    """Pelican's `initialized`: check and normalise SITEURL where one is
    set (the local build has none: its links are relative)."""
    if pelican.settings.get("SITEURL"):
        pelican.settings["SITEURL"] = checked_site_url(pelican.settings["SITEURL"])
