"""The one place every page passes: the writer tells each template which
language it is rendering, so gettext, dates and dir follow the page."""

from pelican.writers import Writer


class LocalisingWriter(Writer):
    def write_file(self, name, template, context, *args, **kwargs):
        if "page_lang" not in kwargs:
            content = kwargs.get("article") or kwargs.get("page")
            if content is not None:
                kwargs["page_lang"] = context["localisation"].languages[content.lang]
            else:
                # Pages that speak every language (the root chooser).
                kwargs["page_lang"] = None
        return super().write_file(name, template, context, *args, **kwargs)


def get_localising_writer(pelican):
    return LocalisingWriter
