"""Sites built from a copy of the real content, changed the way a
translator would change it."""

from sitebuild import build_site, copy_content

SITEURL = "https://example.org"
ENGAGEMENT = "articles/is-it-engagement"


def add_greek_engagement(content, slug=None):
    """Drop is-it-engagement.el.md beside the cy and it variants."""
    source = (content / ENGAGEMENT / "is-it-engagement.cy.md").read_text("utf-8")
    header, body = source.split("\n\n", 1)
    header = header.replace("Title: A yw'n Ymgysylltu yn Wir?", "Title: Είναι πραγματικά δέσμευση;")
    if slug:
        header += f"\nSlug: {slug}"
    (content / ENGAGEMENT / "is-it-engagement.el.md").write_text(
        header + "\n\nΚείμενο της ελληνικής μετάφρασης.\n", "utf-8"
    )


def build_published(tmp_path, content):
    # Catalog completeness is tested elsewhere; here only errors are fatal.
    return build_site(
        content, tmp_path / "output", "publishconf.py", fatal="errors", SITEURL=SITEURL
    )


def content_copy(tmp_path):
    return copy_content(tmp_path / "content")
