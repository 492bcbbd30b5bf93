"""Each article's comment form, put on the article by the build (the one
part of the intake that runs in Pelican): where it posts, and the token
that proves it came from this article (tokens.py). Without
COMMENTS_ENDPOINT nothing is attached and the theme shows no form."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from plugins.writing.fingerprints import page_inputs

from .settings import Limits, endpoint_of, tokens_for
from .tokens import Tokens


@dataclass(frozen=True)
class CommentForm:
    """What the theme's includes/comment_form.html needs of an article."""

    endpoint: str
    key: str
    lang: str
    period: int
    token: str
    limits: Limits  # the form says them (maxlength, and what to correct)

    @classmethod
    def make(cls, endpoint: str, tokens: Tokens, limits: Limits, key: str, lang: str) -> CommentForm:
        period = tokens.current_period()
        return cls(endpoint, key, lang, period, tokens.token(key, lang, period), limits)

    @property
    def post_url(self) -> str:
        return f"{self.endpoint}/post"

    @property
    def fields(self) -> dict[str, str]:
        """The hidden fields every post of this form carries."""
        return {"key": self.key, "lang": self.lang, "period": str(self.period), "token": self.token}

    def reply_url(self, parent: str) -> str:
        """The intake's page with a form answering comment ``parent``."""
        return f"{self.endpoint}/reply?{urlencode({**self.fields, 'parent': parent})}"


def attach_comment_forms(generator) -> None:
    endpoint = endpoint_of(generator.settings)
    if not endpoint:
        return
    tokens = tokens_for(generator.settings)
    limits = Limits.from_settings(generator.settings)
    for group in generator.context["article_groups"]:
        for article in group.by_lang.values():
            article.comment_form = CommentForm.make(endpoint, tokens, limits, group.key, article.lang)
            # A new period (or secret) renders the page again with its new token.
            page_inputs(article)["comment_form"] = f"{endpoint} {article.comment_form.token}"
