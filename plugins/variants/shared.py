"""Fields written once: what is not language-specific (the date, the
series and the part's index) is stated in one variant and inherited by the
others, filled in once the variants are grouped, before the plugins after
this one (comments, series) read them.

A variant inherits a field it does not state from the variant it is
translated from (Translated_from:), else from the variants of its article
that state it (which must agree). A translation that states a value
other than its source's says so with `Overrides: <field>, ...`; without
that line the contradiction is an error.
"""

from datetime import datetime, timezone

from pelican.utils import order_content

from plugins.errors.exceptions import author_path
from plugins.reading.reader import metadata_line

from .grouping import VariantError
from .provenance import TRANSLATED_FROM

SHARED_FIELDS = ("date", "series", "series_index")
OVERRIDES = "overrides"
# Pelican skips an article without a date before any group is known: a
# variant that inherits its date carries this one until then.
DATE_TO_INHERIT = "date_to_inherit"
PLACEHOLDER_DATE = datetime(1970, 1, 1, tzinfo=timezone.utc)


class SharedFieldError(VariantError):
    """A shared field that cannot be inherited, or contradicts its source."""


def keep_variant_without_date(generator, metadata):
    """article_generator_context: a variant with no Date: line is kept, to
    inherit its date from its group."""
    if "date" not in metadata:
        metadata["date"] = PLACEHOLDER_DATE
        metadata[DATE_TO_INHERIT] = True


def _stated(variant, name):
    if name == "date":
        return not variant.metadata.get(DATE_TO_INHERIT)
    return variant.metadata.get(name) not in (None, "")


def _overridden(variant):
    raw = variant.metadata.get(OVERRIDES) or ""
    return {name.strip().lower() for name in str(raw).split(",") if name.strip()}


def _shown(value):
    return value.date().isoformat() if isinstance(value, datetime) and value.time() == datetime.min.time() \
        else str(value)


def inherit_shared_fields(groups, settings):
    """Fill in every variant's shared fields from its group; True when a
    date was inherited (the listings' order may then change)."""
    problems = []
    dates_inherited = False
    for group in groups:
        for name in SHARED_FIELDS:
            resolved = {}
            for variant in group.by_lang.values():
                try:
                    _resolve(group, variant, name, resolved, settings)
                except SharedFieldError as error:
                    problems.append(str(error))
        for variant in group.by_lang.values():
            if variant.metadata.get(DATE_TO_INHERIT):
                dates_inherited = True
                if variant.metadata["date"] is PLACEHOLDER_DATE:
                    problems.append(
                        f"{author_path(variant.source_path, settings)}: no Date: line, and no variant of "
                        f"{group.key!r} has one to inherit. Add Date: YYYY-MM-DD."
                    )
    if problems:
        raise SharedFieldError("\nERROR: ".join(dict.fromkeys(problems)))
    return dates_inherited


def _resolve(group, variant, name, resolved, settings, chain=()):
    """The variant's value of a shared field (None: none anywhere), set on
    it; `resolved` memoises by language."""
    if variant.lang in resolved:
        return resolved[variant.lang]
    source = group.by_lang.get(str(variant.metadata.get(TRANSLATED_FROM) or "").strip())
    # provenance.source_languages reports bad sources and cycles
    if source is variant or source is None or source.lang in chain:
        source = None
    inherited = _resolve(group, source, name, resolved, settings, chain + (variant.lang,)) if source else None
    if _stated(variant, name):
        value = variant.metadata[name]
        if source is not None and inherited is not None and value != inherited and name not in _overridden(variant):
            line = metadata_line(variant.source_path, name)
            where = author_path(variant.source_path, settings) + (f":{line}" if line else "")
            raise SharedFieldError(
                f"{where}: {name.capitalize()}: {_shown(value)} contradicts {_shown(inherited)} of "
                f"{author_path(source.source_path, settings)}, which it is translated from. Delete the "
                f"line to inherit it, or add `Overrides: {name}` if this variant differs on purpose."
            )
    elif source is not None:
        value = inherited
    else:
        stating = {
            _shown(other.metadata[name]): other
            for other in group.by_lang.values()
            if other is not variant and _stated(other, name)
        }
        if len(stating) > 1:
            described = "; ".join(
                f"{author_path(other.source_path, settings)} says {shown}" for shown, other in stating.items()
            )
            raise SharedFieldError(
                f"{author_path(variant.source_path, settings)}: no {name.capitalize()}: line, and the "
                f"variants of {group.key!r} state different ones ({described}). Add Translated_from: "
                f"<lang> to inherit its source's, or write the line."
            )
        value = next(iter(stating.values())).metadata[name] if stating else None
    resolved[variant.lang] = value
    if value is not None and not _stated(variant, name):
        variant.metadata[name] = value
        if name == "date":
            # as Pelican's Content sets it: in the variant's time zone
            variant.date = value if value.tzinfo else value.replace(tzinfo=variant.timezone)
            variant.locale_date = variant.date.strftime(variant.date_format)
        else:
            setattr(variant, name, value)
    return value


def reorder_by_date(generator):
    """Pelican orders articles by date before any group is known: order
    again once inherited dates are in."""
    order_by = generator.settings["ARTICLE_ORDER_BY"]
    for name in ("articles", "hidden_articles", "drafts"):
        listed = getattr(generator, name)
        listed[:] = order_content(listed, order_by)
    generator.dates.sort(key=lambda article: article.date, reverse=generator.context["NEWEST_FIRST_ARCHIVES"])
