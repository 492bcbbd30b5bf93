"""Settings for building the site locally (`make html`).

The site's languages are declared once, in LANGUAGES; every plugin and
template reads them from there.
"""

import os

AUTHOR = "Douglas Karr"
SITENAME = "Myths, Misconceptions and Rants"
SITEURL = ""

# The one language table: codes in the order the site shows them. Names,
# scripts and writing direction come from Babel's CLDR data
# (plugins/localisation), never typed here.
LANGUAGES = ["cy", "it", "ar", "el"]
# Pelican needs a default; every language is equal on this site, so it only
# names the language of the root chooser's x-default fallback.
DEFAULT_LANG = "cy"

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
# content/images/ is kept in git by an empty .gitkeep, not published.
IGNORE_FILES = [".#*", ".gitkeep"]
TIMEZONE = "UTC"

# Only Markdown is written here; turning the other readers off also keeps
# docutils from warning that it has no locale for cy and el.
READERS = {"rst": None, "html": None, "htm": None}
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
    },
    "output_format": "html5",
}

# Category and tag URLs keep their language's script (/ar/category/تسويق/).
SLUGIFY_USE_UNICODE = True

# <key>/<key>.<lang>.md: the folder is the translation key, the file name's
# suffix is the language (validated by the variants plugin).
PATH_METADATA = r"(?:articles|pages)/(?P<key>[^/]+)/.*"
FILENAME_METADATA = r"(?P<slug>[^./]+)\.(?P<lang>[^./]+)"

# Pelican reads and renders every variant as an original; the variants
# plugin groups them and writes every language's listings under /<lang>/.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
ARTICLE_URL = "{lang}/{slug}/"
ARTICLE_SAVE_AS = "{lang}/{slug}/index.html"
PAGE_URL = "{lang}/{slug}/"
PAGE_SAVE_AS = "{lang}/{slug}/index.html"
DRAFT_URL = "drafts/{lang}/{slug}/"
DRAFT_SAVE_AS = "drafts/{lang}/{slug}/index.html"
DRAFT_PAGE_URL = "drafts/pages/{lang}/{slug}/"
DRAFT_PAGE_SAVE_AS = "drafts/pages/{lang}/{slug}/index.html"
# Pelican's *_LANG_* patterns are for "translations" of a default
# language; here every variant is an original, so they are all the same.
ARTICLE_LANG_URL, ARTICLE_LANG_SAVE_AS = ARTICLE_URL, ARTICLE_SAVE_AS
PAGE_LANG_URL, PAGE_LANG_SAVE_AS = PAGE_URL, PAGE_SAVE_AS
DRAFT_LANG_URL, DRAFT_LANG_SAVE_AS = DRAFT_URL, DRAFT_SAVE_AS
DRAFT_PAGE_LANG_URL, DRAFT_PAGE_LANG_SAVE_AS = DRAFT_PAGE_URL, DRAFT_PAGE_SAVE_AS
DIRECT_TEMPLATES = []
CATEGORY_SAVE_AS = TAG_SAVE_AS = AUTHOR_SAVE_AS = ""
CATEGORIES_SAVE_AS = TAGS_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
# Per-language feeds, written by the variants plugin, off while developing.
LANGUAGE_FEED_ATOM = None
# Each language's search page (plugins/search); its index is Pagefind's,
# built over output/ after Pelican by `make html` and `make publish`.
LANGUAGE_SEARCH_URL = "{lang}/search/"
LANGUAGE_SEARCH_SAVE_AS = "{lang}/search/index.html"

DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"index": None, "taxonomy": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

THEME = "themes/mmr"
THEME_STATIC_DIR = "theme"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["strict_metadata", "localisation", "variants", "comments", "search"]

# The theme's gettext catalogs, which translators edit.
TRANSLATIONS_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "translations")
COMMENTS_PATH = "comments"
COMMENTS_MAX_DEPTH = 5

# Built pages are cached between runs: the devserver and incremental
# rebuilds reread only what changed.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = ".cache"

RELATIVE_URLS = True
