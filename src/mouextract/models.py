"""Pydantic models: the output contract of mouextract and the source of its JSON Schema."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

AgreementType = Literal[
    "mou", "collaboration_agreement", "license", "joint_venture", "investment", "supply_agreement", "other"
]
AgreementStatus = Literal["signed", "planned", "amended", "terminated"]
DateRole = Literal["signing", "announcement", "publication", "effective", "founding", "other"]
OrgKind = Literal[
    "company", "hospital", "university", "research_institute", "foundation", "government", "association", "other"
]
LawKind = Literal["statute", "regulation", "designation", "guideline"]
PersonRole = Literal["signatory", "attendee", "quoted", "official", "contact", "participant"]
ReferenceSource = Literal["publication_date", "option", "article_date", "none"]
FinancialKind = Literal["upfront", "milestone", "royalty", "equity", "research_funding", "loan", "total_value", "other"]
MilestoneStage = Literal["development", "regulatory", "commercial"]
Phase = Literal["discovery", "preclinical", "phase_1", "phase_1_2", "phase_2", "phase_3", "filed", "approved", "marketed"]
PartyRole = Literal["licensor", "licensee", "investor", "investee", "supplier", "customer", "collaborator", "acquirer", "target"]
OptionKind = Literal["license", "acquire", "extend", "other"]
# Bumped when the output's shape changes (a key added, renamed or retyped); schema/ holds the matching file.
SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Model):
    """A span of the original input: ``input[start:end] == text``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Financial(_Model):
    """One amount of the deal (or a royalty without one), with what the text adds to it."""

    kind: FinancialKind
    amount: int | float | None = Field(None, description="In units: '$1.2 billion' -> 1200000000")
    currency: str | None = Field(None, description="ISO 4217")
    up_to: bool = Field(False, description="'up to', 'as much as', 'potential'")
    text: str | None = Field(None, description="The amount as written")
    stage: MilestoneStage | None = None
    rate: list[float] = Field(default_factory=list, description="Royalty rate in percent: [10] or a range [8, 12]")
    rate_text: str | None = Field(None, description="A rate in words: 'high single digits to low double digits'")
    percent: float | None = Field(None, description="An equity stake's percentage")
    mentions: list[Mention] = Field(default_factory=list)


class Territory(_Model):
    granted: list[str] = Field(default_factory=list, description="ISO 3166 alpha-2, EU or WORLD")
    excluded: list[str] = Field(default_factory=list, description="Regions excluded or retained")
    exclusive: bool | None = None
    mentions: list[Mention] = Field(default_factory=list)


class Asset(_Model):
    name: str
    aliases: list[str] = Field(default_factory=list, description="Other names of the product: a brand beside its INN, a code's parts")
    phase: Phase | None = Field(None, description="At signing")
    modality: str | None = None
    indication: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


class DealOption(_Model):
    kind: OptionKind
    covers: str | None = Field(None, description="What the option covers, as written")
    mentions: list[Mention] = Field(default_factory=list)


class Terms(_Model):
    """What a deal database records about an agreement, every value grounded in the text."""

    financial_terms_disclosed: bool | None = None
    disclosure_mentions: list[Mention] = Field(default_factory=list)
    financials: list[Financial] = Field(default_factory=list)
    territory: Territory | None = None
    assets: list[Asset] = Field(default_factory=list)
    term: str | None = Field(None, description="ISO 8601 duration: P5Y")
    term_mentions: list[Mention] = Field(default_factory=list)
    expiry: str | None = Field(None, description="ISO date, possibly partial")
    expiry_mentions: list[Mention] = Field(default_factory=list)
    options: list[DealOption] = Field(default_factory=list)

    def all_mentions(self) -> list[Mention]:
        spans = [*self.disclosure_mentions, *self.term_mentions, *self.expiry_mentions]
        for group in (self.financials, self.assets, self.options, [self.territory] if self.territory else []):
            for fact in group:
                spans.extend(fact.mentions)
        return spans


class Agreement(_Model):
    type: AgreementType | None = None
    signed_on: str | None = Field(None, description="ISO date, possibly partial: 2020-06, --07-24")
    status: AgreementStatus | None = None
    venue: str | None = None
    mentions: list[Mention] = Field(default_factory=list, description="Where the agreement is named")
    terms: Terms | None = Field(None, description="Deal terms: money, territory, assets, term")


class Organization(_Model):
    name: str
    aliases: list[str] = Field(default_factory=list)
    kind: OrgKind | None = None
    role: str | None = Field(None, description="Parties: licensor, licensee, investor, ... (PartyRole); others: regulator, venue, ...")
    mentions: list[Mention] = Field(default_factory=list)


class Quote(_Model):
    text: str
    start: int
    end: int


class Person(_Model):
    name: str
    title: str | None = None
    organization: str | None = None
    role: PersonRole = "participant"
    quotes: list[Quote] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class DateFact(_Model):
    text: str
    value: str | None = Field(None, description="ISO date, possibly partial; null when unresolvable")
    role: DateRole = "other"
    start: int
    end: int
    mentions: list[Mention] = Field(default_factory=list)


class TherapyArea(_Model):
    name: str
    id: str | None = Field(None, description="MESH:Dnnnnnn where one exists")
    category: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


class Technology(_Model):
    name: str
    id: str | None = None
    modality: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


class LegalFramework(_Model):
    name: str
    jurisdiction: str | None = Field(None, description="ISO 3166 alpha-2, or EU")
    kind: LawKind | None = None
    year: int | None = None
    catalogued: bool = Field(True, description="False when found by pattern, not from the catalogue")
    mentions: list[Mention] = Field(default_factory=list)


class Meta(_Model):
    schema_version: str = Field(SCHEMA_VERSION, description="Version of schema/extraction.schema.json this output follows")
    tool_version: str
    model: str
    model_version: str
    reference_date: str | None = None
    reference_date_source: ReferenceSource = "none"
    encoding: str | None = None
    warnings: list[str] = Field(default_factory=list)


class Extraction(_Model):
    """Everything mouextract extracts from one article."""

    agreement: Agreement = Field(default_factory=Agreement)
    parties: list[Organization] = Field(default_factory=list)
    organizations: list[Organization] = Field(
        default_factory=list, description="Organisations named that are not parties"
    )
    people: list[Person] = Field(default_factory=list)
    dates: list[DateFact] = Field(default_factory=list)
    therapy_areas: list[TherapyArea] = Field(default_factory=list)
    technologies: list[Technology] = Field(default_factory=list)
    legal_frameworks: list[LegalFramework] = Field(default_factory=list)
    meta: Meta

    def mentions(self) -> list[Mention]:
        """Every grounded span in this extraction (for offset checks)."""
        spans: list[Mention] = list(self.agreement.mentions)
        if self.agreement.terms:
            spans.extend(self.agreement.terms.all_mentions())
        for group in (self.parties, self.organizations, self.people, self.therapy_areas,
                      self.technologies, self.legal_frameworks, self.dates):
            for fact in group:
                spans.extend(fact.mentions)
        for person in self.people:
            spans.extend(Mention(text=q.text, start=q.start, end=q.end) for q in person.quotes)
        spans.extend(Mention(text=d.text, start=d.start, end=d.end) for d in self.dates)
        return spans
