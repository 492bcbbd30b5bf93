"""Writes each language's search page, where the URL layout puts it
(layout "search"); every page's header form leads to its own language's."""

from pelican.generators import Generator

from .pagefind_index import bundle_script


class SearchPagesGenerator(Generator):
    def generate_output(self, writer):
        for code, language in self.context["localisation"].languages.items():
            page = self.context["language_places"][code].search
            writer.write_file(
                page.save_as,
                self.get_template("search"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                page_lang=language,
                search_bundle=bundle_script(code),
            )
