"""What the variants plugin does at each step of Pelican's run."""

from plugins.errors.exceptions import require_plugins

from .freshness import mark_outdated
from .grouping import group_variants
from .layout import Layout
from .listings import LanguageListingsGenerator
from .shared import inherit_shared_fields, reorder_by_date


def check_plugins(pelican):
    require_plugins(pelican.settings, "plugins.variants", "plugins.errors", "plugins.localisation")


def install_layout(generator):
    """The build's URL layout, and each language's own pages, for every
    plugin and template (a LayoutSettingError stops the build)."""
    context = generator.context
    if "layout" not in context:
        layout = Layout(generator.settings)
        context["layout"] = layout
        context["language_places"] = {
            code: layout.language_places(code) for code in context["localisation"].languages
        }


def group_articles(generator):
    """Groups every article variant once Pelican has read them all, before
    the plugins after this one (comments, series) look at them, fills in
    the fields written once (shared.py), and marks the stale variants
    (freshness.py)."""
    groups = generator.context["article_groups"] = group_variants(
        generator.articles
        + generator.translations
        + generator.hidden_articles
        + generator.hidden_translations
        + generator.drafts
        + generator.drafts_translations,
        "article",
        list(generator.context["localisation"].languages),
        generator.settings,
    )
    if inherit_shared_fields(groups, generator.settings):
        reorder_by_date(generator)
    mark_outdated(groups, generator.settings)
    generator.context.setdefault("sitemap_groups", []).extend(groups)


def group_pages(generator):
    groups = generator.context["page_groups"] = group_variants(
        generator.pages
        + generator.translations
        + generator.hidden_pages
        + generator.hidden_translations
        + generator.draft_pages
        + generator.draft_translations,
        "page",
        list(generator.context["localisation"].languages),
        generator.settings,
    )
    generator.context.setdefault("sitemap_groups", []).extend(groups)


def get_generators(pelican):
    return LanguageListingsGenerator
