"""Batch: JSON Lines records, error records, resume, parallel workers and Dask."""

from __future__ import annotations

import fcntl
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mouextract import batch as b
from mouextract.cli import app
from mouextract.errors import ExitCode, ModelNotFoundError

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures"


def make_inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for src in sorted(FIXTURES.glob("*.txt"))[:3]:
        (folder / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "zz_empty.txt").write_text("")
    return folder


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_batch_writes_one_record_per_input_and_keeps_going(tmp_path):
    folder = make_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(folder), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 1  # one input failed
    recs = records(out)
    assert [Path(r["source"]).name for r in recs] == sorted(p.name for p in folder.iterdir())
    bad = recs[-1]
    assert bad["error"]["type"] == "InputError" and "empty" in bad["error"]["message"]
    assert all("agreement" in r and len(r["sha256"]) == 64 for r in recs[:-1])
    assert "4 files, 3 ok, 1 failed" in result.stderr


def test_resume_skips_done_inputs(tmp_path):
    folder = make_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    runner.invoke(app, ["batch", str(folder), "--out", str(out), "--workers", "1"])
    result = runner.invoke(app, ["batch", str(folder), "--out", str(out), "--workers", "1", "--resume"])
    assert "3 skipped" in result.stderr
    recs = records(out)
    ok = [r for r in recs if "error" not in r]
    assert len(ok) == 3  # no duplicates of good records


def test_files_from_stdin(tmp_path):
    folder = make_inputs(tmp_path)
    listing = "\n".join(str(p) for p in sorted(folder.glob("*.txt"))[:2])
    result = runner.invoke(app, ["batch", "--files-from", "-", "--workers", "1"], input=listing)
    assert result.exit_code == 0
    assert len([line for line in result.stdout.splitlines() if line.startswith("{")]) == 2


def test_two_workers_match_one(tmp_path):
    inputs = [str(p) for p in sorted(FIXTURES.glob("*.txt"))]
    jobs = [b.Job(s) for s in inputs]
    one = list(b.run_local(jobs, 1))
    two = list(b.run_local(jobs, 2))
    assert one == two


def test_dask_local_cluster_matches_local_run():
    from dask.distributed import LocalCluster

    inputs = [str(p) for p in sorted(FIXTURES.glob("*.txt"))]
    jobs = [b.Job(s) for s in inputs]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = list(b.run_dask(jobs, cluster.scheduler_address))
    assert remote == list(b.run_local(jobs, 1))


# Probes of issue 13: nothing lost, nothing garbled, one record per input, ever.

def sources(path: Path) -> list[str]:
    return [r["source"] for r in records(path)]


def test_resume_after_a_cut_last_line(tmp_path):
    folder = make_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    runner.invoke(app, ["batch", str(folder), "--out", str(out), "--workers", "1"])
    data = out.read_bytes()
    last_start = data.rstrip(b"\n").rfind(b"\n") + 1
    out.write_bytes(data[:last_start + 40])  # an interrupted run: the last record cut in the middle
    result = runner.invoke(app, ["batch", str(folder), "--out", str(out), "--workers", "1", "--resume"])
    assert "cut last line removed" in result.stderr
    assert sorted(sources(out)) == sorted(str(p) for p in folder.iterdir())  # every line valid JSON, one per input


def test_repeated_resume_keeps_one_record_per_input(tmp_path):
    folder = make_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    runner.invoke(app, ["batch", str(folder), "--out", str(out), "--workers", "1"])
    first = records(out)
    for _ in range(3):
        result = runner.invoke(app, ["batch", str(folder), "--out", str(out), "--workers", "1", "--resume"])
        assert result.exit_code == 1 and "3 skipped" in result.stderr  # the empty input is retried, and fails again
    assert sorted(sources(out)) == sorted(str(p) for p in folder.iterdir())
    assert sorted(map(json.dumps, records(out))) == sorted(map(json.dumps, first))


def test_resume_redoes_a_changed_input_and_drops_its_old_record(tmp_path):
    folder = make_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    runner.invoke(app, ["batch", str(folder), "--out", str(out), "--workers", "1"])
    (folder / "zz_empty.txt").write_text("Alpha Bio signed a memorandum of understanding with Beta University Hospital.")
    result = runner.invoke(app, ["batch", str(folder), "--out", str(out), "--workers", "1", "--resume"])
    assert result.exit_code == 0, result.stderr
    recs = records(out)
    assert len(recs) == 4 and not any("error" in r for r in recs)
    assert recs[-1]["source"].endswith("zz_empty.txt") and recs[-1]["parties"]


def test_a_file_name_that_is_not_utf8_is_written_losslessly(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = (FIXTURES / "hospital_notice.txt").read_bytes()
    raw = os.fsencode(folder) + b"/caf\xe9 notice.txt"
    with open(raw, "wb") as fh:
        fh.write(text)
    (folder / "plain.txt").write_bytes(text)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(folder), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    recs = records(out)  # the file is valid UTF-8 JSON Lines
    assert sorted(os.fsencode(r["source"]) for r in recs) == sorted([raw, os.fsencode(folder / "plain.txt")])
    assert all("error" not in r for r in recs)
    again = runner.invoke(app, ["batch", str(folder), "--out", str(out), "--workers", "1", "--resume"])
    assert "2 skipped" in again.stderr and len(records(out)) == 2
    # The same bytes given in a --files-from list that is not UTF-8.
    listing = tmp_path / "list.txt"
    listing.write_bytes(raw + b"\n")
    result = runner.invoke(app, ["batch", "--files-from", str(listing), "--out", str(tmp_path / "two.jsonl"),
                                 "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    assert [os.fsencode(r["source"]) for r in records(tmp_path / "two.jsonl")] == [raw]


def test_a_second_writer_of_the_same_out_is_refused(tmp_path):
    folder = make_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    out.write_text('{"source": "earlier"}\n')
    with open(out, "ab") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # another batch is writing it
        result = runner.invoke(app, ["batch", str(folder), "--out", str(out), "--workers", "1"])
    assert result.exit_code == ExitCode.OUTPUT
    assert "locked" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert out.read_text() == '{"source": "earlier"}\n'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_dead_dask_address_fails_fast_and_keeps_out(tmp_path):
    folder = make_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    out.write_text('{"source": "earlier"}\n' * 305)
    started = time.monotonic()
    result = runner.invoke(app, ["batch", str(folder), "--out", str(out), "--dask", f"tcp://127.0.0.1:{free_port()}",
                                 "--dask-timeout", "1"])
    assert result.exit_code == ExitCode.CLUSTER
    assert "no scheduler answered within 1 s" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert time.monotonic() - started < 8
    assert out.read_text() == '{"source": "earlier"}\n' * 305


@pytest.mark.parametrize("address", ["not a url", "http://localhost:8787", "tcp://"])
def test_a_malformed_dask_address_is_a_usage_error(tmp_path, address):
    folder = make_inputs(tmp_path)
    result = runner.invoke(app, ["batch", str(folder), "--dask", address])
    assert result.exit_code == ExitCode.USAGE
    assert "--dask" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_scheduler_without_workers_fails_fast(tmp_path):
    from dask.distributed import LocalCluster

    folder = make_inputs(tmp_path)
    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster:
        result = runner.invoke(app, ["batch", str(folder), "--dask", cluster.scheduler_address, "--dask-timeout", "1"])
    assert result.exit_code == ExitCode.CLUSTER
    assert "no workers after 1 s" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("where, message", [
    ("missing/out.jsonl", "does not exist"), (".", "is a directory"), ("locked/out.jsonl", "permission denied"),
])
def test_out_that_cannot_be_written_fails_before_any_work(tmp_path, monkeypatch, where, message):
    if where.startswith("locked"):
        if os.geteuid() == 0:
            pytest.skip("root writes everywhere")
        (tmp_path / "locked").mkdir(mode=0o500)

    def no_model(_model: str | None) -> None:
        raise AssertionError("the model was loaded before --out was checked")
    monkeypatch.setattr(b, "_extractor", no_model)
    result = runner.invoke(app, ["batch", str(FIXTURES / "hospital_notice.txt"), "--out", str(tmp_path / where)])
    assert result.exit_code == ExitCode.OUTPUT, result.stderr
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_model_is_checked_without_loading_it():
    code = ("import sys; from mouextract.batch import check_model; check_model(None); "
            "assert 'spacy' not in sys.modules, 'spacy imported'")
    subprocess.run([sys.executable, "-c", code], check=True)
    with pytest.raises(ModelNotFoundError, match="pip install"):
        b.check_model("en_core_web_xx_missing")
    result = runner.invoke(app, ["batch", str(FIXTURES / "hospital_notice.txt"), "--model", "en_core_web_xx_missing"])
    assert result.exit_code == ExitCode.MODEL and len(result.stderr.strip().splitlines()) == 1


def test_html_saved_as_txt_gives_the_same_record_locally_and_on_dask(tmp_path):
    page = (FIXTURES / "norway_newsroom_mou.html").read_bytes()
    path = tmp_path / "page.txt"
    path.write_bytes(page)
    local = b.process_path(b.Job(str(path)))
    assert local == b.process_bytes(str(path), page, None, None, b.DEFAULT_MAX_BYTES)
    assert [p["name"] for p in local["parties"]] == ["Norvik Health", "Aldane Bio"]


def test_fifos_are_skipped_in_folders_and_time_out_when_named(tmp_path):
    folder = make_inputs(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    assert str(folder / "pipe.txt") not in b.collect_inputs([str(folder)])
    record = b.process_path(b.Job(str(folder / "pipe.txt"), timeout=0.3))
    assert "no data after 0.3 s" in record["error"]["message"]


def test_symlink_loop_record_says_so(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert "symlink loop" in b.process_path(b.Job(str(loop)))["error"]["message"]


def test_resume_removes_a_corrupt_line_and_redoes_its_input(tmp_path):
    folder = make_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    runner.invoke(app, ["batch", str(folder), "--out", str(out), "--workers", "1"])
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(lines[0] + lines[1][:50] + b"".join(lines[2:]))  # an older version appended onto a cut line
    result = runner.invoke(app, ["batch", str(folder), "--out", str(out), "--workers", "1", "--resume"])
    assert "2 lines removed" in result.stderr and "1 skipped" in result.stderr  # the garbled line, the error record
    assert sorted(sources(out)) == sorted(str(p) for p in folder.iterdir())


def test_batched_extraction_matches_one_call_per_article_and_isolates_a_failure(monkeypatch):
    from mouextract.extractor import Source

    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))[:4]]
    extractor = b._extractor(None)
    single = [extractor.extract(t).model_dump() for t in texts]
    assert [r.model_dump() for r in extractor.extract_batch([Source(t) for t in texts])] == single

    real = extractor._assemble

    def fail_on_third(text, *args):
        if text == texts[2]:
            raise RuntimeError("boom")
        return real(text, *args)

    monkeypatch.setattr(extractor, "_assemble", fail_on_third)
    results = extractor.extract_batch([Source(t) for t in texts])
    assert isinstance(results[2], RuntimeError)
    assert [r.model_dump() for i, r in enumerate(results) if i != 2] == [s for i, s in enumerate(single) if i != 2]


def test_a_chunk_keeps_job_order_with_unreadable_files_among_good_ones(tmp_path):
    folder = make_inputs(tmp_path)
    jobs = [b.Job(str(p)) for p in sorted(folder.glob("*.txt"))]
    jobs.insert(1, b.Job(str(folder / "missing.txt")))
    recs = b.process_chunk(jobs)
    assert [r["source"] for r in recs] == [j.source for j in jobs]
    assert [("error" in r) for r in recs] == [False, True, False, False, True]
    assert recs[0] == b.process_path(jobs[0])


def test_loading_a_worker_extractor_asks_for_one_blas_thread(monkeypatch):
    """The model can be loaded before run_local (a caller warming a worker up): numpy must still start single-threaded."""
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        monkeypatch.delenv(var, raising=False)
    seen = {}

    class Probe:
        def __init__(self, model):
            seen.update({var: os.environ.get(var) for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")})

    monkeypatch.setattr("mouextract.extractor.Extractor", Probe)
    monkeypatch.setattr(b, "_worker_extractors", {})
    b._extractor("probe-model")
    assert seen == {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
