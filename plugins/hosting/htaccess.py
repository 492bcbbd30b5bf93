"""Apache's per-folder `.htaccess` files: the not-found page of each
language folder (ErrorDocument, a path from the server's root, so SITEURL's
own path comes first) and the Content-Security-Policy header (mod_headers;
a deeper folder's "Header set" replaces its parent's).

Apache reads them where the server allows it (AllowOverride FileInfo for
ErrorDocument and Header, or All), as shared hosting usually does.
"""

from urllib.parse import quote, urlsplit


def _server_path(siteurl, site_path):
    prefix = urlsplit(siteurl).path.rstrip("/") if siteurl else ""
    return quote(prefix + site_path)


def htaccess_files(not_found, site_policy, folder_policies, root_not_found, siteurl):
    """{folder: text} for every folder that needs a .htaccess."""
    blocks = {}
    blocks.setdefault("", []).append(
        f"ErrorDocument 404 {_server_path(siteurl, root_not_found.path)}"
    )
    for rule in not_found:
        blocks.setdefault(rule.folder, []).append(
            f"ErrorDocument 404 {_server_path(siteurl, rule.page.path)}"
        )
    policies = [("", site_policy)] + [(rule.folder, policy) for rule, policy in folder_policies]
    for folder, policy in policies:
        blocks.setdefault(folder, []).extend([
            "<IfModule mod_headers.c>",
            f'  Header always set Content-Security-Policy "{policy.header_text}"',
            "</IfModule>",
        ])
    heading = "# Written by plugins/hosting at each build: Apache."
    return {folder: "\n".join([heading, *lines]) + "\n" for folder, lines in blocks.items()}
