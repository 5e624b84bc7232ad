"""prov's command line: thin Typer commands over the library."""

from __future__ import annotations

import sys
from typing import Any

import typer
from sqlalchemy.exc import SQLAlchemyError
from typer.core import TyperGroup

from provenance.cli import db as db_cmds
from provenance.cli import findings as finding_cmds
from provenance.cli import ingest as ingest_cmds
from provenance.cli import match as match_cmds
from provenance.cli import query as query_cmds
from provenance.cli import report as report_cmds
from provenance.cli import review as review_cmds
from provenance.cli import topics as topic_cmds
from provenance.cli.common import Options, echo
from provenance.config import command_defaults
from provenance.errors import DatabaseError, ProvError
from provenance.version import installed_version


class _OneLineErrors(TyperGroup):
    """Turn every error a user can cause into one line on stderr and an exit code."""

    def invoke(self, ctx: Any) -> Any:  # typer's own click Context, whichever it vendors
        try:
            return super().invoke(ctx)
        except ProvError as exc:
            echo(f"prov: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            echo(f"prov: error: database error: {reason}", err=True)
            ctx.exit(DatabaseError.exit_code)


app = typer.Typer(
    cls=_OneLineErrors,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=True,
    help="prov: who claimed what, through whom, and which outlets back it up or contradict it.",
)


def _print_version(value: bool) -> None:
    if value:
        echo(f"prov {installed_version()}")
        raise typer.Exit()


@app.callback()
def _global_options(
    ctx: typer.Context,
    db: str = typer.Option(None, "--db", envvar="PROV_DB", show_envvar=True,
                           help="SQLite file path or database URL "
                                "(postgresql+psycopg://...). Default: ./prov.db"),
    taxonomy: str = typer.Option(None, "--taxonomy", envvar="PROV_TAXONOMY", show_envvar=True,
                                 help="TOML file of topics merged over the default taxonomy."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print results and errors only."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also say what each step reads."),
    _version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                  help="Print prov's version and exit."),
    config: str = typer.Option(None, "--config", envvar="PROV_CONFIG", show_envvar=True,
                               help="TOML file of settings ([report] publisher, base_url, "
                                    "author; [review] reviewer). Default: ./prov.toml"),
) -> None:
    if quiet and verbose:
        raise typer.BadParameter("--quiet and --verbose exclude each other")
    ctx.default_map = command_defaults(config)
    ctx.obj = Options(db=db, taxonomy=taxonomy, verbosity=-1 if quiet else int(verbose))


ingest_cmds.register(app)
query_cmds.register(app)
finding_cmds.register(app)
match_cmds.register(app)
report_cmds.register(app)
review_cmds.register(app)
app.add_typer(topic_cmds.app, name="topics")
app.add_typer(db_cmds.app, name="db")


def main() -> None:
    """Console-script entry point."""
    sys.exit(app())


__all__ = ["app", "main"]
