"""Content ids and SimHash fingerprints."""

from __future__ import annotations

from newsgraph.ingest.ids import body_fingerprint, content_id, hamming_distance

A = (
    "The central bank kept interest rates unchanged on Thursday, saying inflation was easing "
    "but remained above target. Economists had expected the decision after data showed prices "
    "rising more slowly in the spring. The bank said it would watch wages and energy prices "
    "closely before deciding whether to cut rates later in the year."
)
B = (
    "Heavy rain caused flooding across the north of the country on Sunday, closing roads and "
    "schools. Emergency services rescued dozens of people from cars and homes, and the weather "
    "service warned that more rain was expected until Tuesday in the mountain regions."
)


def test_content_id_ignores_spacing_and_case() -> None:
    assert content_id(A) == content_id("  " + A.upper().replace(" ", "\n", 3))
    assert content_id(A) != content_id(B)


def test_fingerprint_is_close_for_near_duplicates_and_far_otherwise() -> None:
    edited = A.replace("Thursday", "Friday") + " A spokesman declined to comment."
    near = hamming_distance(body_fingerprint(A), body_fingerprint(edited))
    far = hamming_distance(body_fingerprint(A), body_fingerprint(B))
    assert near <= 10 < 20 <= far


def test_fingerprint_is_stable_64_bit_and_total() -> None:
    fp = body_fingerprint(A)
    assert fp == body_fingerprint(A) and 0 <= fp < 2**64
    assert body_fingerprint("") == 0
    assert body_fingerprint("one word") == body_fingerprint("One   WORD")
