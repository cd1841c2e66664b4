"""Score extractions against gold files (our gold format, documented in the README).

Matching rules: names are compared after folding (case, punctuation, possessive 's, a leading
"the", legal suffixes such as Inc./Ltd./GmbH). Parties match when any name or alias is shared;
people when their name tokens are the same set (order, hyphens and honorifics ignored); dates by ISO
value (null values ignored); therapy areas, technologies and laws when the name or a mention's text
equals the gold name or one of its forms. Each gold fact is matched at most once.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_LEGAL = {"inc", "ltd", "co", "corp", "corporation", "llc", "gmbh", "ag", "sa", "plc", "limited", "kk", "bv", "nv",
          "company", "pte", "pvt", "sas", "asa", "aps"}
_HONORIFICS = {"dr", "prof", "professor", "mr", "mrs", "ms", "phd", "md"}
FAMILIES = ("parties", "people", "dates", "therapy_areas", "technologies", "legal_frameworks")


def norm(name: str | None) -> str:
    """Folded form of a name for comparison."""
    text = unicodedata.normalize("NFKC", name or "").replace("’", "'").lower()
    words = re.sub(r"[^\w\s]", " ", re.sub(r"'s\b", "", text)).split()
    if words[:1] == ["the"]:
        words = words[1:]
    while len(words) > 1 and words[-1] in _LEGAL:
        words.pop()
    return " ".join(words)


def person_tokens(name: str | None) -> frozenset[str]:
    text = re.sub(r"[-‐‑.]", "", unicodedata.normalize("NFKC", name or "").lower())
    return frozenset(w for w in re.sub(r"[^\w\s]", " ", text).split() if w not in _HONORIFICS)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Report:
    counts: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FAMILIES})
    documents: int = 0
    type_ok: int = 0
    signed_ok: int = 0
    misses: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for family, c in self.counts.items():
            p, r, f = c.prf()
            out[family] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                           "tp": c.tp, "fp": c.fp, "fn": c.fn}
        n = self.documents or 1
        out["agreement_type_accuracy"] = round(self.type_ok / n, 4)
        out["signed_on_accuracy"] = round(self.signed_ok / n, 4)
        out["documents"] = self.documents
        return out


def _pair(pred: list[set[Any]], gold: list[set[Any]]) -> int:
    used: set[int] = set()
    hits = 0
    for p in pred:
        j = next((j for j, g in enumerate(gold) if j not in used and p & g), None)
        if j is not None:
            used.add(j)
            hits += 1
    return hits


def _names(entry: dict[str, Any], keys: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for key in keys:
        value = entry.get(key)
        for v in value if isinstance(value, list) else [value]:
            text = v.get("text") if isinstance(v, dict) else v
            if isinstance(text, str) and norm(text):
                out.add(norm(text))
    return out


def score_document(report: Report, doc_id: str, pred: dict[str, Any], gold: dict[str, Any]) -> None:
    """Add one document's matches to ``report``."""
    def tally(family: str, p: list[set[Any]], g: list[set[Any]]) -> None:
        hits = _pair(p, g)
        report.counts[family].add(hits, len(p) - hits, len(g) - hits)
        if hits < len(g) or hits < len(p):
            report.misses.append(f"{doc_id}: {family}: {len(p) - hits} extra, {len(g) - hits} missed")

    tally("parties", [_names(x, ("name", "aliases")) for x in pred.get("parties") or []],
          [_names(x, ("name", "aliases")) for x in gold.get("parties") or []])
    tally("people", [{person_tokens(x.get("name"))} for x in pred.get("people") or []],
          [{person_tokens(x.get("name"))} for x in gold.get("people") or []])
    tally("dates", [{x["value"]} for x in pred.get("dates") or [] if x.get("value")],
          [{x["value"]} for x in gold.get("dates") or [] if x.get("value")])
    for family in ("therapy_areas", "technologies", "legal_frameworks"):
        tally(family, [_names(x, ("name", "mentions")) for x in pred.get(family) or []],
              [_names(x, ("name", "forms")) for x in gold.get(family) or []])
    pa, ga = pred.get("agreement") or {}, gold.get("agreement") or {}
    report.documents += 1
    report.type_ok += (pa.get("type") or None) == (ga.get("type") or None)
    report.signed_ok += (pa.get("signed_on") or None) == (ga.get("signed_on") or None)


def gold_pairs(dirs: Iterable[Path]) -> list[tuple[Path, Path]]:
    """(article, gold) pairs: NAME.txt or NAME.html beside NAME.gold.json."""
    pairs = []
    for d in dirs:
        for gold in sorted(Path(d).glob("*.gold.json")):
            stem = gold.name[: -len(".gold.json")]
            article = next((gold.with_name(stem + s) for s in (".txt", ".html", ".htm")
                            if gold.with_name(stem + s).exists()), None)
            if article:
                pairs.append((article, gold))
    return pairs


def evaluate(dirs: Iterable[Path], predict: Callable[[Path], dict[str, Any]]) -> Report:
    report = Report()
    for article, gold_path in gold_pairs(dirs):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        score_document(report, str(gold.get("id") or article.stem), predict(article), gold)
    return report
