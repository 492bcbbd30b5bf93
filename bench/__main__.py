"""make bench [GROUPS=250]: this project against plain Pelican on one
synthetic corpus, in the same run.

  python -m bench --groups 250 [--runs 3] [--wxr-comments 100000] [--keep DIR]

Builds the corpus (GROUPS articles x every language, ~1,000 words and 12-18
threaded comments each) with
  * this project: python -m pelican with the project's pelicanconf.py,
    PATH pointed at the corpus (all its plugins, its theme, comments);
  * plain Pelican 4.12: a settings file with PLUGINS = [] and the default
    theme, reading the same Markdown files (comments are not its business);
after one warm-up build of each, alternating the two for --runs full builds
each (output and cache removed before each), then --runs incremental
rebuilds each after one source file changed (both with Pelican's content
cache on: the project's setting, and given to plain Pelican too). Beside
the project's build, it times --runs builds of the search index over its
output (python -m plugins.search index, as make html runs it after
Pelican) and reports the index's size. Then it times importing WXR exports of a quarter, a half and all of
--wxr-comments comments (to show linear growth). Timings are
printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tempfile
from pathlib import Path

import pelican

from . import corpus, wxr
from .measuring import MIB, CommandFailed, Series, measure, table

ROOT = Path(__file__).resolve().parent.parent

PLAIN_SETTINGS = """\
# Plain Pelican, as a user would start: default theme, no plugins.
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
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = {cache!r}
"""


def project_settings():
    sys.path.insert(0, str(ROOT))
    from pelican.settings import get_settings_from_file

    return get_settings_from_file(str(ROOT / "pelicanconf.py"))


class Builder:
    def __init__(self, name, command, output, cache):
        self.name, self.command, self.output, self.cache = name, command, output, cache
        self.full = Series(name)
        self.incremental = Series(name)
        self.comment_edit = Series(name)
        self.written = {}  # kind of rebuild -> files written by its last run

    def clean(self):
        shutil.rmtree(self.output, ignore_errors=True)
        shutil.rmtree(self.cache, ignore_errors=True)

    def build(self, log):
        return measure(self.command, ROOT, log)

    def rebuild(self, log, series, kind):
        """A rebuild into the existing output; remember how many files it wrote."""
        before = {path: path.stat().st_mtime_ns for path in self.output.rglob("*") if path.is_file()}
        series.runs.append(self.build(log))
        self.written[kind] = sum(
            1 for path in self.output.rglob("*")
            if path.is_file() and before.get(path) != path.stat().st_mtime_ns
        )


def builders(work: Path, content: Path, default_lang: str):
    python = sys.executable
    ours_out, ours_cache = work / "out-project", work / "cache-project"
    plain_out, plain_cache = work / "out-plain", work / "cache-plain"
    ours = Builder(
        "this project",
        [python, "-m", "pelican", str(content), "-o", str(ours_out),
         "-s", str(ROOT / "pelicanconf.py"), "-q",
         "-e", f"PATH={json.dumps(str(content))}", f"CACHE_PATH={json.dumps(str(ours_cache))}"],
        ours_out, ours_cache,
    )
    settings = work / "plainconf.py"
    settings.write_text(PLAIN_SETTINGS.format(path=str(content), default_lang=default_lang,
                                              cache=str(plain_cache)))
    plain = Builder(
        "plain Pelican",
        [python, "-m", "pelican", str(content), "-o", str(plain_out), "-s", str(settings), "-q"],
        plain_out, plain_cache,
    )
    return ours, plain


def count_files(folder: Path) -> int:
    return sum(1 for path in folder.rglob("*") if path.is_file())


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def search_index(site: Path, runs: int, log: Path, build: Series) -> str:
    """Time --runs index builds over the project's built site (each
    replaces the last) and describe the index beside the build."""
    index = Series("search index")
    command = [sys.executable, "-m", "plugins.search", "index", str(site)]
    for number in range(runs):
        print(f"search index {number + 1}/{runs} ...", flush=True)
        index.runs.append(measure(command, ROOT, log))
    bundle = site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = ", ".join(f"{code} {data['page_count']}" for code, data in entry["languages"].items())
    per_language = {code: 0 for code in entry["languages"]}
    for path in bundle.rglob("*"):
        code = path.name.split("_")[0]
        if path.is_file() and path.parent.name in ("index", "fragment", "filter") and code in per_language:
            per_language[code] += path.stat().st_size
    site_size = folder_size(site) - folder_size(bundle)
    return "\n".join([
        "Search index (Pagefind) over the project's output, after its Pelican build",
        f"  {'':<22}{'wall (median)':>15}{'CPU (median)':>15}{'peak RSS (max)':>16}  runs",
        f"  {'Pelican full build':<22}{build.wall:>14.2f}s{build.cpu:>14.2f}s"
        f"{build.peak_rss / MIB:>12.0f} MiB  {len(build.runs)}",
        f"  {'search index':<22}{index.wall:>14.2f}s{index.cpu:>14.2f}s"
        f"{index.peak_rss / MIB:>12.0f} MiB  {len(index.runs)}",
        f"  {'index / build':<22}{index.wall / build.wall:>14.2f}x{index.cpu / build.cpu:>14.2f}x",
        f"  pages indexed: {pages}",
        f"  index: {folder_size(bundle) / MIB:.1f} MiB in {count_files(bundle):,} files "
        f"({folder_size(bundle) / site_size:.0%} of the site's {site_size / MIB:.1f} MiB); "
        "words and fragments per language: "
        + ", ".join(f"{code} {size / MIB:.1f} MiB" for code, size in per_language.items()),
    ])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=250, help="articles, each in every language")
    parser.add_argument("--runs", type=int, default=3, help="measured runs of each (at least 3)")
    parser.add_argument("--wxr-comments", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    arguments = parser.parse_args(argv)
    if arguments.runs < 3:
        parser.error("--runs must be at least 3")

    work = arguments.keep or Path(tempfile.mkdtemp(prefix="mmr-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    log = work / "builds.log"
    try:
        return run(arguments, work, log)
    except CommandFailed as failure:
        print(f"error: {failure}", file=sys.stderr)
        return 1
    finally:
        if arguments.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def run(arguments, work: Path, log: Path) -> int:
    settings = project_settings()
    languages = list(settings["LANGUAGES"])
    content = work / "content"
    shutil.rmtree(content, ignore_errors=True)
    counts = corpus.generate(content, arguments.groups, languages)
    print(f"Pelican {pelican.__version__}, Python {platform.python_version()}, "
          f"{platform.machine()}, work folder {work}")
    print(f"corpus: {counts['groups']} articles x {len(languages)} languages = "
          f"{counts['documents']} documents, {counts['words']:,} words, "
          f"{counts['comments']:,} comments")

    ours, plain = builders(work, content, settings.get("DEFAULT_LANG", languages[0]))
    print("warm-up build of each ...", flush=True)
    for builder in (ours, plain):
        builder.clean()
        builder.build(log)
    for builder in (ours, plain):
        print(f"  {builder.name}: {count_files(builder.output)} files written")

    for number in range(arguments.runs):
        print(f"full build {number + 1}/{arguments.runs} ...", flush=True)
        for builder in (ours, plain):
            builder.clean()
            builder.full.runs.append(builder.build(log))
    index_report = search_index(ours.output, arguments.runs, log, ours.full)
    for number in range(arguments.runs):
        print(f"incremental rebuild {number + 1}/{arguments.runs} ...", flush=True)
        corpus.touch_one_article(content, number)
        for builder in (ours, plain):
            builder.rebuild(log, builder.incremental, "article")
    for number in range(arguments.runs):
        print(f"rebuild after a comments file changed {number + 1}/{arguments.runs} ...", flush=True)
        corpus.add_one_comment(content, number)
        ours.rebuild(log, ours.comment_edit, "comments")

    print()
    print(table(f"Full build, {counts['documents']} documents (cold: no output, no cache)",
                ours.full, plain.full))
    print(f"  time per document: project {ours.full.wall / counts['documents'] * 1000:.2f} ms, "
          f"plain Pelican {plain.full.wall / counts['documents'] * 1000:.2f} ms "
          "(compare across GROUPS for growth)")
    print()
    print(table("Incremental rebuild after one source file changed (content cache on)",
                ours.incremental, plain.incremental))
    print(f"  files written by the last rebuild: project {ours.written['article']}, "
          f"plain Pelican {plain.written['article']}")
    print(f"  project rebuild / project full build: {ours.incremental.wall / ours.full.wall:.2f}x")
    print()
    print("Rebuild after one comments file changed (a comment added; the project only)")
    print(f"  wall {ours.comment_edit.wall:.2f}s, CPU {ours.comment_edit.cpu:.2f}s, "
          f"peak RSS {ours.comment_edit.peak_rss / MIB:.0f} MiB, {len(ours.comment_edit.runs)} runs; "
          f"{ours.written['comments']} files written; "
          f"{ours.comment_edit.wall / ours.full.wall:.2f}x of the project's full build")
    print()
    print(index_report)

    # No comments at all (the fixed cost: reading the articles to match
    # posts to them), then a quarter, a half and all of the comments: the
    # growth shows whether import time and memory stay linear.
    keys = sorted(path.name for path in (content / "articles").iterdir())
    for share in (None, 4, 2, 1):
        count = arguments.wxr_comments // share if share else 0
        import_content = work / "import-content"
        shutil.rmtree(import_content, ignore_errors=True)
        shutil.copytree(content / "articles", import_content / "articles")
        export = work / "export.wxr"
        size = wxr.generate(export, keys, count)
        print(f"\nWXR import: {count:,} comments on {len(keys)} posts, "
              f"{size / MIB:.1f} MiB export ...", flush=True)
        command = [sys.executable, "-m", "plugins.comments", "import", "--source", str(export),
                   "--format", "wxr", "--lang", languages[0], "--content", str(import_content)]
        result = measure(command, ROOT, log)
        stored = sum(
            len(json.loads(path.read_text(encoding="utf-8"))["comments"])
            for path in (import_content / "comments").glob("*.json")
        )
        print(f"  wall {result.wall:.2f}s, CPU {result.cpu:.2f}s, peak RSS {result.peak_rss / MIB:.0f} MiB, "
              f"{stored:,} comments stored")
    print(f"\nbuild output: {log}" if arguments.keep else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
