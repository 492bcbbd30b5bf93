"""Variants: every article and page linked to its translations, and every
language's listings, feeds and sitemap entries, in one Pelican run.

Needs plugins.errors and plugins.localisation before it. Gives the plugins
after it: `group` on every article and page (grouping.py), the fields
written once filled in on every article variant (shared.py),
`newer_variant`, `changed_sections` and `source_variant` on every published
article variant (freshness.py), and in the
context `layout` (layout.py), `language_places`, `article_groups`,
`page_groups`, and `sitemap_groups` (groups of pages that are each other's
language alternates; a plugin that writes such pages adds its groups).
"""

from pelican import signals

from .feeds import set_feed_language
from .hooks import (
    check_plugins,
    get_generators,
    group_articles,
    group_pages,
    install_layout,
)
from .listings import skip_pelicans_unaddressed_listings
from .shared import keep_variant_without_date


def register():
    signals.initialized.connect(check_plugins)
    signals.generator_init.connect(install_layout)
    signals.article_generator_context.connect(keep_variant_without_date)
    signals.article_generator_finalized.connect(group_articles)
    signals.article_generator_finalized.connect(skip_pelicans_unaddressed_listings)
    signals.page_generator_finalized.connect(group_pages)
    signals.get_generators.connect(get_generators)
    signals.feed_generated.connect(set_feed_language)
