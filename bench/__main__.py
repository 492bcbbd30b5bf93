"""make bench [GROUPS="250 1000"]: what `make html` and `make devserver`
cost on one synthetic corpus, against what an author would otherwise run,
each round running every contender in turn (paired runs).

  python -m bench --groups 250 1000 [--runs 3] [--wxr-comments 100000] [--keep DIR]

For each GROUPS (articles, each in every language; ~1,000 words and 12-18
threaded comments each), cold (no output, no cache) in every round:
  * plain Pelican 4.12 as users run it: a settings file with the default
    theme, no plugins, its default settings (no content cache): the
    headline baseline; and once more with its content cache on;
  * plain Pelican, then Pagefind's CLI over its output
    (python -m pagefind --site);
  * Hugo, then the same Pagefind CLI, over the corpus made a Hugo site
    (bench/hugo.py), where `hugo` is installed;
  * this project: python -m pelican with pelicanconf.py, then its search
    index (python -m plugins.search index --cache), which is `make html`.
Then, each round, after one article's text changed and after one comment
was added: the project's Pelican build and its index, up to date, as
`make html` does them; then a devserver's latency (a save, to the new
page's bytes served by its HTTP port, and to its search index refreshed
and the browser told to reload); last, importing WXR exports of none, a
quarter, a half and all of --wxr-comments comments. Every figure is a
median (peaks: the largest), every ratio is set against the target of
issue 20. Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pelican

from . import corpus, hugo, wxr
from .devserving import started, wait_for
from .measuring import HEADER, MIB, CommandFailed, Launcher, Series

ROOT = Path(__file__).resolve().parent.parent
HUGO = shutil.which("hugo")
# Issue 20's targets.
TARGET_AGAINST_ALTERNATIVES = 0.8  # make html, cold / Hugo + Pagefind, and / plain Pelican + Pagefind
TARGET_AFTER_EDIT = 0.15  # make html after one edit / make html cold
TARGET_MEMORY = 1.5  # the project's largest peak / plain Pelican's
TARGET_DEVSERVER = {250: 1.5, 1000: 3.0}  # seconds from a save to the new page served

PLAIN_SETTINGS = """\
# Plain Pelican, as a user would start: default theme, no plugins, the
# default settings (no content cache) unless the bench turns it on.
AUTHOR = "Bench Author"
SITENAME = "Plain Pelican"
SITEURL = ""
PATH = {path!r}
ARTICLE_PATHS = ["articles"]
TIMEZONE = "UTC"
DEFAULT_LANG = {default_lang!r}
# The same file names as the project's: <key>.<lang>.md gives slug and
# language, so Pelican groups the variants as translations.
FILENAME_METADATA = r"(?P<slug>[^./]+)\\.(?P<lang>[^./]+)"
PLUGINS = []
DEFAULT_PAGINATION = 10
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
CACHE_PATH = {cache!r}
"""


def project_settings():
    sys.path.insert(0, str(ROOT))
    from pelican.settings import get_settings_from_file

    return get_settings_from_file(str(ROOT / "pelicanconf.py"))


class Contender:
    """A site generator, then a search index over what it wrote: both
    steps' runs, and the two together."""

    def __init__(self, name, build, index, output, cache, launcher):
        self.name, self.output, self.cache, self.launcher = name, output, cache, launcher
        self.build_command, self.index_command = build, index
        self.build = Series(name)
        self.index = Series("its search index") if index else None

    def clean(self):
        shutil.rmtree(self.output, ignore_errors=True)
        shutil.rmtree(self.cache, ignore_errors=True)

    def run(self, build: Series | None = None, index: Series | None = None):
        """Build (and index); the runs go to the given series, else to the
        contender's own."""
        (build or self.build).runs.append(self.launcher.measure(self.build_command, ROOT))
        if self.index_command:
            (index or self.index).runs.append(self.launcher.measure(self.index_command, ROOT))

    @property
    def together(self) -> Series:
        return self.build + self.index if self.index else self.build


def contenders(work: Path, content: Path, settings: dict, launcher: Launcher) -> dict[str, Contender]:
    python = sys.executable
    pagefind = [python, "-m", "pagefind", "--site"]
    found = {}

    out, cache = work / "out-project", work / "cache-project"
    found["project"] = Contender(
        "this project (make html)",
        [python, "-m", "pelican", str(content), "-o", str(out), "-s", str(ROOT / "pelicanconf.py"), "-q",
         "-e", f"PATH={json.dumps(str(content))}", f"CACHE_PATH={json.dumps(str(cache))}"],
        [python, "-m", "plugins.search", "index", str(out), "--cache", str(cache / "search-index")],
        out, cache, launcher,
    )
    for key, cached in (("plain", False), ("plain cached", True)):
        out, cache = work / f"out-{key.replace(' ', '-')}", work / f"cache-{key.replace(' ', '-')}"
        conf = work / f"{key.replace(' ', '-')}conf.py"
        text = PLAIN_SETTINGS.format(path=str(content), default_lang=settings["DEFAULT_LANG"], cache=str(cache))
        conf.write_text(text + ("CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\n" if cached else ""))
        found[key] = Contender(
            "plain Pelican, content cache on" if cached else "plain Pelican (default settings)",
            [python, "-m", "pelican", str(content), "-o", str(out), "-s", str(conf), "-q"],
            None if cached else pagefind + [str(out)],
            out, cache, launcher,
        )
    if HUGO:
        site, out = work / "hugo-site", work / "out-hugo"
        hugo.make_site(content, site, settings)
        found["hugo"] = Contender(
            "Hugo", [HUGO, "--source", str(site), "--destination", str(out), "--quiet"],
            pagefind + [str(out)], out, site / "resources", launcher,
        )
    return found


def files_written_since(output: Path, before: dict) -> str:
    written = [path for path in output.rglob("*") if path.is_file() and before.get(path) != path.stat().st_mtime_ns]
    index = sum(1 for path in written if path.is_relative_to(output / "pagefind"))
    return f"{len(written) - index} files written, and {index} of the search index"


def mtimes(output: Path) -> dict:
    return {path: path.stat().st_mtime_ns for path in output.rglob("*") if path.is_file()}


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def verdict(value: float, target: float) -> str:
    return "met" if value <= target else "MISSED"


def devserver_latency(content: Path, work: Path, settings: dict, runs: int, languages: list[str]):
    """Seconds from a save to (1) the new page's bytes served by the
    devserver's HTTP port and (2) its "up to date" line: search index
    refreshed, browsers told to reload. Each run appends a sentence to one
    article."""
    source = sorted((content / "articles").glob(f"*/*.{languages[0]}.md"))[0]
    page = "/" + settings["ARTICLE_URL"].format(lang=languages[0], slug=source.parent.name)
    served, up_to_date = [], []
    # A cold start, as an author's first make devserver.
    shutil.rmtree(work / "devserver", ignore_errors=True)
    with started(content, work / "devserver", seconds=3600) as server:
        for number in range(runs):
            print(f"  devserver save {number + 1}/{runs} ...", flush=True)
            builds = server.builds()
            time.sleep(1)  # the builder is watching again
            sentence = f"Saved in the devserver {number}.".encode()
            start = time.perf_counter()
            source.write_text(source.read_text(encoding="utf-8") + f"\n{sentence.decode()}\n", encoding="utf-8")
            wait_for(lambda: sentence in (server.fetch(page) or b""), "the new page", server, every=0.01)
            served.append(time.perf_counter() - start)
            wait_for(lambda: server.builds() > builds, "the index refreshed", server, every=0.01)
            up_to_date.append(time.perf_counter() - start)
    return statistics.median(served), statistics.median(up_to_date)


def bench_groups(groups: int, arguments, work: Path, launcher: Launcher, settings: dict) -> str:
    languages = list(settings["LANGUAGES"])
    runs = arguments.runs
    content = work / "content"
    shutil.rmtree(content, ignore_errors=True)
    counts = corpus.generate(content, groups, languages)
    print(f"\n=== GROUPS={groups}: {counts['groups']} articles x {len(languages)} languages = "
          f"{counts['documents']} documents, {counts['words']:,} words, {counts['comments']:,} comments")
    tools = contenders(work, content, settings, launcher)
    if not HUGO:
        print("  Hugo + Pagefind: skipped, no `hugo` on PATH (Debian: apt-get install hugo)")
    order = [key for key in ("plain", "plain cached", "hugo", "project") if key in tools]

    print("  warm-up run of each ...", flush=True)
    for key in order:
        tools[key].clean()
        tools[key].run(Series("warm-up"), Series("warm-up"))
    for number in range(runs):
        print(f"  cold round {number + 1}/{runs} ...", flush=True)
        for key in order:
            tools[key].clean()
            tools[key].run()
    project = tools["project"]
    cold_files = sum(1 for path in project.output.rglob("*") if path.is_file())
    index_size = folder_size(project.output / "pagefind")

    edit, comment = Series("Pelican"), Series("Pelican")
    edit_index, comment_index = Series("its search index"), Series("its search index")
    written = {}
    for number in range(runs):
        print(f"  round after one change {number + 1}/{runs} ...", flush=True)
        for change, build, index, kind in ((corpus.touch_one_article, edit, edit_index, "edit"),
                                           (corpus.add_one_comment, comment, comment_index, "comment")):
            change(content, number)
            before = mtimes(project.output)
            project.run(build, index)
            written[kind] = files_written_since(project.output, before)

    served, up_to_date = devserver_latency(content, work, settings, runs, languages)

    plain = tools["plain"]
    lines = [f"GROUPS={groups} ({counts['documents']:,} documents), cold unless said", HEADER]
    for key in order:
        tool = tools[key]
        lines.append(tool.build.row(tool.name))
        if tool.index:
            lines.append(tool.index.row("  " + tool.index.name + (" (Pagefind CLI)" if key != "project" else "")))
            lines.append(tool.together.row("  together"))
    lines += [
        f"  this project: {cold_files:,} files; its index {index_size / MIB:.1f} MiB",
        "after one article's text changed, make html (index up to date):",
        edit.row("  Pelican"), edit_index.row("  its search index"), (edit + edit_index).row("  together"),
        f"    {written['edit']}",
        "after one comment was added, make html:",
        comment.row("  Pelican"), comment_index.row("  its search index"),
        (comment + comment_index).row("  together"),
        f"    {written['comment']}",
        f"devserver: save -> new page served {served:.2f} s; -> index refreshed, browser told {up_to_date:.2f} s",
    ]
    make_html = project.together
    peaks = max(series.peak_rss for series in (project.build, project.index, edit, edit_index, comment, comment_index))
    ratios = []
    if "hugo" in tools:
        ratios.append(("make html, cold / Hugo + Pagefind", make_html.wall / tools["hugo"].together.wall,
                       TARGET_AGAINST_ALTERNATIVES, "x"))
    ratios += [
        ("make html, cold / plain Pelican + Pagefind", make_html.wall / plain.together.wall,
         TARGET_AGAINST_ALTERNATIVES, "x"),
        ("make html after one edit / make html, cold", (edit + edit_index).wall / make_html.wall,
         TARGET_AFTER_EDIT, "x"),
        ("largest peak of this project's steps / plain Pelican's", peaks / plain.build.peak_rss,
         TARGET_MEMORY, "x"),
    ]
    if groups in TARGET_DEVSERVER:
        ratios.append(("devserver, save -> new page served", served, TARGET_DEVSERVER[groups], " s"))
    lines.append("against issue 20's targets:")
    lines += [f"  {label:<56}{value:>7.2f}{unit:<2} target <= {target}{unit.strip()}: {verdict(value, target)}"
              for label, value, target, unit in ratios]
    lines.append(f"  (for reference: make html, cold / plain Pelican alone {make_html.wall / plain.build.wall:.2f}x; "
                 f"plain Pelican with its cache / without {tools['plain cached'].build.wall / plain.build.wall:.2f}x)")
    report = "\n".join(lines)
    print("\n" + report, flush=True)
    import_report = bench_import(content, work, launcher, arguments.wxr_comments, languages)
    return report + "\n" + import_report


def bench_import(content: Path, work: Path, launcher: Launcher, total: int, languages: list[str]) -> str:
    """No comments at all (the fixed cost: reading the articles to match
    posts to them), then a quarter, a half and all of the comments: the
    growth shows whether import time and memory stay linear."""
    keys = sorted(path.name for path in (content / "articles").iterdir())
    lines = [f"import (--format wxr, {len(keys)} posts)"]
    for share in (None, 4, 2, 1):
        count = total // share if share else 0
        import_content = work / "import-content"
        shutil.rmtree(import_content, ignore_errors=True)
        shutil.copytree(content / "articles", import_content / "articles")
        export = work / "export.wxr"
        size = wxr.generate(export, keys, count)
        print(f"  WXR import: {count:,} comments, {size / MIB:.1f} MiB export ...", flush=True)
        command = [sys.executable, "-m", "plugins.comments", "import", "--source", str(export),
                   "--format", "wxr", "--lang", languages[0], "--content", str(import_content)]
        result = launcher.measure(command, ROOT)
        lines.append(f"  {count:>7,} comments: wall {result.wall:.2f} s, CPU {result.cpu:.2f} s, "
                     f"peak RSS {result.peak_rss / MIB:.0f} MiB")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, nargs="+", default=[250, 1000],
                        help="articles, each in every language; one report per value")
    parser.add_argument("--runs", type=int, default=3,
                        help="rounds of measured runs (3 or more for medians worth the name)")
    parser.add_argument("--wxr-comments", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    arguments = parser.parse_args(argv)
    if arguments.runs < 1:
        parser.error("--runs must be at least 1")

    work = arguments.keep or Path(tempfile.mkdtemp(prefix="mmr-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    launcher = Launcher(work / "builds.log")
    settings = project_settings()
    print(f"Pelican {pelican.__version__}, Python {platform.python_version()}, {platform.machine()}, "
          f"{hugo_version()}, work folder {work}")
    try:
        reports = [bench_groups(groups, arguments, work, launcher, settings) for groups in arguments.groups]
    except CommandFailed as failure:
        print(f"error: {failure}", file=sys.stderr)
        return 1
    finally:
        launcher.close()
        if arguments.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print("\n\n".join(["", "Summary", *reports]))
    if arguments.runs < 3:
        print(f"\n(only {arguments.runs} run(s) of each: figures for development, not for the README)")
    return 0


def hugo_version() -> str:
    if not HUGO:
        return "no Hugo"
    return subprocess.run([HUGO, "version"], capture_output=True, text=True).stdout.split("+")[0].strip()


if __name__ == "__main__":
    sys.exit(main())
