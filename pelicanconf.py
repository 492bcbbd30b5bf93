"""Settings for building the site locally (`make html`).

The site's languages are declared once, in LANGUAGES; every plugin and
template reads them from there.
"""

import os
import sys

# The project's folder, so that `plugins.<name>` is one import name for the
# build, the command-line tools and the tests alike.
PROJECT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, PROJECT)
from markdown.extensions.toc import slugify_unicode  # noqa: E402

from plugins.variants.naming import FILENAME_METADATA, path_metadata  # noqa: E402

AUTHOR = "Douglas Karr"
SITENAME = "Myths, Misconceptions and Rants"
SITEURL = ""

# The one language table, in the order the site shows the languages. Names,
# scripts and writing direction come from Babel's CLDR data
# (plugins/localisation), never typed here. "fallbacks" is the order in which
# a reader of that language is offered what is not yet in it (by default, the
# site's order): Latin script first, which readers of all four languages
# read, then the script nearest to hand; README.md says why each.
# "lowercase_language_names": the language writes other languages' names in
# lower case in running text where CLDR capitalises them (Greek "τα
# ιταλικά"; CLDR's Greek names are "Ιταλικά").
LANGUAGES = {
    "cy": {"fallbacks": ["it", "el", "ar"]},
    "it": {"fallbacks": ["cy", "el", "ar"]},
    "ar": {"fallbacks": ["it", "cy", "el"]},
    "el": {"fallbacks": ["it", "cy", "ar"], "lowercase_language_names": True},
}
# Pelican needs a default; every language is equal on this site, so it only
# names the language of the root chooser's x-default fallback.
DEFAULT_LANG = "cy"

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
# content/series/<key>/<key>.<lang>.md: each series' title per language
# (plugins/series).
SERIES_PATHS = ["series"]
STATIC_PATHS = ["images", "extra/favicon.ico"]
# Browsers ask for /favicon.ico whatever the page says (pages link the SVG
# in the theme too).
EXTRA_PATH_METADATA = {"extra/favicon.ico": {"path": "favicon.ico"}}
# content/images/ is kept in git by an empty .gitkeep, not published.
IGNORE_FILES = [".#*", ".gitkeep"]
TIMEZONE = "UTC"

# Only Markdown is written here; turning the other readers off also keeps
# docutils from warning that it has no locale for cy and el.
READERS = {"rst": None, "html": None, "htm": None}
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        # Heading ids keep their script (#τι-είναι, #ما-هو): the table of
        # contents links them in every language.
        "markdown.extensions.toc": {"slugify": slugify_unicode},
    },
    "output_format": "html5",
}

# Templates escape everything they print (autoescape). Titles, names and
# every other metadata field are text; the one HTML printed as it is, with
# `| safe`, is what the author's Markdown became (content and Summary:), and
# comment bodies arrive already sanitised by nh3 (plugins/comments).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [], "autoescape": True}

# Category and tag URLs keep their language's script (/ar/category/تسويق/).
SLUGIFY_USE_UNICODE = True

# <key>/<key>.<lang>.md: the folder is the translation key, the file name's
# suffix is the language (the rule lives in plugins/variants/naming.py).
PATH_METADATA = path_metadata(ARTICLE_PATHS + PAGE_PATHS + SERIES_PATHS)

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

# The URL layout of every language's own pages ({lang}; {slug} where the
# page has one), written by our plugins (plugins/variants/layout.py).
LANGUAGE_HOME_URL = "{lang}/"
LANGUAGE_HOME_SAVE_AS = "{lang}/index.html"
LANGUAGE_ARCHIVES_URL = "{lang}/archives/"
LANGUAGE_ARCHIVES_SAVE_AS = "{lang}/archives/index.html"
LANGUAGE_CATEGORY_URL = "{lang}/category/{slug}/"
LANGUAGE_CATEGORY_SAVE_AS = "{lang}/category/{slug}/index.html"
LANGUAGE_TAG_URL = "{lang}/tag/{slug}/"
LANGUAGE_TAG_SAVE_AS = "{lang}/tag/{slug}/index.html"
LANGUAGE_SERIES_URL = "{lang}/series/{slug}/"
LANGUAGE_SERIES_SAVE_AS = "{lang}/series/{slug}/index.html"
# Each language's search page (plugins/search); its index is Pagefind's,
# built over output/ after Pelican by `make html` and `make publish`.
LANGUAGE_SEARCH_URL = "{lang}/search/"
LANGUAGE_SEARCH_SAVE_AS = "{lang}/search/index.html"
# 404 pages are served at any address, so their URL is their file.
LANGUAGE_404_URL = LANGUAGE_404_SAVE_AS = "{lang}/404.html"
# Per-language feeds, off while developing (publishconf.py turns them on).
LANGUAGE_FEED_ATOM = None

# An article's reading time (templates/includes/contents.html): its words at
# this many a minute (a usual estimate of silent reading), rounded up.
READING_WORDS_PER_MINUTE = 200

DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"index": None, "taxonomy": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

THEME = "themes/mmr"
THEME_STATIC_DIR = "theme"
# What a page loads before its first paint (plugins/assets). The one
# stylesheet every page loads, under THEME_STATIC_DIR: the theme's
# stylesheets (its static folder), each holding one part's rules, joined in
# this order, the order they cascade.
STYLESHEET = "css/site.css"
STYLESHEET_SOURCES = ["css/fonts.css", "css/main.css", "css/navigation.css", "css/comments.css", "css/search.css"]
# The faces (family, weight, style) a page's first screen is drawn in,
# which it preloads, and in which scripts: "page", its language's (and
# Latin, which holds every language's spaces, digits and punctuation);
# "site", every language's (the header's switcher names each language in
# its own script). The header's sans, regular and bold, and the serif of
# the text.
FONT_PRELOADS = [
    ["MMR Sans", 400, "normal", "site"],
    ["MMR Sans", 700, "normal", "page"],
    ["MMR Serif", 400, "normal", "page"],
]

# Each plugin names the ones it needs; listed in the order they run.
PLUGIN_PATHS = [PROJECT]
PLUGINS = [
    "plugins.errors",
    "plugins.reading",
    "plugins.localisation",
    "plugins.variants",
    "plugins.comments",
    "plugins.series",
    "plugins.search",
    "plugins.writing",
    "plugins.assets",
    "plugins.hosting",
]

# The theme's gettext catalogs, which translators edit.
TRANSLATIONS_PATH = os.path.join(PROJECT, "translations")
COMMENTS_PATH = "comments"
COMMENTS_MAX_DEPTH = 5
# Taking comments (plugins/comments/intake, README "Taking comments"): the
# intake server's address; empty, no page shows a comment form.
COMMENTS_ENDPOINT = ""
# The moderation queue and the forms' secret: files of the server, never in
# git (the secret may come from the COMMENTS_SECRET environment variable).
COMMENTS_QUEUE = ".comments/queue.sqlite3"
COMMENTS_SECRET_FILE = ".comments/secret"
# A form is accepted during the period (in days) its page was built in and
# the next one: rebuild the site at least once a period.
COMMENTS_TOKEN_DAYS = 30
COMMENTS_LISTEN = "127.0.0.1:8081"
# How many reverse proxies in front of the server set X-Forwarded-For.
COMMENTS_TRUSTED_PROXIES = 0
# At most this many posts from one address in this many seconds.
COMMENTS_RATE_LIMIT = (10, 600)
COMMENTS_MAX_CHARACTERS = 5000
COMMENTS_MAX_LINKS = 3

# Built pages are cached between runs: the devserver and incremental
# rebuilds reread only what changed.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = ".cache"
# Written uncompressed: gzip took a tenth of a full build, to save disk space.
GZIP_CACHE = False

RELATIVE_URLS = True

# Content-Security-Policy (plugins/hosting): each page carries it in a
# <meta>, and _headers / .htaccess send it as a header (with the
# directives a <meta> cannot hold, such as frame-ancestors). Reading pages
# run no script at all; images, styles and fonts come from the site only.
# connect-src 'self' lets a crawler's audit fetch /robots.txt from inside
# the page (Lighthouse does); with no script it opens nothing else.
CONTENT_SECURITY_POLICY = {
    "default-src": "'none'",
    "script-src": "'none'",
    "style-src": "'self'",
    "img-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "form-action": "'self'",
    "base-uri": "'self'",
    "object-src": "'none'",
    "frame-ancestors": "'none'",
}
# Search pages (their template fills the content_security_policy block):
# the site's own scripts, Pagefind's WebAssembly and its index fetches.
SEARCH_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY | {
    "script-src": "'self' 'wasm-unsafe-eval'",
}
# Folders of files that are not pages but run under a policy of their own:
# a worker's policy is its script's response's, and Pagefind's worker
# (output/pagefind/<lang>/pagefind-worker.js) compiles WebAssembly.
FOLDER_CONTENT_SECURITY_POLICIES = {"pagefind": "SEARCH_CONTENT_SECURITY_POLICY"}
# Netlify only: send / to the home of the browser's first language when it
# is one of LANGUAGES; the chooser stays at CHOOSER_ALIAS_URL. Off: / is
# the chooser for everyone, as crawlers and x-default expect.
ROOT_LANGUAGE_REDIRECT = False
CHOOSER_ALIAS_URL = "languages/"
