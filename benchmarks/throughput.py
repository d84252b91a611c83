"""Throughput and memory of newsgraph's ways to run, measured in one run on the same texts.

    PYTHONPATH=src python benchmarks/throughput.py --n 2000            # speed + peak memory
    PYTHONPATH=src python benchmarks/throughput.py --memory            # 1,000 vs 10,000 articles
    PYTHONPATH=src python benchmarks/throughput.py --paired --n 283    # spaCy vs in-process only

Speed modes, each in its own process so its peak memory is its own: bare spaCy
``nlp.pipe`` (the model package as shipped, ``read.nlp.load_bare_model``; newsgraph parses
with the same weights plus its sentence rule, and array-based attribute_ruler and
lemmatizer that give the same annotations, ``load_nlp``); newsgraph in-process
(``analyze_parallel(workers=1)``); newsgraph with a pool of ``--workers``; Spark ``local[W]`` (JVM start-up reported apart, and the job time
includes reading the JSONL and writing the Parquet tables). Models are loaded before the
clock starts in-process (spaCy's for bare spaCy; spaCy's and newsgraph's own lexicons,
gazetteer and event models, ``pipeline.warm_up``, for newsgraph: the same one-off cost on
both sides of the ratio, reported apart); the pool's worker start-up (a model load per
worker) is inside its time, as a user pays it. Peak memory is the largest sum of the resident
sizes of the process and all its descendants (JVM and Python workers included), sampled
from /proc every 0.1 s. The memory mode streams articles from a JSONL file through the
pool into the Parquet export and compares the peak for ``--large`` vs ``--small``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PAGE = os.sysconf("SC_PAGE_SIZE")


# -- process-tree memory ------------------------------------------------------------------


def _tree_rss(root: int) -> int:
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        pid = int(entry)
        try:
            with open(f"/proc/{pid}/stat") as fh:
                stat = fh.read()
            with open(f"/proc/{pid}/statm") as fh:
                rss[pid] = int(fh.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(pid)
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total


def run_measured(args: list[str]) -> tuple[dict[str, Any], int]:
    """Run this script as a child with ``args``; its JSON result and the tree's peak RSS."""
    proc = subprocess.Popen(
        [sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child {args} failed ({proc.returncode})")
    return json.loads(out.strip().splitlines()[-1]), peak


# -- inputs -------------------------------------------------------------------------------


def records_n(corpus: Path, n: int) -> Iterator[dict[str, Any]]:
    def forever() -> Iterator[dict[str, Any]]:
        while True:
            with corpus.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        yield json.loads(line)

    for i, rec in enumerate(islice(forever(), n)):
        yield {
            "id": f"{rec['id']}#{i}",
            "url": rec.get("url"),
            "title": rec.get("title"),
            "date": rec.get("date"),
            "text": rec["text"],
        }


def articles_n(corpus: Path, n: int) -> Iterator[Any]:
    from newsgraph.ingest.records import article_from_record

    for rec in records_n(corpus, n):
        yield article_from_record(rec)


# -- child modes --------------------------------------------------------------------------


def child(mode: str, corpus: Path, n: int, workers: int) -> dict[str, Any]:
    if mode == "spark":
        return _child_spark(corpus, n, workers)
    if mode == "stream":
        return _child_stream(corpus, n, workers)
    if mode == "paired":
        return _child_paired(corpus, n)
    arts = list(articles_n(corpus, n))
    from newsgraph.pipeline import warm_up
    from newsgraph.read.nlp import load_bare_model, load_nlp

    # Each side loads its models before the clock: spaCy's pipeline for bare spaCy (and
    # one call, so its first-call set-up is not timed either); spaCy plus newsgraph's
    # lexicons, gazetteer and event models for the in-process run.
    nlp = load_bare_model() if mode == "spacy" else load_nlp()
    warm_s = time.perf_counter()
    nlp(arts[0].body)
    if mode == "inprocess":
        warm_up()
    warm_s = time.perf_counter() - warm_s
    if mode == "spacy":
        t0 = time.perf_counter()
        for _ in nlp.pipe((a.body for a in arts), batch_size=32):
            pass
        return {"seconds": time.perf_counter() - t0, "articles": n}
    from newsgraph.scale.pool import ArticleFailure, analyze_parallel

    t0 = time.perf_counter()
    failures = sum(
        isinstance(r, ArticleFailure)
        for r in analyze_parallel(arts, workers=1 if mode == "inprocess" else workers)
    )
    seconds = time.perf_counter() - t0
    result = {"seconds": seconds, "articles": n, "failures": failures}
    if mode == "inprocess":
        result["startup"] = f"warm-up (spaCy call + newsgraph's one-off loads) {warm_s:.1f} s"
        result["startup_s"] = warm_s
    return result


def _child_paired(corpus: Path, n: int) -> dict[str, Any]:
    """Bare spaCy and newsgraph in-process on the same chunks, interleaved in one process.

    On a shared machine the load changes within a minute; timing both sides chunk by
    chunk (32 articles, the order alternating so neither always parses a text first)
    exposes them to the same load, which two runs one after the other do not.
    """
    from newsgraph.pipeline import warm_up
    from newsgraph.read.nlp import load_bare_model
    from newsgraph.scale.pool import DEFAULT_BATCH_SIZE, analyze_chunk

    arts = list(articles_n(corpus, n))
    nlp = load_bare_model()
    warm_up()
    wall = {"spacy": 0.0, "inprocess": 0.0}
    cpu = {"spacy": 0.0, "inprocess": 0.0}

    def timed(side: str, chunk: list[Any]) -> None:
        w0, c0 = time.perf_counter(), time.process_time()
        if side == "spacy":
            for _ in nlp.pipe((a.body for a in chunk), batch_size=DEFAULT_BATCH_SIZE):
                pass
        else:
            analyze_chunk(chunk)
        wall[side] += time.perf_counter() - w0
        cpu[side] += time.process_time() - c0

    for i in range(0, n, DEFAULT_BATCH_SIZE):
        chunk = arts[i : i + DEFAULT_BATCH_SIZE]
        order = ("spacy", "inprocess") if (i // DEFAULT_BATCH_SIZE) % 2 else ("inprocess", "spacy")
        for side in order:
            timed(side, chunk)
    return {"articles": n, "wall": wall, "cpu": cpu}


def _child_spark(corpus: Path, n: int, workers: int) -> dict[str, Any]:
    from newsgraph.scale.spark import run_spark_job, spark_session

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "input.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for rec in records_n(corpus, n):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        warm = Path(tmp) / "warm-up.jsonl"
        with warm.open("w", encoding="utf-8") as fh:
            for rec in records_n(corpus, 4 * workers):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        t0 = time.perf_counter()
        spark = spark_session(f"local[{workers}]")
        session_s = time.perf_counter() - t0
        # The first job starts the Python workers and loads a model in each (over a minute
        # on a loaded 2-core machine): that is start-up too, so a small job pays it first.
        warm_up = run_spark_job([str(warm)], str(Path(tmp) / "warm"), spark=spark)
        res = run_spark_job([str(src)], str(Path(tmp) / "out"), spark=spark)
        spark.stop()
    return {
        "seconds": res.job_s,
        "startup_s": session_s + warm_up.job_s,
        "startup": f"session {session_s:.1f} s + warm-up job {warm_up.job_s:.1f} s",
        "articles": res.articles,
    }


def _child_stream(corpus: Path, n: int, workers: int) -> dict[str, Any]:
    from newsgraph.export.parquet import export_parquet
    from newsgraph.model import Analysis
    from newsgraph.scale.pool import analyze_parallel

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        results = analyze_parallel(articles_n(corpus, n), workers=workers)
        res = export_parquet((r for r in results if isinstance(r, Analysis)), Path(tmp) / "o")
    return {"seconds": time.perf_counter() - t0, "articles": res.articles}


# -- report -------------------------------------------------------------------------------


def _mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"


def speed(corpus: Path, n: int, workers: int, modes: list[str]) -> None:
    print(f"corpus {corpus.name}, {n} articles, {os.cpu_count()} CPUs, workers={workers}")
    rates: dict[str, float] = {}
    for mode in modes:
        res, peak = run_measured(["--child", mode, "--corpus", str(corpus), "--n", str(n),
                                  "--workers", str(workers)])  # fmt: skip
        rates[mode] = res["articles"] / res["seconds"]
        extra = ""
        if "startup_s" in res:
            extra = f"; start-up apart: {res['startup']}"
        print(f"{mode:>10}: {rates[mode]:7.1f} articles/s ({res['articles']} in "
              f"{res['seconds']:.1f} s{extra}), peak memory {_mib(peak)}")  # fmt: skip
    ratios = [("inprocess", "spacy", 0.8), ("pool", "inprocess", 1.7), ("spark", "pool", 0.6)]
    for a, b, bar in ratios:
        if a in rates and b in rates:
            r = rates[a] / rates[b]
            print(f"{a} / {b}: {r:.2f}x (bar {bar}x: {'met' if r >= bar else 'NOT met'})")


def paired(corpus: Path, n: int) -> None:
    res, _ = run_measured(["--child", "paired", "--corpus", str(corpus), "--n", str(n)])
    print(f"corpus {corpus.name}, {n} articles, interleaved per chunk in one process")
    for clock in ("wall", "cpu"):
        t = res[clock]
        r = t["spacy"] / t["inprocess"]
        print(f"{clock:>4}: spaCy {n / t['spacy']:.1f} articles/s, newsgraph in-process "
              f"{n / t['inprocess']:.1f} articles/s: inprocess / spacy {r:.2f}x "
              f"(bar 0.8x: {'met' if r >= 0.8 else 'NOT met'})")  # fmt: skip


def memory(corpus: Path, small: int, large: int, workers: int) -> None:
    peaks = {}
    for n in (small, large):
        res, peak = run_measured(["--child", "stream", "--corpus", str(corpus), "--n", str(n),
                                  "--workers", str(workers)])  # fmt: skip
        peaks[n] = peak
        print(f"stream {n:>6} articles ({corpus.name}, pool of {workers} → Parquet): "
              f"{res['articles'] / res['seconds']:.1f} articles/s, peak {_mib(peak)}")  # fmt: skip
    r = peaks[large] / peaks[small]
    verdict = "met" if r <= 1.2 else "NOT met"
    print(f"peak({large}) / peak({small}) = {r:.2f} (bar ≤ 1.2: {verdict})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--corpus", type=Path, default=None, help="JSONL (default: Wikinews)")
    ap.add_argument("--modes", default="spacy,inprocess,pool,spark")
    ap.add_argument("--memory", action="store_true", help="the memory-flatness run instead")
    ap.add_argument(
        "--paired", action="store_true", help="spaCy vs in-process interleaved, in one process"
    )
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=10000)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.corpus is None:
        from newsgraph.evaluate.gold import shared_path

        args.corpus = shared_path("corpus", "wikinews.jsonl")
        if args.corpus is None:
            raise SystemExit("no corpus: give --corpus FILE.jsonl or put ../shared beside the repo")
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.n, args.workers)))
        return
    if args.memory:
        corpus = args.corpus
        if corpus.name == "wikinews.jsonl" and (corpus.parent / "current-events.jsonl").exists():
            corpus = corpus.parent / "current-events.jsonl"
        memory(corpus, args.small, args.large, args.workers)
        return
    if args.paired:
        paired(args.corpus, args.n)
        return
    speed(args.corpus, args.n, args.workers, args.modes.split(","))


if __name__ == "__main__":
    main()
