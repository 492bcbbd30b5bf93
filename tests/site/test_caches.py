"""A cache cut short (a build killed while saving it, a full disk) or
emptied is set aside with one warning and rebuilt: the build goes on and
writes what a clean build writes. Caches are written to a temporary name
and renamed, so a failed save leaves the last good one."""

import pickle

import pytest

from sitebuild import CONTENT, build_site, files_of, run_pelican

from plugins.writing import files

CACHES = ["ArticlesGenerator-Readers", "SeriesGenerator-Readers", "CommentThreads", "BuiltPages"]


@pytest.mark.parametrize("damage", ["empty", "truncated"])
def test_a_damaged_cache_is_rebuilt_with_one_warning(tmp_path, damage):
    output = build_site(CONTENT, tmp_path / "output")
    clean = files_of(output)
    cache = tmp_path / "cache"
    for name in CACHES:
        data = (cache / name).read_bytes()
        (cache / name).write_bytes(b"" if damage == "empty" else data[: len(data) // 2])
    for compiled in (cache / "templates").iterdir():
        data = compiled.read_bytes()
        compiled.write_bytes(b"" if damage == "empty" else data[:12])
    result = run_pelican(CONTENT, output)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "Traceback" not in log and "EOFError" not in log
    for name in CACHES:
        assert len([line for line in log.splitlines() if f"cache/{name} cannot be read" in line]) == 1, log
    assert files_of(output) == clean
    for name in CACHES:  # rebuilt whole
        with open(cache / name, "rb") as kept:
            assert isinstance(pickle.load(kept), dict)


def test_a_save_that_fails_leaves_the_last_cache(tmp_path, monkeypatch):
    target = tmp_path / "kept"
    target.write_bytes(b"the last good cache")

    def failing(file):
        file.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        with files.atomic_file(target) as file:
            failing(file)
    assert target.read_bytes() == b"the last good cache"
    assert [path.name for path in tmp_path.iterdir()] == ["kept"]
