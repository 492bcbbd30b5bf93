"""Metadata is text: a title, summary, category or tag with quotes,
entities or markup reaches every place it is printed as the text the
author wrote, never as markup (the theme autoescapes)."""

from sitebuild import build_site, copy_content, read_html

ARTICLE = "articles/five-misconceptions/five-misconceptions.cy.md"
TITLE = 'Y "5" <script>alert(1)</script> &lt;/title&gt; Camsyniad'
CATEGORY = 'Marchnata <i>"a"</i>'
TAG = "cyfryngau <b>cymdeithasol</b>"


def test_metadata_with_markup_stays_text(tmp_path):
    content = copy_content(tmp_path / "content")
    path = content / ARTICLE
    text = path.read_text("utf-8")
    text = text.replace("Title: Y 5 Camsyniad Cyfryngau Cymdeithasol o Fusnesau", f"Title: {TITLE}")
    text = text.replace("Category: Marchnata", f"Summary: un &lt;b&gt; dau\nCategory: {CATEGORY}")
    text = text.replace("Tags: cyfryngau cymdeithasol,", f"Tags: {TAG},")
    path.write_text(text, "utf-8")
    output = build_site(content, tmp_path / "output")

    page = read_html(output / "cy" / "five-misconceptions" / "index.html")
    assert page.title.get_text().startswith(TITLE + " · ")
    assert page.find("meta", property="og:title")["content"] == TITLE
    assert page.h1.get_text() == TITLE
    # The title's <script> is text, not an element; the page runs none.
    assert [s for s in page.find_all("script") if s.get("type") != "application/ld+json"] == []
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description == "un <b> dau"
    lead = page.find("p", class_="lead")
    assert lead.get_text() == "un <b> dau" and lead.find("b") is None
    assert lead.find_next_sibling() is not None and lead.find_next_sibling().find_parent("b") is None
    assert CATEGORY in [a.get_text() for a in page.select("nav a")] + [li.get_text() for li in page.select("li")]

    search = read_html(output / "cy" / "search" / "index.html")
    options = [option.get_text() for option in search.find_all("option")]
    assert CATEGORY in options and TAG in options
    assert search.find("i") is None and search.select("option b") == []
