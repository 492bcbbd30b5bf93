"""Readers for the files hosts read, written from the hosts' documented
formats (not from the plugin's code), and Netlify's way of choosing a
rule, so the tests can ask what a host would serve."""

import re
from dataclasses import dataclass, field

# Netlify documents these statuses for _redirects; a "!" forces the rule
# over an existing file.
STATUSES = {200, 301, 302, 303, 307, 308, 404}


@dataclass
class Redirect:
    source: str
    target: str
    status: int
    force: bool
    conditions: dict = field(default_factory=dict)


def _significant_lines(text):
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def parse_redirects(text):
    rules = []
    for number, line in _significant_lines(text):
        tokens = line.split()
        assert len(tokens) >= 3, f"line {number}: source, target and status expected: {line!r}"
        source, target, status, *conditions = tokens
        assert source.startswith("/") and target.startswith("/"), f"line {number}: {line!r}"
        force = status.endswith("!")
        assert status.rstrip("!").isdigit() and int(status.rstrip("!")) in STATUSES, line
        parsed = {}
        for condition in conditions:
            name, _, value = condition.partition("=")
            assert name in ("Language", "Country", "Role", "Cookie") and value, line
            parsed[name] = value.split(",")
        rules.append(Redirect(source, target, int(status.rstrip("!")), force, parsed))
    return rules


@dataclass
class HeaderRule:
    path: str
    values: dict = field(default_factory=dict)
    detached: list = field(default_factory=list)


def parse_headers(text):
    """Netlify's _headers: a path line, then indented "Name: value" lines
    (and Cloudflare's "! Name" to detach a header of an earlier rule)."""
    rules = []
    for number, line in _significant_lines(text):
        if not line[0].isspace():
            assert line.startswith("/"), f"line {number}: a rule starts with a path: {line!r}"
            rules.append(HeaderRule(line.strip()))
            continue
        assert rules, f"line {number}: a header before any path"
        entry = line.strip()
        if entry.startswith("!"):
            rules[-1].detached.append(entry[1:].strip())
            continue
        name, separator, value = entry.partition(":")
        assert separator and name and " " not in name and value.strip(), f"line {number}: {line!r}"
        assert name not in rules[-1].values, f"line {number}: {name} twice in one rule"
        rules[-1].values[name] = value.strip()
    return rules


def path_pattern(source):
    """A Netlify path (splat "*", placeholders ":name") as a regex."""
    pattern = ""
    for part in re.split(r"(\*|:[A-Za-z_]+)", source):
        if part == "*":
            pattern += ".*"
        elif part.startswith(":"):
            pattern += "[^/]+"
        else:
            pattern += re.escape(part)
    return re.compile(pattern + "$")


def netlify_headers(rules, path):
    """The headers Netlify sends for `path`: matching rules in order, a
    later rule's value replacing an earlier one's."""
    headers = {}
    for rule in rules:
        if path_pattern(rule.path).match(path):
            headers.update(rule.values)
    return headers


def cloudflare_headers(rules, path):
    """The headers Cloudflare Pages sends: matching rules in order; a
    header set by several is joined with ", " unless detached first."""
    headers = {}
    for rule in rules:
        if path_pattern(rule.path).match(path):
            for name in rule.detached:
                headers.pop(name, None)
            for name, value in rule.values.items():
                headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


def netlify_route(rules, path, exists, language=None):
    """(status, target) of the first rule Netlify applies to a request for
    `path` from a browser whose first language is `language`, or None
    when no rule applies. Unforced rules give way to existing files."""
    for rule in rules:
        if not path_pattern(rule.source).match(path):
            continue
        wanted = rule.conditions.get("Language")
        if wanted is not None and language not in wanted:
            continue
        if not rule.force and exists(path):
            continue
        return rule.status, rule.target
    return None


def parse_policy(text):
    """{directive: [sources]} of one Content-Security-Policy."""
    assert "," not in text, f"one policy expected, not a list: {text!r}"
    policy = {}
    for directive in filter(None, (part.strip() for part in text.split(";"))):
        name, *sources = directive.split()
        assert name not in policy, f"{name} twice in {text!r}"
        policy[name] = sources
    return policy


def parse_htaccess(text):
    """(ErrorDocument 404 targets, Content-Security-Policy values set)."""
    documents, policies = [], []
    for number, line in _significant_lines(text):
        entry = line.strip()
        if entry.startswith("ErrorDocument"):
            _, status, target = entry.split()
            assert status == "404" and target.startswith("/"), f"line {number}: {entry!r}"
            documents.append(target)
        elif entry.startswith("Header"):
            match = re.fullmatch(r'Header always set Content-Security-Policy "([^"]+)"', entry)
            assert match, f"line {number}: {entry!r}"
            policies.append(match.group(1))
        else:
            assert entry in ("<IfModule mod_headers.c>", "</IfModule>"), f"line {number}: {entry!r}"
    return documents, policies
