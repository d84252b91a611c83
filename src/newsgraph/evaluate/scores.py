"""Precision / recall / F1 bookkeeping shared by every evaluation."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PRF:
    """Counts for one scored part; ``tp_gold`` may differ from ``tp_sys`` (many-to-one matches)."""

    name: str
    tp_sys: int = 0
    fp: int = 0
    tp_gold: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        n = self.tp_sys + self.fp
        return self.tp_sys / n if n else 1.0

    @property
    def recall(self) -> float:
        n = self.tp_gold + self.fn
        return self.tp_gold / n if n else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> tuple[str, str, str, str, str]:
        return (
            self.name,
            f"{self.precision:.3f}",
            f"{self.recall:.3f}",
            f"{self.f1:.3f}",
            f"tp={self.tp_gold}/{self.tp_gold + self.fn} fp={self.fp}",
        )


@dataclass
class EvalTable:
    """One printed table of an evaluation: ``newsgraph eval ...`` prints these with Rich."""

    title: str
    columns: list[str]
    rows: list[list[str]]
    notes: list[str] | None = None

    @classmethod
    def from_prf(cls, title: str, scores: list[PRF], notes: list[str] | None = None) -> EvalTable:
        return cls(
            title=title,
            columns=["part", "precision", "recall", "F1", "counts"],
            rows=[list(s.row()) for s in scores],
            notes=notes,
        )
