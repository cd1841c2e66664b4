"""Batch: JSON Lines records, error records, resume, parallel workers and Dask."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mouextract import batch as b
from mouextract.cli import app

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
