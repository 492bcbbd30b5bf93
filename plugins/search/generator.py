"""Writes each language's search page, where the URL layout puts it
(layout "search"); every page's header form leads to its own language's."""

from pelican.generators import Generator

from .pagefind_index import bundle_script


class SearchPagesGenerator(Generator):
    def generate_output(self, writer):
        places = self.context["language_places"]
        languages = self.context["localisation"].languages
        search_pages = {code: places[code].search.url for code in languages}
        for code, language in languages.items():
            page = places[code].search
            writer.write_file(
                page.save_as,
                self.get_template("search"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                page_lang=language,
                search_bundle=bundle_script(code),
                search_pages=search_pages,
            )
