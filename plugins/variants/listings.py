"""Every language's own listing pages, written in the one Pelican run:
/<lang>/ (home), /<lang>/category/<slug>/, /<lang>/tag/<slug>/,
/<lang>/archives/, /<lang>/404.html and /<lang>/feeds/atom.xml, plus the
root language chooser and 404 (the x-default)."""

import os
from collections import defaultdict
from dataclasses import dataclass, field

from pelican.generators import Generator

from .grouping import VariantError, group_variants
from .sitemap import write_sitemap


@dataclass
class Listing:
    """A category or tag as one language lists it."""

    name: str
    slug: str
    url: str
    articles: list = field(default_factory=list)

    @property
    def save_as(self):
        return self.url + "index.html"


class LanguageListingsGenerator(Generator):
    """Groups variants, then writes each language's listings."""

    def generate_context(self):
        self.languages = self.context["localisation"].languages
        codes = list(self.languages)
        # Messages name files as the author sees them: content/articles/...
        content_root = os.path.dirname(self.path)
        try:
            article_groups = group_variants(
                self.context["articles"]
                + self.context["hidden_articles"]
                + self.context["drafts"],
                "article",
                codes,
                content_root,
            )
            page_groups = group_variants(
                self.context["pages"]
                + self.context["hidden_pages"]
                + self.context["draft_pages"],
                "page",
                codes,
                content_root,
            )
        except VariantError as error:
            # A wrong page is worse than no page: stop the build here.
            raise SystemExit(f"ERROR: {error}") from None
        self.context["variant_groups"] = article_groups + page_groups

        self.articles_by_lang = defaultdict(list)
        for article in self.context["articles"]:  # already newest first
            self.articles_by_lang[article.lang].append(article)
        for articles in self.articles_by_lang.values():
            for newer, older in zip(articles, articles[1:]):
                older.next_in_language = newer
                newer.previous_in_language = older
        self.categories_by_lang = {}
        self.tags_by_lang = {}
        for code in codes:
            self.categories_by_lang[code] = self._listings(code, "category")
            self.tags_by_lang[code] = self._listings(code, "tag")
        # Every page, articles included, lists its own language's
        # categories and tags (Pelican's "categories" mixes languages).
        self.context["categories_by_lang"] = self.categories_by_lang
        self.context["tags_by_lang"] = self.tags_by_lang

    def _listings(self, code, kind):
        listings = {}
        for article in self.articles_by_lang[code]:
            # Pelican's Category and Tag objects, slugified by its settings.
            taxa = [article.category] if kind == "category" else getattr(article, "tags", [])
            for taxon in taxa:
                listing = listings.get(taxon.slug)
                if listing is None:
                    listing = Listing(taxon.name, taxon.slug, f"{code}/{kind}/{taxon.slug}/")
                    listings[taxon.slug] = listing
                listing.articles.append(article)
                if kind == "category":
                    article.category_listing = listing
                else:
                    article.tag_listings = getattr(article, "tag_listings", [])
                    article.tag_listings.append(listing)
        return sorted(listings.values(), key=lambda listing: listing.name.casefold())

    def generate_output(self, writer):
        for code, language in self.languages.items():
            self._write_language(writer, language)
        writer.write_file(
            "index.html",
            self.get_template("chooser"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_lang=None,
        )
        # 404 pages are served at any address, so their links are never
        # relative.
        writer.write_file(
            "404.html", self.get_template("chooser_404"), self.context, page_lang=None
        )
        if self.settings.get("SITEURL"):
            write_sitemap(self.output_path, self.context, self.settings)

    def _write_language(self, writer, language):
        code = language.code
        articles = self.articles_by_lang[code]
        common = {"page_lang": language}
        writer.write_file(
            f"{code}/index.html",
            self.get_template("index"),
            self.context,
            paginated={"articles": articles},
            template_name="index",
            url=f"{code}/",
            relative_urls=self.settings["RELATIVE_URLS"],
            articles=articles,
            **common,
        )
        for kind in ("category", "tag"):
            listings = (
                self.categories_by_lang[code]
                if kind == "category"
                else self.tags_by_lang[code]
            )
            for listing in listings:
                writer.write_file(
                    listing.save_as,
                    self.get_template("taxonomy"),
                    self.context,
                    paginated={"articles": listing.articles},
                    template_name="taxonomy",
                    url=listing.url,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    articles=listing.articles,
                    listing=listing,
                    listing_kind=kind,
                    **common,
                )
        writer.write_file(
            f"{code}/archives/index.html",
            self.get_template("archives"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            dates=articles,
            **common,
        )
        writer.write_file(
            f"{code}/404.html", self.get_template("404"), self.context, **common
        )
        feed_path = self.settings.get("LANGUAGE_FEED_ATOM")
        if feed_path:
            catalog = self.context["localisation"].catalogs[code]
            feed_context = dict(
                self.context,
                page_lang=language,
                SITENAME=catalog.gettext(self.settings["SITENAME"]),
            )
            path = feed_path.format(lang=code)
            writer.write_feed(articles, feed_context, path, path)
