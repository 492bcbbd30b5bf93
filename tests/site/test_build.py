"""`make html` builds every language in one run, quietly, then the search
index."""

import subprocess

from sitebuild import ROOT


def test_make_html_builds_every_language_without_a_warning(tmp_path):
    output = tmp_path / "output"
    result = subprocess.run(
        ["make", "--no-print-directory", "html", f"OUTPUT={output}"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "WARNING" not in log and "ERROR" not in log, log
    # One run: Pelican reports a single "Done" for all four languages.
    assert log.count("Done: Processed") == 1
    assert "Processed 5 articles" in log
    for lang in ("cy", "it", "ar", "el"):
        assert (output / lang / "index.html").is_file()
    assert "search index: 5 pages in 4 languages" in log
    for lang in ("cy", "it", "ar", "el"):
        assert (output / "pagefind" / lang / "pagefind.js").is_file()
