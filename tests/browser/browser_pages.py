"""Which pages the browser tests visit, read from the built site itself, so
that new articles and languages are checked without editing the tests.
(A module of its own, not conftest.py: tests/ has a conftest too, and
two modules named conftest must never be imported by name.)"""

from pathlib import Path

from sitebuild import read_html


def article_pages(output):
    """[(lang, path under the site)] of every article variant the build
    wrote, read from the pages themselves (og:type article)."""
    found = []
    for path in sorted(Path(output).rglob("index.html")):
        soup = read_html(path)
        if soup.find("meta", property="og:type", content="article") is None:
            continue
        lang = soup.html.get("lang")
        url = "/" + path.parent.relative_to(output).as_posix() + "/"
        found.append((lang, url))
    return found


def language_homes(output):
    """Codes of the languages that have a home page /<lang>/."""
    return sorted(
        path.parent.name for path in Path(output).glob("*/index.html")
        if read_html(path).html.get("lang") == path.parent.name
    )


def site_pages(output):
    """Every page's address: /x/ for x/index.html, /x/y.html otherwise."""
    urls = []
    for path in sorted(Path(output).rglob("*.html")):
        relative = path.relative_to(output).as_posix()
        if relative.endswith("index.html"):
            relative = relative[: -len("index.html")]
        urls.append("/" + relative)
    return urls
