"""The intake server: a Flask application with three addresses.

GET  /reply     the form answering one comment (the thread's reply links)
POST /post      a comment from an article's form or a reply form
GET  /received  "your comment awaits moderation", with the way back

Every page is in the reader's language (the form's ``lang``; where there is
none, the browser's preferred one of the site's), rendered with the site's
catalogs and the theme's includes and stylesheets. What is refused is
refused with its own status and page, and nothing is stored.

Flask because it is small, well kept (Pallets) and renders with Jinja2,
which lets the intake render the theme's own form macro with the site's
catalogs. It is served by waitress (pure Python, production-ready,
no compiler).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

from flask import Flask, Response, redirect, request
from jinja2 import Environment, FileSystemLoader
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.middleware.proxy_fix import ProxyFix

from plugins.localisation.environment import install_localisation
from plugins.variants.layout import Layout

from .. import store
from ..model import Variant
from .articles import Articles
from .form import CommentForm
from .limits import RateLimit
from .queue import DuplicateSubmission, Queue
from .settings import Limits, endpoint_of, project_path, setting, tokens_for
from .text import Written, problems, stored_author

FORM_FIELDS = ("key", "lang", "period", "token")
# The intake's own pages: the theme's stylesheets and fonts, forms posted
# back here, no script.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


class Intake:
    """What the application holds: the settings, the queue, the articles,
    the rate limit and the pages' environment."""

    def __init__(self, settings: dict):
        self.settings = settings
        endpoint_of(settings)  # a malformed COMMENTS_ENDPOINT stops the server with its message
        self.tokens = tokens_for(settings)
        self.limits = Limits.from_settings(settings)
        self.queue = Queue(project_path(settings, "COMMENTS_QUEUE"))
        self.articles = Articles(settings)
        self.rate_limit = RateLimit(self.limits.posts, self.limits.seconds)
        self.comments_dir = Path(settings["PATH"]) / settings.get("COMMENTS_PATH", "comments")
        self.layout = Layout(settings)
        # The theme's templates/intake/ pages, its includes, its catalogs.
        self.pages = Environment(
            loader=FileSystemLoader(Path(settings["THEME"]) / "templates"),
            autoescape=True, trim_blocks=True, lstrip_blocks=True,  # as Pelican's, for {% trans %}
        )
        # The build's own localisation (catalogs, Babel filters), installed
        # as the build installs it into each generator's environment.
        build = SimpleNamespace(env=self.pages, context={}, settings=settings)
        install_localisation(build)
        self.languages = build.context["localisation"].languages

    def form(self, key: str, lang: str) -> CommentForm:
        """A fresh form for the intake's own pages (current period)."""
        return CommentForm.make(request.script_root, self.tokens, self.limits, key, lang)

    def page(self, template: str, lang: str, status: int, **values) -> Response:
        language = self.languages[lang]
        html = self.pages.get_template(template).render(
            page_lang=language,
            site_url=self.settings["SITEURL"].rstrip("/"),
            home_url=self.layout.language_places(lang).home.url,
            theme_url=f"{request.script_root}/{self.settings['THEME_STATIC_DIR']}",
            **values,
        )
        response = Response(html, status=status, content_type="text/html; charset=utf-8")
        response.content_language = [lang]
        return response

    def refusal(self, outcome: str, status: int, lang: str | None = None, **values) -> Response:
        return self.page("intake/refused.html", lang or self.preferred_language(), status, outcome=outcome, **values)

    def preferred_language(self) -> str:
        return request.accept_languages.best_match(list(self.languages)) or self.settings["DEFAULT_LANG"]

    def parent_comment(self, variant: Variant, parent: str):
        """The published, shown comment ``parent`` of the variant, or None."""
        try:
            comments = store.load(store.file_for(self.comments_dir, variant))
        except store.CommentsFileError:
            return None
        return next((c for c in comments if c.id == parent and not c.removed), None)


def create_app(settings: dict) -> Flask:
    intake = Intake(settings)
    app = Flask(__name__, static_folder=str(Path(settings["THEME"]) / "static"),
                static_url_path=f"/{settings['THEME_STATIC_DIR']}")
    app.config["MAX_CONTENT_LENGTH"] = intake.limits.request_bytes
    app.extensions["comments_intake"] = intake
    proxies = int(setting(settings, "COMMENTS_TRUSTED_PROXIES"))
    if proxies:
        # Behind a reverse proxy: the reader's address, the scheme, host and
        # path prefix come from the X-Forwarded-* headers it sets.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_prefix=proxies)

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        if response.mimetype == "text/html":
            response.headers["Cache-Control"] = "no-store"  # forms hold a token
        return response

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(error):
        return intake.refusal("too_large", 413)

    @app.errorhandler(404)
    def not_found(error):
        return intake.refusal("no_page", 404)

    @app.errorhandler(405)
    def wrong_method(error):
        return intake.refusal("malformed", 405)

    def checked_article(fields):
        """(article, None) for a form from a real article, else (None, refusal)."""
        lang = fields.get("lang", "")
        if lang not in intake.languages:
            return None, intake.refusal("no_language", 404)
        if any(not fields.get(name) for name in FORM_FIELDS):
            return None, intake.refusal("malformed", 400, lang)
        verdict = intake.tokens.check(fields["key"], lang, fields["period"], fields["token"])
        if verdict == "invalid":
            return None, intake.refusal("forged", 403, lang)
        article = intake.articles.find(fields["key"], lang)
        if article is None:
            return None, intake.refusal("no_article", 404, lang)
        return article, verdict

    @app.get("/reply")
    def reply():
        article, verdict = checked_article(request.args)
        if article is None:
            return verdict
        parent = intake.parent_comment(article.variant, request.args.get("parent", ""))
        if parent is None:
            return intake.refusal("no_parent", 404, article.variant.lang, article=article)
        # An old page's link (its period over) still leads to a fresh form:
        # its token proves it came from this site.
        return intake.page("intake/reply.html", article.variant.lang, 200, article=article, parent=parent,
                           form=intake.form(article.variant.key, article.variant.lang))

    @app.post("/post")
    def post():
        wait = intake.rate_limit.wait(request.remote_addr or "")
        if wait:
            lang = request.form.get("lang")
            response = intake.refusal("rate", 429, lang if lang in intake.languages else None,
                                      minutes=(wait + 59) // 60)
            response.retry_after = wait
            return response
        fields = request.form
        if fields.get("nickname"):
            lang = fields.get("lang")
            return intake.refusal("trap", 400, lang if lang in intake.languages else None)
        article, verdict = checked_article(fields)
        if article is None:
            return verdict
        key, lang = article.variant
        parent_id = fields.get("parent") or None
        parent = intake.parent_comment(article.variant, parent_id) if parent_id else None
        if parent_id and parent is None:
            return intake.refusal("no_parent", 404, lang, article=article)
        written = Written.from_form(fields)
        found = problems(written, intake.limits)
        if verdict == "expired" or found:
            # What the reader wrote comes back in a fresh form, to correct
            # (422) or, the page being too old, to send again (403).
            return intake.page("intake/reply.html", lang, 403 if verdict == "expired" else 422,
                               article=article, parent=parent, written=written, problems=found,
                               expired=verdict == "expired", form=intake.form(key, lang))
        try:
            intake.queue.add(key, lang, parent_id, stored_author(written.name),
                             written.website or None, written.text)
        except DuplicateSubmission:
            return intake.refusal("duplicate", 409, lang, article=article)
        # Post/redirect/get: reloading the answer does not post again.
        return redirect(f"{request.script_root}/received?{urlencode({'key': key, 'lang': lang})}", 303)

    @app.get("/received")
    def received():
        lang = request.args.get("lang", "")
        if lang not in intake.languages:
            return intake.refusal("no_language", 404)
        article = intake.articles.find(request.args.get("key", ""), lang)
        if article is None:
            return intake.refusal("no_article", 404, lang)
        return intake.page("intake/received.html", lang, 200, article=article)

    return app
