"""Helpers for the comments tests: a small content folder and the import command."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"

ARTICLES = [
    # (key, lang, title, slug)
    ("hello-world", "cy", "Helo byd", None),
    ("hello-world", "it", "Ciao mondo", None),
    ("second-post", "cy", "Ail bost", "ail-bost"),
]


def write_articles(content: Path, articles=ARTICLES) -> Path:
    for key, lang, title, slug in articles:
        folder = content / "articles" / key
        folder.mkdir(parents=True, exist_ok=True)
        header = f"Title: {title}\nDate: 2024-01-01\nCategory: Prawf\n" + (f"Slug: {slug}\n" if slug else "")
        (folder / f"{key}.{lang}.md").write_text(header + "\nText.\n", encoding="utf-8")
    return content


def run_import(*arguments, content: Path, report: Path | None = None):
    """Run the real command line; returns (CompletedProcess, report dict or None)."""
    command = [sys.executable, "-m", "plugins.comments", "import", "--content", str(content), *map(str, arguments)]
    if report is not None:
        command += ["--report", str(report)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    data = json.loads(report.read_text(encoding="utf-8")) if report is not None and report.exists() else None
    return result, data


def stored(content: Path, key: str, lang: str) -> dict:
    """A comments file's comments by id."""
    path = content / "comments" / f"{key}.{lang}.json"
    return {c["id"]: c for c in json.loads(path.read_text(encoding="utf-8"))["comments"]}
