"""python -m plugins.hosting: deploy output/ (rsync, git) with the
settings of publishconf.py, each overridable on the command line.

    python -m plugins.hosting setting SITEURL
    python -m plugins.hosting site-url
    python -m plugins.hosting rsync [--target user@host:/path/] [--ssh-port N] [--dry-run]
    python -m plugins.hosting git [--remote origin] [--branch gh-pages] [--cname example.org] [--dry-run]
"""

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from pelican.settings import read_settings

from .deploy import DeployError, deploy_git, deploy_rsync
from .site_url import SiteUrlError, checked_site_url


def publish_settings(path):
    # Pelican's own reading, as `make publish` reads the file; quietly, as
    # its warnings belong to the build.
    logging.disable(logging.WARNING)
    try:
        return read_settings(str(path))
    finally:
        logging.disable(logging.NOTSET)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m plugins.hosting", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--settings", default="publishconf.py", type=Path,
                        help="the publishing settings (default: publishconf.py)")
    commands = parser.add_subparsers(dest="command", required=True)
    setting = commands.add_parser("setting", help="print one setting of the publishing settings")
    setting.add_argument("name")
    commands.add_parser(
        "site-url",
        help="check the site's address (SITEURL in the environment, as make passes it, else the "
             "publishing settings') and print it as a Pelican -e override",
    )
    for name, summary in (("rsync", "send output/ to a server with rsync over SSH"),
                          ("git", "commit output/ onto a git host's publishing branch (ghp-import)")):
        command = commands.add_parser(name, help=summary)
        command.add_argument("--output", default="output", type=Path)
        command.add_argument("--dry-run", action="store_true", help="show what would change, send nothing")
    commands.choices["rsync"].add_argument("--target", help="user@host:/path/ (default: RSYNC_TARGET)")
    commands.choices["rsync"].add_argument("--ssh-port", type=int, help="(default: SSH_PORT)")
    commands.choices["git"].add_argument("--remote", help="a remote's name or address (default: PAGES_REMOTE)")
    commands.choices["git"].add_argument("--branch", help="(default: PAGES_BRANCH)")
    commands.choices["git"].add_argument("--cname", help="custom domain for GitHub Pages (default: PAGES_CNAME)")
    args = parser.parse_args(argv)

    settings = publish_settings(args.settings)
    try:
        if args.command == "setting":
            value = settings.get(args.name)
            print("" if value is None else value)
        elif args.command == "site-url":
            given = os.environ.get("SITEURL") or settings.get("SITEURL")
            if not given:
                print("make publish: give the site's address, e.g. make publish SITEURL=https://example.org "
                      f"(or set SITEURL in {args.settings})", file=sys.stderr)
                return 2
            print("SITEURL=" + json.dumps(checked_site_url(given)))
        elif args.command == "rsync":
            deploy_rsync(
                args.output,
                args.target or settings.get("RSYNC_TARGET"),
                args.ssh_port or settings.get("SSH_PORT"),
                args.dry_run,
            )
        else:
            deploy_git(
                args.output,
                args.remote or settings.get("PAGES_REMOTE"),
                args.branch or settings.get("PAGES_BRANCH"),
                project_root=args.settings.resolve().parent,
                cname=args.cname or settings.get("PAGES_CNAME"),
                dry_run=args.dry_run,
            )
    except DeployError as error:
        print(f"{args.command}: {error}", file=sys.stderr)
        return 1
    except SiteUrlError as error:
        print(f"make publish: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
