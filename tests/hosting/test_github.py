"""make github, with the real ghp-import and git, into a local bare
repository standing for the git host: the branch holds exactly output/'s
files and .nojekyll, each deploy adds a commit on top of the last, an
unchanged site adds none, and a build that fails or warns is never
committed."""

import subprocess
import tarfile
from io import BytesIO

import pytest

from project_copy import SITEURL, break_build, copy_project, make, tree


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


@pytest.fixture
def remote(tmp_path):
    bare = tmp_path / "pages.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(bare)], check=True)
    return bare


def git(remote, *arguments):
    return subprocess.run(["git", f"--git-dir={remote}", *arguments], capture_output=True,
                          check=True).stdout


def branch_files(remote, branch="gh-pages"):
    with tarfile.open(fileobj=BytesIO(git(remote, "archive", branch))) as archive:
        return {member.name: archive.extractfile(member).read()
                for member in archive.getmembers() if member.isfile()}


def publish(project, remote, *extra):
    return make(project, "github", f"SITEURL={SITEURL}", f"PAGES_REMOTE={remote}", *extra)


def test_github_commits_exactly_the_build_and_keeps_the_history(project, remote):
    first = publish(project, remote)
    assert first.returncode == 0, first.stdout + first.stderr
    assert branch_files(remote) == tree(project / "output") | {".nojekyll": b""}
    first_commit = git(remote, "rev-parse", "gh-pages").strip()

    again = publish(project, remote)
    assert again.returncode == 0 and "nothing to publish" in again.stdout, again.stdout
    assert git(remote, "rev-parse", "gh-pages").strip() == first_commit

    italian = project / "content" / "articles" / "is-it-engagement" / "is-it-engagement.it.md"
    italian.write_text(italian.read_text("utf-8").replace("Tags:", "Modified: 2024-06-01\nTags:"), "utf-8")
    dry = publish(project, remote, "DRY_RUN=1")
    assert dry.returncode == 0 and "Would publish" in dry.stdout, dry.stdout + dry.stderr
    assert git(remote, "rev-parse", "gh-pages").strip() == first_commit

    second = publish(project, remote)
    assert second.returncode == 0, second.stdout + second.stderr
    history = git(remote, "rev-list", "--first-parent", "gh-pages").split()
    assert len(history) == 2 and history[1] == first_commit
    assert branch_files(remote) == tree(project / "output") | {".nojekyll": b""}


@pytest.mark.parametrize("how", ["error", "warning"])
def test_a_build_that_fails_or_warns_is_not_committed(project, remote, how):
    assert publish(project, remote).returncode == 0
    before = git(remote, "rev-parse", "gh-pages")
    cause = break_build(project / "content", how)
    result = publish(project, remote)
    assert result.returncode != 0
    assert cause in result.stdout + result.stderr
    assert "plugins.hosting git" not in result.stdout
    assert git(remote, "rev-parse", "gh-pages") == before
    assert git(remote, "for-each-ref").count(b"refs/heads/") == 1


def test_a_remote_carrying_a_token_is_refused(project):
    result = publish(project, "https://publisher:ghp_secret@example.org/site.git")
    assert result.returncode != 0
    assert "credential" in result.stderr
    assert "ghp_secret" not in result.stderr


def test_a_draft_is_never_committed(project, remote):
    draft = project / "content" / "articles" / "is-it-engagement" / "is-it-engagement.it.md"
    draft.write_text("Status: draft\n" + draft.read_text("utf-8"), "utf-8")
    result = publish(project, remote)
    assert result.returncode == 0, result.stdout + result.stderr
    committed = branch_files(remote)
    assert "cy/index.html" in committed
    assert not [name for name in committed if name.startswith("drafts/") or "it/is-it-engagement/" in name]
