"""Convert the PETRARCH2 CAMEO 2.0 verb dictionary into the compact verb lexicon.

Usage: python scripts/build_event_lexicon.py [path/to/CAMEO.2.0.txt]
Writes src/newsgraph/data/events/cameo_verbs.json:
  {"blocks": [{"code": "110" | null, "verbs": {"criticize": "111", ...},
               "patterns": [[["sanctions"], "163"], ...]}, ...]}
A block groups synonymous verbs; its patterns (words that must follow the verb in its
clause) apply to every verb of the block, as in PETRARCH. Subject-side constraints and
the finer PETRARCH syntax ($, ^, %) are dropped: patterns become bags of words.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SRC = Path("/work/shared/dictionaries/petrarch2/CAMEO.2.0.txt")  # or pass a path
OUT = ROOT / "src" / "newsgraph" / "data" / "events" / "cameo_verbs.json"

CODE_RE = re.compile(r"\[\s*:?(\d{2,4})")
HEADER_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
MAX_SYNSET = 12  # members of an &SYNSET kept when expanding a pattern word


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    synsets: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line.startswith("&"):
            current = line.split()[0]
            synsets[current] = []
        elif line.startswith("+") and current:
            word = line[1:].split()[0].strip("_").lower().replace("_", " ")
            synsets[current].append(word)
        elif not line:
            current = None
    return synsets


def pattern_words(body: str, synsets: dict[str, list[str]]) -> list[list[str]] | None:
    """The words after the '*' of a pattern, each as a list of alternatives."""
    if "*" not in body:
        return None
    after = body.split("*", 1)[1]
    after = re.sub(r"[(){}$^%]", " ", after)
    words: list[list[str]] = []
    for tok in after.split():
        if tok.startswith("&"):
            alts = synsets.get(tok, [])[:MAX_SYNSET]
            if alts:
                words.append(alts)
        elif re.fullmatch(r"[A-Za-z][A-Za-z'\-_]*", tok):
            words.append([tok.strip("_").lower().replace("_", " ")])
    return words or None


def build(src: Path) -> dict[str, object]:
    lines = src.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    synsets = read_synsets(lines[:start])
    blocks: list[dict[str, object]] = []
    block: dict[str, object] | None = None
    for raw in lines[start + 1 :]:
        head = HEADER_RE.match(raw)
        if head:
            code_m = CODE_RE.search("[" + head.group(2) + "]")
            block = {"code": code_m.group(1) if code_m else None, "verbs": {}, "patterns": []}
            blocks.append(block)
            continue
        if block is None:
            continue
        body, _, _ = raw.partition("#")
        body = body.strip()
        if not body:
            continue
        code_m = CODE_RE.search(body)
        code = code_m.group(1) if code_m else None
        if body.startswith("-"):
            words = pattern_words(body[1:].split("[")[0], synsets)
            if words and code:
                block["patterns"].append([words, code])  # type: ignore[attr-defined]
        elif body.startswith("+"):
            phrase = body[1:].split()[0].lower().split("_")
            if len(phrase) == 2 and code:
                # phrasal verb: verb + particle/preposition
                block["patterns"].append([[[phrase[1]]], code])  # type: ignore[attr-defined]
                block["verbs"].setdefault(phrase[0], None)  # type: ignore[attr-defined]
        elif re.match(r"[A-Z]", body):
            lemma = body.split()[0].lower()
            if re.fullmatch(r"[a-z\-]+", lemma):
                block["verbs"][lemma] = code or block["code"]  # type: ignore[index]
    return {"source": "PETRARCH2 CAMEO.2.0.txt (MIT, Open Event Data Alliance)", "blocks": blocks}


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SRC
    data = build(src)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    n_verbs = sum(len(b["verbs"]) for b in data["blocks"])  # type: ignore[arg-type, union-attr]
    print(f"wrote {OUT} ({n_verbs} verbs in {len(data['blocks'])} blocks)")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
