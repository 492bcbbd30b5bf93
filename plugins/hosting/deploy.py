"""Putting a built output/ on a host: rsync over SSH to any server, or
ghp-import onto the publishing branch of a git host (GitHub Pages and the
like). `make rsync_upload` and `make github` build with publishconf.py
first and stop when that build fails or warns; these functions only send
what is there.

Nothing secret is read or kept here: SSH keys stay with ssh, passwords and
tokens with git's credential helpers; a remote URL that carries one is
refused.
"""

import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

# The name given, inside the throwaway repository, to the publishing remote.
PUBLISH_REMOTE = "publish"


class DeployError(Exception):
    """Deployment cannot go ahead; the message says what to do."""


def check_output_folder(output):
    output = Path(output)
    if not (output / "index.html").is_file():
        raise DeployError(f"{output}/ holds no built site: run make publish first")
    return output


def rsync_command(output, target, ssh_port=None, dry_run=False):
    # --checksum: Pelican rewrites every file at each build, so sizes and
    # times alone would resend the whole site. --delete-after with
    # --delay-updates: new files land together at the end, then what the
    # site no longer has goes.
    command = [
        "rsync", "--recursive", "--checksum", "--compress",
        "--delete-after", "--delay-updates",
        "--itemize-changes", "--stats", "--human-readable",
    ]
    if ssh_port:
        command += ["--rsh", f"ssh -p {int(ssh_port)}"]
    if dry_run:
        command.append("--dry-run")
    return command + [f"{output}/", target]


def deploy_rsync(output, target, ssh_port=None, dry_run=False):
    output = check_output_folder(output)
    if not target:
        raise DeployError(
            "no RSYNC_TARGET: set it in publishconf.py or give it, e.g. "
            "make rsync_upload RSYNC_TARGET=user@example.org:/srv/www/site/"
        )
    command = rsync_command(output, target, ssh_port, dry_run)
    print("$", shlex.join(command), flush=True)
    result = subprocess.run(command)
    if result.returncode != 0:
        raise DeployError(f"rsync exited {result.returncode}: nothing more was sent")


def _git(*args, cwd=None, check=True):
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise DeployError(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result


def refuse_credentials(url):
    """A remote URL with a password or token in it would end up in logs
    and shell history: ask for a credential helper or SSH instead."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
        parts = urlsplit(url)
        secret = parts.password is not None or (
            parts.scheme in ("http", "https") and parts.username is not None
        )
        if secret:
            raise DeployError(
                "PAGES_REMOTE carries a user name or token: give the address without "
                "it and let git find the credentials (SSH keys, or git's credential "
                "helper), so that no secret sits in publishconf.py, a command line or a log"
            )


def resolve_remote(remote, project_root):
    """A remote's URL: a name of this project's repository ("origin"), or
    an address or path given as it is."""
    if not remote:
        raise DeployError(
            "no PAGES_REMOTE: set it in publishconf.py or give it, e.g. "
            "make github PAGES_REMOTE=origin"
        )
    if re.fullmatch(r"[A-Za-z0-9._-]+", remote) and not Path(remote).exists():
        found = _git("remote", "get-url", remote, cwd=project_root, check=False)
        if found.returncode != 0:
            raise DeployError(
                f"PAGES_REMOTE {remote!r} is not a remote of this repository "
                "(git remote -v lists them) nor a path: give its address instead"
            )
        remote = found.stdout.strip()
    refuse_credentials(remote)
    return remote


def source_description(project_root):
    """The source commit a build came from, for the publishing commit's message."""
    head = _git("rev-parse", "--short", "HEAD", cwd=project_root, check=False)
    if head.returncode != 0:
        return "a source tree outside git"
    dirty = _git("status", "--porcelain", cwd=project_root, check=False).stdout.strip()
    return f"commit {head.stdout.strip()}" + (" with uncommitted changes" if dirty else "")


def deploy_git(output, remote, branch, project_root, cname=None, dry_run=False):
    """Commit output/ onto `branch` of `remote` with ghp-import, on top of
    the branch's history, and push it unless nothing changed. Runs in a
    throwaway repository, so the project's own repository is never touched."""
    output = check_output_folder(output).resolve()
    url = resolve_remote(remote, project_root)
    if not branch:
        raise DeployError("no PAGES_BRANCH: set it in publishconf.py, e.g. PAGES_BRANCH = \"gh-pages\"")
    if _git("check-ref-format", "--branch", branch, check=False).returncode != 0:
        raise DeployError(f"PAGES_BRANCH {branch!r} is not a name git allows for a branch: give one such as gh-pages")
    message = f"Site built from {source_description(project_root)}"
    with tempfile.TemporaryDirectory(prefix="publish-") as work:
        _git("init", "--quiet", work)
        if not all(
            os.environ.get(f"GIT_COMMITTER_{key.upper()}")
            or _git("config", f"user.{key}", cwd=work, check=False).stdout.strip()
            for key in ("name", "email")
        ):
            # ghp-import signs with these and would otherwise leave them empty.
            raise DeployError(
                "git does not know who publishes: set git config --global user.name "
                "and user.email (they sign the publishing commit)"
            )
        _git("remote", "add", PUBLISH_REMOTE, url, cwd=work)
        listed = _git("ls-remote", "--exit-code", "--heads", PUBLISH_REMOTE, branch, cwd=work, check=False)
        if listed.returncode not in (0, 2):
            raise DeployError(f"cannot reach PAGES_REMOTE: {listed.stderr.strip()}")
        existing = listed.returncode == 0
        if existing:
            # ghp-import builds on <remote>/<branch>: the history is kept.
            _git("fetch", "--quiet", PUBLISH_REMOTE,
                 f"+refs/heads/{branch}:refs/remotes/{PUBLISH_REMOTE}/{branch}", cwd=work)
        command = [
            sys.executable, "-m", "ghp_import", "--no-jekyll",
            "--remote", PUBLISH_REMOTE, "--branch", branch, "--message", message,
        ]
        if cname:
            command += ["--cname", cname]
        result = subprocess.run(command + [str(output)], cwd=work, capture_output=True, text=True)
        if result.returncode != 0:
            raise DeployError(
                f"ghp-import exited {result.returncode}: {(result.stderr or result.stdout).strip()}"
            )
        if existing:
            changes = _git("diff", "--stat", f"{PUBLISH_REMOTE}/{branch}", branch, cwd=work).stdout
            if not changes:
                print(f"{branch} of {url} already holds this build: nothing to publish")
                return
        else:
            count = len(_git("ls-tree", "-r", "--name-only", branch, cwd=work).stdout.splitlines())
            changes = f" a new branch {branch}, {count} files\n"
        commit = _git("rev-parse", "--short", branch, cwd=work).stdout.strip()
        if not dry_run:
            # Never forced: a branch that moved meanwhile is refused, not overwritten.
            pushed = subprocess.run(["git", "push", "--quiet", PUBLISH_REMOTE, branch], cwd=work,
                                    env=dict(os.environ, GIT_TERMINAL_PROMPT="0"))
            if pushed.returncode != 0:
                raise DeployError(f"git push to PAGES_REMOTE exited {pushed.returncode}: nothing was published")
    verb = "Would publish" if dry_run else "Published"
    print(f"{verb} {commit} ({message}) on {branch} of {url}:\n{changes}", end="")
