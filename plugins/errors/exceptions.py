"""The exceptions plugins raise for mistakes an author or translator can fix."""

import os


class ContentError(Exception):
    """A mistake in the site's sources or settings. Its message names the
    file (and line, where there is one) and says what to do."""


class PluginOrderError(ContentError):
    """A plugin is missing from PLUGINS, or listed after a plugin that
    needs it."""


def require_plugins(settings, plugin, *needed):
    """Raise PluginOrderError unless every plugin in `needed` is listed in
    PLUGINS before `plugin`. Plugins call it when Pelican is initialised."""
    listed = [str(name) for name in settings.get("PLUGINS") or []]
    position = listed.index(plugin) if plugin in listed else len(listed)
    for name in needed:
        if name not in listed:
            raise PluginOrderError(
                f"pelicanconf.py: the {plugin} plugin needs {name}: add {name!r} "
                f"to PLUGINS, before {plugin!r}."
            )
        if listed.index(name) > position:
            raise PluginOrderError(
                f"pelicanconf.py: the {plugin} plugin needs {name} to run first: "
                f"list {name!r} before {plugin!r} in PLUGINS."
            )


def author_path(path, settings):
    """A source path as the author sees it, from the project's folder
    (content/articles/x/x.cy.md), for messages."""
    return os.path.relpath(os.path.join(settings["PATH"], path), os.path.dirname(settings["PATH"]))
