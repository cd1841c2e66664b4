"""Renderers: JSON and a Rich table view for analysts."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from .models import Extraction, Financial, Terms


def to_dict(extraction: Extraction) -> dict[str, Any]:
    return extraction.model_dump(mode="json")


def to_json(extraction: Extraction, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(extraction), ensure_ascii=False, indent=indent)


def _mentions(items: list[Any], limit: int = 3) -> str:
    texts: list[str] = []
    for m in items:
        if m.text not in texts:
            texts.append(m.text)
    more = f" (+{len(texts) - limit})" if len(texts) > limit else ""
    return ", ".join(texts[:limit]) + more


def _amount(f: Financial) -> str:
    if f.amount is None:
        return ""
    value = f"{f.amount / 1e9:g} billion" if f.amount >= 1e9 else f"{f.amount / 1e6:g} million" if f.amount >= 1e6 else f"{f.amount:,}"
    return f"{'up to ' if f.up_to else ''}{f.currency or ''} {value}".strip()


def _terms_text(terms: Terms) -> str:
    """The deal terms as a few labelled lines: money by component, territory, assets, term, options."""
    disclosed = {True: "disclosed", False: "not disclosed", None: "—"}[terms.financial_terms_disclosed]
    lines = [f"[bold]financial terms:[/bold] {disclosed}"]
    for f in terms.financials:
        extra = [x for x in (f.stage, f.rate_text, "–".join(f"{r:g}%" for r in f.rate) if f.rate else None,
                             f"{f.percent:g}% stake" if f.percent is not None else None) if x]
        lines.append(f"  {f.kind.replace('_', ' ')}: [cyan]{_amount(f) or (f.mentions[0].text if f.mentions else '')}[/cyan]"
                     + (f" ({', '.join(extra)})" if extra else ""))
    if terms.territory:
        t = terms.territory
        excl = {True: "exclusive", False: "non-exclusive", None: ""}[t.exclusive]
        lines.append(f"[bold]territory:[/bold] {', '.join(t.granted) or '—'}"
                     + (f" except {', '.join(t.excluded)}" if t.excluded else "") + (f"  {excl}" if excl else ""))
    for asset in terms.assets:
        lines.append(f"[bold]asset:[/bold] {asset.name}" + "".join(f"  {x}" for x in (asset.phase, asset.modality, asset.indication) if x))
    if terms.term or terms.expiry:
        lines.append(f"[bold]term:[/bold] {terms.term or '—'}" + (f"  until {terms.expiry}" if terms.expiry else ""))
    for option in terms.options:
        lines.append(f"[bold]option:[/bold] {option.kind}: {option.covers or ''}")
    return "\n".join(lines)


def render_table(extraction: Extraction, console: Console, source: str = "") -> None:
    """Print the extraction as a set of Rich tables."""
    from rich.panel import Panel
    from rich.table import Table

    a = extraction.agreement
    parties = " · ".join(p.name for p in extraction.parties) or "no parties found"
    head = (f"[bold]{(a.type or 'no agreement').replace('_', ' ').upper()}[/bold]  {parties}\n"
            f"signed on: [cyan]{a.signed_on or '—'}[/cyan]   reference date: {extraction.meta.reference_date or '—'}"
            f" ({extraction.meta.reference_date_source})")
    console.print(Panel(head, title=source or "mouextract", expand=False))

    def table(title: str, columns: list[str], rows: list[list[str]]) -> None:
        if not rows:
            return
        t = Table(title=title, title_justify="left", show_lines=False, header_style="bold magenta")
        for c in columns:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*r)
        console.print(t)

    table("Parties", ["Name", "Aliases", "Kind", "Role", "Mentions"],
          [[p.name, ", ".join(p.aliases), p.kind or "", p.role or "", str(len(p.mentions))] for p in extraction.parties])
    if a.terms:
        console.print(Panel(_terms_text(a.terms), title="Deal terms", title_align="left", expand=False))
    table("People", ["Name", "Title", "Organisation", "Role", "Quotes"],
          [[p.name, p.title or "", p.organization or "", p.role, str(len(p.quotes))] for p in extraction.people])
    table("Dates", ["Text", "Value", "Role", "Offset"],
          [[d.text, d.value or "—", d.role, str(d.start)] for d in extraction.dates])
    table("Therapy areas", ["Name", "ID", "Category", "As written"],
          [[t.name, t.id or "", t.category or "", _mentions(t.mentions)] for t in extraction.therapy_areas])
    table("Technologies", ["Name", "ID", "Modality", "As written"],
          [[t.name, t.id or "", t.modality or "", _mentions(t.mentions)] for t in extraction.technologies])
    table("Legal frameworks", ["Name", "Jurisdiction", "Kind", "As written"],
          [[f.name, f.jurisdiction or "", f.kind or "", _mentions(f.mentions)] for f in extraction.legal_frameworks])
    table("Other organisations", ["Name", "Role"],
          [[o.name, o.role or ""] for o in extraction.organizations])
    for w in extraction.meta.warnings:
        console.print(f"[yellow]warning:[/yellow] {w}")
