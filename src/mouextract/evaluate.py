"""Score extractions against gold files (our gold format, documented in the README).

Matching rules: names are compared after folding (case, punctuation, possessive 's, a leading
"the", legal suffixes such as Inc./Ltd./GmbH). Parties match when any name or alias is shared;
people when their name tokens are the same set (order, hyphens and honorifics ignored); dates by ISO
value (null values ignored); therapy areas, technologies and laws when the name or a mention's text
equals the gold name or one of its forms. Each gold fact is matched at most once. Deal terms (a gold
"terms" block) are scored as ../shared/eval/score.py scores them: money on kind, currency and amount
within 0.5% (a royalty on kind alone), territory as (granted|excluded, code) pairs, assets by name then
phase, party roles from each predicted party's "role".
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


TERM_FAMILIES = ("financials", "territory", "assets")
TERM_ACCURACIES = ("disclosed", "exclusive", "term", "roles", "phase")


@dataclass
class TermsReport:
    """Deal-term tallies, as ../shared/eval/score.py keeps them (GOLD.md, "Deal terms")."""

    counts: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in TERM_FAMILIES})
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TERM_ACCURACIES, 0))
    asked: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TERM_ACCURACIES, 0))
    documents: int = 0
    territory_documents: int = 0
    territory_f1_sum: float = 0.0

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for family, c in self.counts.items():
            p, r, f = c.prf()
            out[family] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": c.tp, "fp": c.fp, "fn": c.fn}
        # per article, so one continent listed by its members does not outweigh the rest (the shared scorer's figure)
        out["territory_f1_per_article"] = round(self.territory_f1_sum / self.territory_documents, 4) if self.territory_documents else None
        for key in TERM_ACCURACIES:
            out[f"{key}_accuracy"] = round(self.right[key] / self.asked[key], 4) if self.asked[key] else None
        out["documents"] = self.documents
        return out


@dataclass
class Report:
    counts: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FAMILIES})
    documents: int = 0
    type_ok: int = 0
    signed_ok: int = 0
    misses: list[str] = field(default_factory=list)
    terms: TermsReport = field(default_factory=TermsReport)

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
        if self.terms.documents:
            out["terms"] = self.terms.figures()
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
    if "terms" in gold:
        score_terms(report.terms, pred, gold)


def _money_match(p: dict[str, Any], g: dict[str, Any]) -> bool:
    """Same kind; for every kind but royalty also the same currency and amount (within 0.5%)."""
    if str(p.get("kind") or "").lower() != str(g.get("kind") or "").lower():
        return False
    if g.get("kind") == "royalty" or g.get("amount") is None:
        return True
    try:
        pa, ga = float(p.get("amount")), float(g.get("amount"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return str(p.get("currency") or "").upper() == str(g.get("currency") or "").upper() and abs(pa - ga) <= 0.005 * abs(ga)


def score_terms(report: TermsReport, pred: dict[str, Any], gold: dict[str, Any]) -> None:
    """Money, disclosure, exclusivity, term, party roles, territory, assets and phase of one document."""
    gt = gold.get("terms") or {}
    pt = (pred.get("agreement") or {}).get("terms") or {}
    report.documents += 1
    pm, gm = list(pt.get("financials") or []), list(gt.get("financials") or [])
    used: set[int] = set()
    for p in pm:
        j = next((j for j, g in enumerate(gm) if j not in used and _money_match(p, g)), None)
        if j is not None:
            used.add(j)
    report.counts["financials"].add(len(used), len(pm) - len(used), len(gm) - len(used))
    for key, read in (("disclosed", lambda t: t.get("financial_terms_disclosed")),
                      ("exclusive", lambda t: (t.get("territory") or {}).get("exclusive")),
                      ("term", lambda t: t.get("term"))):
        want = read(gt)
        if want is None:
            continue
        report.asked[key] += 1
        got = read(pt)
        report.right[key] += (str(got).upper() == str(want).upper()) if key == "term" else got == want
    preds = [(_names(p, ("name", "aliases")), p.get("role")) for p in pred.get("parties") or []]
    gold_parties = {norm(g["name"]): _names(g, ("name", "aliases")) for g in gold.get("parties") or []}
    for r in gt.get("roles") or []:
        report.asked["roles"] += 1
        want_names = gold_parties.get(norm(r.get("party")), {norm(r.get("party"))})
        got_role = next((role for keys, role in preds if keys & want_names), None)
        report.right["roles"] += str(got_role or "").lower() == str(r.get("role") or "").lower()

    def codes(t: dict[str, Any]) -> set[tuple[str, str]]:
        terr = t.get("territory") or {}
        return {(side, str(c).upper()) for side in ("granted", "excluded") for c in terr.get(side) or []}

    pc, gc = codes(pt), codes(gt)
    report.counts["territory"].add(len(pc & gc), len(pc - gc), len(gc - pc))
    if pc or gc:
        report.territory_documents += 1
        report.territory_f1_sum += 2 * len(pc & gc) / (len(pc) + len(gc))
    pa = [a for a in pt.get("assets") or [] if isinstance(a, dict)]
    ga = [a for a in gt.get("assets") or [] if isinstance(a, dict)]
    taken: set[int] = set()
    for p in pa:
        keys = _names(p, ("name", "aliases"))
        j = next((j for j, g in enumerate(ga) if j not in taken and keys & _names(g, ("name", "aliases"))), None)
        if j is None:
            continue
        taken.add(j)
        if ga[j].get("phase"):
            report.asked["phase"] += 1
            report.right["phase"] += p.get("phase") == ga[j].get("phase")
    report.counts["assets"].add(len(taken), len(pa) - len(taken), len(ga) - len(taken))


def gold_pairs(dirs: Iterable[Path]) -> list[tuple[Path, Path]]:
    """(article, gold) pairs: NAME.txt or NAME.html beside NAME.gold.json, or in .cache/ beside it (where a corpus of
    third-party articles keeps their texts out of git, as the shared scorer looks)."""
    pairs = []
    for d in dirs:
        for gold in sorted(Path(d).glob("*.gold.json")):
            stem = gold.name[: -len(".gold.json")]
            places = [gold.with_name(stem + s) for s in (".txt", ".html", ".htm")] + [gold.parent / ".cache" / f"{stem}.txt"]
            article = next((p for p in places if p.exists()), None)
            if article:
                pairs.append((article, gold))
    return pairs


def evaluate(dirs: Iterable[Path], predict: Callable[[Path], dict[str, Any]]) -> Report:
    report = Report()
    for article, gold_path in gold_pairs(dirs):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        score_document(report, str(gold.get("id") or article.stem), predict(article), gold)
    return report


def term_rows(figures: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """Table rows (name; precision, recall, F1, tp, fp, fn) for the deal-term figures, when the gold had terms."""
    terms = figures.get("terms")
    if not terms:
        return []
    rows = [(f"terms {family}", [f"{terms[family]['precision']:.3f}", f"{terms[family]['recall']:.3f}", f"{terms[family]['f1']:.3f}",
                                 str(terms[family]["tp"]), str(terms[family]["fp"]), str(terms[family]["fn"])]) for family in TERM_FAMILIES]
    per_article = terms["territory_f1_per_article"]
    rows.append(("terms territory per article", ["", "", "n/a" if per_article is None else f"{per_article:.3f}", "", "", ""]))
    for key in TERM_ACCURACIES:
        value = terms[f"{key}_accuracy"]
        rows.append((f"terms {key}", ["", "", "n/a" if value is None else f"{value:.3f}", "", "", ""]))
    return rows
