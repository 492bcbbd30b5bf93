"""Which part of the site each host rule covers, derived from the built
pages: the folder each not-found page answers for, and the folders whose
pages declare a policy other than the site's."""

from dataclasses import dataclass

from plugins.errors.exceptions import ContentError

from .policy import SITE_POLICY


class ScopeError(ContentError):
    """The built pages cannot be described by folder rules."""


@dataclass(frozen=True)
class FolderRule:
    folder: str  # "" for the whole site, else e.g. "cy" or "cy/search"
    page: object  # the BuiltPage the rule serves or speaks for

    @property
    def path(self):
        return "/" + (self.folder + "/" if self.folder else "")


def not_found_rules(pages):
    """One rule per not-found page below the root, deepest first, so that
    a host reading rules in order meets the nearest page first."""
    rules = [FolderRule(page.folder, page) for page in pages if page.is_not_found_page]
    if not any(rule.folder == "" for rule in rules):
        raise ScopeError("the build wrote no root 404.html: every host needs one")
    return sorted(
        (rule for rule in rules if rule.folder),
        key=lambda rule: (-rule.folder.count("/"), rule.folder),
    )


def declared_policy(page, policies):
    """The Policy a page declares in its <meta>, or raise ScopeError."""
    if len(page.policies) != 1:
        raise ScopeError(
            f"output/{page.file} has {len(page.policies)} Content-Security-Policy "
            "<meta> tags, not one: its template must extend base.html (or "
            "chooser_base.html) and change the policy only through the "
            "content_security_policy block"
        )
    for policy in policies.values():
        if page.policies[0] == policy.meta_text:
            return policy
    raise ScopeError(
        f"output/{page.file} declares a Content-Security-Policy that is none of "
        f"{', '.join(policies)}: fill the content_security_policy block from "
        "content_security_policies.<setting>.meta_text"
    )


def policy_rules(pages, policies):
    """(site policy, [FolderRule per folder with another policy]).

    A folder's pages must then all share its policy: a host's path rules
    cover folders, not single pages."""
    declared = {page.file: declared_policy(page, policies) for page in pages}
    folders = {}
    for page in pages:
        policy = declared[page.file]
        if policy.setting == SITE_POLICY:
            continue
        if page.file.name != "index.html":
            raise ScopeError(
                f"output/{page.file} declares {policy.setting}; a page with its own "
                "policy must be a folder's index.html (save it as <folder>/index.html)"
            )
        folders.setdefault(page.folder, page)
    for folder, owner in folders.items():
        prefix = folder + "/"
        for page in pages:
            if page.file.as_posix().startswith(prefix) and declared[page.file] != declared[owner.file]:
                raise ScopeError(
                    f"output/{page.file} declares {declared[page.file].setting}, but "
                    f"output/{owner.file} gives its folder {folder}/ "
                    f"{declared[owner.file].setting}: a folder's pages share one policy"
                )
    rules = [FolderRule(folder, page) for folder, page in sorted(folders.items())]
    return policies[SITE_POLICY], [(rule, declared[rule.page.file]) for rule in rules]
