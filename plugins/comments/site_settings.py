"""The site's settings as the build reads them, for the comments' own
commands: the import and the intake."""

from pathlib import Path

from pelican.settings import read_settings

from plugins.errors.exceptions import ContentError


class NoSettingsFile(ContentError):
    """The settings file named is not there."""


def site_settings(settings_file: Path, content: Path | None = None) -> dict:
    """Pelican's reading of `settings_file`, PATH set to `content` when given."""
    if not settings_file.is_file():
        raise NoSettingsFile(f"{settings_file}: no such settings file; run from the site's folder "
                             "or give --settings")
    override = {"PATH": str(content.resolve())} if content else None
    return read_settings(str(settings_file), override=override)
