"""The refusals as a reader meets them from the real server (waitress, on
127.0.0.1): honeypot, forged token and rate limit, each its status and page."""

from bs4 import BeautifulSoup
from intake_support import catalogs, form_for, free_port, post, running, settings_of, write_settings


def test_the_running_server_refuses_with_status_and_page(tmp_path, content):
    port = free_port()
    settings_file = write_settings(tmp_path, content, SITEURL="http://127.0.0.1:9",
                                   COMMENTS_ENDPOINT=f"http://127.0.0.1:{port}", COMMENTS_RATE_LIMIT=(3, 600))
    settings, words = settings_of(settings_file), catalogs()
    base = {**form_for(settings, "hello-world", "ar").fields, "name": "سلمى", "text": "نص", "nickname": ""}

    def reason(body):
        soup = BeautifulSoup(body, "html.parser")
        assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
        return soup.select_one(".intake-reason").get_text()

    with running(settings_file, port, tmp_path / "intake.log") as server:
        status, _, body = post(f"{server.url}/post", {**base, "nickname": "bot"})
        assert status == 400
        assert reason(body) == words["ar"].gettext(
            "A field that must stay empty was filled in, so the comment was not sent.")
        status, _, body = post(f"{server.url}/post", {**base, "token": "0" * 64})
        assert status == 403
        assert reason(body) == words["ar"].gettext("This form did not come from one of this site's articles.")
        status, headers, _ = post(f"{server.url}/post", base)
        assert status == 303 and headers["Location"].startswith("/received?")
        status, headers, body = post(f"{server.url}/post", {**base, "text": "نص آخر"})
        assert status == 429 and int(headers["Retry-After"]) > 0  # the fourth post from this address
        assert reason(body)
