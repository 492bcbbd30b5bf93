"""Command line of the search plugin.

    python -m plugins.search index OUTPUT [--cache FOLDER]

(run by make html and make publish after Pelican): builds the Pagefind
index of the site in OUTPUT into OUTPUT/pagefind/<lang>/, one bundle per
language. With a cache folder, a language whose indexed pages are the same
as when its bundle was built is not indexed again, and its folder in
OUTPUT is left as it is: run after every rebuild, the same command redoes
only the languages that changed, and nothing when none did.
"""

import argparse
import sys
from pathlib import Path

from .pagefind_index import SearchIndexError, build_index


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m plugins.search")
    commands = parser.add_subparsers(dest="command", required=True)
    index = commands.add_parser("index", help="build the search index of a built site")
    index.add_argument("output", type=Path, help="the folder Pelican wrote the site into")
    index.add_argument("--cache", type=Path, help="keep each language's index here, to reuse for the same pages")
    args = parser.parse_args(argv)
    try:
        report = build_index(args.output, args.cache, warn=lambda line: print(f"WARNING: {line}", file=sys.stderr))
    except SearchIndexError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 1
    if report is None:
        print(f"search index: no article in {args.output} to index; search finds nothing yet")
    else:
        print(f"search index: {report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
