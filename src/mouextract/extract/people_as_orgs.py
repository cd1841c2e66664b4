"""Candidate filters: organisation candidates that name no organisation of their own.

People: a surname or a titled name that a person of the text carries. A signing led by an official ("health minister
Nora Adeyemi and Halden's CEO signed ...", "Gov. Adeyemi signs MOA with ...") puts the official's surname where the
parse and the capitalised-phrase patterns look for signatories: "Adeyemi said", the headline's "Gov. Adeyemi",
"Secretary Adeyemi". NER reads the full name as a person; the surname or the titled form alone is then that person,
not an organisation.

States named in short for their public body ("Egypt has signed ..." above the signing ministry): no party of their own.
"""

from __future__ import annotations

from .context import Context
from .orgs import OrgEntity
from .territory import place_name


def without_people(ctx: Context, entities: list[OrgEntity]) -> list[OrgEntity]:
    """``entities`` without those that name a person of the text."""
    titles = frozenset(w for w in [*ctx.rules.lexicon["title_words"], *ctx.rules.lexicon["title_abbreviations"]]
                       if " " not in w)
    forms = {f for e in entities for f in e.forms}
    # a full name that is also an organisation's form ("Eli Lilly") is a company named after a person
    # (and only name-shaped people: small NER models read "biopharma Halden" or a line run-on as a person)
    people = [ent.text.split() for ent in ctx.ents if ent.label_ == "PERSON" and ent.text not in forms
              and "\n" not in ent.text and 1 < len(ent.text.split()) <= 4 and all(w[:1].isupper() for w in ent.text.split())
              or ent.label_ == "PERSON" and len(ent) == 1 and ent.text not in forms]
    return [e for e in entities if not _names_a_person(e.name, titles, people)]


def _names_a_person(name: str, titles: frozenset[str], people: list[list[str]]) -> bool:
    words = name.rstrip(".").split()
    if len(words) == 1 and words[0] in titles:
        return True  # "Gov", "Sec": a title abbreviation or word cut from "Gov. Adeyemi"
    titled = len(words) == 2 and words[0].rstrip(".") in titles
    rest = words[1:] if titled else words
    if len(rest) != 1 or not rest[0][:1].isupper():
        return False
    # the surname of a longer name ("Daniel Adeyemi"); after a title, also a name NER reads as a person alone
    return any(len(p) > 1 and p[-1] == rest[0] or titled and p == rest for p in people)


def without_shorthand_states(entities: list[OrgEntity]) -> list[OrgEntity]:
    """The candidates without places only the parse proposed, where the article names a public body: "Egypt has
    signed ..." above the ministry or authority that signs is the state's shorthand for it, no party of its own."""
    if not any(e.kind == "government" for e in entities):
        return entities
    return [e for e in entities if not (e.syntax_only and place_name(e.name))]
