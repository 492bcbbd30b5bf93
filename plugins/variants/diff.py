"""`make diff KEY=<key> LANG=<lang>`: what the translation's source
changed since the revision the translation records, section by section
(aligned by heading), paragraph by paragraph, from the repository's own
history; in colour on a terminal, plain otherwise."""

import os

from .blocks import DIGEST_PREFIX
from .freshness import SOURCE_RULE, how_to_record
from .status import describe_changes

RED, GREEN, BOLD, RESET = "\033[31m", "\033[32m", "\033[1m", "\033[0m"
START = "(the start: title, summary and what comes before the first heading)"


class Painter:
    def __init__(self, colour):
        self.colour = colour

    def __call__(self, style, text):
        return f"{style}{text}{RESET}" if self.colour else text


def render_diff(key, translation, state, colour):
    """The diff as text, for a translation's Freshness (freshness.py)."""
    paint = Painter(colour)
    shown = os.path.relpath(translation.path)
    if state.rule != SOURCE_RULE:
        return (
            f"{shown} names no source, so nothing can be compared: it is stale or fresh by date. "
            f"`make status` shows the two lines that record its source."
        )
    changes = state.changes
    source = os.path.relpath(state.behind.path)
    if not changes.stale:
        return f"{shown} follows {source}: its text has not changed since revision {changes.revision[:14]}."
    if changes.changes is None:
        lines = [f"{source} has changed since revision {changes.revision[:14]}, recorded in {shown}."]
        if changes.revision.startswith(DIGEST_PREFIX):
            lines[0] += " That revision is a digest of its text: no history can give the old text back."
            lines.append("Headings and paragraphs new since then:" if changes.new_paragraphs else
                         "No heading or paragraph is new: some were removed or moved.")
            lines += [paint(GREEN, f"+ {block}") for block in changes.new_paragraphs]
            lines.append(
                f"To record a revision git can give back, commit {source}; then, once the translation "
                f"follows it, run `make translated KEY={key} LANG={translation.lang}`."
            )
        else:
            lines.append("Its history is not here (no git work tree): run `make diff` in the repository.")
        return "\n".join(lines)
    return "\n".join(_sections(changes, source, shown, paint, how_to_record(key, translation.lang)))


def _sections(changes, source, shown, paint, how_to_catch_up):
    yield paint(BOLD, f"{source} since revision {changes.revision[:14]} (recorded in {shown}):")
    yield describe_changes(changes.counts())
    for change in changes.changes.sections:
        if not change.changed:
            continue
        yield ""
        if change.old is None:
            yield paint(GREEN, f"+## {change.new.heading}") if change.new.heading else START
        elif change.new is None:
            yield paint(RED, f"-## {change.old.heading}") if change.old.heading else START
        elif change.new.heading is None:
            yield paint(BOLD, START)
        elif change.old.heading != change.new.heading:
            yield paint(RED, f"-## {change.old.heading}")
            yield paint(GREEN, f"+## {change.new.heading}")
        else:
            yield paint(BOLD, f"## {change.new.heading}")
        for tag, old, new in change.operations:
            if tag == "equal":
                continue
            for paragraph in old:
                yield paint(RED, f"- {paragraph}")
            for paragraph in new:
                yield paint(GREEN, f"+ {paragraph}")
    yield ""
    yield how_to_catch_up
