"""Deal terms: money, party roles, territory, assets, term and options, each grounded in the text.

This module assembles ``Terms`` from one reader per concern, in data-flow order: amounts (money.py) are
tied to their components (financials.py); territory.py, assets.py, duration.py and options.py read the
rest; roles.py gives each party its role from the deal sentences. Cues live in data/terms.json, region
groups in data/regions.json.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import Terms
from .assets import assets
from .context import Context
from .duration import expiry, term
from .financials import disclosure, financials
from .options import options
from .roles import party_roles
from .territory import territory

if TYPE_CHECKING:
    from .orgs import OrgEntity

__all__ = ["deal_terms", "financials", "party_roles", "term", "territory"]


def deal_terms(ctx: Context, parties: list[OrgEntity], kind: str | None = None) -> Terms:
    """Every deal term of the article (``kind``: the agreement type, when known)."""
    money = financials(ctx, parties)
    disclosed, disclosure_mentions = disclosure(ctx, money)
    duration, term_mentions = term(ctx)
    until, until_mentions = expiry(ctx)
    return Terms(financial_terms_disclosed=disclosed, disclosure_mentions=disclosure_mentions, financials=money,
                 territory=territory(ctx, parties, kind), assets=assets(ctx, parties), term=duration, term_mentions=term_mentions,
                 expiry=until, expiry_mentions=until_mentions, options=options(ctx))
