"""The devserver an author keeps open (make devserver): rebuilds the site
and the changed language's search index on every save, serves output/,
and reloads the page open in the browser by itself.

Not a Pelican plugin (it has no register()): it runs Pelican, in
``python -m plugins.devserver``, taking Pelican's own arguments. It lives
here beside the plugins whose output it serves; nothing of it is written
into output/, so no build, and no `make publish` build, ever carries it.
"""
