"""Pelican's caches read and written safely, and the readers' cache saved
from a short-lived process while the build goes on.

Pelican's FileDataCacher (behind the readers' caches and our own
BuiltPages and CommentThreads) writes its file in place, so a build killed
while saving, or a full disk, leaves a truncated file; and it reads it
catching only pickle's own errors, so that file ended every later build in
EOFError. Its loading and saving are replaced, once, for every cache
(read_and_write_caches_safely): saved to a temporary name and renamed
(plugins/writing/files.py), and a cache that cannot be read is set aside
with one warning and rebuilt.

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
import pickle
import weakref

from pelican.cache import FileDataCacher
from pelican.readers import Readers
from pelican.utils import mkdir_p

from plugins.writing.files import atomic_file
from plugins.writing.processes import fork, succeeded

logger = logging.getLogger(__name__)

_PELICAN_CACHER_INIT = FileDataCacher.__init__


def read_and_write_caches_safely():
    FileDataCacher.__init__ = _init_loading_safely
    FileDataCacher.save_cache = _save_atomically


def _init_loading_safely(cacher, settings, cache_name, caching_policy, load_policy):
    _PELICAN_CACHER_INIT(cacher, settings, cache_name, caching_policy, False)
    if load_policy:
        cacher._cache = _load(cacher._cache_path, cacher._cache_open)


def _load(path, opener):
    try:
        with opener(path, "rb") as kept:
            cache = pickle.load(kept)
    except FileNotFoundError:  # the first build
        return {}
    except Exception as error:  # EOFError, UnpicklingError, a class since moved, ...
        logger.warning("The cache %s cannot be read (%s); it is set aside and rebuilt.",
                       path, str(error) or type(error).__name__)
        return {}
    if not isinstance(cache, dict):
        logger.warning("The cache %s holds no cache; it is set aside and rebuilt.", path)
        return {}
    return cache


def _save_atomically(cacher):
    if not cacher._cache_data_policy:
        return
    try:
        mkdir_p(cacher.settings["CACHE_PATH"])
        with atomic_file(cacher._cache_path, cacher._cache_open) as kept:
            pickle.dump(cacher._cache, kept)
    except (OSError, pickle.PicklingError, TypeError) as error:
        logger.warning("The cache %s could not be saved (%s); the next build rebuilds it.",
                       cacher._cache_path, error)


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
