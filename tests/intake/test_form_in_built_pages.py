"""The form on the built pages: present only with COMMENTS_ENDPOINT, posting
there with a token the intake accepts, a reply link per comment, and the
pages' Content-Security-Policy allowing that one more form target."""

import pytest
from intake_support import catalogs

from plugins.comments.intake.settings import tokens_for
from sitebuild import build_site, read_html

ENDPOINT = "https://comments.example.org/intake"


@pytest.fixture(scope="module")
def words():
    return catalogs()


def policy(soup):
    return soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]


def test_every_article_gets_a_form_to_the_endpoint(tmp_path, content, settings, words):
    output = build_site(content, tmp_path / "output", COMMENTS_ENDPOINT=ENDPOINT)
    tokens = tokens_for(settings)  # the secret the intake reads
    for lang in ("cy", "ar"):
        soup = read_html(output / lang / "hello-world" / "index.html")
        form = soup.select_one("section.comment-form form")
        assert form["action"] == f"{ENDPOINT}/post" and form["method"] == "post"
        hidden = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
        assert (hidden["key"], hidden["lang"]) == ("hello-world", lang)
        assert tokens.check("hello-world", lang, hidden["period"], hidden["token"]) == "valid"
        assert soup.select_one("#comment-form-heading").get_text() == words[lang].gettext("Leave a comment")
        for field in ("name", "website", "text"):
            control = form.select_one(f"[name={field}]")
            assert form.select_one(f"label[for={control['id']}]").get_text()
        assert form.select_one("[name=nickname]").find_parent("p").has_attr("hidden")
        assert form.select_one("[name=email]") is None  # no e-mail asked
        assert f"form-action 'self' https://comments.example.org;" in policy(soup) + ";"
    reply = read_html(output / "cy" / "hello-world" / "index.html").select_one("#comment-wp-1 a.comment-reply")
    assert reply["href"].startswith(f"{ENDPOINT}/reply?") and "parent=wp-1" in reply["href"]
    assert reply.get_text() == words["cy"].gettext("Reply")


def test_without_an_endpoint_nothing_changes(tmp_path, content):
    output = build_site(content, tmp_path / "output")
    soup = read_html(output / "cy" / "hello-world" / "index.html")
    assert soup.select(".comment-form, .comment-reply") == []
    assert "form-action 'self';" in policy(soup) + ";"
    assert not (content.parent / ".comments").exists()  # no secret made either


def test_a_new_secret_renders_the_pages_again(tmp_path, content, settings):
    """The token is one of the page's inputs: a rebuild that reuses every
    other page still writes the new token (and so a new period's)."""
    output = build_site(content, tmp_path / "output", COMMENTS_ENDPOINT=ENDPOINT)
    page = output / "cy" / "hello-world" / "index.html"
    before = read_html(page).select_one("input[name=token]")["value"]
    secret = content.parent / ".comments" / "secret"
    secret.write_text("a new secret", encoding="utf-8")
    build_site(content, tmp_path / "output", COMMENTS_ENDPOINT=ENDPOINT)
    after = read_html(page).select_one("input[name=token]")["value"]
    assert after != before and after == tokens_for(settings).token("hello-world", "cy", int(
        read_html(page).select_one("input[name=period]")["value"]))
