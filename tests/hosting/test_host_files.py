"""The files hosts read (_redirects, _headers, .htaccess) parse in their
hosts' formats and name only pages the build wrote: a missing address
under /<lang>/ gets that language's 404 page, the rest the root's; every
address gets the policy its page declares; the root redirect by
Accept-Language is off unless asked for, and then never loops."""

import re
from pathlib import Path

import pytest

from host_formats import (
    cloudflare_headers, netlify_headers, netlify_route, parse_headers,
    parse_htaccess, parse_policy, parse_redirects,
)
from search_site import site_with_search_page
from sitebuild import build_site, copy_content, read_html, run_pelican

LANGUAGES = ["cy", "it", "ar", "el"]
SITEURL = "https://example.org"


def page_policy(page):
    """The policy a built page declares in its <meta>."""
    metas = read_html(page).find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert len(metas) == 1, page
    return parse_policy(metas[0]["content"])


def exists_in(output):
    def exists(path):
        target = Path(output, *[part for part in path.split("/") if part])
        return (target / "index.html").is_file() if path.endswith("/") else target.is_file()
    return exists


@pytest.fixture(scope="module", params=["site", "published_site"])
def output(request):
    return request.getfixturevalue(request.param)


def test_each_language_folder_answers_a_missing_address_with_its_own_404(output):
    rules = parse_redirects((output / "_redirects").read_text("utf-8"))
    exists = exists_in(output)
    for lang in LANGUAGES:
        assert not exists(f"/{lang}/no-such-page/")
        status, target = netlify_route(rules, f"/{lang}/no-such-page/", exists)
        assert status == 404
        page = output / target.lstrip("/")
        assert page.is_file() and read_html(page).html["lang"] == lang
    # Existing pages are never answered by a rule, and elsewhere the host's
    # own root 404.html (Netlify and Cloudflare serve it by themselves) stays.
    for page in output.rglob("index.html"):
        path = "/" + page.parent.relative_to(output).as_posix() + "/"
        assert netlify_route(rules, path.replace("/./", "/"), exists) is None, path
    assert netlify_route(rules, "/no-such-page/", exists) is None
    assert (output / "404.html").is_file()


def test_every_redirect_names_a_page_the_build_wrote(output):
    for rule in parse_redirects((output / "_redirects").read_text("utf-8")):
        assert exists_in(output)(rule.target), rule
        folder = rule.source.rstrip("*").strip("/")
        assert (output / folder).is_dir(), rule


def test_apache_error_documents_per_language_folder(output):
    documents, policies = parse_htaccess((output / ".htaccess").read_text("utf-8"))
    assert documents == ["/404.html"] and len(policies) == 1
    for lang in LANGUAGES:
        documents, _ = parse_htaccess((output / lang / ".htaccess").read_text("utf-8"))
        assert len(documents) == 1
        page = output / documents[0].lstrip("/")
        assert page.is_file() and read_html(page).html["lang"] == lang


def test_apache_error_documents_start_with_the_sites_own_path(tmp_path):
    output = build_site(copy_content(tmp_path / "content"), tmp_path / "output", "publishconf.py",
                        SITEURL="https://example.org/mmr")
    for folder, expected in (("", "404.html"), ("el", "el/404.html")):
        documents, _ = parse_htaccess((output / folder / ".htaccess").read_text("utf-8"))
        assert documents == ["/mmr/" + expected]
        assert (output / expected).is_file()


def test_the_header_policy_is_the_one_each_page_declares(output):
    rules = parse_headers((output / "_headers").read_text("utf-8"))
    for page in output.rglob("*.html"):
        relative = page.relative_to(output).as_posix()
        path = "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        declared = page_policy(page)
        for host in (netlify_headers, cloudflare_headers):
            header = parse_policy(host(rules, path)["Content-Security-Policy"])
            # The header adds what a <meta> cannot carry, and only that.
            assert header.pop("frame-ancestors") == ["'none'"]
            assert header == declared, (host.__name__, path)
        # Apache takes the policy of the nearest .htaccess up the folder tree.
        folder = page.parent
        while not (folder / ".htaccess").is_file() or not parse_htaccess((folder / ".htaccess").read_text("utf-8"))[1]:
            folder = folder.parent
        _, apache = parse_htaccess((folder / ".htaccess").read_text("utf-8"))
        assert {k: v for k, v in parse_policy(apache[0]).items() if k != "frame-ancestors"} == declared, path


def test_no_language_redirect_unless_asked_for(output):
    rules = parse_redirects((output / "_redirects").read_text("utf-8"))
    assert not [rule for rule in rules if rule.conditions]
    for language in LANGUAGES + [None]:
        assert netlify_route(rules, "/", exists_in(output), language) is None


@pytest.fixture(scope="module")
def redirecting_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("redirecting")
    return build_site(copy_content(base / "content"), base / "output", "publishconf.py",
                      SITEURL=SITEURL, ROOT_LANGUAGE_REDIRECT=True)


def test_language_redirect_sends_each_language_home_once_and_keeps_the_chooser(redirecting_site):
    output = redirecting_site
    rules = parse_redirects((output / "_redirects").read_text("utf-8"))
    exists = exists_in(output)
    chooser_alias = [rule for rule in rules if rule.status == 200]
    assert len(chooser_alias) == 1
    alias = chooser_alias[0]
    assert not exists(alias.source) and (output / alias.target.lstrip("/")).read_bytes() == (
        output / "index.html").read_bytes()
    for language in LANGUAGES + ["en", None]:
        # Follow the host: every chain ends on a page at the first hop.
        path, hops = "/", 0
        while (route := netlify_route(rules, path, exists, language)) and route[0] in (301, 302):
            assert route[0] == 302, "a permanent redirect would be cached by browsers"
            path, hops = route[1], hops + 1
            assert hops == 1, f"{language}: redirected again from {path}"
        assert exists(path)
        served = read_html(output / path.lstrip("/") / "index.html").html["lang"]
        assert served == (language if language in LANGUAGES else "mul"), language
        # The chooser stays reachable whatever the reader's language.
        assert netlify_route(rules, alias.source, exists, language) == (200, alias.target)


def test_language_redirect_needs_absolute_urls(tmp_path):
    result = run_pelican(copy_content(tmp_path / "content"), tmp_path / "output",
                         ROOT_LANGUAGE_REDIRECT=True)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "ROOT_LANGUAGE_REDIRECT" in log and "publishconf.py" in log
    assert "Traceback" not in log


def test_search_folder_gets_the_search_policy_on_every_host(tmp_path):
    result = site_with_search_page(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    output = tmp_path / "output"
    search = page_policy(output / "cy" / "search" / "index.html")
    assert search["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    rules = parse_headers((output / "_headers").read_text("utf-8"))
    for host in (netlify_headers, cloudflare_headers):
        for path, declared in (("/cy/search/", search), ("/cy/", page_policy(output / "cy" / "index.html"))):
            header = parse_policy(host(rules, path)["Content-Security-Policy"])
            header.pop("frame-ancestors")
            assert header == declared, (host.__name__, path)
    _, apache = parse_htaccess((output / "cy" / "search" / ".htaccess").read_text("utf-8"))
    assert parse_policy(apache[0])["script-src"] == search["script-src"]


def test_a_page_without_the_policy_stops_the_build(tmp_path):
    bare = '<!DOCTYPE html>\n<html lang="{{ page_lang.code }}"><head><title>Chwilio</title></head><body></body></html>\n'
    result = site_with_search_page(tmp_path, template=bare)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log
    assert re.search(r"output/(cy|it|ar|el)/search/index.html has 0 Content-Security-Policy", log), log


def test_a_folder_mixing_policies_stops_the_build(tmp_path):
    inside = "Title: Amdanom\nSave_as: cy/search/amdanom/index.html\nURL: cy/search/amdanom/\n\nAmdanom ni.\n"
    result = site_with_search_page(tmp_path, extra_page=inside)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log
    assert "output/cy/search/amdanom/index.html declares CONTENT_SECURITY_POLICY" in log


def test_a_policy_setting_that_cannot_be_written_stops_the_build(tmp_path):
    result = run_pelican(copy_content(tmp_path / "content"), tmp_path / "output",
                         CONTENT_SECURITY_POLICY={"script-src": "'none'; script-src *"})
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log
    assert "CONTENT_SECURITY_POLICY" in log and "cannot be written" in log


def test_the_search_worker_runs_under_the_search_policy(published_site):
    """Pagefind's worker takes its policy from its own response: the folder
    of the search bundles gets the search pages' policy, which lets it
    compile WebAssembly; reading pages keep theirs."""
    rules = parse_headers((published_site / "_headers").read_text("utf-8"))
    worker = next(published_site.glob("pagefind/*/pagefind-worker.js")).relative_to(published_site).as_posix()
    assert "'wasm-unsafe-eval'" in netlify_headers(rules, "/" + worker)["Content-Security-Policy"]
    assert "'wasm-unsafe-eval'" not in netlify_headers(rules, "/cy/")["Content-Security-Policy"]
