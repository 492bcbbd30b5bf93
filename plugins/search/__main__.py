"""Command line of the search plugin.

    python -m plugins.search index OUTPUT [--cache FOLDER] [--bundle-pages N]

(run by make html and make publish after Pelican): builds the Pagefind
index of the site in OUTPUT into OUTPUT/pagefind/, each language's in
bundles of about N pages (100). With a cache folder, a bundle whose pages
are the same as when it was built is not indexed again, and its folder in
OUTPUT is left as it is: run after every rebuild, the same command redoes
only the bundles that changed, and nothing when none did.
"""

import argparse
import sys
from pathlib import Path

from .pagefind_index import PAGES_PER_BUNDLE, SearchIndexError, build_index


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m plugins.search")
    commands = parser.add_subparsers(dest="command", required=True)
    index = commands.add_parser("index", help="build the search index of a built site")
    index.add_argument("output", type=Path, help="the folder Pelican wrote the site into")
    index.add_argument("--cache", type=Path, help="keep each language's index here, to reuse for the same pages")
    index.add_argument("--bundle-pages", type=int, default=PAGES_PER_BUNDLE, metavar="N",
                       help=f"pages per bundle, about (default {PAGES_PER_BUNDLE})")
    args = parser.parse_args(argv)
    try:
        report = build_index(args.output, args.cache, warn=lambda line: print(f"WARNING: {line}", file=sys.stderr),
                             pages_per_bundle=max(1, args.bundle_pages))
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
