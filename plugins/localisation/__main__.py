"""Command line of the localisation plugin.

    python -m plugins.localisation update-catalogs [--settings pelicanconf.py]

(`make translations`): extract the theme's strings into
translations/messages.pot and merge them into every language's catalog,
then list what is left to translate.
"""

import argparse
import sys
from pathlib import Path

from pelican.settings import get_settings_from_file

from .maintenance import update_catalogs


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m plugins.localisation")
    commands = parser.add_subparsers(dest="command", required=True)
    update = commands.add_parser(
        "update-catalogs",
        help="extract the templates' strings and merge them into every catalog",
    )
    update.add_argument(
        "--settings", default="pelicanconf.py", type=Path,
        help="the site's settings file (default: pelicanconf.py); paths are "
        "relative to its folder",
    )
    args = parser.parse_args(argv)

    settings_file = args.settings.resolve()
    # Only the names this command needs (LANGUAGES, TRANSLATIONS_PATH,
    # SITENAME): no content folder or plugin is needed to update catalogs.
    settings = get_settings_from_file(str(settings_file))
    report = update_catalogs(settings_file.parent, settings)

    for path in report.written:
        print(f"updated {path}")
    if not report.written:
        print("catalogs already up to date")
    missing = 0
    for code, msgids in report.untranslated.items():
        if msgids:
            missing += len(msgids)
            print(f"{code}: {len(msgids)} string(s) to translate (empty or fuzzy):")
            for msgid in msgids:
                print(f"    {msgid!r}")
    if missing:
        print("Translate them in translations/<lang>/LC_MESSAGES/messages.po; "
              "until then those pages show English and `--fatal warnings` builds fail.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
