"""make rsync_upload, with the real rsync, to a folder standing for the
server: it mirrors the build, sends nothing the second time, removes what
the site dropped, shows changes without making them under DRY_RUN=1, and
sends nothing at all when the build fails or warns."""

import pytest

from project_copy import SITEURL, break_build, copy_project, make, tree


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def upload(project, target, *extra):
    return make(project, "rsync_upload", f"SITEURL={SITEURL}", f"RSYNC_TARGET={target}/", *extra)


def test_rsync_upload_mirrors_the_build_and_sends_only_what_changed(project, tmp_path):
    target = tmp_path / "server" / "www"
    target.mkdir(parents=True)
    first = upload(project, target)
    assert first.returncode == 0, first.stdout + first.stderr
    assert tree(target) == tree(project / "output")
    assert (target / "_redirects").is_file() and (target / "cy" / ".htaccess").is_file()

    # The build rewrites every file; rsync compares contents and sends none.
    second = upload(project, target)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Number of regular files transferred: 0" in second.stdout
    assert "Number of deleted files: 0" in second.stdout

    # An article withdrawn (with its comments) leaves the server too.
    article = project / "content" / "articles" / "five-misconceptions"
    for path in article.iterdir():
        path.unlink()
    article.rmdir()
    (project / "content" / "comments" / "five-misconceptions.cy.json").unlink()
    before = tree(target)
    dry = upload(project, target, "DRY_RUN=1")
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert "*deleting   cy/five-misconceptions/index.html" in dry.stdout
    assert tree(target) == before

    third = upload(project, target)
    assert third.returncode == 0, third.stdout + third.stderr
    assert not (target / "cy" / "five-misconceptions").exists()
    assert tree(target) == tree(project / "output")


@pytest.mark.parametrize("how", ["error", "warning"])
def test_a_build_that_fails_or_warns_is_not_uploaded(project, tmp_path, how):
    target = tmp_path / "www"
    target.mkdir()
    assert upload(project, target).returncode == 0
    before = tree(target)
    cause = break_build(project / "content", how)
    result = upload(project, target)
    assert result.returncode != 0
    assert cause in result.stdout + result.stderr
    assert "rsync" not in result.stdout.replace("rsync_upload", "")
    assert tree(target) == before


def test_no_target_says_where_to_set_one(project):
    result = make(project, "rsync_upload", f"SITEURL={SITEURL}")
    assert result.returncode != 0
    assert "RSYNC_TARGET" in result.stderr and "publishconf.py" in result.stderr


def test_the_settings_come_from_publishconf_when_not_given(project, tmp_path):
    target = tmp_path / "from-settings"
    settings = project / "publishconf.py"
    settings.write_text(settings.read_text("utf-8").replace(
        'RSYNC_TARGET = ""', f'RSYNC_TARGET = "{target}/"'
    ) + f'SITEURL = "{SITEURL}/mmr"\n', "utf-8")
    result = make(project, "rsync_upload")
    assert result.returncode == 0, result.stdout + result.stderr
    assert tree(target) == tree(project / "output")
    assert f'href="{SITEURL}/mmr/cy/"' in (target / "index.html").read_text("utf-8")


def test_a_draft_is_never_uploaded(project, tmp_path):
    target = tmp_path / "www"
    target.mkdir()
    draft = project / "content" / "articles" / "is-it-engagement" / "is-it-engagement.it.md"
    draft.write_text("Status: draft\n" + draft.read_text("utf-8"), "utf-8")
    assert make(project, "html").returncode == 0  # the author's preview has it
    assert (project / "output" / "drafts" / "it" / "is-it-engagement" / "index.html").is_file()
    result = upload(project, target)
    assert result.returncode == 0, result.stdout + result.stderr
    sent = tree(target)
    assert not [name for name in sent if name.startswith("drafts/") or "it/is-it-engagement/" in name]
    assert not [name for name, data in sent.items() if b"drafts/" in data]
