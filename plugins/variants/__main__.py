"""Translators' commands: `python -m plugins.variants status|translate`."""

import argparse
import logging
import os
import sys

from .grouping import VariantError
from .sources import load_settings, read_sources
from .status import format_json, format_table, translation_status
from .translate import TranslateError, start_translation


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m plugins.variants")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    commands = parser.add_subparsers(dest="command", required=True)
    status = commands.add_parser("status", help="which variants are missing or stale")
    status.add_argument("--format", choices=["table", "json"], default="table")
    translate = commands.add_parser("translate", help="start a translation")
    translate.add_argument("--key", required=True)
    translate.add_argument("--lang", required=True)
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    settings = load_settings(args.settings)
    languages = settings["LANGUAGES"]
    try:
        variants = read_sources(settings)
        if args.command == "status":
            rows = translation_status(variants, languages)
            formatter = format_json if args.format == "json" else format_table
            print(formatter(rows, languages))
        else:
            target, source = start_translation(variants, args.key, args.lang, languages)
            print(
                f"Wrote {os.path.relpath(target)} from {os.path.relpath(source.path)}.\n"
                "Translate its title, summary and text, then delete its "
                "'Status: draft' line to publish it."
            )
    except (VariantError, TranslateError) as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 2
    return 0


sys.exit(main())
