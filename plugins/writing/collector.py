"""Python's garbage collector kept off the build's own objects.

What Pelican reads lives until the build ends, yet the collector scans it
again and again, and once more as the interpreter exits (a tenth of a
rebuild at GROUPS=1000). Frozen (gc.freeze) once read, those objects are
no longer scanned, nor written to by the collector in the processes forked
to render, so those processes share their memory pages. They stay frozen
when the build ends; a devserver's next build unfreezes them first, so the
previous build's objects are collected then and nothing accumulates."""

import gc


def unfreeze_previous_build(pelican):
    if gc.get_freeze_count():  # a devserver's earlier build
        gc.unfreeze()
        gc.collect()


def freeze_what_was_read(*_, **__):
    gc.freeze()
