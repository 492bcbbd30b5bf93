"""The intake's settings, read from the site's settings file (pelicanconf.py,
or publishconf.py on the server) so that the build and the intake agree on
the endpoint, the secret and where comments go."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from plugins.errors.exceptions import ContentError

from .tokens import Tokens, read_secret



class IntakeSettingError(ContentError):
    """A COMMENTS_* setting the intake cannot use."""


def setting(settings: dict, name: str):
    """A COMMENTS_* setting; pelicanconf.py gives each its value."""
    if name not in settings:
        raise IntakeSettingError(f"pelicanconf.py: set {name} (see README, \"Taking comments\")")
    return settings[name]


def endpoint_of(settings: dict) -> str:
    """COMMENTS_ENDPOINT without its trailing slash; "" when there is none."""
    endpoint = (settings.get("COMMENTS_ENDPOINT") or "").rstrip("/")
    if endpoint:
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            raise IntakeSettingError(
                f"COMMENTS_ENDPOINT = {endpoint!r}: give the intake server's address, "
                "e.g. 'https://example.org/comments' (http or https, no query)"
            )
    return endpoint


def endpoint_origin(settings: dict) -> str | None:
    """scheme://host[:port] of COMMENTS_ENDPOINT, for the pages' form-action."""
    endpoint = endpoint_of(settings)
    if not endpoint:
        return None
    parts = urlsplit(endpoint)
    return f"{parts.scheme}://{parts.netloc}"


def project_path(settings: dict, name: str) -> Path:
    """A path setting, relative to the project's folder (that of PATH)."""
    path = Path(setting(settings, name))
    return path if path.is_absolute() else Path(settings["PATH"]).resolve().parent / path


def tokens_for(settings: dict) -> Tokens:
    days = int(setting(settings, "COMMENTS_TOKEN_DAYS"))
    if days < 1:
        raise IntakeSettingError(f"COMMENTS_TOKEN_DAYS = {days}: a period is at least one day")
    return Tokens(read_secret(project_path(settings, "COMMENTS_SECRET_FILE")), days)


@dataclass(frozen=True)
class Limits:
    posts: int  # per address ...
    seconds: int  # ... in this many seconds
    characters: int  # of a comment's text
    links: int  # web addresses in a comment
    name_characters: int = 80
    website_characters: int = 300
    request_bytes: int = 64 * 1024  # the whole form, urlencoded (an Arabic letter is 6 bytes)

    @classmethod
    def from_settings(cls, settings: dict) -> Limits:
        posts, seconds = setting(settings, "COMMENTS_RATE_LIMIT")
        return cls(int(posts), int(seconds), int(setting(settings, "COMMENTS_MAX_CHARACTERS")),
                   int(setting(settings, "COMMENTS_MAX_LINKS")))
