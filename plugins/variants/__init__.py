"""Variants: every article and page linked to its translations, and every
language's listings, feeds and sitemap entries, in one Pelican run."""

from pelican import signals

from .listings import LanguageListingsGenerator


def get_generators(pelican):
    return LanguageListingsGenerator


def register():
    signals.get_generators.connect(get_generators)
