"""`_redirects`, in the format Netlify defined and Cloudflare Pages reads.

Netlify serves only the root 404.html by itself, so each language folder
gets a 404 rule ("/cy/*  /cy/404.html  404"). Netlify applies such a rule
only when no file answers the address (it does not shadow existing pages).
Cloudflare Pages finds the nearest 404.html by itself and skips lines it
cannot run (404 rewrites, Language conditions), listing them in its
deploy log.

The opt-in root redirect sends a reader whose browser asks first for one
of the site's languages from / to that language's home: a 302, so no
browser keeps it, forced ("302!") because / exists, and only from /,
which no home is. The chooser stays reachable at CHOOSER_ALIAS_URL,
served by a rewrite that no language rule matches.
"""

from plugins.errors.exceptions import ContentError

from .built_pages import file_for_path, site_path


class RedirectSettingError(ContentError):
    """ROOT_LANGUAGE_REDIRECT cannot be written for this build."""


def not_found_lines(rules):
    return [f"{rule.path}*  {rule.page.path}  404" for rule in rules]


def language_redirect_lines(pages, settings, output_path):
    """The chooser alias and one redirect per language, from the root
    chooser's own hreflang alternates (so they follow the URL layout)."""
    chooser = next((page for page in pages if page.path == "/"), None)
    if chooser is None:
        raise RedirectSettingError("ROOT_LANGUAGE_REDIRECT: the build wrote no root index.html")
    if settings["RELATIVE_URLS"]:
        raise RedirectSettingError(
            "ROOT_LANGUAGE_REDIRECT serves the chooser at a second address, where "
            "relative links would break: turn it on in publishconf.py, not pelicanconf.py"
        )
    alias = "/" + settings["CHOOSER_ALIAS_URL"].strip("/") + "/"
    if alias == "//" or file_for_path(output_path, alias).exists():
        raise RedirectSettingError(
            f"CHOOSER_ALIAS_URL {settings['CHOOSER_ALIAS_URL']!r} must name an address "
            "the build does not use, e.g. \"languages/\""
        )
    lines = [f"{alias}  /{chooser.file}  200"]
    homes = [(code, href) for code, href in chooser.alternates.items() if code != "x-default"]
    if sorted(code for code, _ in homes) != sorted(settings["LANGUAGES"]):
        raise RedirectSettingError(
            "ROOT_LANGUAGE_REDIRECT: the root chooser must list every language of "
            f"LANGUAGES as an hreflang alternate; it lists {[code for code, _ in homes]}"
        )
    for code, href in homes:
        home = site_path(href, chooser, settings["SITEURL"])
        if home in (None, "/", alias) or not file_for_path(output_path, home).is_file():
            raise RedirectSettingError(
                f"ROOT_LANGUAGE_REDIRECT: the chooser's {code} alternate {href!r} is "
                "not a page of the site other than the chooser"
            )
        lines.append(f"/  {home}  302!  Language={code}")
    return lines


def redirects_text(pages, not_found, settings, output_path):
    lines = ["# Written by plugins/hosting at each build: Netlify / Cloudflare Pages."]
    if settings.get("ROOT_LANGUAGE_REDIRECT"):
        lines.append("# The root chooser, always reachable; then / by Accept-Language (Netlify).")
        lines += language_redirect_lines(pages, settings, output_path)
    lines.append("# Each language's not-found page for a missing address in its folder.")
    lines += not_found_lines(not_found)
    return "\n".join(lines) + "\n"
