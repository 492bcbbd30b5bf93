"""A language's feed says its language (xml:lang) and points at that
language's home rather than the site root."""


def set_feed_language(context, feed):
    language = context.get("page_lang")
    if language is None:
        return
    feed.feed["language"] = language.code
    home = f"{context['SITEURL'].rstrip('/')}/{context['language_places'][language.code].home.url}"
    feed.feed["link"] = home
    feed.feed["id"] = home
