"""Legal frameworks: the law catalogue first, then generic patterns for laws it does not list."""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import LawKind, LegalFramework, Mention
from .concepts import match_vocabulary
from .context import Context
from .salience import headline_list_spans
from .spans import SpanIndex

_LAW_HEADS = {"Act", "Law", "Code", "Rules", "Regulation", "Regulations", "Directive", "Ordinance", "Decree"}
# A run of capitalised words, allowing lower-case joiners ("Act on the Safety of ... Products") and a one-word
# parenthesis inside ("Rural Clinics (Amendment) Act 2019").
_CAPITALISED_RUN = re.compile(
    r"\b[A-Z][\w'’&.-]*(?:(?:\s+(?:of|on|for|and|the|in|to|with|de|la))*\s+(?:[A-Z0-9][\w'’&.-]*|\([A-Z][\w.]*\)(?=\s+[A-Z]))){1,14}"
)
_YEAR_TAIL = re.compile(r"^(?:\s+of\s+(?:19|20)\d\d|,?\s+(?:19|20)\d\d)\b")
_EU_NUMBERED = re.compile(
    r"\b(?:(?:[A-Z][a-z]+\s+){0,4}Regulation\s+\((?:EU|EC|EEC)\)\s+(?:No\.?\s*)?\d{2,4}/\d{1,4}"
    r"|(?:Council\s+|Commission\s+)?Directive\s+(?:\((?:EU|EC)\)\s+)?\d{2,4}/\d{1,4}(?:/(?:EC|EU|EEC))?)"
)
# A quoted regulation title that opens with its head ("Administrative Measures for the Use of ...", "Provisions on ..."),
# the way Chinese and Taiwanese rules are named; its words are capitalised but for joiners.
_QUOTED_MEASURES = re.compile(r"[“\"]((?:(?:Administrative|Interim|Implementing)\s+)?(?:Measures|Provisions|Regulations|Rules)"
                              r"\s+(?:for|on|of|governing)\s+[^”\"\n]{5,200}?)[”\"]")
# The heads a law's name may start with ("Act on ...", "Law for ..."); not "Code of Conduct" or "Rules of Procedure"
_HEAD_FIRST = {"Act", "Law", "Decree", "Ordinance", "Regulation", "Regulations", "Provisions", "Measures"}
# A rule named head first says what it administers ("Measures for the Administration of ...", "Regulation on the
# Supervision of ..."), unlike a plan or a slogan ("the Measures for Growth Plan")
_RULE_HEADS = {"Regulation", "Regulations", "Provisions", "Measures"}
_ADMINISTERED = re.compile(r"\b(?:Administration|Supervision|Management|Registration|Implementation|Control|Protection|Safety"
                           r"|Review|Approval|Evaluation|Inspection|Import|Export|Use|Medical|Drugs?|Devices?|Clinical|Pharmaceutical)")
# A head-first name's own first word before its head ("the Special Act on ...", "the Framework Act on ...")
_NAME_OPENERS = {"Special", "Framework", "Basic", "Enforcement", "Organic", "Federal", "General", "Comprehensive"}
# "Law No. 13.123/2015", "Federal Law No. 323-FZ", "Decree No. 98 of 2021": a numbered law, named by its number
# (and "Law No. 105/2016/QH13", "Decree No. 98/2021/ND-CP": a number may carry the issuer's letters)
_NUMBERED_LAW = re.compile(r"\b(?:[A-Z][a-z]+\s+){0,2}(?:Law|Decree|Ordinance|Act)\s+No\.?\s*\d+(?:[./-](?:\d+|[A-Z]{1,4}\d{0,3}))*"
                           r"(?:\s+of\s+(?:19|20)\d\d)?(?<![.])")
_JOINERS = {"of", "on", "for", "and", "or", "the", "in", "to", "with", "governing", "a", "an", "by"}
_DESIGNATION = re.compile(r"\b((?:[A-Z][\w-]*\s+){1,5})(?:[Dd]esignation|[Ss]tatus)\b")
# A designation is granted to a product or an institution under a law: its name says what is regulated ("Innovative Drug
# designation", "Rare Pediatric Disease status"), unlike a market or business accolade ("Unicorn status", "LEED Gold status").
_REGULATED = re.compile(r"Drug|Medic|Therap|Orphan|Device|Product|Vaccine|Treatment|Disease|Innovati|Priority|Breakthrough"
                        r"|Regenerative|Pediatric|Paediatric|Clinical|Biolog|Pharma|Hospital|Institution|Approv|Review|Access")
# "MAR (EU) No 596/2014 as it forms part of UK domestic law": an EU act retained in UK law after Brexit is UK law
_RETAINED_IN_UK = re.compile(r"[^.;]{0,60}?\bas it forms part of (?:the )?(?:UK|U\.K\.|United Kingdom)(?:'s)? (?:domestic )?law")
_YEAR = re.compile(r"(?:19|20)\d\d")
_PROVISION_OF = re.compile(r"^(?:Article|Art\.|Section|Sec\.|Paragraph|Chapter|Part|Rule)\s+\d+[\w().-]*\s+of\s+(?:the\s+)?")
# A regulator's guidance named by its title after the word ("the FDA's guidance document Policy for Diagnostic Tests for
# ... during the Public Health Emergency", "guidance titled “Considerations for the Use of ...”"): the title opens with a
# guidance head and runs over capitalised words and joiners.
_GUIDANCE_TITLE = re.compile(r"\bguidance(?:\s+document)?(?:,?\s+(?:titled|entitled|called))?,?\s+[“\"]?"
                             r"((?:Enforcement\s+)?(?:Policy|Guidance|Considerations|Recommendations|Principles)\s+(?:for|on|of|regarding)"
                             r"(?:\s+(?:[A-Z0-9][\w-]*|of|for|on|the|in|and|or|to|with|during|by|a|an|from|under)){3,40})")
_GUIDANCE_JOINERS = {"of", "for", "on", "the", "in", "and", "or", "to", "with", "during", "by", "a", "an", "from", "under"}
# A German law is one compound word ("Arzneimittelgesetz", "Krankenhauszukunftsgesetz", "Digitale-Versorgung-Gesetz",
# "Handelsgesetzbuch"): German releases name laws so, and such a law is German.
_GERMAN_LAW = re.compile(r"\b[A-ZÄÖÜ][\wäöüß-]*?(?:[a-zäöüß]gesetz|-Gesetz)(?:es|buch(?:es)?)?\b")
# "Brazil's ...", "South Korea's ...": a country's possessive before a law's name
_COUNTRY_POSSESSIVE = re.compile(r"((?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*)['’]s\s+(?=[A-Z])")
# What makes a bare designation phrase ("breakthrough therapy", "fast track") name the designation: its sentence speaks of
# granting, designating or a regulatory scheme ("the FDA-designated breakthrough therapy", "granted accelerated approval")
# ("grant" and "award" as verbs only: "priority review to the grant applications" is a funding call)
_GRANTING = re.compile(r"\b(?:designat\w*|grant(?:ed|ing|s(?=\s+(?:it|the|a|an)\b))|award(?:ed|ing)|regulat\w*|authori[sz]\w*|status|pathway|program(?:me)?s?|scheme"
                       r"|vouchers?|eligib\w*|qualif\w*)\b", re.IGNORECASE)
# "to fast track the trials", "will fast track": the phrase is a verb, no designation
_VERB_BEFORE = re.compile(r"\b(?:to|will|would|can|could|may|might|should|help|helps|helped|aims?)\s+$", re.IGNORECASE)
# "(Stock Code: 1530)", "Convertible Bonds Code 5241": a number after "Code" makes it a securities or product code
_CODE_NUMBER = re.compile(r"\s*[:：]?\s*\d")
_MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC"}
_DAY_AFTER = re.compile(r"\.?\s+\d{1,2}\b")
_NOT_A_LAW_START = {"The", "This", "That", "These", "Both", "Under", "Such", "Each", "Its", "Their", "Our", "New", "A", "An",
                     # sentence openers before a back reference ("When the Act takes effect"), not words of a name
                     "When", "If", "As", "After", "Before", "While", "Once", "Since", "Because", "Although", "Until", "Unless",
                     "Where", "Following", "Pursuant", "According", "In", "On", "At", "By", "For", "With", "From", "And", "But"}


@lru_cache(maxsize=1)
def _cue_patterns(cues: tuple[tuple[str, str], ...]) -> list[tuple[str, re.Pattern[str]]]:
    return [(code, re.compile(pattern)) for code, pattern in cues]


def _jurisdiction_from(ctx: Context, text: str) -> str | None:
    """The jurisdiction whose cue occurs first in ``text`` (name or sentence)."""
    hits = _cue_hits(ctx, text)
    return min(hits)[2] if hits else None


def _cue_hits(ctx: Context, text: str) -> list[tuple[int, int, str]]:
    """Every jurisdiction cue in ``text``: (start, end, code)."""
    cues = _cue_patterns(tuple(ctx.rules.lexicon["jurisdiction_cues"].items()))
    return [(m.start(), m.end(), code) for code, pattern in cues for m in pattern.finditer(text)]


_AGENT_AFTER = re.compile(r"^(?:[^.;]{0,40}?\b(?:from|by)|\s*(?:in|of))\s+(?:the\s+)?$")


def _sentence_jurisdiction(ctx: Context, mention: Mention) -> str | None:
    """The regulator that grants the designation or the country of the law: named after it by "from" / "by" ("ODD from
    China's NMPA") or right after it by "in" / "of" ("the Pharmaceutical Affairs Act in South Korea"), else the nearest
    before it ("the FDA granted ODD ..., while the NMPA ..."), else the first after it."""
    start, end = ctx.sentence_of(mention.start)
    sentence, at, until = ctx.masked[start:end], mention.start - start, mention.end - start
    hits = sorted(_cue_hits(ctx, sentence))
    after = [h for h in hits if h[0] >= until]
    agent = [h for h in after if _AGENT_AFTER.match(sentence[until:h[0]])]
    before = [h for h in hits if h[1] <= at]
    if agent:
        return agent[0][2]
    if before:
        return before[-1][2]
    return after[0][2] if after else None


def legal_frameworks(ctx: Context) -> list[LegalFramework]:
    """Catalogued laws and designations, then uncatalogued ones found by pattern."""
    entries = ctx.rules.laws.entries
    found = match_vocabulary(ctx, ctx.rules.laws)
    # "MAR 3, 2024" in a dateline is March, not the Market Abuse Regulation
    # other stories' headlines ("X receives US priority review") name no law of this article; a hard-wrapped wire
    # story's lines start lower case and are no such list
    title = ctx.headline[0] if ctx.headline else -1
    noise = SpanIndex(s for s in headline_list_spans(ctx.masked, lower_case_lines=False) if not s[0] <= title < s[1])
    found = {index: kept for index, mentions in found.items()
             if (kept := [m for m in mentions if not (m.text.upper() in _MONTHS and _DAY_AFTER.match(ctx.masked, m.end))
                          and not noise.overlaps(m.start, m.end)])}
    found = {index: kept for index, mentions in found.items()
             if (kept := [m for m in mentions if _names_the_designation(ctx, entries[index], m)])}
    for mentions in found.values():  # "HSR Act of 1976", "Rules, 2019": the year belongs to the name
        for i, m in enumerate(mentions):
            tail = _YEAR_TAIL.match(ctx.masked[m.end:])
            if tail:
                mentions[i] = ctx.mention(m.start, m.end + tail.end())
    for index, pattern in ctx.rules.law_patterns:
        for hit in pattern.finditer(ctx.masked):
            # a pattern hit that holds a shorter match of its entry replaces it ("Art. 17 MAR" over "MAR")
            kept = [x for x in found.get(index, []) if not hit.start() <= x.start < x.end <= hit.end()]
            if not any(x.start <= hit.start() < x.end or hit.start() <= x.start < hit.end() for x in kept):
                found[index] = [*kept, ctx.mention(hit.start(), hit.end())]
    taken = [(m.start, m.end) for ms in found.values() for m in ms]
    results: dict[tuple[str, str | None], LegalFramework] = {}
    for index, mentions in found.items():
        entry = entries[index]
        jurisdiction = entry["jurisdiction"]
        if entry.get("jurisdiction_from_context"):
            jurisdiction = _sentence_jurisdiction(ctx, mentions[0]) or jurisdiction
        if jurisdiction == "EU" and any(_RETAINED_IN_UK.match(ctx.masked, m.end) for m in mentions):
            jurisdiction = "GB"  # the article's later short forms ("MAR") name the same retained act
        key = (entry["name"], jurisdiction)
        fact = results.setdefault(key, LegalFramework(
            name=entry["name"], jurisdiction=jurisdiction, kind=entry["kind"], year=entry["year"], catalogued=True))
        fact.mentions.extend(mentions)
    for name, mention in _uncatalogued(ctx, taken, noise):
        # (a German compound law is German: its sentence's "FDA" or "EU" speaks of something else)
        jurisdiction = _jurisdiction_from(ctx, name) or (
            "DE" if _GERMAN_LAW.fullmatch(name) else _sentence_jurisdiction(ctx, mention))
        # "Brazil's Biodiversity Law": the country says where the law applies, the name is the rest (the mention keeps
        # the whole phrase, so a gold form written either way matches)
        owner = _COUNTRY_POSSESSIVE.match(name)
        if owner and _cue_hits(ctx, owner.group(1)):
            name = name[owner.end():]
        name = _PROVISION_OF.sub("", name)  # "Article 5 of the X Act" names the X Act; the mention keeps the article
        kind: LawKind = "designation" if name.lower().endswith(("designation", "status")) else "guideline" if (
            _GUIDANCE_TITLE.match("guidance " + name)) else (
            "regulation" if re.search(r"Regulation|Directive|Rules|Measures|Provisions", name) else "statute")
        year = re.search(r"(?:19|20)\d\d", name)
        fact = results.setdefault((name, jurisdiction), LegalFramework(
            name=name, jurisdiction=jurisdiction, kind=kind, year=int(year.group()) if year else None,
            catalogued=False))
        fact.mentions.append(mention)
    out = list(results.values())
    for fact in out:
        fact.mentions.sort(key=lambda m: m.start)
    return sorted(out, key=lambda f: f.mentions[0].start)


def _names_the_designation(ctx: Context, entry: dict[str, object], mention: Mention) -> bool:
    """Whether a mention in the entry's plain-English forms ("a breakthrough therapy for ALS", "on a fast track") names the
    designation: its sentence must name a regulator or country, or speak of granting or designating, and the phrase must not
    be a verb ("to fast track the trials")."""
    bare = entry.get("bare_forms")
    if not isinstance(bare, list) or re.sub(r"[\s-]+", " ", mention.text.lower().strip("\"“”'‘’")) not in bare:
        return True
    start, end = ctx.sentence_of(mention.start)
    if _VERB_BEFORE.search(ctx.masked[max(start, mention.start - 12):mention.start]):
        return False
    rest = ctx.masked[start:mention.start] + " " + ctx.masked[mention.end:end]
    return bool(_GRANTING.search(rest) or _cue_hits(ctx, rest))


def _uncatalogued(ctx: Context, taken: list[tuple[int, int]], noise: SpanIndex) -> list[tuple[str, Mention]]:
    """Law-shaped phrases ("... Act", "Regulation (EU) ...", "X designation") not in the catalogue."""
    hits: list[tuple[int, int]] = []
    for m in _EU_NUMBERED.finditer(ctx.masked):
        hits.append((m.start(), m.end()))
    for m in _NUMBERED_LAW.finditer(ctx.masked):
        opener = m.group().split()[0]
        start = m.start() + (len(opener) + 1 if opener in _NOT_A_LAW_START else 0)
        hits.append((start, m.end()))
    # A run may hold several names ("Brazil's Biodiversity Law and Chile's Data Privacy Act"): the search resumes after
    # the head that ends the first.
    resume = 0
    while run := _CAPITALISED_RUN.search(ctx.masked, resume):
        resume = run.end()
        words = run.group().split()
        # Cut the run after its last law head word ("Securities Trading Act in Norway" -> "... Act").
        heads = [i for i, w in enumerate(words) if w.strip(".,") in _LAW_HEADS]
        # The name ends at the first head not followed by "on/of/for" ("X Act and Y Regulation" are two); "of 2006"
        # is the law's year, not more of its name ("Pandemic and All-Hazards Preparedness Act of 2006").
        # A capitalised word right after a head makes it part of another name ("Eastbrook Law School", "Law Firm").
        # A head with a full stop ends its sentence, whatever capital follows ("... Rural Clinics Act. The company").
        ends = [i for i in heads if i + 1 >= len(words) or words[i].endswith(".")
                or words[i + 1] not in {"on", "of", "for"} and not words[i + 1][0].isupper()
                or words[i + 1] == "of" and i + 2 < len(words) and _YEAR.fullmatch(words[i + 2].rstrip(".,;:"))]
        next_name = False
        if ends:  # whatever becomes of this name, a next one may start after its head
            resume = run.start() + [w.end() for w in re.finditer(r"\S+", run.group())][ends[0]]
        else:
            # "the Act on Special Measures for Rare Disease Care", "Japan's Law for the Promotion of Cell Therapy": Korean,
            # Japanese and Chinese laws are often rendered head first; the name runs to the end of the capitalised run
            # (after "the" or a country's possessive, not a verb: "Halden will Act on Patient Feedback")
            # (a country's adjective before the head says where it applies and is left out, as a possessive is: "the
            # Japanese Act on ..."; a name's own opener stays: "the Special Act on ...")
            head_at = next((i for i, w in enumerate(words[:2]) if w in _HEAD_FIRST), None)
            after_the = re.search(r"\bthe\s+$", ctx.masked[max(0, run.start() - 5):run.start()], re.IGNORECASE)
            name_opener = head_at == 1 and words[0] in _NAME_OPENERS and after_the is not None
            if head_at is None or not (words[0].endswith(("'s", "’s")) or words[0] == "The" or name_opener
                                       or bool(_cue_hits(ctx, words[0])) if head_at else after_the) \
                    or len(words) < head_at + 3 or words[head_at + 1] not in {"on", "for", "concerning"} \
                    or sum(w[0].isupper() for w in words[head_at + 2:]) < 2 \
                    or words[head_at] in _RULE_HEADS and not _ADMINISTERED.search(" ".join(words[head_at + 2:])):
                continue
            words = words[0 if name_opener else head_at:]
            # "the Special Act on X and the Japanese Act on Y": another head-first name after "and" ends this one
            then = next((k for k, w in enumerate(words) if w in {"and", "or"} and k > 2
                         and any(v in _HEAD_FIRST for v in words[k + 1:k + 4])), None)
            if then is not None:
                words, next_name = words[:then], True
            # "... Medical Devices in Japan", "... of Vietnam": the country is where the law applies, not its name
            if "in" in words:
                words = words[: words.index("in")]
            if len(words) > 4 and words[-2] == "of" and _cue_hits(ctx, words[-1]):
                words = words[:-2]
            ends = [len(words) - 1]
        words = words[: ends[0] + 1]
        words[-1] = words[-1].rstrip(".,")  # "... Rules." at a sentence end
        # "Scan the QR Code": a "the" that no "of/on/for" introduces starts the name after it
        cut = [i for i, w in enumerate(words) if w == "the" and i and words[i - 1] not in {"of", "on", "for", "and", "to", "in", "with"}]
        words = words[cut[-1] + 1:] if cut else words
        while words and (words[0] in _NOT_A_LAW_START or words[0].islower()):
            words = words[1:]
        if len(words) < 2 or words[-2] == "of" and words[-1] == "Law" or words[-1] == "Code" and words[0].isupper():
            continue  # "Institute of Law" is a unit, "QR Code" a symbol code; no law is named either way
        start = run.start() + run.group().index(words[0])
        end = start + len(" ".join(words))
        if words[-1] == "Law" and _is_person(ctx, end - 3):
            continue  # "Parks Chairwoman Mabel Law": Law is a surname here
        if words[-1] == "Code" and _CODE_NUMBER.match(ctx.masked, end):
            continue
        if ctx.masked[start:end] != " ".join(words):  # the run spanned odd whitespace: take it as is
            end = run.start() + len(run.group().rstrip())
        tail = _YEAR_TAIL.match(ctx.masked[end:])
        if tail:
            end += tail.end()
        hits.append((start, end))
        if next_name:
            resume = end
    for m in _QUOTED_MEASURES.finditer(ctx.masked):
        words = re.findall(r"[\w'’-]+", m.group(1))
        if len(words) <= 30 and all(w[0].isupper() or w in _JOINERS for w in words):
            hits.append((m.start(1), m.end(1)))
    for m in _GERMAN_LAW.finditer(ctx.masked):
        hits.append((m.start(), m.end()))
    for m in _GUIDANCE_TITLE.finditer(ctx.masked):
        words = m.group(1).split()
        while words and words[-1] in _GUIDANCE_JOINERS:  # "... Emergency, which" leaves no joiner at the end
            words.pop()
        if sum(w[0].isupper() for w in words) >= 4:
            hits.append((m.start(1), m.start(1) + len(" ".join(words))))
    for m in _DESIGNATION.finditer(ctx.masked):
        first = m.group(1).split()[0]
        if first not in _NOT_A_LAW_START and _REGULATED.search(m.group(1)):
            hits.append((m.start(), m.end()))
    out: list[tuple[str, Mention]] = []
    taken_index = SpanIndex(taken)
    for start, end in sorted(hits):
        if taken_index.overlaps(start, end) or ctx.is_noise(start, end) or noise.overlaps(start, end):
            continue
        taken_index.add((start, end))
        mention = ctx.mention(start, end)
        out.append((re.sub(r"\s+", " ", mention.text), mention))
    return out


def _is_person(ctx: Context, at: int) -> bool:
    """Whether the parser's named entities put the character at ``at`` inside a person's name."""
    return any(e.label_ == "PERSON" and e.start_char <= at < e.end_char for e in ctx.ents)
