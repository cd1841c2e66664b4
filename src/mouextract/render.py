"""Renderers: JSON and a Rich table view for analysts."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from .models import Extraction


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

    table("Parties", ["Name", "Aliases", "Kind", "Mentions"],
          [[p.name, ", ".join(p.aliases), p.kind or "", str(len(p.mentions))] for p in extraction.parties])
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
