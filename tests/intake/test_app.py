"""The intake application, through Flask's test client: what it takes, what
it refuses (each with its status and a page in the reader's language), and
that nothing refused is stored."""

import time

import pytest
from bs4 import BeautifulSoup
from intake_support import catalogs, form_for, settings_of

from plugins.comments.intake.app import create_app
from plugins.comments.intake.queue import Queue
from plugins.comments.intake.settings import project_path
from plugins.comments.intake.tokens import SECONDS_PER_DAY


@pytest.fixture(scope="module")
def words():
    return catalogs()


def page(response):
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def waiting(settings):
    return Queue(project_path(settings, "COMMENTS_QUEUE")).waiting()


def a_post(settings, lang="cy", **fields):
    return {**form_for(settings, "hello-world", lang).fields, "name": "Siân", "website": "",
            "text": "Rwy'n cytuno.", "nickname": "", **fields}


def reason(response, words, lang, message):
    """The refusal page says ``message`` in ``lang``, in that language's direction."""
    soup = page(response)
    assert soup.html["lang"] == lang
    assert soup.html["dir"] == ("rtl" if lang == "ar" else "ltr")
    assert soup.h1.get_text() == words[lang].gettext("Comment not sent")
    assert soup.select_one(".intake-reason").get_text() == words[lang].gettext(message)


def test_a_post_is_queued_and_the_reader_is_told_in_their_language(client, settings, words):
    response = client.post("/post", data=a_post(settings, "ar", text="أوافق تمامًا.\n\nhttps://example.org/x."))
    assert response.status_code == 303
    thanks = client.get(response.headers["Location"])
    assert thanks.status_code == 200
    soup = page(thanks)
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    assert soup.h1.get_text() == words["ar"].gettext("Thank you: your comment awaits moderation.")
    back = soup.select_one(".intake-back a")
    assert back["href"] == f"{settings['SITEURL']}/ar/hello-world/" and back.bdi.get_text() == "مرحبا بالعالم"
    [queued] = waiting(settings)
    assert (queued.key, queued.lang, queued.parent, queued.author) == ("hello-world", "ar", None, "Siân")
    assert queued.text == "أوافق تمامًا.\n\nhttps://example.org/x."
    assert thanks.headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_the_queue_holds_no_address(client, settings):
    client.post("/post", data=a_post(settings), environ_base={"REMOTE_ADDR": "203.0.113.7"})
    stored = project_path(settings, "COMMENTS_QUEUE").read_bytes()
    assert b"203.0.113.7" not in stored and len(waiting(settings)) == 1


def test_the_same_comment_twice_is_stored_once(client, settings, words):
    assert client.post("/post", data=a_post(settings)).status_code == 303
    again = client.post("/post", data=a_post(settings, text="  Rwy'n   cytuno. "))
    assert again.status_code == 409
    reason(again, words, "cy", "You have already sent this comment: it awaits moderation.")
    assert len(waiting(settings)) == 1


def test_the_honeypot_refuses(client, settings, words):
    response = client.post("/post", data=a_post(settings, nickname="Buy now"))
    assert response.status_code == 400
    reason(response, words, "cy", "A field that must stay empty was filled in, so the comment was not sent.")
    assert waiting(settings) == []


def test_a_token_not_made_by_this_site_refuses(client, settings, words):
    forged = a_post(settings, "ar")
    forged["token"] = forged["token"][::-1]
    response = client.post("/post", data=forged)
    assert response.status_code == 403
    reason(response, words, "ar", "This form did not come from one of this site's articles.")
    # A real token for another article does not fit this one.
    other = {**a_post(settings, "cy"), "lang": "ar"}
    assert client.post("/post", data=other).status_code == 403
    assert waiting(settings) == []


def test_an_expired_form_gives_the_text_back_in_a_fresh_form(client, settings, words, monkeypatch):
    old = a_post(settings, text="Hen dudalen.")
    days = settings["COMMENTS_TOKEN_DAYS"]
    monkeypatch.setattr(time, "time", lambda: (int(old["period"]) + 2) * days * SECONDS_PER_DAY + 5)
    response = client.post("/post", data=old)
    assert response.status_code == 403
    soup = page(response)
    assert soup.select_one("textarea[name=text]").get_text() == "Hen dudalen."
    fresh = {field["name"]: field["value"] for field in soup.select("input[type=hidden]")}
    assert int(fresh["period"]) == int(old["period"]) + 2
    assert waiting(settings) == []
    assert client.post("/post", data={**old, **fresh}).status_code == 303


def test_the_previous_period_is_still_accepted(client, settings, monkeypatch):
    post = a_post(settings)
    days = settings["COMMENTS_TOKEN_DAYS"]
    monkeypatch.setattr(time, "time", lambda: (int(post["period"]) + 1) * days * SECONDS_PER_DAY + 5)
    assert client.post("/post", data=post).status_code == 303


def test_the_rate_limit_refuses_with_retry_after(client, settings, words):
    posts, seconds = settings["COMMENTS_RATE_LIMIT"]
    for number in range(posts):
        assert client.post("/post", data=a_post(settings, text=f"Sylw {number}")).status_code == 303
    refused = client.post("/post", data=a_post(settings, text="Un arall"))
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= seconds
    minutes = (int(refused.headers["Retry-After"]) + 59) // 60
    wait = words["cy"].ngettext("%(num)s minute", "%(num)s minutes", minutes) % {"num": minutes}
    assert page(refused).select_one(".intake-reason").get_text() == words["cy"].gettext(
        "You have sent several comments in a short time. Please try again in %(count)s.") % {"count": wait}
    # Another address is not held back.
    other = client.post("/post", data=a_post(settings, text="Un arall"), environ_base={"REMOTE_ADDR": "192.0.2.9"})
    assert other.status_code == 303
    assert len(waiting(settings)) == posts + 1


@pytest.mark.parametrize("change, status, message", [
    ({"lang": "xx"}, 404, "The form named a language this site is not written in."),
    ({"key": "no-such-article"}, 403, "This form did not come from one of this site's articles."),
    ({"parent": "wp-404"}, 404, "The comment you are answering is not on the site."),
    ({"token": ""}, 400, "The form was incomplete. Go back to the article and try again."),
])
def test_a_post_to_nowhere_is_refused(client, settings, words, change, status, message):
    response = client.post("/post", data=a_post(settings, **change))
    assert response.status_code == status
    lang = "cy" if change.get("lang") != "xx" else settings["DEFAULT_LANG"]
    reason(response, words, lang, message)
    assert waiting(settings) == []


def test_an_article_the_site_does_not_have_is_refused_even_with_its_token(client, settings, words):
    response = client.post("/post", data={**a_post(settings), **form_for(settings, "gone", "cy").fields})
    assert response.status_code == 404
    reason(response, words, "cy", "There is no such article on this site.")


def test_an_unknown_language_page_follows_the_browser(client, settings, words):
    response = client.post("/post", data=a_post(settings, lang="xx"), headers={"Accept-Language": "el, en;q=0.5"})
    reason(response, words, "el", "The form named a language this site is not written in.")


def test_an_oversized_post_is_refused_unread(client, settings, words):
    response = client.post("/post", data=a_post(settings, text="x" * 100_000), headers={"Accept-Language": "it"})
    assert response.status_code == 413
    reason(response, words, "it", "The comment is too long to send.")
    assert waiting(settings) == []


@pytest.mark.parametrize("fields, problem", [
    ({"name": "  "}, "name"),
    ({"name": "n" * 81}, "name"),
    ({"website": "javascript:alert(1)"}, "website"),
    ({"text": ""}, "text"),
    ({"text": "t" * 5001}, "text"),
    ({"text": "https://a.example https://b.example https://c.example https://d.example"}, "text"),
])
def test_what_to_correct_is_said_beside_its_field(client, settings, words, fields, problem):
    response = client.post("/post", data=a_post(settings, "ar", **fields))
    assert response.status_code == 422
    soup = page(response)
    field = soup.select_one(f"[name={problem}]")
    assert field["aria-invalid"] == "true"
    explained = soup.select_one(f"#comment-{problem}-problem")
    assert explained["id"] in field["aria-describedby"].split()
    assert explained.get_text()  # worded by the Arabic catalog (every string is checked by the build)
    assert soup.select_one("textarea[name=text]").get_text() == a_post(settings, **fields)["text"].strip()
    assert waiting(settings) == []


def test_the_reply_page_answers_one_comment_in_the_readers_language(client, settings, words):
    form = form_for(settings, "hello-world", "cy")
    response = client.get("/reply", query_string={**form.fields, "parent": "wp-1"})
    assert response.status_code == 200
    soup = page(response)
    assert soup.html["lang"] == "cy"
    assert soup.select_one("#comment-form-heading").get_text() == words["cy"].gettext("Reply to %(author)s") % {
        "author": "Bronwen"}
    assert soup.select_one("input[name=parent]")["value"] == "wp-1"
    assert soup.select_one("label[for=comment-text]").get_text() == words["cy"].gettext("Comment")
    fields = {field["name"]: field.get("value", "") for field in soup.select("form input")}
    response = client.post(soup.form["action"], data={**fields, "name": "Siân", "text": "Ateb."})
    assert response.status_code == 303
    assert [(s.parent, s.text) for s in waiting(settings)] == [("wp-1", "Ateb.")]
    assert client.get("/reply", query_string={**form.fields, "parent": "wp-9"}).status_code == 404


def test_the_intake_serves_the_themes_stylesheets(client):
    assert client.get("/theme/css/comments.css").status_code == 200


def test_behind_a_reverse_proxy_its_headers_give_the_path_and_the_address(settings_file):
    settings = {**settings_of(settings_file), "COMMENTS_TRUSTED_PROXIES": 1, "COMMENTS_RATE_LIMIT": (1, 600)}
    client = create_app(settings).test_client()
    proxy = {"X-Forwarded-Prefix": "/comments", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "example.org"}
    form = form_for(settings, "hello-world", "cy")
    soup = page(client.get("/reply", query_string={**form.fields, "parent": "wp-1"}, headers=proxy))
    assert soup.form["action"] == "/comments/post"
    assert soup.find("link", rel="stylesheet")["href"] == "/comments/theme/css/main.css"
    sent = client.post("/post", data=a_post(settings), headers={**proxy, "X-Forwarded-For": "198.51.100.1"})
    assert sent.headers["Location"].startswith("/comments/received?")
    # The limit counts the reader's address, not the proxy's.
    other = client.post("/post", data=a_post(settings, text="Arall"), headers={**proxy, "X-Forwarded-For": "198.51.100.2"})
    assert other.status_code == 303
    again = client.post("/post", data=a_post(settings, text="Eto"), headers={**proxy, "X-Forwarded-For": "198.51.100.1"})
    assert again.status_code == 429


@pytest.mark.parametrize("change", [
    {"period": "9" * 5000}, {"period": "٣"}, {"token": "é" * 64}, {"key": "\x00"},
])
def test_a_malformed_token_or_period_is_refused_not_an_error(client, settings, change):
    assert client.post("/post", data=a_post(settings, **change)).status_code == 403
    assert waiting(settings) == []


def test_control_characters_are_dropped_and_line_breaks_kept(client, settings):
    client.post("/post", data=a_post(settings, name="Si\x1b[31mân\x00", text="Un\r\nDau\x07\n\n\tTri"))
    [queued] = waiting(settings)
    assert (queued.author, queued.text) == ("Si[31mân", "Un\nDau\n\n\tTri")
