import pytest
from comments_support import write_articles


@pytest.fixture
def content(tmp_path):
    """A content folder with three small articles (cy and it)."""
    return write_articles(tmp_path / "content")
