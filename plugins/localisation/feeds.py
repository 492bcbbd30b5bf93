"""Feeds say their language (xml:lang on Atom's root element)."""


def set_feed_language(context, feed):
    language = context.get("page_lang")
    if language is not None:
        feed.feed["language"] = language.code
