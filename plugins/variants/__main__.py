"""Translators' commands: `python -m plugins.variants
status|translate|translated|diff`."""

import argparse
import logging
import os
import sys

from .dashboard import DEFAULT_OUTPUT, write_dashboard
from .diff import render_diff
from .freshness import group_freshness
from .grouping import VariantError
from .history import commit_times
from .sources import load_settings, read_sources
from .status import format_json, format_table, groups_of, translation_status
from .translate import TranslateError, mark_translated, start_translation


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m plugins.variants")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    commands = parser.add_subparsers(dest="command", required=True)
    status = commands.add_parser("status", help="which variants are missing or stale")
    status.add_argument("--format", choices=["table", "json", "html"], default="table")
    status.add_argument("--output", default=DEFAULT_OUTPUT, help="where FORMAT=html writes the dashboard")
    translate = commands.add_parser("translate", help="start a translation")
    translated = commands.add_parser("translated", help="record that a translation follows its source as it is now")
    translated.add_argument("--from", dest="source", help="the language of its source, when it names none")
    diff = commands.add_parser("diff", help="what the translation's source changed since its revision")
    diff.add_argument("--colour", choices=["auto", "always", "never"], default="auto")
    for command in (translate, translated, diff):
        command.add_argument("--key", required=True)
        command.add_argument("--lang", required=True)
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    settings = load_settings(args.settings)
    languages = settings["LANGUAGES"]
    try:
        variants = read_sources(settings)
        if args.command == "status":
            rows = translation_status(variants, languages, settings)
            if args.format == "html":
                written = write_dashboard(rows, variants, languages, settings, args.output)
                print(f"Wrote {os.path.relpath(written)}: open it in a browser.")
            else:
                formatter = format_json if args.format == "json" else format_table
                print(formatter(rows, languages))
        elif args.command == "translate":
            target, source = start_translation(variants, args.key, args.lang, languages)
            print(
                f"Wrote {os.path.relpath(target)} from {os.path.relpath(source.path)}.\n"
                "Translate its title, summary and text, then delete its "
                "'Status: draft' line to publish it."
            )
        elif args.command == "translated":
            translation, source = mark_translated(variants, args.key, args.lang, args.source)
            print(f"{os.path.relpath(translation.path)} now follows {os.path.relpath(source.path)} as it is.")
        else:
            print(diff_text(variants, args, settings))
    except (VariantError, TranslateError) as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 2
    return 0


def diff_text(variants, args, settings):
    groups = [by_lang for (_, key), by_lang in groups_of(variants).items() if key == args.key]
    if not groups or args.lang not in groups[0]:
        raise TranslateError(f"{args.key!r} has no {args.lang!r} variant: `make status` lists what there is.")
    by_lang = groups[0]
    state = group_freshness(args.key, by_lang, settings, commit_times(settings["PATH"]))[args.lang]
    colour = args.colour == "always" or (
        args.colour == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    )
    return render_diff(args.key, by_lang[args.lang], state, colour)


sys.exit(main())
