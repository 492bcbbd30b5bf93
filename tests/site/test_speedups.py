"""What makes the build fast changes no byte of it: Markdown converted
ahead in worker processes and pages rendered on several cores give the
same files as one process doing everything, for the real site and for a
generated one with many articles, threads and series; a rebuild rewrites
no unchanged file."""

import os

import pytest

from bench import corpus
from sitebuild import CONTENT, LANGUAGES, build_site

ONE_PROCESS = {"MARKDOWN_PROCESSES": 1, "RENDER_PROCESSES": 1}
SEVERAL = {"MARKDOWN_PROCESSES": 3, "RENDER_PROCESSES": 3}


def files_of(output):
    return {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in sorted(output.rglob("*")) if path.is_file()
    }


@pytest.fixture(scope="module")
def generated_content(tmp_path_factory):
    content = tmp_path_factory.mktemp("generated") / "content"
    corpus.generate(content, 12, LANGUAGES)
    return content


@pytest.mark.parametrize("source", ["real", "generated"])
@pytest.mark.parametrize("settings_file", ["pelicanconf.py", "publishconf.py"])
def test_several_processes_write_the_same_bytes_as_one(tmp_path, generated_content, source, settings_file):
    content = CONTENT if source == "real" else generated_content
    extra = {"SITEURL": "https://example.org"} if settings_file == "publishconf.py" else {}
    one = files_of(build_site(content, tmp_path / "one" / "output", settings_file, **ONE_PROCESS, **extra))
    several = files_of(build_site(content, tmp_path / "several" / "output", settings_file, **SEVERAL, **extra))
    assert len(one) > 20
    assert sorted(one) == sorted(several)
    different = [name for name in one if one[name] != several[name]]
    assert not different, different


def test_a_rebuild_rewrites_no_unchanged_file(tmp_path):
    output = build_site(CONTENT, tmp_path / "output")
    before = {path: path.stat().st_mtime_ns for path in output.rglob("*.html")}
    for path in before:  # an old time, which a rewrite would change
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    build_site(CONTENT, output)
    rewritten = [path for path in before if path.stat().st_mtime_ns != 1_000_000_000]
    assert not rewritten, rewritten
