"""The bench's corpus as a Hugo user would have it: each article variant a
content file translated by file name (content/articles/<key>.<lang>.md),
so Hugo links the translations; categories, tags and series as Hugo
taxonomies; every language under /<lang>/ with its direction; ten to a
listing page; and layouts of the least a multilingual theme has (the
language switcher and hreflang alternates, the article with its summary,
date and tags, paginated listings), the article marked data-pagefind-body
as Pagefind's documentation asks. No comments: Hugo has none of its own.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from plugins.localisation.languages import load_languages
from plugins.variants.naming import file_name, parse_name

LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}" dir="{{ .Language.LanguageDirection | default "ltr" }}">
<head>
<meta charset="utf-8">
<title>{{ .Title }} · {{ .Site.Title }}</title>
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">
{{ end }}</head>
<body>
<nav>{{ range .Site.Home.AllTranslations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}<article data-pagefind-body>
<h1>{{ .Title }}</h1>
<p>{{ .Summary }}</p>
<p data-pagefind-ignore><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time>
{{ with .Params.categories }}{{ range . }}<a href="{{ (printf "categories/%s/" (urlize .)) | relLangURL }}">{{ . }}</a>{{ end }}{{ end }}</p>
{{ .Content }}
<ul data-pagefind-ignore>{{ range .Params.tags }}<li><a href="{{ (printf "tags/%s/" (urlize .)) | relLangURL }}">{{ . }}</a></li>{{ end }}</ul>
{{ with .Translations }}<p data-pagefind-ignore>{{ range . }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</p>{{ end }}
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ .Summary }}</p></article>
{{ end }}{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "index.html": """{{ define "main" }}{{ range (.Paginate .Site.RegularPages).Pages }}<article>
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p></article>
{{ end }}{{ template "_internal/pagination.html" . }}{{ end }}
""",
}


def make_site(content: Path, site: Path, settings: dict) -> None:
    """Write a Hugo site under `site` from the corpus under `content`."""
    shutil.rmtree(site, ignore_errors=True)
    languages = load_languages(settings["LANGUAGES"])
    config = [
        'baseURL = "https://example.org/"',
        f"title = {json.dumps(settings['SITENAME'])}",
        f"defaultContentLanguage = {json.dumps(settings.get('DEFAULT_LANG', next(iter(languages))))}",
        "defaultContentLanguageInSubdir = true",
        f"paginate = {settings['DEFAULT_PAGINATION']}",
        "[taxonomies]",
        'category = "categories"',
        'tag = "tags"',
        'series = "series"',
        "[permalinks]",
        'articles = "/:slug/"',
    ]
    for weight, language in enumerate(languages.values(), start=1):
        config += [
            f"[languages.{language.code}]",
            f"weight = {weight}",
            f"languageName = {json.dumps(language.menu_name)}",
            f"languageDirection = {json.dumps(language.dir)}",
        ]
    site.mkdir(parents=True)
    (site / "hugo.toml").write_text("\n".join(config) + "\n", encoding="utf-8")
    for name, text in LAYOUTS.items():
        (site / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "layouts" / name).write_text(text, encoding="utf-8")
    articles = site / "content" / "articles"
    articles.mkdir(parents=True)
    for source in sorted((content / "articles").glob("*/*.md")):
        name = parse_name(source.name)
        header, _, body = source.read_text(encoding="utf-8").partition("\n\n")
        metadata = dict(line.split(": ", 1) for line in header.splitlines())
        front = {
            "title": metadata["Title"],
            "date": metadata["Date"].replace(" ", "T") + ":00Z",
            "slug": name.stem,
            "summary": metadata["Summary"],
            "author": metadata["Author"],
            "categories": [metadata["Category"]],
            "tags": [tag.strip() for tag in metadata["Tags"].split(",")],
            "series": [metadata["Series"]],
            "weight": int(metadata["Series_index"]),
        }
        (articles / file_name(name.stem, name.lang, name.extension)).write_text(
            json.dumps(front, ensure_ascii=False, indent=1) + "\n\n" + body, encoding="utf-8"
        )
