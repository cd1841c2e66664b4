"""Therapy areas and technologies: vocabulary matches, plus acronyms the article itself defines."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from typing import TypeVar

from ..models import Mention, Technology, TherapyArea
from ..pipeline import Vocabulary
from .context import Context

# "natural killer (NK) cells", "graft-versus-host disease (GVHD)": an acronym in parentheses right after
# (or inside) a matched phrase becomes a case-sensitive synonym for the rest of this article.
_Fact = TypeVar("_Fact", TherapyArea, Technology)
_DEFINED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9-]{1,9})(?:[,;)])")


def match_vocabulary(ctx: Context, vocab: Vocabulary) -> dict[int, list[Mention]]:
    """Entry index -> mentions, longest match first, noise excluded, article acronyms added."""
    from spacy.util import filter_spans

    doc = ctx.doc
    spans = []
    for matcher in (vocab.lower, vocab.exact):
        for match_id, start, end in matcher(doc):
            span = doc[start:end]
            span.label_ = doc.vocab.strings[match_id]
            spans.append(span)
    found: dict[int, list[Mention]] = defaultdict(list)
    acronyms: dict[str, int] = {}
    for span in filter_spans(spans):
        start, end = span.start_char, span.end_char
        if ctx.is_noise(start, end):
            continue
        index = int(span.label_)
        found[index].append(ctx.mention(start, end))
        defined = _DEFINED_ACRONYM.match(ctx.text, end)
        if defined:
            acronyms.setdefault(defined.group(1), index)
    taken = {(m.start, m.end) for ms in found.values() for m in ms}
    for acronym, index in acronyms.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", ctx.text):
            if (m.start(), m.end()) not in taken and not ctx.is_noise(m.start(), m.end()) \
                    and not any(s <= m.start() < e for s, e in taken):
                found[index].append(ctx.mention(m.start(), m.end()))
    return found


def _facts(ctx: Context, vocab: Vocabulary, build: Callable[[dict[str, str], str | None], _Fact]) -> list[_Fact]:
    """One fact per vocabulary entry found, mentions in text order, facts ordered by first mention."""
    out = []
    for index, mentions in match_vocabulary(ctx, vocab).items():
        entry = vocab.entries[index]
        fact = build(entry, f"MESH:{entry['mesh']}" if entry["mesh"] else None)
        fact.mentions = sorted(mentions, key=lambda m: m.start)
        out.append(fact)
    return sorted(out, key=lambda f: f.mentions[0].start)


def therapy_areas(ctx: Context) -> list[TherapyArea]:
    return _facts(ctx, ctx.rules.therapy,
                  lambda e, mesh: TherapyArea(name=e["name"], id=mesh, category=e["category"]))


def technologies(ctx: Context) -> list[Technology]:
    return _facts(ctx, ctx.rules.technology,
                  lambda e, mesh: Technology(name=e["name"], id=mesh, modality=e["modality"]))
