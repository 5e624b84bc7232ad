"""``prov ingest`` and ``prov demo``."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress
from sqlalchemy import Engine

from provenance.cli.common import Options, echo, options, parse_day, short
from provenance.db.engine import unit_of_work
from provenance.db.queries import counts, speakers_with_counts
from provenance.domain import ArticleMeta
from provenance.ingest.readers import find_files
from provenance.jobs import IngestReport, ingest_paths, match_new_claims, seed_folder
from provenance.nlp.pipeline import MAX_SENTENCE_CHARS


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("demo")(demo)


def ingest(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Article files or folders (read recursively)."),
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

    Re-ingesting the same content changes nothing; a bad file is reported and skipped, and
    the exit code is 1 when any file failed.
    """
    opts = options(ctx)
    override = ArticleMeta(outlet=outlet, published=parse_day(published, "--published"),
                           url=url, title=title)
    report = _run(opts.engine(), paths, override, force, opts, workers, follow_links)
    _print_report(report)
    if report.failures:
        raise typer.Exit(1)


def demo(
    ctx: typer.Context,
    folder: Path = typer.Option(None, help="Folder of articles (default: the sample seeds)."),
) -> None:
    """Ingest the five sample articles and print an overview of what prov found."""
    opts = options(ctx)
    engine = opts.engine()
    report = _run(engine, [folder or seed_folder()], ArticleMeta(), False, opts)
    _print_report(report)
    with unit_of_work(engine) as session:
        totals = counts(session)
        top = speakers_with_counts(session, limit=5)
        echo(f"\n{totals['articles']} articles, {totals['claims']} claims, "
                   f"{totals['speakers']} speakers, {totals['groups']} groups, "
                   f"{totals['conflicts']} conflicts")
        echo("Top speakers:")
        for speaker, n in top:
            echo(f"  {n:3d}  {speaker.name} ({speaker.kind})")
    echo("\nNext: prov claims --topic sanctions | prov conflicts | prov sources")


def _run(engine: Engine, paths: list[Path], override: ArticleMeta, force: bool,
         opts: Options, workers: int = 1, follow_links: bool = False) -> IngestReport:
    files = find_files(paths, follow_links).files
    settings = {"override": override, "force": force, "taxonomy": opts.load_taxonomy(),
                "workers": workers, "follow_links": follow_links}
    if len(files) > 1 and sys.stderr.isatty():
        with Progress(transient=True) as bar:
            task = bar.add_task("ingesting", total=len(files))
            report = ingest_paths(engine, paths, progress=lambda _: bar.advance(task),
                                  match=False, **settings)  # type: ignore[arg-type]
        with Console(stderr=True).status("matching claims across articles"):
            match_new_claims(engine)
        return report
    return ingest_paths(engine, paths, **settings)  # type: ignore[arg-type]


def _print_report(report: IngestReport) -> None:
    for failure in report.failures:
        echo(f"prov: skipped {short(failure.source, 80)}: {failure.message}", err=True)
    for source, count in report.unread:
        echo(f"prov: note: {short(source, 80)}: {count} sentence(s) over "
                   f"{MAX_SENTENCE_CHARS:,} characters kept without attribution", err=True)
    echo(f"{report.added} added, {report.updated} re-extracted, {report.unchanged} "
               f"unchanged, {len(report.failures)} failed; {report.claims} claims extracted")
