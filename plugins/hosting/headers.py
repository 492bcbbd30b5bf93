"""`_headers`, in the format Netlify defined and Cloudflare Pages reads:
the site's Content-Security-Policy for every address, and each folder
with its own policy (the search pages) after it.

The two hosts merge overlapping rules differently: Cloudflare Pages joins
the values of a header set by several matching rules (two policies, both
enforced), so the folder rule first detaches the site's policy with
"! Content-Security-Policy"; Netlify lets the later rule's value replace
the earlier one and skips that line (it has no colon, so its parser
ignores it).
"""

HEADER = "Content-Security-Policy"


def headers_text(site_policy, folder_policies):
    lines = [
        "# Written by plugins/hosting at each build: Netlify / Cloudflare Pages.",
        "/*",
        f"  {HEADER}: {site_policy.header_text}",
    ]
    for rule, policy in folder_policies:
        lines += [
            f"# {policy.setting}",
            f"{rule.path}*",
            f"  ! {HEADER}",
            f"  {HEADER}: {policy.header_text}",
        ]
    return "\n".join(lines) + "\n"
