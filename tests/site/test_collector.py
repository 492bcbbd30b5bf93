"""What a build reads is kept from the garbage collector until it ends
(plugins/writing/collector.py), and a devserver's next build lets the
collector have the previous build's objects: nothing accumulates."""

import gc

from sitebuild import CONTENT, build_in_process


def test_a_devservers_builds_do_not_accumulate_frozen_objects(tmp_path):
    """Four builds in one process, as `make devserver` runs them."""
    build_in_process(CONTENT, tmp_path / "output", BUILD_PROCESSES=1)
    after_one = gc.get_freeze_count()
    for _ in range(3):
        build_in_process(CONTENT, tmp_path / "output", BUILD_PROCESSES=1)
    after_four = gc.get_freeze_count()
    gc.unfreeze()
    assert after_one > 10_000  # the build's objects were frozen
    assert after_four < after_one * 1.2
