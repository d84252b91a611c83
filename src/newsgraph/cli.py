"""`newsgraph` command line: analyze, report, eval, serve, spark, demo.

Every command says in --help what it reads and writes. Errors reach the user as one line
naming the input and what to do; the exit status is non-zero when anything failed.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.model import Analysis, Article

app = typer.Typer(
    help=(
        "newsgraph reads news and turns each article into evidence: actors, events (PLOVER/CAMEO), "
        "quotes, claims, times, places and findings, each with its span in the text.\n\n"
        "Start with `newsgraph demo`, then `newsgraph analyze ARTICLE.txt` and "
        "`newsgraph report ARTICLE-ID`."
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(
    help="Score the system against gold files: precision, recall, F1.", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")

out = Console()
err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB file to store into / read from.")]
DEFAULT_DB_PATH = Path("newsgraph.duckdb")


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    from newsgraph.ingest.dates import normalize_date

    try:
        return normalize_date(value)
    except InputError as exc:
        raise _fail(f"--published {exc.reason}", 2) from exc


def _default_workers() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


@app.command()
def analyze(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help=".txt, .html, .jsonl, .parquet, WARC or RSS/Atom files; folders, globs, feed URLs."
        ),
    ],
    out_file: Annotated[
        Path | None,
        typer.Option("--out", help="Write the analysis JSON here, one line per article."),
    ] = None,
    db: DbOption = DEFAULT_DB_PATH,
    no_store: Annotated[
        bool, typer.Option("--no-store", help="Do not write to the DuckDB store.")
    ] = False,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that have none.")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(help="Worker processes (default: one per core; 1 = in-process).", min=1),
    ] = None,
    batch: Annotated[int, typer.Option(help="Articles per atomic store commit.", min=1)] = 64,
    reanalyse: Annotated[
        bool,
        typer.Option("--reanalyse", help="Analyse again articles already stored by this version."),
    ] = False,
) -> None:
    """Analyse articles: write the analysis JSON and store everything in DuckDB.

    Bad inputs are reported one line each and skipped; the others are processed. The exit
    status is 1 when any input failed. Re-running on the same input stores nothing twice.
    """
    from newsgraph.ingest import iter_articles
    from newsgraph.ingest.paths import expand_inputs
    from newsgraph.ingest.stats import collect_read_stats
    from newsgraph.report.dossier import summary_line
    from newsgraph.scale.pool import analyze_parallel
    from newsgraph.scale.progress import progress_bar
    from newsgraph.store import Store, WriteResult

    published = _check_date(published)
    failures: list[tuple[str, str]] = []

    skipped_current: list[str] = []

    def fresh(chunk: list[Article]) -> list[Article]:
        if store is None or reanalyse:
            return chunk
        current = store.up_to_date(chunk)
        for art in chunk:
            if art.id in current:
                skipped_current.append(art.id)
                stored = store.get_analysis(art.id) if sink else None
                if sink and stored is not None:
                    sink.write(stored.to_json() + "\n")
        return [a for a in chunk if a.id not in current]

    def articles() -> Iterator[Article]:
        chunk: list[Article] = []
        for item in iter_articles(expand_inputs(inputs), published=published):
            if isinstance(item, InputError):
                failures.append((item.source, item.reason))
                err.print(
                    f"[red]skipped[/] {item.source}: {item.reason}", highlight=False, soft_wrap=True
                )
                continue
            chunk.append(item)
            if len(chunk) >= batch:
                yield from fresh(chunk)
                chunk = []
        yield from fresh(chunk)

    store = None
    near_pairs = 0
    if not no_store:
        try:
            store = Store(db)
        except NewsgraphError as exc:
            raise _fail(str(exc)) from exc
    sink = out_file.open("w", encoding="utf-8") if out_file else None
    total = WriteResult()
    done: list[Analysis] = []
    pending: list[Analysis] = []
    n_analysed = 0
    n_workers = workers or _default_workers()
    bar = progress_bar(None, console=err, disable=not err.is_terminal)
    try:
        with collect_read_stats() as read_stats, bar as progress:
            for result in analyze_parallel(articles(), workers=n_workers):
                if not isinstance(result, Analysis):
                    failures.append((f"article {result.article_id}", result.reason))
                    err.print(
                        f"[red]failed[/] {failures[-1][0]}: {failures[-1][1]}", highlight=False
                    )
                    progress.advance(0, failures=1)
                    continue
                n_analysed += 1
                progress.advance(1)
                if sink:
                    sink.write(result.to_json() + "\n")
                pending.append(result)
                if len(done) < 3:
                    done.append(result)
                if store and len(pending) >= batch:
                    total.merge(store.write_batch(pending))
                    pending.clear()
            if store and pending:
                total.merge(store.write_batch(pending))
    except KeyboardInterrupt:
        err.print("[yellow]interrupted:[/] stopping; what was stored stays stored")
        raise typer.Exit(130) from None
    finally:
        if sink:
            sink.close()
        if store:
            store.record_input_errors(failures)
            near_pairs = store.count("near_duplicates") // 2
            store.close()

    for stats in read_stats:
        out.print(f"  {stats.summary()}", highlight=False, soft_wrap=True)
    table = Table(title="newsgraph analyze", show_header=False)
    plural = "s" if n_workers > 1 else ""
    table.add_row("articles analysed", f"{n_analysed} ({n_workers} worker{plural})")
    if store:
        table.add_row("stored (new)", str(len(total.stored)))
        table.add_row("re-analysed, replaced", str(len(total.replaced)))
        table.add_row(
            "unchanged (already stored)", str(len(total.unchanged) + len(skipped_current))
        )
        table.add_row("identical body under another id (kept once)", str(len(total.duplicates)))
        table.add_row("near-duplicate pairs linked (whole store)", str(near_pairs))
        table.add_row("store", str(db))
    if out_file:
        table.add_row("analysis JSON", str(out_file))
    table.add_row("inputs failed", str(len(failures)))
    out.print(table)
    for analysis in done[:3]:
        out.print(f"• {summary_line(analysis)}", highlight=False, soft_wrap=True)
    if failures:
        raise typer.Exit(1)


def _load_for_report(article: str, db: Path, published: str | None) -> Analysis:
    path = Path(article)
    if path.exists() and path.is_file():
        from newsgraph.ingest import iter_articles
        from newsgraph.pipeline import analyze_article

        items = list(iter_articles([path], published=published))
        arts = [i for i in items if isinstance(i, Article)]
        if not arts:
            reason = items[0].reason if items and isinstance(items[0], InputError) else "no article"
            raise _fail(f"{path}: {reason}")
        return analyze_article(arts[0])
    if not db.exists():
        raise _fail(
            f"{db} does not exist: run `newsgraph analyze INPUT --db {db}` first, or give a file"
        )
    from newsgraph.store import Store

    with Store(db, read_only=True) as store:
        ids = store.find_article_ids(article)
        if not ids:
            raise _fail(f"no stored article matches {article!r} (id, URL or title words) in {db}")
        if len(ids) > 1 and article not in ids:
            err.print(
                f"[yellow]note:[/] {len(ids)} articles match {article!r}; "
                f"showing the newest ({ids[0]})"
            )
        found = store.get_analysis(article if article in ids else ids[0])
    assert found is not None
    return found


@app.command()
def report(
    article: Annotated[
        str,
        typer.Argument(help="A stored article's id, URL or title words; or a file to analyse now."),
    ],
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, html or json.")] = "md",
    db: DbOption = DEFAULT_DB_PATH,
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Write the dossier here instead of stdout.")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date when ARTICLE is a file without one.")
    ] = None,
) -> None:
    """The dossier of one article: summary, actors, events, quotes, claims, timeline, findings."""
    from newsgraph.report.dossier import FORMATS, render_dossier

    if fmt not in FORMATS:
        raise _fail(f"--format {fmt!r} is not one of {', '.join(FORMATS)}", 2)
    analysis = _load_for_report(article, db, _check_date(published))
    text = render_dossier(analysis, fmt)
    if out_file:
        out_file.write_text(text, encoding="utf-8")
        out.print(f"dossier written to {out_file}")
    else:
        sys.stdout.write(text + ("\n" if not text.endswith("\n") else ""))


def _print_tables(tables: Any) -> None:
    from newsgraph.evaluate.scores import EvalTable

    for t in tables if isinstance(tables, list) else [tables]:
        assert isinstance(t, EvalTable)
        table = Table(title=t.title)
        for col in t.columns:
            table.add_column(col)
        for row in t.rows:
            table.add_row(*row)
        out.print(table)
        for note in t.notes or []:
            out.print(f"  {note}", highlight=False)


def _run_eval(module: str, *args: Any) -> None:
    try:
        mod = importlib.import_module(f"newsgraph.evaluate.{module}")
    except ModuleNotFoundError as exc:
        raise _fail(f"this evaluation is not available in this build ({exc.name})") from exc
    try:
        _print_tables(mod.evaluate(*args))
    except (FileNotFoundError, NewsgraphError) as exc:
        raise _fail(str(exc)) from exc


GoldFile = Annotated[
    Path, typer.Argument(help="Gold file (JSONL/YAML).", exists=True, dir_okay=False)
]


@eval_app.command("seed")
def eval_seed(
    article: Annotated[
        Path | None, typer.Option(help="Seed article (default ../shared/seed/seed-article.txt).")
    ] = None,
    gold: Annotated[
        Path | None, typer.Option(help="Gold YAML (default ../shared/seed/seed-gold.yaml).")
    ] = None,
) -> None:
    """Score the seed article against its gold by the gold file's own rules."""
    _run_eval("seed", article, gold)


@eval_app.command("time")
def eval_time(gold: GoldFile) -> None:
    """TempEval-3 JSONL: strict/relaxed span F1, type accuracy and value F1."""
    _run_eval("time", gold)


@eval_app.command("plover")
def eval_plover(gold: GoldFile) -> None:
    """PLOVER sentences (marked source/target): detection, type accuracy, per-type and macro F1."""
    _run_eval("plover", gold)


@eval_app.command("geo")
def eval_geo(gold: GoldFile) -> None:
    """GeoVirus-style toponyms: recognition recall, accuracy@161 km, end to end."""
    _run_eval("geo", gold)


@eval_app.command("quotes")
def eval_quotes(gold: GoldFile) -> None:
    """Quote gold (YAML/JSONL): quote P/R/F1 (≥30% character overlap) and speaker accuracy."""
    _run_eval("quotes", gold)


EXPORT_FORMATS = ("jsonl", "parquet", "gdelt", "plover")


@app.command()
def export(
    fmt: Annotated[
        str, typer.Argument(help="jsonl (everything), parquet, gdelt (2.0 events) or plover.")
    ],
    out_path: Annotated[
        Path, typer.Option("--out", "-o", help="Output file (a folder for parquet).")
    ],
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Export the store: analysis JSONL, Parquet tables, GDELT 2.0 event rows, PLOVER JSON."""
    if fmt not in EXPORT_FORMATS:
        raise _fail(f"{fmt!r} is not one of {', '.join(EXPORT_FORMATS)}", 2)
    if not db.exists():
        raise _fail(f"{db} does not exist: run `newsgraph analyze INPUT --db {db}` first")
    from newsgraph.store import Store

    with Store(db, read_only=True) as store:
        analyses = store.iter_analyses()
        if fmt == "jsonl":
            with out_path.open("w", encoding="utf-8") as fh:
                n = sum(1 for a in analyses if fh.write(a.to_json() + "\n"))
            what = "articles"
        elif fmt == "gdelt":
            from newsgraph.export.gdelt import write_gdelt

            n, what = write_gdelt(analyses, str(out_path)), "GDELT event rows"
        elif fmt == "plover":
            from newsgraph.export.plover import write_plover

            n, what = write_plover(analyses, str(out_path)), "PLOVER event records"
        else:
            try:
                parquet = importlib.import_module("newsgraph.export.parquet")
            except ModuleNotFoundError as exc:
                raise _fail("Parquet export is not available in this build") from exc
            n, what = parquet.export_parquet(analyses, out_path), "articles as Parquet tables"
    out.print(f"{n} {what} written to {out_path}")


@eval_app.command("actors")
def eval_actors(
    gold: GoldFile,
    limit: Annotated[int, typer.Option(help="Items per split (dev 2025, held-out 2026).")] = 1500,
) -> None:
    """Actor codes against editors' links in current-events.jsonl (weak gold)."""
    _run_eval("actors_links", gold, limit)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB_PATH,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="Server processes. Several answer more readers at once, but then the store "
            "is served read-only: pasted articles are analysed, not stored.",
        ),
    ] = 1,
) -> None:
    """The analyst's workbench: HTTP API (OpenAPI at /docs) and web UI over the store."""
    try:
        api = importlib.import_module("newsgraph.serve.app")
    except ModuleNotFoundError as exc:
        raise _fail(f"the workbench is not available in this build ({exc.name})") from exc
    import uvicorn

    if workers == 1:
        uvicorn.run(api.create_app(db), host=host, port=port)
        return
    from newsgraph.serve.db import connect_read_only
    from newsgraph.store import StoreError

    try:  # fail here, once, rather than in every worker
        connect_read_only(Path(db)).close()
    except StoreError as exc:
        raise _fail(str(exc)) from exc
    os.environ[api.DB_ENV] = str(Path(db).resolve())
    uvicorn.run(
        "newsgraph.serve.app:app_from_env", factory=True, workers=workers, host=host, port=port
    )


@app.command()
def spark(
    inputs: Annotated[
        list[str], typer.Argument(help="WARC, JSONL or Parquet paths (any Hadoop-compatible URI).")
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Output folder: one Parquet table per part.")
    ],
    master: Annotated[str, typer.Option(help="Spark master URL.")] = "local[*]",
    published: Annotated[
        str | None, typer.Option(help="Publication date for inputs that have none.")
    ] = None,
) -> None:
    """Run the per-article pipeline on Apache Spark (needs `newsgraph[spark]` and Java 17)."""
    try:
        job = importlib.import_module("newsgraph.scale.spark")
    except ModuleNotFoundError as exc:
        raise _fail(
            f"Spark support is missing ({exc.name}): `pip install 'newsgraph[spark]'`"
        ) from exc
    job.run_spark_job(inputs, output, master=master, published=_check_date(published))


@app.command()
def demo(
    db: DbOption = DEFAULT_DB_PATH,
    out_dir: Annotated[
        Path, typer.Option("--out-dir", help="Where the dossier and analysis JSON go.")
    ] = Path("out"),
) -> None:
    """Analyse the example articles shipped with newsgraph, store them, write the seed's dossier."""
    from newsgraph.report.dossier import render_dossier, summary_line

    examples = _examples_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    code = 0
    try:
        analyze(
            [str(examples / "seed-article.txt"), str(examples / "wikinews-sample.jsonl")],
            out_file=out_dir / "analysis.jsonl", db=db, no_store=False,
            published=None, workers=None, batch=64, reanalyse=False,
        )  # fmt: skip
    except typer.Exit as exc:
        code = exc.exit_code
    from newsgraph.ingest import iter_articles
    from newsgraph.store import Store

    seed = next(a for a in iter_articles([examples / "seed-article.txt"]) if isinstance(a, Article))
    with Store(db, read_only=True) as store:
        analysis = store.get_analysis(seed.id)
    if analysis is None:
        raise _fail("the seed article was not stored; see the errors above")
    for fmt in ("md", "html", "json"):
        (out_dir / f"seed-dossier.{fmt}").write_text(
            render_dossier(analysis, fmt), encoding="utf-8"
        )
    out.print(f"\n[bold]Seed dossier[/] written to {out_dir}/seed-dossier.md|html|json")
    out.print(summary_line(analysis), highlight=False, soft_wrap=True)
    out.print(f'Next: `newsgraph report "{seed.id}" --db {db}` or `newsgraph serve --db {db}`')
    raise typer.Exit(code)


def _examples_dir() -> Path:
    here = Path(__file__).resolve()
    for base in (Path.cwd() / "examples", here.parents[2] / "examples"):
        if (base / "seed-article.txt").exists():
            return base
    raise _fail("examples/ not found: run the demo from the newsgraph checkout")


def main() -> None:
    try:
        app()
    except NewsgraphError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(1)


if __name__ == "__main__":
    main()
