"""The student edition as an instructor publishes it: a git repository to pull from."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .harness import ROOT, HubError

def git(*args: str, cwd: Path) -> str:
    """Run git as the instructor (a fixed identity, no user configuration needed)."""
    command = ["git", "-c", "user.name=Instructor", "-c", "user.email=instructor@example.org",
               "-c", "init.defaultBranch=main", *args]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise HubError(f"git {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def build_edition(target: Path) -> Path:
    """Write the student edition of this project (``pkedu edition``) into ``target``."""
    from pkedu.edition import write_editions

    editions = write_editions(ROOT, target.parent / f"{target.name}-editions")
    shutil.copytree(editions.folders["student"], target)
    return target


def publish_edition(work: Path, branch: str = "main",
                    edition: Path | None = None) -> tuple[Path, str]:
    """The student edition as an instructor publishes it: a git repository.

    ``edition`` is an edition folder already written (default: write one now).
    Returns the instructor's working copy (commit there, then ``git push``) and the
    ``file://`` URL of the published (bare) repository that students pull from.
    """
    published = work / "pkedu-student.git"
    git("init", "--bare", "-b", branch, str(published), cwd=work)
    copy = work / "instructor-copy"
    if edition is None:
        build_edition(copy)
    else:
        shutil.copytree(edition, copy)
    git("init", "-b", branch, cwd=copy)
    git("add", "-A", cwd=copy)
    git("commit", "-q", "-m", "Student edition", cwd=copy)
    git("remote", "add", "origin", published.as_uri(), cwd=copy)
    git("push", "-q", "origin", branch, cwd=copy)
    return copy, published.as_uri()
