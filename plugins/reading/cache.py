"""Pelican's cache of what its readers read, saved from a short-lived
process while the build goes on.

Pickling a str makes CPython keep the string's UTF-8 form inside it for the
rest of the process (PyUnicode_AsUTF8AndSize caches it). Saved in the
build's own process, the readers' cache of every article's HTML would leave
a second copy of the site's text in memory until the build ends (14 MiB of
a 116 MiB peak with 1,000 documents). Saved from a fork, the copies go with
the fork; the file written is Pelican's own, byte for byte. The build waits
for the fork only once every generator has read its content
(all_generators_finalized), so the saving overlaps the rest of reading; a
cache to which nothing was added is not written again.
"""

import functools
import logging
import weakref

from pelican.readers import Readers

from plugins.writing.processes import fork, succeeded

logger = logging.getLogger(__name__)


def save_readers_cache_apart(generator):
    readers = getattr(generator, "readers", None)
    if isinstance(readers, Readers) and generator.settings["CACHE_CONTENT"]:
        readers.cache_changed = False
        readers.cache_data = functools.partial(_cache_data_noting_change, readers, readers.cache_data)
        readers.save_cache = functools.partial(_save_from_fork, readers)


def _cache_data_noting_change(readers, cache_data, filename, data):
    readers.cache_changed = True
    cache_data(filename, data)


def wait_for_saved_caches(generators):
    for generator in generators:
        readers = getattr(generator, "readers", None)
        if readers is not None:
            _wait(readers)


def _save_from_fork(readers):
    """Saved only when something was read afresh: the cache on disk holds
    the same entries otherwise (Pelican never drops one)."""
    _wait(readers)
    if not readers.cache_changed:
        return
    readers.cache_changed = False
    readers.saving = Saving(fork(functools.partial(Readers.save_cache, readers)))
    # A build that stops before all_generators_finalized still reaps it.
    weakref.finalize(readers, readers.saving.wait)


class Saving:
    """A fork saving a cache, waited for once."""

    def __init__(self, pid):
        self.pid = pid

    def wait(self):
        pid, self.pid = self.pid, None
        return pid is None or succeeded(pid)


def _wait(readers):
    saving = getattr(readers, "saving", None)
    if saving is not None and not saving.wait():
        logger.warning("The content cache %s was not saved (see above); the next build reads every file again.",
                       readers._cache_path)
