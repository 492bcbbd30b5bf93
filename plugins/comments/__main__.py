"""python -m plugins.comments import --source FILE --format {wxr,disqus,html,seed} ...

Errors are one line naming the file (and line) and what to do, exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .importers import READERS
from .importing import ImportOptions, run_import
from .model import ImportFailure
from .site_settings import NoSettingsFile, site_settings

EXIT_FAILURE = 2


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m plugins.comments", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("import", help="import comments from an export into content/comments/")
    command.add_argument("--source", required=True, type=Path, help="export file (a folder for --format seed)")
    command.add_argument("--format", required=True, choices=sorted(READERS))
    command.add_argument("--lang", help="match posts by slug to articles in this language")
    command.add_argument("--map", type=Path, help="CSV with columns source,key,lang")
    command.add_argument("--settings", type=Path, default=Path("pelicanconf.py"),
                         help="the site's settings: its PATH and COMMENTS_PATH say where comments go")
    command.add_argument("--content", type=Path, help="content folder (default: the settings' PATH)")
    command.add_argument("--dry-run", action="store_true", help="report only; write no comments file")
    command.add_argument("--report", type=Path, help="write the report as JSON to this file")
    command.add_argument("--include-pending", action="store_true", help="import comments awaiting moderation")
    command.add_argument("--include-pingbacks", action="store_true", help="import pingbacks and trackbacks")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        settings = site_settings(arguments.settings, arguments.content)
    except NoSettingsFile as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILURE
    options = ImportOptions(
        source=arguments.source,
        format=arguments.format,
        settings=settings,
        lang=arguments.lang,
        map_file=arguments.map,
        include_pending=arguments.include_pending,
        include_pingbacks=arguments.include_pingbacks,
        dry_run=arguments.dry_run,
    )
    try:
        report = run_import(options)
        if arguments.report:
            report.write_json(arguments.report)
    except ImportFailure as failure:
        print(f"error: {failure}", file=sys.stderr)
        return EXIT_FAILURE
    except OSError as error:
        print(f"error: {error.filename or ''}: {error.strerror}", file=sys.stderr)
        return EXIT_FAILURE
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
