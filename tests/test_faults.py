"""Batch under faults: SIGKILL at random points then --resume, SIGTERM, Ctrl-C, two writers, a closed stdout.

The batches run as real processes through the real CLI, batch writer and resume code; the model is a blank
spaCy pipeline saved to disk (no statistical weights, about 2 ms an article) so that 500 files and eleven
processes stay fast.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mouextract.cli import app
from mouextract.errors import ExitCode

FIXTURES = Path(__file__).parent / "fixtures"
ENV = {k: v for k, v in os.environ.items() if k != "MOUEXTRACT_MODEL"}


@pytest.fixture(scope="module")
def blank_model(tmp_path_factory: pytest.TempPathFactory) -> str:
    import spacy

    path = tmp_path_factory.mktemp("model") / "blank_en"
    spacy.blank("en").to_disk(path)
    return str(path)


def corpus(folder: Path, n: int) -> Path:
    """n short articles, every 50th empty (an error record), one with a file name that is not UTF-8."""
    folder.mkdir()
    for i in range(n):
        text = "" if i % 50 == 49 else (
            f"Alpha{i} Bio signed a memorandum of understanding with Beta{i} University Hospital on "
            f"March {1 + i % 28}, 2025 to develop cell therapies for lymphoma.\n")
        name = f"a{i:04d}.txt".encode() if i != 7 else b"a0007 caf\xe9.txt"
        with open(os.fsencode(folder) + b"/" + name, "wb") as fh:
            fh.write(text.encode())
    return folder


def mouextract(*args: str) -> list[str]:
    return [sys.executable, "-c", "from mouextract.cli import main; main()", *args]


def lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def start(args: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(mouextract(*args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, **kwargs)


def wait_for(path: Path, count: int, proc: subprocess.Popen[bytes], limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while lines(path) < count and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)


def assert_quiet(stderr: bytes) -> None:
    text = stderr.decode(errors="replace")
    assert "Traceback" not in text and "Error" not in text, text


def test_sigkill_at_random_points_then_resume_equals_a_clean_run(tmp_path, blank_model):
    folder = corpus(tmp_path / "in", 500)
    clean = tmp_path / "clean.jsonl"
    result = CliRunner().invoke(app, ["batch", str(folder), "--out", str(clean), "--workers", "1", "--model", blank_model])
    assert result.exit_code == ExitCode.FAILURES, result.stderr  # the ten empty inputs
    out = tmp_path / "out.jsonl"
    rng = random.Random(13)
    for run in range(10):
        workers = "2" if run == 5 else "1"  # one run through the process pool (slower to start)
        args = ["batch", str(folder), "--out", str(out), "--model", blank_model, "--workers", workers]
        proc = start(args + (["--resume"] if run else []))
        if rng.random() < 0.2:
            time.sleep(rng.uniform(0, 1.5))  # sometimes during start-up or resume
        else:
            wait_for(out, lines(out) + rng.randint(1, 60), proc)
            time.sleep(rng.uniform(0, 0.01))
        proc.kill()
        _, stderr = proc.communicate(timeout=60)  # returns once the orphaned workers have closed stderr too
        assert_quiet(stderr)
    final = subprocess.run(mouextract(*args, "--resume"), check=False, capture_output=True, env=ENV, timeout=120)
    assert final.returncode == ExitCode.FAILURES, final.stderr
    got = [json.loads(line) for line in out.read_bytes().splitlines()]
    want = [json.loads(line) for line in clean.read_bytes().splitlines()]
    assert len(got) == len(want) == 500
    assert {r["source"]: r for r in got} == {r["source"]: r for r in want}  # one record per input, the same one
    assert sorted(out.read_bytes().splitlines()) == sorted(clean.read_bytes().splitlines())


@pytest.mark.parametrize("signum, code, message", [
    (signal.SIGTERM, ExitCode.TERMINATED, "mouextract: terminated"),
    (signal.SIGINT, ExitCode.INTERRUPTED, "mouextract: interrupted"),
])
def test_sigterm_and_ctrl_c_stop_cleanly(tmp_path, blank_model, signum, code, message):
    folder = corpus(tmp_path / "in", 400)
    out = tmp_path / "out.jsonl"
    # A session of its own, signalled as a whole: what a terminal's Ctrl-C does to a job.
    proc = start(["batch", str(folder), "--out", str(out), "--model", blank_model, "--workers", "2"],
                 start_new_session=True)
    wait_for(out, 20, proc)
    os.killpg(proc.pid, signum)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code
    assert stderr.decode().strip().splitlines()[-1] == message
    assert_quiet(stderr)
    assert all(json.loads(line) for line in out.read_bytes().splitlines())  # only complete records


def test_a_second_batch_on_the_same_out_is_refused_while_the_first_completes(tmp_path, blank_model):
    folder = corpus(tmp_path / "in", 500)
    out = tmp_path / "out.jsonl"
    args = ["batch", str(folder), "--out", str(out), "--model", blank_model, "--workers", "1"]
    first = start(args)
    wait_for(out, 1, first)
    second = subprocess.run(mouextract(*args), check=False, capture_output=True, env=ENV, timeout=60)
    assert second.returncode == ExitCode.OUTPUT
    assert b"locked" in second.stderr and len(second.stderr.strip().splitlines()) == 1
    _, stderr = first.communicate(timeout=60)
    assert first.returncode == ExitCode.FAILURES, stderr
    recs = [json.loads(line) for line in out.read_bytes().splitlines()]
    assert len(recs) == len({r["source"] for r in recs}) == 500


def test_a_reader_closing_stdout_is_not_a_failure(tmp_path, blank_model):
    folder = corpus(tmp_path / "in", 300)
    proc = subprocess.Popen(mouextract("batch", str(folder), "--model", blank_model, "--workers", "1"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    assert proc.stdout is not None and json.loads(proc.stdout.readline())["source"].endswith("a0000.txt")
    proc.stdout.close()  # `| head -1`
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == ExitCode.OK
    assert_quiet(stderr)


@pytest.mark.parametrize("args, code, message", [
    (["parse", "a.txt", "--max-bytes", "-5"], ExitCode.USAGE, "--max-bytes"),
    (["parse", "a.txt", "--reference-date", "20240101"], ExitCode.USAGE, "YYYY-MM-DD"),
    (["batch", "a.txt", "--dask", "not a url"], ExitCode.USAGE, "not a scheduler address"),
    (["batch", "a.txt", "--dask", "http://localhost:8787"], ExitCode.USAGE, "not an http URL"),
    (["batch", "a.txt", "--out", "/nonexistent-folder/out.jsonl"], ExitCode.OUTPUT, "does not exist"),
    (["nonsense"], ExitCode.USAGE, "No such command"),
])
def test_errors_are_one_line_with_the_documented_code(args, code, message):
    result = subprocess.run(mouextract(*args), check=False, capture_output=True, text=True, env=ENV, timeout=60)
    assert result.returncode == code
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr, result.stderr


def test_no_arguments_shows_the_help():
    result = subprocess.run(mouextract(), check=False, capture_output=True, text=True, env=ENV, timeout=60)
    assert result.returncode == ExitCode.OK and "batch" in result.stdout and not result.stderr
