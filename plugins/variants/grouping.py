"""Groups every article and page with its translations.

A variant's group is its key (the folder, content/articles/<key>/), or its
Translation_id: metadata where the author set one; its language comes from
the file name (<key>.<lang>.md) or a Lang: line. Localised slugs never
break a group.
"""

import os
from dataclasses import dataclass, field

from plugins.errors.exceptions import ContentError, author_path
from plugins.reading.reader import metadata_line

from .layout import slug_problem
from .naming import dotted_stem, parse_name


class VariantError(ContentError):
    """Content whose language or group is wrong; the message says how."""


@dataclass
class VariantGroup:
    """One article (or page) in every language it is written in."""

    key: str
    kind: str  # "article" or "page"
    by_lang: dict = field(default_factory=dict)
    variants: list = field(default_factory=list)  # the published ones, in site order

    def get(self, code):
        return self.by_lang.get(code)

    def linked(self, code, here):
        """The variant in `code` that the page of `here` links to: a
        published one, or `here` itself. A hidden or draft variant is
        linked from no other language (switcher, hreflang, JSON-LD), as
        the sitemap leaves it out."""
        variant = self.by_lang.get(code)
        return variant if variant is here or variant in self.variants else None


def group_key(content):
    """The key that names an article in every language: its Translation_id,
    else its folder (content/articles/<key>/), else its file name's stem."""
    metadata = content.metadata
    if metadata.get("translation_id"):
        return str(metadata["translation_id"])
    if metadata.get("key"):
        return metadata["key"]
    name = parse_name(os.path.basename(content.source_path))
    return name.stem if name else os.path.basename(content.source_path).split(".")[0]


def check_language(content, languages, settings):
    """The variant's language must be one of the site's, and stated."""
    stated = content.metadata.get("lang")
    suffix = parse_name(os.path.basename(content.source_path))
    if (stated or suffix) and content.lang in languages:
        return
    path = author_path(content.source_path, settings)
    site = ", ".join(languages)
    dotted = dotted_stem(os.path.basename(content.source_path))
    if dotted is not None:
        undotted = dotted.replace(".", "-")
        raise VariantError(
            f"{path}: {dotted!r} has a dot in it, and a dot ends the key in a file name "
            f"(<key>.<lang>.md): rename the file (and its folder) without one, e.g. "
            f"{undotted}/{undotted}.<lang>.md."
        )
    if not stated and not suffix:
        raise VariantError(
            f"{path}: no language in the file name. Name it "
            f"<key>.<lang>.md with <lang> one of the site's languages: {site}."
        )
    if content.lang not in languages:
        raise VariantError(
            f"{path}: language {content.lang!r} is not one of the site's "
            f"languages ({site}). Rename the file to <key>.<lang>.md with one "
            "of those, or add the language to LANGUAGES in pelicanconf.py."
        )


def check_slug(content, settings):
    """The variant's slug must be one safe folder name: it is {slug} in
    every URL pattern."""
    problem = slug_problem(getattr(content, "slug", None))
    if problem is None:
        return
    line = metadata_line(content.source_path, "slug")
    where = author_path(content.source_path, settings) + (f":{line}" if line else "")
    origin = "Slug:" if line else "Its slug (from the file name or Title:)"
    raise VariantError(
        f"{where}: {origin} {content.slug!r} {problem}; give it a Slug: of one short "
        "path segment (letters, digits, hyphens)."
    )


def group_variants(contents, kind, languages, settings):
    """Return the groups of `contents`, in order of first appearance, and
    attach each variant's group to it as `.group`."""
    problems = []
    groups = {}
    for content in contents:
        try:
            check_language(content, languages, settings)
            check_slug(content, settings)
        except VariantError as error:
            problems.append(str(error))
            continue
        key = group_key(content)
        group = groups.setdefault(key, VariantGroup(key=key, kind=kind))
        other = group.by_lang.get(content.lang)
        if other is not None:
            first, second = sorted(
                author_path(c.source_path, settings) for c in (other, content)
            )
            via = (
                " (its Translation_id points at that group)"
                if content.metadata.get("translation_id")
                or other.metadata.get("translation_id")
                else ""
            )
            problems.append(
                f"{first} and {second} are both the {content.lang!r} variant of "
                f"{kind} {key!r}{via}. Keep one, or give the other its own key "
                "or language."
            )
            continue
        group.by_lang[content.lang] = content
    if problems:
        raise VariantError("\nERROR: ".join(problems))
    for group in groups.values():
        # Drafts and hidden variants are grouped (so clashes show) but
        # never linked from another variant.
        group.variants = [
            group.by_lang[code]
            for code in languages
            if code in group.by_lang and group.by_lang[code].status == "published"
        ]
        for variant in group.by_lang.values():
            variant.group = group
            # Pelican expands a content's URL pattern on every access, and
            # switchers, hreflang links and listings read each variant's URL
            # many times: pin it once (Pelican honours override_url).
            variant.override_url = variant.url
    return list(groups.values())
