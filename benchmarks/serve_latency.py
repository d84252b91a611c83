"""Workbench latency: p50/p95/p99 of the article and actor endpoints under concurrent
clients on loopback (target: p95 ≤ 50 ms with 20 clients). Not a test.

    PYTHONPATH=src python benchmarks/serve_latency.py --db bench.duckdb --limit 2000

The first run builds the store (the 283 Wikinews articles and the first ``--limit`` items of
current-events.jsonl, analysed by the pipeline); later runs reuse it. The server runs in a
subprocess (uvicorn, one worker) so that the client does not share its interpreter.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import time
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


def sample_keys(db: Path, seed: int, n: int) -> tuple[list[str], list[tuple[str, str | None]]]:
    """Article ids, and actor codes weighted towards the busy ones (what analysts open)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
        codes = con.execute(
            "SELECT code, name, kind, count(*) AS n FROM actors WHERE code IS NOT NULL "
            "GROUP BY ALL ORDER BY n DESC LIMIT 400"
        ).fetchall()
    finally:
        con.close()
    rng = random.Random(seed)
    actors = [(c, nm if kind == "person" else None) for c, nm, kind, _ in codes]
    return rng.choices(ids, k=n), (rng.choices(actors, k=n) if actors else [])


async def hammer(base: str, paths: list[str], clients: int) -> tuple[list[float], int]:
    latencies: list[float] = []
    failures = 0
    queue: asyncio.Queue[str] = asyncio.Queue()
    for p in paths:
        queue.put_nowait(p)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal failures
            while not queue.empty():
                path = queue.get_nowait()
                t0 = time.perf_counter()
                resp = await client.get(path)
                latencies.append((time.perf_counter() - t0) * 1000)
                failures += resp.status_code != 200

        await asyncio.gather(*(worker() for _ in range(clients)))
    return latencies, failures


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    code = (
        "import uvicorn; from newsgraph.serve.app import create_app; "
        f"uvicorn.run(create_app({str(db)!r}), host='127.0.0.1', port={port}, log_level='warning')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--db", type=Path, default=Path("serve-bench.duckdb"))
    ap.add_argument("--limit", type=int, default=2000, help="current-events items to store")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--requests", type=int, default=2000, help="requests per endpoint")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--port", type=int, default=8765)
    args = ap.parse_args()
    if args.rebuild and args.db.exists():
        args.db.unlink()
    if not args.db.exists():
        build_store(args.db, args.limit)
    ids, actors = sample_keys(args.db, seed=1, n=args.requests)
    con = duckdb.connect(str(args.db), read_only=True)
    counts = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
        "(SELECT count(*) FROM actors), (SELECT count(DISTINCT code) FROM actors)"
    ).fetchone()
    con.close()
    print(f"store: {counts[0]} articles, {counts[1]} events, {counts[2]} actors, {counts[3]} codes")
    workloads = {
        # the floor: a small static file, no store, no template (what the box itself allows)
        "GET /static/map.js (floor)": ["/static/map.js"] * args.requests,
        "GET /api/articles/{id}": [f"/api/articles/{quote(i, safe=':')}" for i in ids],
        "GET /api/actors/{code}": [
            f"/api/actors/{quote(c, safe='')}" + (f"?name={quote(n)}" if n else "")
            for c, n in actors
        ],
        "GET /articles/{id} (page)": [f"/articles/{quote(i, safe=':')}" for i in ids],
        "GET /actors/{code} (page)": [f"/actors/{quote(c, safe='')}" for c, _ in actors],
        "GET /api/articles?q=": [f"/api/articles?q={w}" for w in ["police", "election"] * 50],
    }
    proc = start_server(args.db, args.port)
    try:
        base = f"http://127.0.0.1:{args.port}"
        asyncio.run(hammer(base, workloads["GET /api/articles/{id}"][:100], args.clients))  # warm
        print(f"{args.clients} concurrent clients, loopback, one uvicorn worker")
        head = ("endpoint", "n", "p50 ms", "p95 ms", "p99 ms", "req/s")
        print("{:28} {:>6} {:>8} {:>8} {:>8} {:>8} fail".format(*head))
        for name, paths in workloads.items():
            if not paths:
                print(f"{name:28} (nothing to ask: no coded actors stored)")
                continue
            t0 = time.perf_counter()
            lat, failed = asyncio.run(hammer(base, paths, args.clients))
            rate = len(lat) / (time.perf_counter() - t0)
            print(
                f"{name:28} {len(lat):6d} {pct(lat, 50):8.1f} {pct(lat, 95):8.1f} "
                f"{pct(lat, 99):8.1f} {rate:8.0f} {failed}"
            )
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
