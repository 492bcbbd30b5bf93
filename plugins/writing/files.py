"""Files written whole or not at all, and only when their bytes change.

Every output and cache file the build writes is written to a temporary
name beside it and renamed into place, so a build killed, or a disk that
fills, mid-write never leaves a truncated file where a page or a cache
belongs. A page whose bytes are the same is not rewritten (its time
neither), so deploys and watchers see only what changed."""

import contextlib
import io
import os

# The temporary names: a hidden file beside the target, named after it
# and the writing process; left over only by a build that was killed, and
# swept by the next (outputs.py).
PARTIAL = ".partial"


def partial_name(path):
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.{os.getpid()}{PARTIAL}")


def is_partial(name):
    return name.startswith(".") and name.endswith(PARTIAL)


@contextlib.contextmanager
def atomic_file(path, opener=open):
    """A binary file to write, which takes path's place once closed; on
    any error it is removed and path left as it was."""
    temporary = partial_name(path)
    try:
        with opener(temporary, "wb") as target:
            yield target
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_atomically(path, data):
    with atomic_file(path) as target:
        target.write(data)


class ChangedOnlyFile(io.StringIO):
    """Collects the text; on close writes it to `path` unless the file
    there already holds exactly these bytes."""

    def __init__(self, path, encoding):
        super().__init__()
        self.path = path
        self.target_encoding = encoding

    def close(self):
        if not self.closed:
            data = self.getvalue().encode(self.target_encoding)
            try:
                same = os.path.getsize(self.path) == len(data) and _read(self.path) == data
            except OSError:
                same = False
            if not same:
                write_atomically(self.path, data)
        super().close()


def _read(path):
    with open(path, "rb") as source:
        return source.read()
