"""Every language's own listing pages, written in the one Pelican run: its
home, categories, tags, archives, 404 and feed, at the places the layout
gives (layout.py), plus the root language chooser and 404 (the x-default)."""

from collections import defaultdict
from dataclasses import dataclass, field

from pelican.generators import Generator

from plugins.errors.exceptions import author_path
from plugins.reading.reader import metadata_line

from .grouping import VariantError
from .layout import slug_problem
from .sitemap import write_robots, write_sitemap


# Pelican's own listing steps, and the setting that gives their pages'
# address: this plugin writes each language's instead (pelicanconf.py
# sets those addresses empty).
PELICAN_LISTING_STEPS = {"generate_tags": "TAG_SAVE_AS", "generate_categories": "CATEGORY_SAVE_AS",
                         "generate_authors": "AUTHOR_SAVE_AS"}


def skip_pelicans_unaddressed_listings(generator):
    """Pelican's ArticlesGenerator, for every tag, category and author,
    picks that listing's articles out of all of them by date (a search of
    a list per article: time that grows as articles times listings, a
    tenth of a rebuild at GROUPS=1000), and only then finds the page has
    no address and writes nothing. Where the address is empty, that step
    is skipped on this generator."""
    for step, setting in PELICAN_LISTING_STEPS.items():
        if not generator.settings.get(setting):
            setattr(generator, step, _write_nothing)


def _write_nothing(write):
    """What Pelican's listing step writes when its pages have no address."""


@dataclass
class Listing:
    """A category or tag as one language lists it."""

    name: str
    slug: str
    url: str
    save_as: str
    articles: list = field(default_factory=list)


class LanguageListingsGenerator(Generator):
    """Writes each language's listings; the variants are grouped already
    (grouping.py, when Pelican has read the articles and pages)."""

    def generate_context(self):
        self.languages = self.context["localisation"].languages
        self.layout = self.context["layout"]
        self.articles_by_lang = defaultdict(list)
        for article in self.context["articles"]:  # already newest first
            self.articles_by_lang[article.lang].append(article)
        for articles in self.articles_by_lang.values():
            for newer, older in zip(articles, articles[1:]):
                older.next_in_language = newer
                newer.previous_in_language = older
        self.categories_by_lang = {}
        self.tags_by_lang = {}
        for code in self.languages:
            self.categories_by_lang[code] = self._listings(code, "category")
            self.tags_by_lang[code] = self._listings(code, "tag")
        # Every page, articles included, lists its own language's
        # categories and tags (Pelican's "categories" mixes languages).
        self.context["categories_by_lang"] = self.categories_by_lang
        self.context["tags_by_lang"] = self.tags_by_lang

    def _listings(self, code, kind):
        listings = {}
        for article in self.articles_by_lang[code]:
            # Pelican's Category and Tag objects, slugified by its settings;
            # an article without a Category: line is listed under none.
            if kind == "category":
                taxa = [article.category] if hasattr(article, "category") else []
            else:
                taxa = getattr(article, "tags", [])
            for taxon in taxa:
                self._check_slug(article, kind, taxon)
                listing = listings.get(taxon.slug)
                if listing is None:
                    place = self.layout.place(kind, code, taxon.slug)
                    listing = Listing(taxon.name, taxon.slug, place.url, place.save_as)
                    listings[taxon.slug] = listing
                listing.articles.append(article)
                if kind == "category":
                    article.category_listing = listing
                else:
                    article.tag_listings = getattr(article, "tag_listings", [])
                    article.tag_listings.append(listing)
        return sorted(listings.values(), key=lambda listing: listing.name.casefold())

    def _check_slug(self, article, kind, taxon):
        """A category or tag whose name slugifies to nothing (or too much)
        would have no page of its own: refused, naming the file."""
        problem = slug_problem(taxon.slug)
        if problem is None:
            return
        field = "Category" if kind == "category" else "Tags"
        line = metadata_line(article.source_path, field)
        where = author_path(article.source_path, self.settings) + (f":{line}" if line else "")
        raise VariantError(
            f"{where}: {field}: {taxon.name!r} gives the address part {taxon.slug!r}, which {problem}; "
            "name it with at least one letter or digit, and shorter."
        )

    def generate_output(self, writer):
        for language in self.languages.values():
            self._write_language(writer, language)
        writer.write_file(
            self.layout.root.save_as,
            self.get_template("chooser"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_lang=None,
        )
        # 404 pages are served at any address, so their links are never
        # relative.
        writer.write_file(
            self.layout.root_not_found.save_as,
            self.get_template("chooser_404"),
            self.context,
            page_lang=None,
        )
        if self.settings.get("SITEURL"):
            write_sitemap(writer, self.context, self.settings)
        write_robots(writer, self.settings)

    def _write_language(self, writer, language):
        code = language.code
        places = self.context["language_places"][code]
        articles = self.articles_by_lang[code]
        common = {"page_lang": language, "relative_urls": self.settings["RELATIVE_URLS"]}
        writer.write_file(
            places.home.save_as,
            self.get_template("index"),
            self.context,
            paginated={"articles": articles},
            template_name="index",
            url=places.home.url,
            articles=articles,
            **common,
        )
        for kind, listings in (
            ("category", self.categories_by_lang[code]),
            ("tag", self.tags_by_lang[code]),
        ):
            for listing in listings:
                writer.write_file(
                    listing.save_as,
                    self.get_template("taxonomy"),
                    self.context,
                    paginated={"articles": listing.articles},
                    template_name="taxonomy",
                    url=listing.url,
                    articles=listing.articles,
                    listing=listing,
                    listing_kind=kind,
                    **common,
                )
        writer.write_file(
            places.archives.save_as,
            self.get_template("archives"),
            self.context,
            dates=articles,
            **common,
        )
        writer.write_file(
            places.not_found.save_as,
            self.get_template("404"),
            self.context,
            page_lang=language,
        )
        if places.feed is not None:
            catalog = self.context["localisation"].catalogs[code]
            feed_context = dict(
                self.context,
                page_lang=language,
                SITENAME=catalog.gettext(self.settings["SITENAME"]),
            )
            writer.write_feed(articles, feed_context, places.feed.save_as, places.feed.url)
