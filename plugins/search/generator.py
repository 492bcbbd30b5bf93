"""Writes each language's search page. Every page's header links its own
language's one (base.html reads `search_pages`)."""

from pelican.generators import Generator

from .page import search_page
from .pagefind_index import BUNDLE_SCRIPT


class SearchPagesGenerator(Generator):
    def generate_context(self):
        languages = self.context["localisation"].languages
        self.context["search_pages"] = {
            code: search_page(self.settings, code) for code in languages
        }

    def generate_output(self, writer):
        for code, language in self.context["localisation"].languages.items():
            page = self.context["search_pages"][code]
            writer.write_file(
                page.save_as,
                self.get_template("search"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                page_lang=language,
                search_page=page,
                search_bundle=BUNDLE_SCRIPT,
            )
