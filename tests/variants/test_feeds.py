"""One Atom feed per language, linked from that language's pages."""

import xml.etree.ElementTree as ElementTree

import pytest

from sitebuild import read_html

ATOM = {"a": "http://www.w3.org/2005/Atom"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.mark.parametrize("lang", ["cy", "it", "ar", "el"])
def test_each_language_has_its_own_feed(published_site, lang):
    feed = ElementTree.parse(published_site / lang / "feeds" / "atom.xml").getroot()
    assert feed.get(XML_LANG) == lang
    links = [entry.find("a:link", ATOM).get("href") for entry in feed.findall("a:entry", ATOM)]
    assert links, f"the {lang} feed is empty"
    assert len(links) == len(set(links))
    assert all(link.startswith(f"https://example.org/{lang}/") for link in links)
    home = read_html(published_site / lang / "index.html")
    advertised = home.find("link", type="application/atom+xml")["href"]
    assert advertised == f"https://example.org/{lang}/feeds/atom.xml"
