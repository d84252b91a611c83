"""Stable ids and near-duplicate fingerprints of article bodies.

``content_id`` names identical articles alike (same words, any spacing or case);
``body_fingerprint`` is a 64-bit SimHash over word 3-shingles: bodies that differ by a few
edits get fingerprints a few bits apart (``hamming_distance``), so near-duplicates can be
linked without comparing the texts.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE_SIZE = 3


def content_id(body: str) -> str:
    norm = " ".join(body.split()).lower()
    return "sha1:" + hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def _shingles(body: str) -> list[str]:
    words = _WORD.findall(body.casefold())
    if len(words) < SHINGLE_SIZE:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + SHINGLE_SIZE]) for i in range(len(words) - SHINGLE_SIZE + 1)]


def body_fingerprint(body: str) -> int:
    """64-bit SimHash of the body's word 3-shingles (0 for a body without words)."""
    shingles = _shingles(body)
    if not shingles:
        return 0
    digests = b"".join(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest() for s in shingles)
    # One row of 64 bits per shingle; each bit of the fingerprint is the majority vote.
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(-1, 8), axis=1)
    votes = bits.sum(axis=0, dtype=np.int64) * 2 > len(shingles)
    return int.from_bytes(np.packbits(votes).tobytes(), "big")


def hamming_distance(a: int, b: int) -> int:
    """Number of differing bits between two fingerprints."""
    return (a ^ b).bit_count()
