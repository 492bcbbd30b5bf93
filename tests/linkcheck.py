"""Link checking over a built site, for the tests: every href and src of
every page, every hreflang alternate, every link of the feeds and sitemap
that points inside the site must name a file the build wrote (and its
#fragment an element of that page).

The development build links relatively ("../it/x/") and root-relatively
("/it/x/", in 404 pages); the published build links absolutely
("https://example.org/it/x/"). Non-ASCII paths arrive percent-encoded or
as themselves; both must resolve.
"""

from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

from sitebuild import read_html

# A page's address is http://site.invalid/<path>; links that stay on this
# host (or on SITEURL in the published build) are the site's own.
BASE = "http://site.invalid/"
URL_ATTRIBUTES = ("href", "src", "action", "poster", "data")


def page_address(output, path):
    relative = PurePosixPath(path.relative_to(output).as_posix())
    if relative.name == "index.html":
        directory = relative.parent.as_posix()
        return BASE if directory == "." else BASE + directory + "/"
    return BASE + relative.as_posix()


def target_file(output, url, siteurl):
    """The file a URL inside the site names, or None for a URL outside it."""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https"):
        if siteurl and url.startswith(siteurl.rstrip("/") + "/") or url == siteurl:
            path = parts.path
        elif f"{parts.scheme}://{parts.netloc}/" == BASE:
            path = parts.path
        else:
            return None
    elif parts.scheme:  # mailto:, data:, tel:, javascript:
        return None
    else:
        raise ValueError(f"resolve {url!r} against its page first")
    path = unquote(path)
    candidate = Path(output, *[p for p in path.split("/") if p])
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate


@lru_cache(maxsize=None)
def ids_of(path):
    soup = read_html(path)
    ids = {element["id"] for element in soup.find_all(id=True)}
    ids |= {element["name"] for element in soup.find_all("a", attrs={"name": True})}
    return ids


def links_of_page(soup):
    """(description, url, is_hreflang) for every URL a page refers to."""
    for element in soup.find_all(True):
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            if value is None:
                continue
            yield f"<{element.name} {attribute}>", value.strip(), element.has_attr("hreflang")
        srcset = element.get("srcset")
        if srcset:
            for candidate in srcset.split(","):
                if candidate.strip():
                    yield f"<{element.name} srcset>", candidate.split()[0], False
        # Open Graph and the like name the page's own address.
        if element.name == "meta" and element.get("property") in ("og:url", "og:image"):
            yield f"<meta {element['property']}>", element.get("content", ""), False


def check_link(output, page, page_url, description, url, siteurl, problems):
    absolute = urljoin(page_url, url)
    try:
        target = target_file(output, absolute, siteurl)
    except ValueError as error:
        problems.append(f"{page}: {description} {url!r}: {error}")
        return
    if target is None:
        return
    where = f"{page}: {description} {url!r}"
    if not target.is_file():
        problems.append(f"{where} -> {target.relative_to(output)} does not exist")
        return
    fragment = unquote(urlsplit(absolute).fragment)
    if fragment and target.suffix == ".html" and fragment not in ids_of(target):
        problems.append(f"{where}: no element with id {fragment!r} in {target.relative_to(output)}")


def broken_links(output, siteurl):
    problems, checked = [], 0
    for path in sorted(output.rglob("*.html")):
        page = path.relative_to(output)
        soup = read_html(path)
        page_url = page_address(output, path)
        base = soup.find("base", href=True)
        if base is not None:
            page_url = urljoin(page_url, base["href"])
        for description, url, _ in links_of_page(soup):
            if not url:
                problems.append(f"{page}: {description} is empty")
                continue
            check_link(output, page, page_url, description, url, siteurl, problems)
            checked += 1
    return problems, checked


def broken_hreflang_links(output, siteurl):
    problems, alternates = [], 0
    for path in sorted(output.rglob("*.html")):
        page = path.relative_to(output)
        for element in read_html(path).find_all(hreflang=True):
            alternates += 1
            url = element.get("href")
            if not url:
                problems.append(f"{page}: <{element.name} hreflang={element['hreflang']}> has no href")
                continue
            check_link(output, page, page_address(output, path), f"hreflang={element['hreflang']}",
                       url, siteurl, problems)
    return problems, alternates


def broken_feed_and_sitemap_links(output, siteurl):
    atom = "{http://www.w3.org/2005/Atom}"
    sitemap = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    xhtml = "{http://www.w3.org/1999/xhtml}"
    problems, checked = [], 0
    for path in sorted(output.rglob("*.xml")):
        name = path.relative_to(output)
        root = ElementTree.parse(path).getroot()
        urls = [link.get("href") for link in root.iter(f"{atom}link")]
        urls += [loc.text for loc in root.iter(f"{sitemap}loc")]
        urls += [link.get("href") for link in root.iter(f"{xhtml}link")]
        for url in urls:
            checked += 1
            if not url or not url.startswith(siteurl + "/"):
                problems.append(f"{name}: {url!r} is not an address of {siteurl}")
                continue
            check_link(output, name, siteurl + "/", "link", url, siteurl, problems)
    return problems, checked
