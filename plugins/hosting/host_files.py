"""Writes the files hosts read, once the writer has written every page:
`_redirects` and `_headers` (Netlify, Cloudflare Pages) and `.htaccess`
(Apache), all derived from the pages this build wrote (not from whatever
output/ holds), through the writer, which records them."""

from pathlib import PurePosixPath

from .built_pages import built_pages
from .headers import headers_text
from .htaccess import htaccess_files
from .policy import read_policies
from .redirects import redirects_text
from .scopes import FolderRule, ScopeError, not_found_rules, policy_rules


def write_host_files(writer, context):
    """Once the writer has written every page (its pages_written signal);
    the files go through it, which records them."""
    settings = writer.settings
    output_path = writer.output_path
    # A host serving a wrong policy or 404 is worse than no upload: a
    # PolicySettingError, ScopeError or RedirectSettingError stops the build.
    policies = read_policies(settings)
    pages = built_pages(output_path, writer.claims, settings)
    not_found = not_found_rules(pages)
    site_policy, folder_policies = policy_rules(pages, policies)
    for folder, setting in sorted(settings.get("FOLDER_CONTENT_SECURITY_POLICIES", {}).items()):
        if setting not in policies:
            raise ScopeError(f"pelicanconf.py: FOLDER_CONTENT_SECURITY_POLICIES gives {folder}/ {setting!r}, "
                             f"which is none of {', '.join(policies)}: name one of those")
        folder_policies.append((FolderRule(folder, None), policies[setting]))
    redirects = redirects_text(pages, not_found, settings, output_path)
    root_not_found = next(page for page in pages if page.is_not_found_page and not page.folder)
    writer.write_site_file("_redirects", redirects, "the host files")
    writer.write_site_file("_headers", headers_text(site_policy, folder_policies), "the host files")
    apache = htaccess_files(
        not_found, site_policy, folder_policies, root_not_found, settings["SITEURL"]
    )
    for folder, text in apache.items():
        writer.write_site_file(str(PurePosixPath(folder, ".htaccess")), text, "the host files")
