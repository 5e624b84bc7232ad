"""``prov ingest`` and ``prov demo``."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress
from sqlalchemy import Engine

from provenance.cli.common import Options, detail, echo, note, options, parse_day, plural, short
from provenance.db.engine import unit_of_work
from provenance.db.queries import counts, speakers_with_counts
from provenance.domain import ArticleMeta
from provenance.ingest.fetch import Remote, is_url
from provenance.ingest.readers import Input, find_files, sniffed
from provenance.jobs import IngestReport, ingest_paths, match_new_claims, seed_folder
from provenance.nlp.pipeline import MAX_SENTENCE_CHARS


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("demo")(demo)


def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(..., help="Article files, folders (read recursively), "
                                               "http(s) URLs to fetch, or - for stdin."),
    outlet: str = typer.Option(None, help="Outlet for every article (overrides the files)."),
    published: str = typer.Option(None, help="Publication date YYYY-MM-DD for every article."),
    url: str = typer.Option(None, help="URL for every article."),
    title: str = typer.Option(None, help="Title for every article."),
    force: bool = typer.Option(False, "--force", help="Re-extract articles already stored."),
    workers: int = typer.Option(1, "--workers", min=1, max=256,
                                help="Processes for extraction."),
    follow_links: bool = typer.Option(
        False, "--follow-links", help="Read files that links in a folder lead to elsewhere."),
) -> None:
    """Read articles (.txt, .md, .html, .json, .jsonl), extract their claims and store them.

    A URL is fetched and read like a file of the type the server gives. Standard input
    (-) is read as HTML, JSON or text, whichever it starts like. Re-ingesting the same
    content changes nothing; a bad file is reported and skipped, and the exit code is 1
    when any file failed.
    """
    opts = options(ctx)
    override = ArticleMeta(outlet=outlet, published=parse_day(published, "--published"),
                           url=url, title=title)
    inputs = [_input(p) for p in paths]
    report = _run(opts.engine(create=True), inputs, override, force, opts, workers, follow_links)
    _print_report(report, opts)
    if report.failures:
        raise typer.Exit(1)


def demo(
    ctx: typer.Context,
    folder: Path = typer.Option(None, help="Folder of articles (default: the sample seeds)."),
) -> None:
    """Ingest the five sample articles and print an overview of what prov found."""
    opts = options(ctx)
    engine = opts.engine(create=True)
    report = _run(engine, [folder or seed_folder()], ArticleMeta(), False, opts)
    _print_report(report, opts)
    with unit_of_work(engine) as session:
        totals = counts(session)
        top = speakers_with_counts(session, limit=5)
        echo("\n" + ", ".join(plural(totals[key], key.removesuffix("s"))
                              for key in ("articles", "claims", "speakers", "groups",
                                          "conflicts")))
        echo("Top speakers:")
        for speaker, n in top:
            echo(f"  {n:3d}  {speaker.name} ({speaker.kind})")
    echo("\nNext: prov claims --topic sanctions | prov conflicts | prov sources")


def _input(arg: str) -> Input:
    if arg == "-":
        return sniffed("<stdin>", sys.stdin.buffer.read())
    return Remote(arg) if is_url(arg) else Path(arg)


def _run(engine: Engine, paths: list[Input], override: ArticleMeta, force: bool,
         opts: Options, workers: int = 1, follow_links: bool = False) -> IngestReport:
    files = find_files(paths, follow_links).files
    settings = {"override": override, "force": force, "taxonomy": opts.load_taxonomy(),
                "workers": workers, "follow_links": follow_links}
    if len(files) > 1 and sys.stderr.isatty() and opts.verbosity == 0:
        with Progress(transient=True) as bar:
            task = bar.add_task("ingesting", total=len(files))
            report = ingest_paths(engine, paths, progress=lambda _: bar.advance(task),
                                  match=False, **settings)  # type: ignore[arg-type]
        with Console(stderr=True).status("matching claims across articles"):
            match_new_claims(engine)
        return report
    return ingest_paths(engine, paths, progress=lambda name: detail(opts, f"read {name}"),
                        **settings)  # type: ignore[arg-type]


def _print_report(report: IngestReport, opts: Options) -> None:
    for failure in report.failures:
        echo(f"prov: skipped {short(failure.source, 80)}: {failure.message}", err=True)
    for source, count in report.unread:
        note(opts, f"prov: note: {short(source, 80)}: {plural(count, 'sentence')} over "
                   f"{MAX_SENTENCE_CHARS:,} characters kept without attribution")
    if opts.verbosity >= 0:
        echo(f"{report.added} added, {report.updated} re-extracted, {report.unchanged} "
             f"unchanged, {len(report.failures)} failed; "
             f"{plural(report.claims, 'claim')} extracted")
