"""Inputs as the user types them: files, directories, globs and http(s) URLs."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path

_GLOB_CHARS = frozenset("*?[")


def expand_inputs(patterns: Iterable[str | Path]) -> list[Path | str]:
    """Expand globs (``**`` recursive, sorted), keep URLs as strings and everything else
    as a ``Path``, in the order given and without repeats.

    A glob that matches nothing is kept as its ``Path`` so the reader reports it
    (``does not exist``) instead of dropping an input silently.
    """
    out: list[Path | str] = []
    seen: set[str] = set()

    def add(item: Path | str) -> None:
        key = str(item)
        if key not in seen:
            seen.add(key)
            out.append(item)

    for pattern in patterns:
        text = str(pattern)
        if text.lower().startswith(("http://", "https://")):
            add(text)
            continue
        text = str(Path(text).expanduser())
        if _GLOB_CHARS.intersection(text):
            matches = sorted(glob.glob(text, recursive=True))
            for match in matches:
                add(Path(match))
            if not matches:
                add(Path(text))
            continue
        add(Path(text))
    return out


def is_glob(pattern: str) -> bool:
    return bool(_GLOB_CHARS.intersection(pattern))
