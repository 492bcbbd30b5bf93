"""Before Pelican looks for sources: a folder link that leads back to a
folder it is in (content/articles/self -> .) would have Pelican find every
file under it again at each level, until the system's limit, and report
each copy. It is refused once, naming the link."""

import os

from plugins.errors.exceptions import ContentError, author_path


class LinkLoopError(ContentError):
    """A link under the content folder leads back into itself."""


def refuse_link_loops(generator):
    root = generator.path
    for folder, subfolders, _ in os.walk(root):  # links are listed, not followed
        here = os.path.realpath(folder)
        for name in sorted(subfolders):
            path = os.path.join(folder, name)
            target = os.path.realpath(path)
            if os.path.islink(path) and (here == target or here.startswith(target + os.sep)):
                settings = generator.settings
                link = author_path(os.path.relpath(path, root), settings)
                raise LinkLoopError(
                    f"{link}: a link to {author_path(os.path.relpath(target, root), settings)}, a folder it is "
                    "in, so every file under it would be found again and again; remove the link (or point "
                    "it outside the content folder)."
                )
