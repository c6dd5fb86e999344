"""Writing a release all at once, and never over anybody's work.

The release writes every version into a temporary folder beside ``OUT`` and
moves the finished folders into place only when all of them are written; if
a move fails, the previous folders are put back. ``OUT/.pkedu-release.json``
records each file the release wrote with its checksum. A later release
replaces ``OUT/student/`` and ``OUT/self-study/`` only if every file in them
is one it wrote and nobody changed since: a notebook a student saved there, or
a file somebody added, makes it refuse and name the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from pkedu.release.errors import ReleaseError

__all__ = ["MANIFEST", "foreign_files", "record_written", "write_versions"]

#: The file in OUT that lists what the release wrote (relative path -> SHA-256).
MANIFEST = ".pkedu-release.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _recorded(out: Path) -> dict[str, str]:
    try:
        files = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return {k: v for k, v in files.items() if isinstance(v, str)} if isinstance(files, dict) else {}


def foreign_files(out: Path, folders: tuple[str, ...]) -> list[str]:
    """Files in ``OUT/<folder>`` that the release did not write, or that changed since.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = Path(folder)
    ...     write_versions(out, {"student": {Path("a.ipynb"): "{}"}})
    ...     _ = (out / "student" / "mine.ipynb").write_text("{}")
    ...     foreign_files(out, ("student",))
    ['student/mine.ipynb']
    """
    recorded = _recorded(out)
    found = []
    for folder in folders:
        target = out / folder
        if not target.is_dir():
            continue
        for path in sorted(target.rglob("*")):
            if path.is_dir() and not path.is_symlink():
                continue
            relative = path.relative_to(out).as_posix()
            if path.is_symlink() or recorded.get(relative) != _digest(path.read_bytes()):
                found.append(relative)
    return found


def record_written(out: Path, paths: Iterable[str | Path]) -> None:
    """Add files a later step wrote into ``OUT`` (an edition's README, say) to the record.

    The next release may then replace them with the rest of their folder;
    ``paths`` are relative to ``OUT``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = Path(folder)
    ...     write_versions(out, {"student": {Path("a.ipynb"): "{}"}})
    ...     _ = (out / "student" / "README.md").write_text("How to start")
    ...     record_written(out, ["student/README.md"])
    ...     foreign_files(out, ("student",))
    []
    """
    out = Path(out)
    files = _recorded(out)
    for path in paths:
        files[Path(path).as_posix()] = _digest((out / path).read_bytes())
    _write_manifest(out / MANIFEST, files)


def _write_manifest(path: Path, files: Mapping[str, str]) -> None:
    manifest = {"about": "Files written by 'pkedu release'. It replaces them only while they are "
                         "unchanged.", "files": dict(files)}
    path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _check_target(out: Path, folders: tuple[str, ...]) -> None:
    if out.exists() and not out.is_dir():
        raise ReleaseError(f"{out} is a file, not a folder: choose another output folder or "
                           "move the file away")
    for folder in folders:
        target = out / folder
        if (target.exists() or target.is_symlink()) and not target.is_dir():
            raise ReleaseError(f"{target} is a file where the release writes a folder: move it "
                               "away (or choose another output folder)")
    try:
        foreign = foreign_files(out, folders)
    except OSError as exc:
        raise ReleaseError(f"cannot look into {out}: {exc}") from None
    if foreign:
        more = f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
        shown = ", ".join(str(out / f) for f in foreign[:5]) + more
        raise ReleaseError(f"{out} holds {len(foreign)} file(s) that the release did not write "
                           f"or that were changed after it wrote them ({shown}). The release "
                           "never replaces them: move them out of that folder (or delete them "
                           "if nobody needs them), then release again.")


def _swap(out: Path, staging: Path, folders: tuple[str, ...]) -> None:
    """Move the staged folders and manifest into ``out``; on failure put the old ones back."""
    done: list[tuple[Path, Path]] = []
    try:
        out.mkdir(exist_ok=True)
        for folder in folders:
            if (out / folder).exists():
                os.replace(out / folder, staging / f"previous-{folder}")
                done.append((out / folder, staging / f"previous-{folder}"))
            os.replace(staging / folder, out / folder)
            done.append((staging / folder, out / folder))
        os.replace(staging / MANIFEST, out / MANIFEST)
    except OSError:
        for source, moved_to in reversed(done):
            os.replace(moved_to, source)
        raise


def write_versions(out: Path, versions: Mapping[str, Mapping[Path, str]]) -> None:
    """Write ``OUT/<version>/<path>`` for every text in ``versions``, all or nothing.

    Raises :class:`ReleaseError` (and changes nothing) if ``OUT`` is a file,
    if a version's place holds a file, or if a version's folder holds files
    the release did not write or that were changed since.
    """
    out = Path(out)
    folders = tuple(versions)
    _check_target(out, folders)
    staging: Path | None = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-release-", dir=out.parent))
        files = {path: digest for path, digest in _recorded(out).items()
                 if path.split("/")[0] not in folders}  # other folders' records stay
        for folder, texts in versions.items():
            (staging / folder).mkdir()
            for relative, text in texts.items():
                data = text.encode("utf-8")
                (staging / folder / relative).parent.mkdir(parents=True, exist_ok=True)
                (staging / folder / relative).write_bytes(data)
                files[(Path(folder) / relative).as_posix()] = _digest(data)
        _write_manifest(staging / MANIFEST, files)
        _swap(out, staging, folders)
    except OSError as exc:
        raise ReleaseError(f"cannot write the release to {out}: {exc}") from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
