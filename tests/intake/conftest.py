import json

import pytest
from intake_support import settings_of, write_settings

from plugins.comments.intake.app import create_app

# (key, lang, title): a Welsh article with a comment to answer, an Arabic one.
ARTICLES = [("hello-world", "cy", "Helo byd"), ("hello-world", "ar", "مرحبا بالعالم")]
SITEURL = "http://127.0.0.1:9"


def write_content(content):
    for key, lang, title in ARTICLES:
        folder = content / "articles" / key
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{key}.{lang}.md").write_text(f"Title: {title}\nDate: 2024-01-01\n\nTestun.\n", encoding="utf-8")
    (content / "comments").mkdir()
    first = {"id": "wp-1", "parent": None, "author": "Bronwen", "author_url": None,
             "date": "2024-01-02T10:00:00Z", "format": "html", "body": "<p>Cytuno.</p>"}
    (content / "comments" / "hello-world.cy.json").write_text(
        json.dumps({"comments": [first]}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return content


@pytest.fixture
def content(tmp_path):
    return write_content(tmp_path / "content")


@pytest.fixture
def settings_file(tmp_path, content):
    return write_settings(tmp_path, content, SITEURL=SITEURL, COMMENTS_ENDPOINT="http://127.0.0.1:8")


@pytest.fixture
def settings(settings_file):
    return settings_of(settings_file)


@pytest.fixture
def app(settings):
    return create_app(settings)


@pytest.fixture
def client(app):
    return app.test_client()
