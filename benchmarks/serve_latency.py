"""Workbench latency: p50/p95/p99 of the article and actor endpoints under 20 concurrent
clients on loopback (target: p95 ≤ 50 ms). Not a test.

    PYTHONPATH=src python benchmarks/serve_latency.py --db bench.duckdb [--workers 1,2]

The first run builds the store (the 283 Wikinews articles and the first ``--limit`` items of
current-events.jsonl, all 10,563 by default, analysed by the pipeline: about half an hour on
two cores); later runs reuse it. The server is `newsgraph serve` in a subprocess, with one
worker process and then two (the store read-only); the load comes from wrk (Debian package
``wrk``), a C program, so the client neither shares the server's interpreter nor costs more
CPU than the server. Each client sends its next request when the last is answered.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from urllib.parse import quote

import duckdb
import httpx

from newsgraph.evaluate.gold import shared_path


def build_store(db: Path, limit: int) -> None:
    from newsgraph.ingest import iter_articles
    from newsgraph.model import Article
    from newsgraph.pipeline import analyze_articles
    from newsgraph.store import Store

    corpus = shared_path("corpus")
    if corpus is None:
        raise SystemExit("../shared/corpus not found: the benchmark needs the Wikinews corpus")
    wikinews = (a for a in iter_articles([corpus / "wikinews.jsonl"]) if isinstance(a, Article))
    events = (a for a in iter_articles([corpus / "current-events.jsonl"]) if isinstance(a, Article))
    articles = [*wikinews, *islice(events, limit)]
    started = time.perf_counter()
    with Store(db) as store:
        batch = []
        for i, analysis in enumerate(analyze_articles(articles), 1):
            batch.append(analysis)
            if len(batch) >= 64:
                store.write_batch(batch)
                batch.clear()
                print(f"  analysed {i}/{len(articles)}", file=sys.stderr, flush=True)
        store.write_batch(batch)
    took = time.perf_counter() - started
    print(f"built {db}: {len(articles)} articles analysed and stored in {took:.0f} s")


def sample_paths(db: Path, seed: int) -> dict[str, list[str]]:
    """Request paths, each stored article and actor once, in a seeded random order: a request
    asks for something not asked before (a first open, no answer cached yet)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        ids = [r[0] for r in con.execute("SELECT article_id FROM articles ORDER BY 1").fetchall()]
        members = con.execute(
            "SELECT DISTINCT code, CASE WHEN kind IN ('person', 'organization') THEN name END "
            "FROM actors WHERE code IS NOT NULL ORDER BY ALL"
        ).fetchall()
    finally:
        con.close()
    rng = random.Random(seed)
    rng.shuffle(ids)
    rng.shuffle(members)
    codes = sorted({code for code, _ in members})
    rng.shuffle(codes)
    return {
        "articles": ids,
        "members": [
            f"{quote(c, safe='')}" + (f"?name={quote(n)}" if n else "") for c, n in members
        ],
        "codes": [quote(c, safe="") for c in codes],
    }


WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("NEWSGRAPH_PATHS")) do paths[#paths + 1] = line end
local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[((i - 1) % #paths) + 1])
end
function done(summary, latency, requests)
  io.write(string.format("RESULT %d %d %.3f %.3f %.3f %.3f\\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.duration / 1e6))
end
"""


@dataclass
class Result:
    n: int
    failed: int
    p50: float
    p95: float
    p99: float
    rate: float


def run_wrk(base: str, paths: list[str], clients: int, seconds: float, tmp: Path) -> Result:
    """wrk (C, one thread): the load generator must not share the server's interpreter or
    cost more CPU than the server, or it measures itself. Each wrk connection is a client
    sending its next request as soon as the last is answered. wrk spreads its request
    counter over the connections, so each path is asked once while the list lasts."""
    script = tmp / "paths.lua"
    script.write_text(WRK_SCRIPT)
    listing = tmp / "paths.txt"
    listing.write_text("\n".join(paths) + "\n")
    cmd = ["wrk", "-t1", f"-c{clients}", f"-d{round(seconds)}s", "-s", str(script), base]
    out = subprocess.run(
        cmd, env={**os.environ, "NEWSGRAPH_PATHS": str(listing)}, capture_output=True, text=True
    )
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("RESULT")), None)
    if line is None:
        raise SystemExit(f"wrk failed: {out.stdout}{out.stderr}")
    n, failed, p50, p95, p99, took = line.split()[1:]
    return Result(int(n), int(failed), float(p50), float(p95), float(p99), int(n) / float(took))


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(
        [*cmd, "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                time.sleep(2 * workers)  # let every worker finish loading its snapshot
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("the server did not start")


def workloads(keys: dict[str, list[str]], warm_n: int) -> dict[str, list[str]]:
    articles, members, codes = keys["articles"], keys["members"], keys["codes"]
    return {
        "GET /static/app.css (floor)": ["/static/app.css"],
        "GET /api/articles/{id}": [f"/api/articles/{quote(i, safe=':')}" for i in articles],
        "GET /api/actors/{code}": [f"/api/actors/{m}" for m in members],
        "GET /articles/{id} (page)": [f"/articles/{quote(i, safe=':')}" for i in articles],
        "GET /actors/{code} (page)": [f"/actors/{c}" for c in codes],
        # the same few pages again and again: what answers cached for the snapshot give
        "GET /articles/{id} (page, repeat)": [
            f"/articles/{quote(i, safe=':')}" for i in articles[-warm_n:]
        ],
        "GET /actors/{code} (page, repeat)": [f"/actors/{c}" for c in codes[-warm_n:]],
        "GET /api/articles?q= (search)": [f"/api/articles?q={w}" for w in SEARCH_WORDS],
    }


SEARCH_WORDS = ["police", "election", "minister", "protest", "court", "storm", "border", "talks"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--db", type=Path, default=Path("serve-bench.duckdb"))
    ap.add_argument("--limit", type=int, default=10_563, help="current-events items to store")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--seconds", type=int, default=4, help="per workload")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--workers", default="1,2", help="server processes to try, e.g. 1,2")
    ap.add_argument("--port", type=int, default=8765)
    args = ap.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk not found: `apt-get install wrk` (the load must come from C)")
    if args.rebuild and args.db.exists():
        args.db.unlink()
    if not args.db.exists():
        build_store(args.db, args.limit)
    keys = sample_paths(args.db, seed=1)
    con = duckdb.connect(str(args.db), read_only=True)
    counts = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
        "(SELECT count(*) FROM actors), (SELECT count(DISTINCT code) FROM actors)"
    ).fetchone()
    con.close()
    assert counts is not None
    print(f"store: {counts[0]} articles, {counts[1]} events, {counts[2]} actors, {counts[3]} codes")
    print(f"load: {args.clients} concurrent clients (wrk), loopback, {args.seconds:g} s each")
    head = ("workers", "endpoint", "n", "p50 ms", "p95 ms", "p99 ms", "req/s", "fail")
    print("{:>7} {:34} {:>6} {:>8} {:>8} {:>8} {:>8} {:>5}".format(*head))
    for workers in [int(w) for w in args.workers.split(",")]:
        proc = start_server(args.db, args.port, workers)
        try:
            base = f"http://127.0.0.1:{args.port}"
            with tempfile.TemporaryDirectory() as tmp:
                for name, paths in workloads(keys, warm_n=50).items():
                    r = run_wrk(base, paths, args.clients, args.seconds, Path(tmp))
                    print(
                        f"{workers:7d} {name:34} {r.n:6d} {r.p50:8.1f} {r.p95:8.1f} "
                        f"{r.p99:8.1f} {r.rate:8.0f} {r.failed:5d}",
                        flush=True,
                    )
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    print(
        "first opens: each request asks for an article or actor not asked before; "
        "repeat: 50 pages asked again and again (answers cached per store snapshot)"
    )


if __name__ == "__main__":
    main()
