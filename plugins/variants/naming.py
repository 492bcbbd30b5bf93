"""How a source file names its article and its language.

    content/articles/<key>/<key>.<lang>.md     an article variant
    content/pages/<key>/<key>.<lang>.md        a page variant
    content/comments/<key>.<lang>.json         a variant's comment thread

The folder is the article's key (grouping.group_key); the suffix before the
extension is the language. pelicanconf.py takes FILENAME_METADATA and
PATH_METADATA from here, so Pelican reads a file the way the build, `make
status`, `make translate` and the comments import name it.
"""

import re
from dataclasses import dataclass

FILENAME_METADATA = r"(?P<slug>[^./]+)\.(?P<lang>[^./]+)"
# The same rule with the extension: Pelican's "slug" group is the stem.
_FILE_NAME = re.compile(rf"^{FILENAME_METADATA}\.(?P<extension>[^./]+)$")


def path_metadata(content_folders):
    """PATH_METADATA for these folders (ARTICLE_PATHS + PAGE_PATHS): the
    folder under each is the key."""
    folders = "|".join(re.escape(folder.strip("/")) for folder in content_folders)
    return rf"(?:{folders})/(?P<key>[^/]+)/.*"


@dataclass(frozen=True)
class SourceName:
    stem: str  # the key, by convention
    lang: str
    extension: str


def parse_name(file_name):
    """The parts of `<stem>.<lang>.<extension>`, or None for a name
    without a language."""
    match = _FILE_NAME.match(file_name)
    return SourceName(match["slug"], match["lang"], match["extension"]) if match else None


def dotted_stem(file_name):
    """The stem of `<stem with dots>.<lang>.<extension>` (v1.2.cy.md gives
    v1.2), or None for a name that is not one: a dot always ends the stem,
    so such a name reads as the language "2"."""
    parts = file_name.split(".")
    return ".".join(parts[:-2]) if len(parts) > 3 and all(parts) else None


def file_name(stem, lang, extension):
    return f"{stem}.{lang}.{extension}"
