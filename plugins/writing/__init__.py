"""Writing: every page rendered in its own language, on every core, and
written only when its bytes change; templates compiled once and kept
(templates.py); the garbage collector kept off what was read (collector.py).

Listed after every plugin that writes pages (their generators must have
queued them before this one's renders them all).
"""

from pelican import signals

from plugins.errors.exceptions import require_plugins

from .collector import freeze_what_was_read, unfreeze_previous_build
from .generator import RenderingGenerator
from .processes import say_when_one_process
from .templates import keep_compiled_templates
from .writer import PageWriter


def check_plugins(pelican):
    require_plugins(pelican.settings, "plugins.writing", "plugins.errors", "plugins.localisation")


def get_writer(pelican):
    return PageWriter


def get_generators(pelican):
    return RenderingGenerator


def register():
    signals.initialized.connect(check_plugins)
    signals.initialized.connect(unfreeze_previous_build)
    signals.initialized.connect(say_when_one_process)
    signals.article_generator_pretaxonomy.connect(freeze_what_was_read)
    signals.all_generators_finalized.connect(freeze_what_was_read)
    signals.finalized.connect(freeze_what_was_read)
    signals.get_writer.connect(get_writer)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(keep_compiled_templates)
