"""Shipped weights → decisions: which candidates are parties, which type the agreement is (or none), whom a
person speaks for.

The models are logistic regressions trained by ``python -m mouextract.learn train`` and shipped as JSON
(feature names, classes, coefficients), so inference is a dot product: no scikit-learn at run time and no
pickles tied to a library version.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..extract.affiliation import Affiliations
from ..extract.agreement import named_as_outlet, named_type
from ..extract.context import Context
from ..extract.org_names import fold, org_heads, strip_suffix
from ..extract.orgs import OrgEntity, acronym_led
from ..extract.territory import place_name
from ..extract.textfind import whole_words
from ..models import Person
from ..resources import regex
from .features import TYPES, Candidates, link_features, party_features, type_features
from .verdicts import (
    consortium_news,
    headline_type,
    names_an_mou,
    non_deal_news,
    services_news,
    settlement_news,
    signed_mou,
    supply_purpose,
    talks_news,
    technology_transfer,
)

PARTY_MODEL = "party.json"
TYPE_MODEL = "agreement_type.json"
LINK_MODEL = "affiliation.json"
# A weights file may carry its decision's thresholds in a "decision" block (LinearModel.param: "threshold" and
# "fill_threshold" of the party model, "co_argument_threshold"; "threshold" and
# "margin" of the linker), so retrained weights can come with thresholds fitted to them; without it, these hand-set
# defaults apply.
# A party is kept at this probability; below it the candidate is another organisation of the story. When fewer than
# two pass, the best remaining ones down to the fill-in probability fill in.
# 0.6 since the candidates' standing among the article's organisations became features (grouped 5-fold
# cross-validation on train, party F1: 0.832 shipped; 0.836 standing at 0.5; 0.843 standing at 0.6 with the
# co-argument pass after the fill-in). The fill-in probability, cross-validated the same way once the standing
# features were in: 0.10 gave 0.843, 0.17 0.844, 0.25 0.847, 0.33 0.850 (no fold below 0.17's), 0.40 no better.
PARTY_THRESHOLD = 0.6
FILL_THRESHOLD = 0.33
# The linker overrules the rules' organisation for a person when it scores another option higher by this margin,
# and gives that option this probability at least (a photo caption's name is no affiliation). Chosen on the
# training split: thresholds 0.5 / 0.6 / 0.7 with margins 0.0 / 0.1 gave 0.746 to 0.763, 0.7 and 0.1 the best.
LINK_MARGIN = 0.1
LINK_THRESHOLD = 0.7


@dataclass(frozen=True)
class LinearModel:
    """A (multinomial) logistic regression over named features."""

    features: tuple[str, ...]
    classes: tuple[str, ...]
    coef: tuple[tuple[float, ...], ...]   # one row per class (one row in all for a binary model)
    intercept: tuple[float, ...]
    decision: tuple[tuple[str, float], ...] = ()  # the thresholds stored with the weights (see the defaults above)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearModel:
        return cls(tuple(data["features"]), tuple(data["classes"]),
                   tuple(tuple(row) for row in data["coef"]), tuple(data["intercept"]),
                   tuple(sorted((str(k), float(v)) for k, v in data.get("decision", {}).items())))

    def param(self, name: str, default: float) -> float:
        return dict(self.decision).get(name, default)

    def scores(self, x: dict[str, float]) -> list[float]:
        vec = [x.get(name, 0.0) for name in self.features]
        return [b + sum(w * v for w, v in zip(row, vec, strict=True)) for row, b in zip(self.coef, self.intercept, strict=True)]

    def proba(self, x: dict[str, float]) -> dict[str, float]:
        """Class probabilities (sigmoid for a binary model, softmax otherwise)."""
        s = self.scores(x)
        if len(self.classes) == 2 and len(s) == 1:
            p = 1.0 / (1.0 + math.exp(-s[0]))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(s)
        exp = [math.exp(v - top) for v in s]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}


def load_model(name: str, folder: Path | None = None) -> LinearModel | None:
    """A model from ``folder`` or the package's data/models/; None when it is not there (rules decide alone)."""
    if folder is not None:
        path = folder / name
        return LinearModel.from_json(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else None
    return _packaged(name)


@cache
def _packaged(name: str) -> LinearModel | None:
    ref = resources.files("mouextract.data").joinpath("models", name)
    if not ref.is_file():
        return None
    return LinearModel.from_json(json.loads(ref.read_text(encoding="utf-8")))


# the learned types an MOU signed anywhere in the text overrules: the generic names of a deal
GENERIC_TYPES = frozenset({"collaboration_agreement", "other"})
# the learned types a supply purpose overrules (see supply_purpose)
SUPPLY_PURPOSE_TYPES = frozenset({"collaboration_agreement", "license"})


def product_name(ctx: Context, entity: OrgEntity) -> bool:
    """A candidate named as a product: a name ending in a trademark sign ("Zanorel®") or a mention followed by a
    lower-case generic drug name in brackets ("Zanorel (velotinib)"; a ticker "(Nasdaq: ZNRL)" is no such name); the
    parse and NER read brand drugs as organisations."""
    suffixes = set(ctx.rules.lexicon["org_suffixes"])
    company = any(word.strip(",") in suffixes for form in entity.forms for word in form.split()[1:])
    if entity.name.endswith(("®", "™")) and not company:
        return True  # a company may mark its own name ("Acme®", also "Acme PLC") and stays a candidate
    if all(" " not in f for f in entity.forms) and regex(ctx.rules.lexicon["inn_drug_pattern"]).match(entity.name):
        return True  # "Velotinib", "Halvozumab": a drug's nonproprietary name, with no company form ("Ostmab A/S")
    drug = regex(ctx.rules.lexicon["drug_name_pattern"])
    for m in entity.mentions:
        bracket = re.match(r"\s*\(([a-z][a-z -]{2,50})\)", ctx.text[m.end:m.end + 60])
        if bracket and drug.search(bracket.group(1)):
            return True
    return False


def _folded_forms(ctx: Context, entity: OrgEntity) -> set[str]:
    """An entity's names folded for comparison: case, punctuation, a leading "the" and legal suffixes dropped."""
    out = set()
    for form in {entity.name, *entity.forms}:
        words = fold(strip_suffix(form, ctx.rules.lexicon)).split()
        words = words[1:] if words[:1] == ["the"] and len(words) > 1 else words
        if words:
            out.add(" ".join(words))
    return out


def same_organisation(ctx: Context, a: OrgEntity, b: OrgEntity) -> bool:
    """Two candidates the clustering kept apart that name one organisation: they share a form ("CTx" of "Coastal
    Therapeutics CRC (CTx)" and of "the CTx Board"), one's name of two words or more ends the other's ("National
    Institute of Oncology" in "Eastbrook National Institute of Oncology"), or one is the other's "X University" /
    "University of X"."""
    fa, fb = _folded_forms(ctx, a), _folded_forms(ctx, b)
    if fa & fb or {f.replace(" ", "") for f in fa} & {f.replace(" ", "") for f in fb}:
        return True  # "Ostvik Bio-Technology" / "Ostvik Biotechnology": one name written with and without a hyphen
    for x in fa:
        for y in fb:
            short, long = sorted((x, y), key=len)
            if len(short.split()) >= 2 and (" " + long).endswith(" " + short):
                return True
            if _university_swap(x) == y or _university_swap(y) == x:
                return True
    if any(acronym_led(x, y) or acronym_led(y, x) for x in a.forms | {a.name} for y in b.forms | {b.name}):
        return True  # "CKD Pharm" and "Chong Kun Dang Pharmaceutical" (folding loses the capitals the initials need)
    if _unit_of(ctx, a.name, b.name) or _unit_of(ctx, b.name, a.name):
        return True
    return any(_shortens(x, y) or _shortens(y, x) for x in fa for y in fb)


def _shortens(short: str, long: str) -> bool:
    """Whether folded ``short`` is a shortening a story coins for the organisation folded ``long`` names: its letters
    read off every word of the long name in turn, each from its first letter, past at most one leading word
    ("junshi bio" of "shanghai junshi biosciences", "zzu" of "zhengzhou university", "chi med" of "hutchison china
    meditech", a ticker "exel" of "exelixis"). A word passed over in the middle is another name's ("nus" is not
    "nanyang technological university"); the long name's first words are no shortening ("sanofi" of "sanofi
    pasteur", "oxford university" of "oxford university hospitals": a parent and its unit may both sign, which
    ``_unit_of`` decides)."""
    letters, words = short.replace(" ", ""), tuple(long.split())
    if len(letters) < 3 or len(letters) >= len(long.replace(" ", "")) or words[:len(short.split())] == tuple(short.split()):
        return False
    return _drawn(letters, words) or _drawn(letters, words[1:])


@lru_cache(maxsize=1 << 14)  # bounded: a batch meets many names
def _drawn(letters: str, words: tuple[str, ...]) -> bool:
    """Whether ``letters`` read off all of ``words`` in order, one or more from each word and its first letter first."""
    if not words:
        return not letters
    word = words[0]
    if word[:1] != letters[:1]:
        return False
    counts, i = [1], 1  # how many letters this word can give (read on inside it); any count may hand over to the next
    for ch in word[1:]:
        if i < len(letters) and ch == letters[i]:
            i += 1
            counts.append(i)
    return any(_drawn(letters[k:], words[1:]) for k in counts)


def _unit_of(ctx: Context, short: str, long: str) -> bool:
    """"Ostvik University" and "Ostvik University Immunology Research Center" (or "Halden Eye Hospital" and "Halden Eye
    Hospital NHS Foundation Trust"): a name that goes on with words no organisation word starts is the same party named
    by its unit or in full (the gold lists one of them as the other's alias); "Ostvik University Hospitals" is
    another organisation, which a head word after the shared name starts."""
    if not long.startswith(short + " ") or " " not in short:
        return False
    rest = long[len(short) + 1:].split()
    if rest[:1] == ["of"] and place_name(" ".join(rest[1:])):
        return True  # "Ostvik Institute of South Africa": the name with the country it is of
    return bool(rest) and rest[0] not in org_heads(ctx.rules.lexicon) and rest[0][:1].isupper()


def _university_swap(name: str) -> str | None:
    """"eastbrook university" -> "university of eastbrook" (one place name either way round)."""
    words = name.split()
    return f"university of {' '.join(words[:-1])}" if len(words) >= 2 and words[-1] == "university" else None


def distinct_parties(ctx: Context, scored: list[tuple[float, OrgEntity]]) -> list[OrgEntity]:
    """The chosen candidates, one per organisation: of two naming the same one, the better-scored stays (the scorer,
    like the gold, counts an organisation once, so the second would be a party too many)."""
    kept: list[OrgEntity] = []
    for _, entity in sorted(scored, key=lambda x: -x[0]):
        if not any(same_organisation(ctx, entity, other) for other in kept):
            kept.append(entity)
    return kept


# A candidate named in the same argument as a chosen party ("an agreement with Halden and Ostvik") is a party at this
# probability (the model, scoring each name alone, doubts a second name the NER reads as a person).
CO_ARGUMENT_THRESHOLD = 0.25
_CO_ROLES = frozenset({"subj", "with", "agent"})


def _co_argument(c: Candidates, entity: OrgEntity, chosen: list[OrgEntity]) -> bool:
    """Whether ``entity`` fills the same role of the same deal word as a chosen party, in the first deal sentences:
    the conjuncts of one argument ("signed with Halden and Ostvik", "Halden and Ostvik signed")."""
    top = c.deal_sentences[:3]

    def slots(e: OrgEntity) -> set[tuple[str, int]]:
        spans = [(m.start, m.end) for m in e.mentions]
        return {(a.role, a.anchor_start) for a in c.args if a.role in _CO_ROLES and any(s <= a.anchor_start < t for s, t in top)
                and any(ms < a.end and a.start < me for ms, me in spans)}

    text = c.ctx.masked
    if len(entity.name.split()) > 1 and any(e.label_ == "PERSON" and e.text == entity.name for e in c.ctx.ents):
        return False  # "Halden and Tao Gang signed": a person of a signing, not a party
    if whole_words(text, entity.name.lower()):
        return False  # "the Parties agreed": a common word capitalised, no name
    if any(re.search(r"&\s*$", text[max(0, m.start - 3):m.start]) for m in entity.mentions):
        return False  # "Halden Sharp & Dohme": the tail of a name joined by "&"
    mine = slots(entity)
    return bool(mine) and any(mine & slots(o) for o in chosen)


@dataclass
class Decider:
    """The learned decisions of one Extractor; each falls back to the rule decision without weights."""

    party: LinearModel | None
    kind: LinearModel | None
    link: LinearModel | None = None

    @classmethod
    def load(cls, folder: Path | None = None) -> Decider:
        return cls(load_model(PARTY_MODEL, folder), load_model(TYPE_MODEL, folder), load_model(LINK_MODEL, folder))

    def decide(self, c: Candidates) -> tuple[str | None, list[OrgEntity], list[OrgEntity]]:
        """The agreement type (None: no agreement), its parties, and the organisations reported: candidates found
        only by the parse count only when chosen as parties."""
        kind = self.agreement_type(c)
        parties = self.parties(c) if kind else []
        return kind, parties, [e for e in c.entities if not e.candidate_only or e in parties]

    @staticmethod
    def link_options(c: Candidates, entities: list[OrgEntity]) -> list[OrgEntity | None]:
        """The organisations a person may speak for: every reported one, and none."""
        return [*entities, None]

    @staticmethod
    def office_options(person: Person, options: list[OrgEntity | None]) -> list[OrgEntity | None]:
        """A public office's holder ("Minister of Health", "Ambassador") for whom the rules found no organisation
        speaks for a government or for none: a company, hospital or university near the name is the deal's party, not
        the minister's (the linker otherwise picks the party nearest a minister at a signing)."""
        if person.organization is not None or not Affiliations.is_office(person.title):
            return options
        return [o for o in options if o is None or o.kind == "government"]

    def affiliate(self, c: Candidates, people: list[Person], entities: list[OrgEntity], parties: list[OrgEntity]) -> None:
        """Each person's organisation: the best-scored option, where it beats the rules' choice clearly."""
        if self.link is None:
            return
        threshold, margin = self.link.param("threshold", LINK_THRESHOLD), self.link.param("margin", LINK_MARGIN)
        for person in people:
            scored = self.link_scores(c, person, entities, parties)
            if scored is not None:
                person.organization = linked(person.organization, scored, threshold, margin)

    def link_scores(self, c: Candidates, person: Person, entities: list[OrgEntity],
                    parties: list[OrgEntity]) -> list[tuple[float, OrgEntity | None]] | None:
        """The linker's probability of each organisation (and of none) for ``person``; None when nothing ties the
        person to an organisation (a name in a photo caption, a list of names)."""
        assert self.link is not None
        rule = person.organization
        if rule is None and person.title is None:
            return None
        return [(self.link.proba(link_features(c, person, o, rule, parties))["1"], o)
                for o in self.office_options(person, self.link_options(c, entities))]

    def agreement_type(self, c: Candidates) -> str | None:
        ruled = self.ruled_type(c)
        if ruled is not UNDECIDED or self.kind is None:
            return c.rule_type if ruled is UNDECIDED else ruled  # type: ignore[return-value]
        return self.model_type(c, self.kind.proba(type_features(c)))

    @staticmethod
    def ruled_type(c: Candidates) -> str | None | object:
        """The type the precise rules decide before the model (None: no agreement), or UNDECIDED."""
        if non_deal_news(c.ctx) or talks_news(c.ctx):
            return None
        # an ended deal ("terminates licence deal with") is the model's evidence (``v_ended``), no rule: it types the
        # 21 such train articles as the rule did (grouped 5-fold type accuracy 0.873 with or without the rule)
        headline = headline_type(c.ctx)
        if headline is not None:
            return headline
        if services_news(c.ctx) or settlement_news(c.ctx):
            return "other"
        named, mentions = named_type(c.ctx)
        if mentions and named == "mou":
            # GOLD.md: a memorandum of understanding or a letter of intent is "mou", even about a joint venture (the
            # deal sentences naming one are of MOU articles in 38 of 40 train articles; the model follows the venture)
            return "mou"
        if consortium_news(c.ctx):
            return "collaboration_agreement"
        return UNDECIDED

    @staticmethod
    def model_type(c: Candidates, proba: dict[str, float]) -> str | None:
        """The type from the model's class probabilities, then the precise overrides below.

        The type the deal sentences name ("signed a consortium agreement") is the model's evidence (``v_named_*``),
        no override: winning at 0.3 of the best class's probability, it changed 24 of the 422 cross-validated
        decisions the rules leave to the model on train, 8 of them rightly, where the model had 12 right (grouped
        5-fold type accuracy 0.864 -> 0.869 without it, halves 0.864 / 0.864 -> 0.871 / 0.867; on another partition
        of the folds 0.861 -> 0.869)."""
        best = max(TYPES, key=lambda t: (proba.get(t, 0.0), -TYPES.index(t)))
        if best in GENERIC_TYPES and signed_mou(c.ctx):
            # "A new agreement between Halden University and the Department ... has been formalised in a Memorandum of
            # Understanding signed today": an agreement called an MOU anywhere is an MOU (GOLD.md), though the lead
            # only says "partnership" or "agreement"
            best = "mou"
        if best == "mou" and not names_an_mou(c.ctx):
            # GOLD.md: an MOU is a memorandum, a letter of intent or an agreement the text calls one; the model, reading
            # "cooperation" as an MOU cue, also says so of a "cooperation framework agreement" that no text calls an
            # MOU: a cooperation the parties agree on is a collaboration in the gold
            best = "collaboration_agreement"
        if best in SUPPLY_PURPOSE_TYPES and supply_purpose(c) and not (best == "license" and technology_transfer(c)):
            best = "supply_agreement"
        return None if best == "none" else best

    def parties(self, c: Candidates) -> list[OrgEntity]:
        """Signatories in order of first mention; at least two once an agreement is announced."""
        scored = self.party_scores(c)
        if scored is None:
            return list(c.rule_parties)
        assert self.party is not None
        return choose_parties(c, scored, self.party.param("threshold", PARTY_THRESHOLD),
                              self.party.param("fill_threshold", FILL_THRESHOLD),
                              self.party.param("co_argument_threshold", CO_ARGUMENT_THRESHOLD))

    def party_scores(self, c: Candidates) -> list[tuple[float, OrgEntity]] | None:
        """The model's probability for each plausible candidate; None when the rules decide (no weights, or a party
        list: "The partners are:" and one item each, a precise rule)."""
        if self.party is None or len(c.listed) >= 2:
            return None
        scored = []
        for entity in c.entities:
            x = party_features(c, entity)
            if (x["owns_a_unit"] or x["only_reports"]) and not x["rule_party"]:
                # precise rules: the owner of the unit that signs ("Hoshimi University's Center ...") and an announcer
                # reporting that two others signed are no parties
                continue
            if place_name(entity.name) and not _signs_as_state(c, entity):
                continue  # a country or region read as an organisation ("South Korea") signs nothing
            if named_as_outlet(c.ctx, entity):
                continue  # "a spokesman told BioWorld": the outlet the story was told to signs nothing
            if product_name(c.ctx, entity):
                continue  # a brand drug ("Zanorel (velotinib)", "Zanorel®") is what the deal is about, not a signatory
            scored.append((self.party.proba(x)["1"], entity))
        return scored


def _signs_as_state(c: Candidates, entity: OrgEntity) -> bool:
    """A place that is the subject of a deal verb in the first deal sentences ("Norland signs contract for vaccine
    doses"): a state signing by its short name, as the gold lists it. Not where the article names a public body
    ("Egypt has signed ..." above a ministry or authority that signs): the headline's state is then its shorthand
    (those places are no candidates: ``without_shorthand_states``)."""
    return any((m.start, m.end) in c.signing_states for m in entity.mentions)


UNDECIDED = object()  # ruled_type: the rules leave the type to the model


def choose_parties(c: Candidates, scored: list[tuple[float, OrgEntity]], threshold: float, fill: float,
                   co_threshold: float) -> list[OrgEntity]:
    """The parties among scored candidates: those at ``threshold`` (one per organisation), those sharing an argument
    with one of them at ``co_threshold``, and when fewer than two, the best remaining ones at ``fill`` (an agreement
    has two sides) and then those sharing an argument with a filled-in one."""

    def co_parties(chosen: list[OrgEntity]) -> list[OrgEntity]:
        return distinct_parties(c.ctx, [(p, e) for p, e in scored if e not in chosen and p >= co_threshold
                                        and _co_argument(c, e, chosen)
                                        and not any(same_organisation(c.ctx, e, o) for o in chosen)])

    chosen = distinct_parties(c.ctx, [(p, e) for p, e in scored if p >= threshold])
    chosen += co_parties(chosen)
    if len(chosen) < 2:
        ranked = sorted((x for x in scored if x[1] not in chosen), key=lambda x: -x[0])
        chosen += [e for p, e in ranked[: 2 - len(chosen)] if p >= fill]
        # "with A and B": a third signatory named less often than the other two scores below the threshold, beside a
        # filled-in co-party
        chosen += co_parties(chosen)
    return sorted(chosen, key=lambda e: min(m.start for m in e.mentions))


def linked(rule: str | None, scored: list[tuple[float, OrgEntity | None]], threshold: float, margin: float) -> str | None:
    """The organisation a person speaks for: the best-scored option where it scores at least ``threshold`` and
    ``margin`` above the rules' choice ``rule``, else the rules' choice."""
    best_p, best = max(scored, key=lambda x: x[0])
    rule_p = next((p for p, o in scored if (o is None and rule is None) or (o is not None and rule in {o.name, *o.forms})), None)
    if rule_p is None:  # the rules named an organisation the clustering does not know ("Kanagawa Prefecture")
        rule_p = 0.5
    if best_p < max(rule_p + margin, threshold):
        return rule  # the rules' choice stands unless the model is surer of another, and sure of it
    return best.name if best is not None else None
