"""What the build wrote, read back from output/: every HTML page's site
path, language and declared Content-Security-Policy, and the root
chooser's language alternates. The host files are derived from these, so
they follow whatever URL layout the build used."""

import functools
import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from pelican.cache import FileStampDataCacher

from plugins.writing.processes import WorkApart, build_processes

# The start tags the head reader looks at, each whole (quoted attribute
# values may hold ">").
_TAGS = re.compile(r"""<(?:html|meta|link|body)\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)

# The file name every static host looks for as its not-found page.
NOT_FOUND_PAGE = "404.html"


@dataclass
class BuiltPage:
    file: PurePosixPath  # relative to output/, e.g. cy/404.html
    lang: str | None
    policies: list  # the content of each <meta http-equiv="Content-Security-Policy">
    alternates: dict = field(default_factory=dict)  # hreflang -> href, from <head>

    @property
    def folder(self):
        """The site folder the page lives in: "" for the root."""
        parent = self.file.parent.as_posix()
        return "" if parent == "." else parent

    @property
    def path(self):
        """The page's address under the site root: /cy/x/ for cy/x/index.html."""
        if self.file.name == "index.html":
            return "/" + (self.folder + "/" if self.folder else "")
        return "/" + self.file.as_posix()

    @property
    def is_not_found_page(self):
        return self.file.name == NOT_FOUND_PAGE


class _HeadReader(HTMLParser):
    """Reads <html lang>, the policy <meta> tags and the hreflang links of
    a page's <head>, and stops there."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.policies = []
        self.alternates = {}
        self.done = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = attributes.get("lang")
        elif tag == "meta" and attributes.get("http-equiv", "").lower() == "content-security-policy":
            self.policies.append(attributes.get("content", ""))
        elif tag == "link" and attributes.get("rel") == "alternate" and "hreflang" in attributes:
            self.alternates[attributes["hreflang"]] = attributes.get("href", "")
        elif tag == "body":
            self.done = True

    def handle_endtag(self, tag):
        if tag == "head":
            self.done = True


def read_page(output_path, file):
    with open(Path(output_path, file), encoding="utf-8") as page:
        head = _head_of(page)
    reader = _HeadReader()
    reader.feed(head)
    return BuiltPage(PurePosixPath(file), reader.lang, reader.policies, reader.alternates)


def _head_of(page):
    """The page up to </head> (all of it if there is none): enough for what
    is read, and quick on big sites. Only the tags that can matter are
    handed to the parser: <html>, a <meta> naming http-equiv, a <link>
    naming hreflang, and <body> if the head ends without its end tag."""
    text = []
    for line in page:
        text.append(line)
        if "</head>" in line or "<body" in line:
            break
    head = "".join(text)
    end = head.find("</head>")
    head = head if end < 0 else head[: end + len("</head>")]
    return "".join(tag for tag in _TAGS.findall(head) if _may_matter(tag))


def _may_matter(tag):
    lowered = tag.lower()
    return lowered.startswith(("<html", "<body")) or "http-equiv" in lowered or "hreflang" in lowered


def built_pages(output_path, files, settings):
    """Every HTML page among the files this build wrote (relative to
    output_path), in a stable order: what an earlier build left is not the
    site. A page the build left untouched (the writer writes only changed
    bytes) is read from Pelican's content cache; the others in
    BUILD_PROCESSES processes."""
    cache = FileStampDataCacher(settings, "BuiltPages", settings["CACHE_CONTENT"], settings["LOAD_CONTENT_CACHE"])
    files = sorted((PurePosixPath(file) for file in files if file.endswith(".html")), key=_walk_order)
    paths = [os.path.join(output_path, *file.parts) for file in files]
    pages = {path: cache.get_cached_data(path, None) for path in paths}
    unread = [(path, file) for path, file in zip(paths, files) if pages[path] is None]
    read = WorkApart(
        functools.partial(read_page, output_path), [file for _, file in unread], build_processes(settings)
    ).results()
    for (path, _), page in zip(unread, read):
        cache.cache_data(path, page)
        pages[path] = page
    if unread:  # else the cache on disk already holds every page
        cache.save_cache()
    return list(pages.values())


def _walk_order(file):
    """A folder's own files before its subfolders', each by name (as
    os.walk with sorted names goes)."""
    return [(1, folder) for folder in file.parts[:-1]] + [(0, file.name)]


def site_path(href, page, siteurl):
    """The address under the site root that a link on `page` names, or
    None when it leads off the site."""
    base = siteurl.rstrip("/") if siteurl else "http://site.invalid"
    absolute = urljoin(base + page.path, href)
    if not absolute.startswith(base + "/"):
        return None
    return unquote(urlsplit(absolute[len(base):]).path)


def file_for_path(output_path, path):
    """The file a host serves for a site path (index.html for a folder)."""
    candidate = Path(output_path, *[part for part in path.split("/") if part])
    return candidate / "index.html" if path.endswith("/") else candidate
