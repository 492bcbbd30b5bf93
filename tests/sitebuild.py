"""Builds real sites for the tests: the project's own settings, theme and
plugins, run as `python -m pelican` exactly as `make html` runs it."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SEEDS = ROOT.parent / "shared" / "seeds"
CORPORA = ROOT.parent / "shared" / "corpora"
# The project's settings as the build reads them; the tests ask them for the
# site's languages rather than repeating the table.
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
LANGUAGES = list(SETTINGS["LANGUAGES"])


class BuildFailed(AssertionError):
    def __init__(self, result):
        super().__init__(
            # args: python -m <module> ...
            f"{result.args[2]} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
        )
        self.result = result


# The session's dev site indexes each language in bundles of about one
# page (python -m plugins.search index --bundle-pages): a test that reads
# or searches its index meets what a site of hundreds of articles has.
SITE_BUNDLE_PAGES = 1

def pelican_command(content_dir, output_dir, settings_file="pelicanconf.py",
                    fatal="errors", **overrides):
    """The command line of `python -m pelican` for run_pelican, to run in ROOT."""
    overrides.setdefault("CACHE_PATH", str(Path(output_dir).parent / "cache"))
    command = [
        sys.executable, "-m", "pelican", str(content_dir),
        "-o", str(output_dir), "-s", str(ROOT / settings_file),
        "--fatal", fatal, "--log-handler", "plain",
    ]
    # PATH and TRANSLATIONS_PATH resolve against the project, not the copy.
    overrides.setdefault("TRANSLATIONS_PATH", str(ROOT / "translations"))
    overrides.setdefault("THEME", str(ROOT / "themes" / "mmr"))
    overrides.setdefault("PLUGIN_PATHS", [str(ROOT)])
    # One -e with every setting: Pelican keeps only the last -e given.
    return command + ["-e", *(f"{name}={json.dumps(value)}" for name, value in overrides.items())]


def run_pelican(content_dir, output_dir, settings_file="pelicanconf.py",
                fatal="errors", **overrides):
    """Run Pelican; return the CompletedProcess whatever its exit code."""
    return subprocess.run(
        pelican_command(content_dir, output_dir, settings_file, fatal, **overrides),
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )


def build_site(content_dir, output_dir, settings_file="pelicanconf.py", **overrides):
    """Build a site and return its output folder; raise if Pelican fails."""
    result = run_pelican(content_dir, output_dir, settings_file, **overrides)
    if result.returncode != 0:
        raise BuildFailed(result)
    return Path(output_dir)


def build_in_process(content_dir, output_dir, settings_file="pelicanconf.py", **overrides):
    """Build a site with Pelican in this process, as the pelican-plugins
    test suites do: faster, and an error arrives as the exception itself.
    Return the output folder."""
    overrides = {
        "PATH": str(content_dir),
        "OUTPUT_PATH": str(output_dir),
        "CACHE_PATH": str(Path(output_dir).parent / "cache"),
        **overrides,
    }
    Pelican(read_settings(str(ROOT / settings_file), override=overrides)).run()
    return Path(output_dir)


def index_site(output_dir, bundle_pages=None):
    """Build the site's search index as `make html` does after Pelican,
    in bundles of about `bundle_pages` pages when given; return the output
    folder."""
    more = ["--bundle-pages", str(bundle_pages)] if bundle_pages else []
    result = subprocess.run(
        [sys.executable, "-m", "plugins.search", "index", str(output_dir), *more],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    if result.returncode != 0:
        raise BuildFailed(result)
    return Path(output_dir)


def copy_content(destination):
    """A private copy of the real content, for tests that change it."""
    shutil.copytree(CONTENT, destination)
    return Path(destination)


def files_of(output):
    """{path under output: bytes} of every file a build wrote."""
    return {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in sorted(Path(output).rglob("*")) if path.is_file()
    }


def read_html(path):
    """A built page as a reader's browser gets it, parsed."""
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")
