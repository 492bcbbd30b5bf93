"""sitemap.xml: every published page with its language alternates
(xhtml:link, including itself and x-default), as search engines read them;
and robots.txt, which names it."""

from xml.etree import ElementTree

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def _add_url(urlset, loc, alternates, lastmod=None):
    url = ElementTree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
    ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = loc
    if lastmod is not None:
        ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = (
            lastmod.date().isoformat()
        )
    for hreflang, href in alternates:
        ElementTree.SubElement(
            url,
            f"{{{XHTML_NS}}}link",
            rel="alternate",
            hreflang=hreflang,
            href=href,
        )


def write_sitemap(writer, context, settings):
    siteurl = settings["SITEURL"].rstrip("/")
    x_default = ("x-default", f"{siteurl}/{context['layout'].root.url}")
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")

    homes = [
        (code, f"{siteurl}/{places.home.url}") for code, places in context["language_places"].items()
    ]
    _add_url(urlset, x_default[1], homes + [x_default])
    for _, home in homes:
        _add_url(urlset, home, homes + [x_default])
    for group in context["sitemap_groups"]:
        published = [v for v in group.variants if v.status == "published"]
        alternates = [(v.lang, f"{siteurl}/{v.url}") for v in published]
        for variant in published:
            lastmod = getattr(variant, "modified", None) or getattr(variant, "date", None)
            _add_url(urlset, f"{siteurl}/{variant.url}", alternates + [x_default], lastmod)

    ElementTree.indent(urlset)
    text = ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True).decode("utf-8")
    writer.write_site_file("sitemap.xml", text, "the sitemap")


def write_robots(writer, settings):
    """robots.txt: every page may be crawled; a build with a SITEURL (the
    one with a sitemap) names its sitemap, which must be an absolute URL."""
    lines = ["User-agent: *", "Disallow:"]
    siteurl = settings.get("SITEURL", "").rstrip("/")
    if siteurl:
        lines += ["", f"Sitemap: {siteurl}/sitemap.xml"]
    writer.write_site_file("robots.txt", "\n".join(lines) + "\n", "robots.txt")
