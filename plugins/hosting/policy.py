"""Content-Security-Policy: the policies named in the settings, written as
a page's <meta http-equiv> and as a host's response header.

A policy is a dict of directive -> sources in pelicanconf.py. The same
policy goes into the page and into the host's header files, except the
directives a <meta> cannot carry (the CSP specification ignores them there
and Chromium reports each one), which only the header sends.
"""

from dataclasses import dataclass

from plugins.comments.intake.settings import endpoint_origin
from plugins.errors.exceptions import ContentError

# The two policies a page can declare: every reading page the first, the
# search pages (Pagefind's scripts and WebAssembly) the second.
POLICY_SETTINGS = ("CONTENT_SECURITY_POLICY", "SEARCH_CONTENT_SECURITY_POLICY")
SITE_POLICY = POLICY_SETTINGS[0]
# Ignored in a <meta> (CSP Level 3, "meta element" section): header only.
HEADER_ONLY_DIRECTIVES = frozenset({"frame-ancestors", "report-uri", "report-to", "sandbox"})
# Characters that would end a directive (;), start a second policy (,) or
# leave the <meta> attribute or the header line.
FORBIDDEN_CHARACTERS = set(';,"<>&\n\r')


class PolicySettingError(ContentError):
    """A policy setting that cannot be written as a policy."""


@dataclass(frozen=True)
class Policy:
    setting: str
    directives: tuple  # ((name, sources), ...) in the order written

    @property
    def meta_text(self):
        """The policy as a page's <meta http-equiv> content."""
        return "; ".join(
            f"{name} {sources}" for name, sources in self.directives
            if name not in HEADER_ONLY_DIRECTIVES
        )

    @property
    def header_text(self):
        """The policy as the host's Content-Security-Policy header."""
        return "; ".join(f"{name} {sources}" for name, sources in self.directives)


def read_policy(settings, setting):
    """The policy a setting names, checked: raises PolicySettingError."""
    value = settings.get(setting)
    if not isinstance(value, dict) or not value:
        raise PolicySettingError(
            f"{setting} must be set in pelicanconf.py to a dict of directives, "
            f"e.g. {{\"default-src\": \"'none'\", \"style-src\": \"'self'\"}}"
        )
    directives = []
    for name, sources in value.items():
        if not isinstance(name, str) or not isinstance(sources, str) or not sources.strip():
            raise PolicySettingError(
                f"{setting}: {name!r} must name its sources as one string, e.g. \"'self'\""
            )
        bad = FORBIDDEN_CHARACTERS & set(name + sources)
        if bad or not name.strip() or " " in name.strip():
            raise PolicySettingError(
                f"{setting}: {name!r}: {sources!r} cannot be written in a policy "
                f"(one directive name, then its sources; no {''.join(sorted(bad)) or 'spaces in the name'})"
            )
        directives.append((name.strip().lower(), " ".join(sources.split())))
    # The comment form posts to the intake server (COMMENTS_ENDPOINT).
    intake = endpoint_origin(settings)
    if intake:
        directives = [
            (name, f"{sources} {intake}" if name == "form-action" and intake not in sources.split() else sources)
            for name, sources in directives
        ]
    return Policy(setting, tuple(directives))


def read_policies(settings):
    """{setting: Policy} for every policy setting."""
    return {setting: read_policy(settings, setting) for setting in POLICY_SETTINGS}


def install_policies(generator):
    """Put {setting: Policy} in the build's context, for the templates."""
    if "content_security_policies" not in generator.context:
        # A PolicySettingError stops the build with its message.
        generator.context["content_security_policies"] = read_policies(generator.settings)
