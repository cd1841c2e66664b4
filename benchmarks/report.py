"""Cost of `mouextract report` over 10,000 synthetic records, against plain JSON parsing of the same file.

Usage: python benchmarks/report.py [--records 10000]
Records are the fixtures' expected outputs with varied types, signing months and party names (and 2% error
records), so tallies, the month series and the organisation matching all have real work. Prints seconds and
ratios against the baseline measured in the same run; the goal is a report (tables and HTML) under 10 s.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
T = TypeVar("T")
TYPES = ["license", "mou", "collaboration_agreement", "joint_venture", "investment", "supply_agreement"]


def synthetic(n: int, seed: int = 12) -> list[str]:
    """n JSON Lines records built from the fixtures' expected outputs."""
    rng = random.Random(seed)
    bases = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.expected.json"))]
    lines = []
    for i in range(n):
        if rng.random() < 0.02:
            lines.append(json.dumps({"source": f"a{i}.txt", "sha256": None,
                                     "error": {"type": "InputError", "message": f"a{i}.txt: empty input"}}))
            continue
        record = json.loads(json.dumps(bases[i % len(bases)]))
        agreement = record["agreement"]
        if agreement.get("type"):
            agreement["type"] = rng.choice(TYPES)
            agreement["signed_on"] = f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        for party in record["parties"]:  # 600 distinct organisations, each in many deals
            party["name"] = f"{party['name']} {rng.randint(1, 600 // max(1, len(bases)))}"
            party["aliases"] = [f"{a} {i % 7}" for a in party.get("aliases", [])]
        lines.append(json.dumps({"source": f"a{i}.txt", "sha256": f"{i:064x}", **record}, ensure_ascii=False))
    return lines


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    args = parser.parse_args()

    from rich.console import Console

    from mouextract.report import build_report, print_report, read_records, render_report_html

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "results.jsonl"
        path.write_text("\n".join(synthetic(args.records)) + "\n", encoding="utf-8")
        size = path.stat().st_size / 1e6

        def baseline() -> int:
            with path.open(encoding="utf-8") as fh:
                return sum(1 for line in fh if json.loads(line))

        base, _ = min((timed(baseline) for _ in range(3)), key=lambda r: r[0])
        tally, report = min((timed(lambda: build_report(read_records(path.open(encoding="utf-8"))))
                             for _ in range(3)), key=lambda r: r[0])
        tables, _ = timed(lambda: print_report(report, Console(file=io.StringIO(), width=120)))
        page, html = timed(lambda: render_report_html(report))
        out = Path(tmp) / "report.html"
        command = [sys.executable, "-c", "from mouextract.cli import main; main()", "report", str(path), "--html", str(out)]
        cold, _ = timed(lambda: subprocess.run(command, check=True, stdout=subprocess.DEVNULL))

    print(f"{args.records:,} records, {size:.1f} MB of JSON Lines; {report.agreements:,} agreements, "
          f"{len(report.errors)} error records, {len(report.months)} months")
    print(f"baseline: json.loads of every line       {base:6.2f} s")
    print(f"report figures (read + tally + match)    {tally:6.2f} s   ratio {tally / base:.2f}")
    print(f"terminal tables (Rich)                   {tables:6.2f} s")
    print(f"HTML page with 8 matplotlib SVG charts   {page:6.2f} s   ({len(html) / 1e3:.0f} KB)")
    print(f"cold `mouextract report --html` process  {cold:6.2f} s   ratio {cold / base:.2f}   (goal < 10 s)")


if __name__ == "__main__":
    main()
