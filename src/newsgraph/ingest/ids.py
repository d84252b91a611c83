"""Stable ids: the input's id where it has one, else a hash of the body."""

from __future__ import annotations

import hashlib


def content_id(body: str) -> str:
    norm = " ".join(body.split()).lower()
    return "sha1:" + hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]
