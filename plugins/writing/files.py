"""A file written only when its bytes change: a rebuild leaves unchanged
pages untouched (their times too), so deploys and watchers see only what
changed."""

import io
import os


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
                with open(self.path, "wb") as target:
                    target.write(data)
        super().close()


def _read(path):
    with open(path, "rb") as source:
        return source.read()


def write_text_if_changed(path, text, encoding="utf-8"):
    """For files written outside the writer (the host files)."""
    with ChangedOnlyFile(str(path), encoding) as target:
        target.write(text)
