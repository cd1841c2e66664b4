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
# Bumped when the output's shape changes (a key added, renamed or retyped); schema/ holds the matching file.
SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Model):
    """A span of the original input: ``input[start:end] == text``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Agreement(_Model):
    type: AgreementType | None = None
    signed_on: str | None = Field(None, description="ISO date, possibly partial: 2020-06, --07-24")
    status: AgreementStatus | None = None
    venue: str | None = None
    mentions: list[Mention] = Field(default_factory=list, description="Where the agreement is named")


class Organization(_Model):
    name: str
    aliases: list[str] = Field(default_factory=list)
    kind: OrgKind | None = None
    role: str | None = Field(None, description="For non-parties: regulator, investor, venue, adviser, ...")
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
        for group in (self.parties, self.organizations, self.people, self.therapy_areas,
                      self.technologies, self.legal_frameworks, self.dates):
            for fact in group:
                spans.extend(fact.mentions)
        for person in self.people:
            spans.extend(Mention(text=q.text, start=q.start, end=q.end) for q in person.quotes)
        spans.extend(Mention(text=d.text, start=d.start, end=d.end) for d in self.dates)
        return spans
