"""The .htaccess files as a real Apache reads them (Debian's apache2-bin,
started here on a free local port over a copy of a published build, with
AllowOverride FileInfo as shared hosts grant it): a missing address under
/<lang>/ answers 404 with that language's page, elsewhere with the root's,
and every answer carries the policy its page declares, 404s and the
search folder included."""

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from host_formats import parse_policy
from search_site import site_with_search_page

APACHE = Path("/usr/sbin/apache2")
MODULES = Path("/usr/lib/apache2/modules")
LANGUAGES = ["cy", "it", "ar", "el"]
CONFIG = """ServerRoot "{root}"
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile "{root}/apache.pid"
ErrorLog "{root}/error.log"
LoadModule mpm_event_module {modules}/mod_mpm_event.so
LoadModule authz_core_module {modules}/mod_authz_core.so
LoadModule dir_module {modules}/mod_dir.so
LoadModule mime_module {modules}/mod_mime.so
LoadModule headers_module {modules}/mod_headers.so
TypesConfig /etc/mime.types
DirectoryIndex index.html
DocumentRoot "{site}"
<Directory "{site}">
    AllowOverride FileInfo
    Require all granted
</Directory>
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def apache_serving(output):
    """http://127.0.0.1:<port> with Apache serving a copy of output."""
    if not (APACHE.is_file() and (MODULES / "mod_headers.so").is_file()):
        reason = f"no Apache at {APACHE} (apt-get install apache2-bin)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (CI=true: the Apache tests must run in CI)")
        pytest.skip(reason)
    # Apache started as root serves as an unprivileged user: the copy must
    # be readable by anyone, which pytest's own folders are not.
    root = Path(tempfile.mkdtemp(prefix="apache-"))
    root.chmod(0o755)
    port = free_port()
    try:
        shutil.copytree(output, root / "site")
        config = root / "apache.conf"
        config.write_text(CONFIG.format(root=root, port=port, modules=MODULES, site=root / "site"))
        server = subprocess.Popen([str(APACHE), "-f", str(config), "-DFOREGROUND"],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            for _ in range(200):
                if server.poll() is not None:
                    pytest.fail("Apache did not start:\n" + server.stdout.read().decode())
                with socket.socket() as probe:
                    if probe.connect_ex(("127.0.0.1", port)) == 0:
                        break
                time.sleep(0.05)
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            server.wait(timeout=10)
    finally:
        shutil.rmtree(root)


def get(url):
    """(status, headers, body) whatever the status."""
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def declared_policy(page):
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    return parse_policy(soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"])


def assert_served(base, output, path, page, status):
    got, headers, body = get(base + path)
    assert got == status and body == (output / page).read_bytes(), path
    header = parse_policy(headers["Content-Security-Policy"])
    assert header.pop("frame-ancestors") == ["'none'"], path
    assert header == declared_policy(output / page), path
    return BeautifulSoup(body.decode("utf-8"), "html.parser").html["lang"]


def test_apache_serves_each_languages_404_with_the_policy(published_site):
    with apache_serving(published_site) as base:
        for lang in LANGUAGES:
            assert assert_served(base, published_site, f"/{lang}/no-such-page/", f"{lang}/404.html", 404) == lang
            assert assert_served(base, published_site, f"/{lang}/", f"{lang}/index.html", 200) == lang
        assert assert_served(base, published_site, "/no-such-page/", "404.html", 404) == "mul"
        assert assert_served(base, published_site, "/", "index.html", 200) == "mul"


def test_apache_sends_the_search_folder_its_own_policy(tmp_path):
    result = site_with_search_page(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    output = tmp_path / "output"
    with apache_serving(output) as base:
        assert_served(base, output, "/cy/search/", "cy/search/index.html", 200)
        assert_served(base, output, "/cy/", "cy/index.html", 200)
