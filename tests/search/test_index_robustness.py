"""The index step (python -m plugins.search index OUTPUT --cache DIR, as
make html runs it) runs to completion or fails with one line, whatever
happens around it: busy processes, two runs at once, a cache left broken
by a full disk or a kill, a full disk now. A run that succeeds leaves
every bundle whole, and the same (apart from Pagefind's random order of
filter values) as a clean run over the same pages."""

import gzip
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time

import pytest

from pagefind_files import SIGNATURE, bundles, comparable, language_of
from sitebuild import ROOT, SITE_BUNDLE_PAGES


def index_command(output, cache):
    """The index step as make html runs it, in the session site's bundle size."""
    return [sys.executable, "-m", "plugins.search", "index", str(output), "--cache", str(cache),
            "--bundle-pages", str(SITE_BUNDLE_PAGES)]


def index(output, cache, limit_file_size=None):
    """Run the index step; the CompletedProcess."""
    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    return subprocess.run(
        index_command(output, cache),
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        preexec_fn=limit if limit_file_size else None,
    )


def succeeded(result):
    assert result.returncode == 0, result.stderr
    return result


def failed_in_one_line(result):
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


@pytest.fixture
def pages(site, tmp_path):
    """A private copy of the built site, without its index."""
    output = tmp_path / "output"
    shutil.copytree(site, output, ignore=shutil.ignore_patterns("pagefind"))
    return output


@pytest.fixture(scope="module")
def reference(site):
    """The session site's bundles, made by a clean run: what every run
    must give, filter order apart."""
    return {lang: comparable(folder) for lang, folder in bundles(site).items()}


def assert_whole(output, reference):
    """Every file of every bundle is there and readable, and the bundles
    index what a clean run indexes."""
    found = bundles(output)
    assert set(found) == set(reference)
    for lang, folder in found.items():
        files = [path for path in folder.rglob("*") if path.is_file()]
        assert files and all(path.stat().st_size > 0 for path in files), folder
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert set(entry["languages"]) == {language_of(lang)}
        for path in files:
            if path.suffix.startswith(".pf_"):
                assert gzip.decompress(path.read_bytes()).startswith(SIGNATURE), path
        assert comparable(folder) == reference[lang], folder


def test_the_index_is_whole_every_time_beside_busy_processes_and_with_two_runs_at_once(
        pages, tmp_path, reference):
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        for run in range(4):
            cache = tmp_path / f"cache-{run % 2}"
            succeeded(index(pages, cache))
            assert_whole(pages, reference)
        # Two at once, into one output and one cache.
        runs = [
            subprocess.Popen(
                index_command(pages, tmp_path / "shared"),
                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        for run in runs:
            _, errors = run.communicate(timeout=600)
            assert run.returncode == 0, errors
        assert_whole(pages, reference)
    finally:
        for process in busy:
            process.kill()
            process.wait()


def cached_bundle(cache, lang):
    (entry,) = (cache / lang).iterdir()
    return entry / "bundle"


@pytest.mark.parametrize("breakage", [
    "an empty pagefind.js",
    "no fragment folder",
    "an empty pagefind-entry.json",
    "an empty manifest",
    "a truncated fragment",
])
def test_a_broken_cache_is_dropped_with_one_warning_and_rebuilt(pages, tmp_path, reference, breakage):
    cache = tmp_path / "cache"
    succeeded(index(pages, cache))
    bundle = cached_bundle(cache, "cy")
    if breakage == "an empty pagefind.js":
        (bundle / "pagefind.js").write_bytes(b"")
    elif breakage == "no fragment folder":
        shutil.rmtree(bundle / "fragment")
    elif breakage == "an empty pagefind-entry.json":
        (bundle / "pagefind-entry.json").write_bytes(b"")
    elif breakage == "an empty manifest":
        (bundle.parent / "files.json").write_bytes(b"")
    else:
        fragment = next((bundle / "fragment").iterdir())
        fragment.write_bytes(fragment.read_bytes()[:10])
    shutil.rmtree(pages / "pagefind")  # else the output's copy would be kept as it is
    result = succeeded(index(pages, cache))
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 1 and "cy" in warnings[0] and "dropped" in warnings[0], result.stderr
    assert "indexed cy," in result.stdout
    assert_whole(pages, reference)
    # ...and the cache is whole again: the next run neither warns nor indexes.
    again = succeeded(index(pages, cache))
    assert not again.stderr and "indexed none" in again.stdout


def test_a_broken_bundle_in_output_is_replaced_from_the_cache(pages, tmp_path, reference):
    cache = tmp_path / "cache"
    succeeded(index(pages, cache))
    (pages / "pagefind" / "it" / "pagefind.js").write_bytes(b"")
    shutil.rmtree(pages / "pagefind" / "el" / "fragment")
    result = succeeded(index(pages, cache))
    assert "indexed none" in result.stdout and "updated el it " in result.stdout
    assert_whole(pages, reference)


def test_a_full_disk_fails_in_one_line_and_leaves_nothing_trusted(pages, tmp_path, reference):
    """No file may grow past 20 KiB (Pagefind's own are larger): as a disk
    that fills up while Pagefind writes."""
    cache = tmp_path / "cache"
    line = failed_in_one_line(index(pages, cache, limit_file_size=20 * 1024))
    assert line.startswith("ERROR: ") and "make html again" in line, line
    result = succeeded(index(pages, cache))
    assert not result.stderr
    assert_whole(pages, reference)


def test_a_run_killed_at_any_point_leaves_the_next_run_whole(pages, tmp_path, reference):
    cache = tmp_path / "cache"
    for delay in (0.3, 0.8, 1.5):
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(pages / "pagefind", ignore_errors=True)
        run = subprocess.Popen(
            index_command(pages, cache),
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        os.killpg(run.pid, signal.SIGKILL)  # Pagefind with it
        run.wait()
        result = succeeded(index(pages, cache))
        assert not result.stderr
        assert_whole(pages, reference)
        leftovers = [path for path in (*pages.rglob(".tmp-*"), *cache.rglob(".tmp-*"))]
        assert not leftovers


def test_pagefind_failing_is_one_line(pages, tmp_path):
    """A page marked for search in no language is refused by name."""
    page = pages / "cy" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('<html lang="cy"', "<html")
                    .replace("<body", "<body data-pagefind-body", 1), encoding="utf-8")
    line = failed_in_one_line(index(pages, tmp_path / "cache"))
    assert f"{page}: marked for search but its <html> names no language" in line, line
