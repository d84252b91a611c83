"""Locate the shared gold data (``../shared`` beside the checkout, or $NEWSGRAPH_SHARED)."""

from __future__ import annotations

import os
from pathlib import Path


def shared_dir() -> Path | None:
    """The shared/ folder if present: $NEWSGRAPH_SHARED, else ../shared from the repo or cwd."""
    env = os.environ.get("NEWSGRAPH_SHARED")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    candidates += [p / "shared" for p in here.parents] + [Path.cwd().parent / "shared"]
    for cand in candidates:
        if (cand / "seed" / "seed-gold.yaml").exists():
            return cand
    return None


def shared_path(*parts: str) -> Path | None:
    base = shared_dir()
    if base is None:
        return None
    path = base.joinpath(*parts)
    return path if path.exists() else None
