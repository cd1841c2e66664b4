"""Time per KB on pathological inputs at growing sizes: it must stay flat (no regex blow-up).

Usage: python benchmarks/pathological.py
"""

from __future__ import annotations

import time

from mouextract.extractor import Extractor

UNITS = {
    "punctuation": "!?.,;:()[]{}--'\"“”… ",
    "capitalised words": "Alpha Beta Gamma Delta Epsilon Zeta Bio Pharma University Hospital ",
    "act of the act": "Act of the Act of the ",
    "nested parentheses": "((((((((((Alpha (Beta (Gamma) Delta)))))))))) ",
    "no spaces": "x",
}
SIZES_KB = (4, 16, 64)


def main() -> None:
    extractor = Extractor()
    print(f"{'input':20} " + " ".join(f"{kb:>7} KB" for kb in SIZES_KB) + "   (ms per KB; flat is good)")
    for name, unit in UNITS.items():
        row = []
        for kb in SIZES_KB:
            text = (unit * (kb * 1024 // len(unit) + 1))[: kb * 1024]
            start = time.perf_counter()
            extractor.extract(text)
            row.append((time.perf_counter() - start) * 1000 / kb)
        growth = row[-1] / row[0] if row[0] else 0
        print(f"{name:20} " + " ".join(f"{v:10.2f}" for v in row) + f"   growth x{growth:.1f}")


if __name__ == "__main__":
    main()
