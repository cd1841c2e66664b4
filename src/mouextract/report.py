"""The batch report: what a JSON Lines run found, as figures, Rich tables and one self-contained HTML page.

Records are read as plain dicts (no model validation): a report over 10,000 records must build in seconds,
and a record of an older schema version still counts.
"""

from __future__ import annotations

import io
import json
import re
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from .evaluate import norm
from .models import SCHEMA_VERSION

if TYPE_CHECKING:
    from rich.console import Console

TOP = 15  # bars per chart and organisations listed; the rest are summed as "other"
PARTNERS_SHOWN = 10  # per organisation in the tables (the JSON has them all)
_MONTH = re.compile(r"^(\d{4})-(\d{2})")


@dataclass
class Filters:
    """Which agreements count: type, signing month range (YYYY, YYYY-MM or YYYY-MM-DD) and therapy."""

    type: str | None = None
    since: str | None = None
    until: str | None = None
    therapy: str | None = None

    def describe(self) -> str:
        parts = [f"type {self.type}" if self.type else "", f"since {self.since}" if self.since else "",
                 f"until {self.until}" if self.until else "", f"therapy {self.therapy}" if self.therapy else ""]
        return ", ".join(p for p in parts if p) or "none"

    def accepts(self, record: dict[str, Any]) -> bool:
        agreement = record.get("agreement") or {}
        if self.type and agreement.get("type") != self.type:
            return False
        if self.since or self.until:
            signed = agreement.get("signed_on") or ""
            if not signed[:4].isdigit():
                return False
            # Partial dates compare on the precision both sides have: "2024" is within --since 2024-06.
            if self.since and signed[:len(self.since)] < self.since[:len(signed)]:
                return False
            if self.until and signed[:len(self.until)] > self.until[:len(signed)]:
                return False
        if self.therapy:
            wanted = self.therapy.casefold()
            areas = record.get("therapy_areas") or []
            if not any(wanted in {(a.get("category") or "").casefold(), (a.get("name") or "").casefold()}
                       for a in areas):
                return False
        return True


@dataclass
class Organisation:
    """An organisation matched across articles, with its deals and partners."""

    name: str
    deals: int
    kind: str | None
    partners: list[tuple[str, int]]
    names: list[str]


@dataclass
class Report:
    """Every figure of the report; ``counts`` holds the charted tallies by dimension."""

    filters: str = "none"
    records: int = 0
    articles: int = 0
    agreements: int = 0
    unreadable_lines: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    undated: int = 0
    months: list[tuple[str, int]] = field(default_factory=list)
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    organisations: list[Organisation] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION, "filters": self.filters, "records": self.records,
            "articles": self.articles, "agreements": self.agreements, "unreadable_lines": self.unreadable_lines,
            "errors": [{"source": s, "type": t, "message": m} for s, t, m in self.errors],
            "deals_per_month": dict(self.months), "undated_agreements": self.undated,
            **{key: dict(counter.most_common()) for key, counter in self.counts.items()},
            "organisations": [{"name": o.name, "deals": o.deals, "kind": o.kind, "names": o.names,
                               "partners": dict(o.partners)} for o in self.organisations],
        }


# Dimension key -> title, in the order the report shows them.
DIMENSIONS = {
    "by_type": "Agreements by type",
    "by_status": "Agreements by status",
    "therapy_categories": "Deals per therapy category",
    "therapy_areas": "Deals per therapy area",
    "modalities": "Deals per technology modality",
    "jurisdictions": "Deals per jurisdiction of the laws named",
    "party_kinds": "Deals per party kinds",
}


def read_records(lines: Iterable[str]) -> Iterator[dict[str, Any] | None]:
    """Records of a JSON Lines stream; None for a line that is not a JSON object (a cut or foreign line)."""
    for line in lines:
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            yield None
            continue
        yield obj if isinstance(obj, dict) else None


def party_kinds(parties: list[dict[str, Any]]) -> str:
    """'company–hospital', 'company–company': the kinds of a deal's parties, sorted, repeated only when all alike."""
    kinds = sorted((p.get("kind") or "unknown") for p in parties)
    if not kinds:
        return "no parties"
    distinct = sorted(set(kinds))
    return "–".join(kinds[:2] if len(distinct) == 1 and len(kinds) > 1 else distinct)


class _Clusters:
    """Union-find over folded names: two parties are one organisation when a name or alias folds alike."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        root = key
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        while self.parent[key] != root:  # path compression keeps 10,000 records linear
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, keys: list[str]) -> str:
        roots = [self.find(k) for k in keys]
        for r in roots[1:]:
            self.parent[r] = roots[0]
        return roots[0]


def _keys(party: dict[str, Any]) -> list[str]:
    names = [party.get("name") or "", *(party.get("aliases") or [])]
    # Aliases of one or two letters ("GC") are too ambiguous to join organisations across articles.
    return list(dict.fromkeys(k for k in (norm(n) for n in names) if len(k) > 2)) or [norm(names[0]) or "?"]


def build_report(records: Iterable[dict[str, Any] | None], filters: Filters | None = None) -> Report:
    """Tally a batch's records (as read by :func:`read_records`)."""
    filters = filters or Filters()
    report = Report(filters=filters.describe())
    counts: dict[str, Counter[str]] = {key: Counter() for key in DIMENSIONS}
    months: Counter[str] = Counter()
    clusters = _Clusters()
    deals_parties: list[list[tuple[list[str], dict[str, Any]]]] = []
    for record in records:
        if record is None:
            report.unreadable_lines += 1
            continue
        report.records += 1
        if "error" in record:
            error = record.get("error") or {}
            report.errors.append((str(record.get("source")), str(error.get("type")), str(error.get("message"))))
            continue
        if not filters.accepts(record):
            continue
        report.articles += 1
        agreement = record.get("agreement") or {}
        if not agreement.get("type"):
            continue
        report.agreements += 1
        counts["by_type"][agreement["type"]] += 1
        counts["by_status"][agreement.get("status") or "unknown"] += 1
        month = _MONTH.match(agreement.get("signed_on") or "")
        if month:
            months[month.group(0)] += 1
        else:
            report.undated += 1
        areas = record.get("therapy_areas") or []
        counts["therapy_categories"].update({a.get("category") or "uncategorised" for a in areas})
        counts["therapy_areas"].update({a.get("name") for a in areas if a.get("name")})
        counts["modalities"].update({t.get("modality") or "unspecified" for t in record.get("technologies") or []})
        counts["jurisdictions"].update({f.get("jurisdiction") for f in record.get("legal_frameworks") or []
                                        if f.get("jurisdiction")})
        parties = record.get("parties") or []
        counts["party_kinds"][party_kinds(parties)] += 1
        deals_parties.append([(_keys(p), p) for p in parties])
    for deal in deals_parties:
        for keys, _ in deal:
            clusters.union(keys)
    report.counts = counts
    report.months = _month_series(months)
    report.organisations = _organisations(deals_parties, clusters)
    return report


def _month_series(months: Counter[str]) -> list[tuple[str, int]]:
    """Every month from the first to the last signing, zeros included (a time series has no gaps)."""
    if not months:
        return []
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:7])
    series = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        series.append((key, months.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return series


def _organisations(deals: list[list[tuple[list[str], dict[str, Any]]]], clusters: _Clusters) -> list[Organisation]:
    deal_count: Counter[str] = Counter()
    partners: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for deal in deals:
        roots = [clusters.find(keys[0]) for keys, _ in deal]
        for root, (_, party) in zip(roots, deal):
            names[root][party.get("name") or "?"] += 1
            if party.get("kind"):
                kinds[root][party["kind"]] += 1
        for root in set(roots):
            deal_count[root] += 1
            partners[root].update({r for r in roots if r != root})

    def label(root: str) -> str:
        return names[root].most_common(1)[0][0]

    top = sorted(deal_count, key=lambda r: (-deal_count[r], label(r)))[:TOP]
    return [Organisation(label(r), deal_count[r], kinds[r].most_common(1)[0][0] if kinds[r] else None,
                         [(label(p), n) for p, n in sorted(partners[r].items(), key=lambda x: (-x[1], label(x[0])))],
                         sorted(names[r])) for r in top]


def load(stream: TextIO, filters: Filters | None = None) -> Report:
    """Build the report of an open JSON Lines file."""
    return build_report(read_records(stream), filters)


def _top(counter: Counter[str], limit: int = TOP) -> list[tuple[str, int]]:
    """The ``limit`` largest counts, the rest summed as 'other (N)'."""
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(items) <= limit:
        return items
    rest = items[limit - 1:]
    return [*items[:limit - 1], (f"other ({len(rest)})", sum(n for _, n in rest))]


def print_report(report: Report, console: Console) -> None:
    """The report as Rich tables."""
    from rich.table import Table

    console.print(f"[bold]mouextract report[/bold]  filters: {report.filters}")
    console.print(f"{report.records} records: {report.articles} articles, [bold]{report.agreements}[/bold] agreements, "
                  f"{len(report.errors)} errors" + (f", {report.unreadable_lines} unreadable lines"
                                                     if report.unreadable_lines else ""))

    def table(title: str, rows: list[tuple[str, int]], head: str = "") -> None:
        if not rows:
            return
        t = Table(title=title, title_justify="left", header_style="bold magenta")
        t.add_column(head or title.split(" per ")[-1].split(" by ")[-1])
        t.add_column("deals", justify="right")
        for key, n in rows:
            t.add_row(key.replace("_", " "), str(n))
        console.print(t)

    for key, title in DIMENSIONS.items():
        table(title, _top(report.counts.get(key, Counter())))
    table("Deals per month of signing", [(m, n) for m, n in report.months if n]
          + ([("undated", report.undated)] if report.undated else []), "month")
    if report.organisations:
        t = Table(title="Organisations with the most deals", title_justify="left", header_style="bold magenta")
        for col in ("organisation", "kind", "deals", "partners"):
            t.add_column(col, justify="right" if col == "deals" else "left", overflow="fold")
        for o in report.organisations:
            more = len(o.partners) - PARTNERS_SHOWN
            t.add_row(o.name, o.kind or "", str(o.deals),
                      ", ".join(f"{p} ({n})" if n > 1 else p for p, n in o.partners[:PARTNERS_SHOWN])
                      + (f" and {more} more" if more > 0 else ""))
        console.print(t)
    if report.errors:
        t = Table(title="Error records", title_justify="left", header_style="bold red")
        for col in ("source", "type", "message"):
            t.add_column(col, overflow="fold")
        for row in report.errors:
            t.add_row(*row)
        console.print(t)


def _svg(figure: Any) -> str:
    """A matplotlib figure as inline SVG markup (text kept as text, no date stamp, stable ids)."""
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "mouextract"}):
        figure.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]


def _bar_chart(rows: list[tuple[str, int]], colour: str) -> str:
    from matplotlib.figure import Figure

    # Long labels (several party kinds) wrap, so that every chart keeps the same scale on the page.
    labels = [textwrap.fill(k.replace("_", " "), 30) for k, _ in rows][::-1]
    values = [n for _, n in rows][::-1]
    lines = sum(label.count("\n") + 1 for label in labels)
    figure = Figure(figsize=(5.6, 0.22 * lines + 0.08 * len(rows) + 0.6), layout="constrained")
    ax = figure.subplots()
    bars = ax.barh(labels, values, color=colour)
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.set_xlim(0, max(values) * 1.15 or 1)
    _tidy(ax)
    ax.tick_params(axis="y", labelsize=9, length=0)
    ax.set_xticks([])
    return _svg(figure)


def _month_chart(months: list[tuple[str, int]]) -> str:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(11, 2.8), layout="constrained")
    ax = figure.subplots()
    x = list(range(len(months)))
    ax.bar(x, [n for _, n in months], color="#2563eb", width=0.8)
    ax.set_xlim(-0.7, len(months) - 0.3)
    step = max(1, len(months) // 24)
    ax.set_xticks(x[::step], [m for m, _ in months][::step], rotation=60, ha="right", fontsize=8)
    ax.set_ylabel("deals signed", fontsize=9)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    _tidy(ax)
    return _svg(figure)


def _tidy(ax: Any) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


COLOURS = {"by_type": "#7c3aed", "by_status": "#6d28d9", "therapy_categories": "#b91c1c", "therapy_areas": "#dc2626",
           "modalities": "#be185d", "jurisdictions": "#854d0e", "party_kinds": "#1d4ed8"}


def render_report_html(report: Report, *, source: str = "") -> str:
    """The report as one self-contained HTML page: tables with every count, charts as inline SVG."""
    from .evidence import environment

    charts: list[dict[str, Any]] = []
    for key, title in DIMENSIONS.items():
        counter = report.counts.get(key, Counter())
        rows = _top(counter, limit=len(counter))
        # The chart shows the largest values only: an "other" bar summing many small ones would dwarf them all.
        charts.append({"key": key, "title": title, "rows": rows, "more": max(0, len(rows) - TOP),
                       "svg": _bar_chart(rows[:TOP], COLOURS[key]) if counter else ""})
    return environment().get_template("report.html").render(
        report=report, source=source or "results", charts=charts, partners_shown=PARTNERS_SHOWN,
        month_svg=_month_chart(report.months) if report.months else "")
