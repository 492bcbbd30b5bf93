"""A copy of the site's content in a git repository made in the test
(no network), and the translators' commands run against it."""

import json
import os
import re
import subprocess
import sys

from sitebuild import ROOT, copy_content

FIVE = "articles/five-misconceptions/five-misconceptions.{}.md"
ENGAGEMENT = "articles/is-it-engagement/is-it-engagement.{}.md"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


class Project:
    """A copy of the content in a git repository of its own, and the
    translators' commands run against it."""

    def __init__(self, root):
        self.root = root
        self.content = copy_content(root / "content")
        self.settings = root / "settings.py"
        self.settings.write_text(f"from pelicanconf import *\nPATH = {str(self.content)!r}\n", "utf-8")
        self.git("init", "--quiet")
        self.commit("the site")

    def git(self, *args):
        return subprocess.run(
            ["git", *args], cwd=self.root, check=True, capture_output=True, text=True,
            env={**os.environ, **GIT_ENV},
        ).stdout

    def commit(self, message):
        """Each commit a minute after the one before (the date rule
        compares commit times)."""
        self.commits = getattr(self, "commits", 0) + 1
        when = f"@{1_700_000_000 + 60 * self.commits} +0000"
        self.git("add", "--all")
        subprocess.run(
            ["git", "commit", "--quiet", "--allow-empty", "-m", message], cwd=self.root, check=True,
            capture_output=True, env={**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when},
        )

    def path(self, relative):
        return self.content / relative

    def edit(self, relative, old, new):
        path = self.path(relative)
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), "utf-8")

    def tool(self, *args, check=True):
        result = subprocess.run(
            [sys.executable, "-m", "plugins.variants", "-s", str(self.settings), *args],
            cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        if check:
            assert result.returncode == 0, result.stderr
        return result

    def status(self):
        report = json.loads(self.tool("status", "--format", "json").stdout)
        return {row["key"]: row["languages"] for row in report["content"]}

    def translate(self, key, lang):
        """make translate, then the translator's work: the text marked as
        translated, the draft line gone; committed."""
        self.tool("translate", "--key", key, "--lang", lang)
        relative = f"articles/{key}/{key}.{lang}.md"
        path = self.path(relative)
        header, body = path.read_text("utf-8").split("\n\n", 1)
        header = header.replace("Status: draft\n", "")
        paragraphs = [re.sub(r"^(#+ )?", rf"\g<0>[{lang}] ", block, count=1) for block in body.split("\n\n")]
        path.write_text(header + "\n\n" + "\n\n".join(paragraphs), "utf-8")
        self.commit(f"{key}: {lang} translation")
        return path


