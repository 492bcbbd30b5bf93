"""The files a paginated listing writes, page by page, split as Pelican's
Writer.write_file splits it, so that a rebuild renders again only the pages
whose entries changed (a new comment changes one entry's count on one
page of its language's home, not the other pages)."""

import inspect
import os

from pelican.paginator import Paginator
from pelican.writers import Writer

_WRITE_FILE = inspect.signature(Writer.write_file)


def listing_pages(job, settings):
    """[(file, [the objects each of its paginators puts on it])] for a job
    Pelican paginates; None for a job it writes as one file."""
    name, template, context, args, kwargs = job
    if "template_name" not in kwargs and len(args) < 3:  # Pelican paginates by template_name
        return None
    arguments = _WRITE_FILE.bind(None, name, template, context, *args, **kwargs).arguments
    extra = arguments.get("kwargs", {})
    paginated = arguments.get("paginated")
    if paginated is None:
        paginated = {key: value for key, value in extra.items() if key in {"articles", "dates"}}
    template_name = arguments.get("template_name")
    if not paginated or template_name not in settings["PAGINATED_TEMPLATES"]:
        return None
    per_page = settings["PAGINATED_TEMPLATES"][template_name] or settings["DEFAULT_PAGINATION"]
    paginators = [Paginator(name, arguments.get("url"), objects, settings, per_page) for objects in paginated.values()]
    pages = []
    for number in range(1, paginators[0].num_pages + 1):
        on_page = [paginator.page(number) for paginator in paginators]
        # Pelican names the file after the last paginator's page.
        pages.append((on_page[-1].save_as, [page.object_list for page in on_page]))
    return pages


class ReusingTemplate:
    """A template that gives, for the files in ``unchanged``, the text they
    already hold instead of rendering them again: the writer then finds
    their bytes the same and leaves them."""

    def __init__(self, template, output_path, unchanged):
        self.template, self.output_path, self.unchanged = template, output_path, unchanged
        self.name = template.name

    def render(self, context):
        name = context["output_file"]
        if name in self.unchanged:
            with open(os.path.join(self.output_path, name), encoding="utf-8", newline="") as kept:
                return kept.read()
        return self.template.render(context)
