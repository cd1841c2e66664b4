"""Options a deal grants (to license, to acquire, to extend) and what they cover."""

from __future__ import annotations

import re

from ..models import DealOption
from ..resources import regex
from .context import Context
from .deal_cues import term_cues
from .salience import in_boilerplate


def options(ctx: Context) -> list[DealOption]:
    """Options the deal grants: to license, to acquire, to extend, with what they cover."""
    oc = term_cues()["options"]
    out: list[DealOption] = []
    for m in re.finditer(r"(?=o)\boptions?\s+(?:rights?\s+)?(?:to|for)\s+((?:an?\s+)?[^.;:()\n]{3,140}?)(?=[.;:()]|,\s+(?:which|and|with|while|under)|\s+(?:upon|following|after|at|for\s+an?\s+|in exchange)\b|$)",
                         ctx.masked, re.IGNORECASE):
        if in_boilerplate(ctx, m.start()) or ctx.is_noise(m.start(), m.end()):
            continue
        what = m.group(1)
        kind = next((k for k in ("license", "acquire", "extend") if regex(rf"^(?:an?\s+)?(?:{oc[k]})", True).match(what)), "other")
        key = " ".join(what.lower().split()[:2])
        if any(" ".join((o.covers or "").lower().split()[:2]) == key for o in out):
            continue  # the headline's "Option to License QT-17" and the body's "option to license QT-17, ..." are one
        out.append(DealOption(kind=kind, covers=what.strip(), mentions=[ctx.mention(m.start(), m.end())]))  # type: ignore[arg-type]
    return out
