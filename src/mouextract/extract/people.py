"""People: names (NER, title-anchored patterns, contact blocks), their quotes and roles; titles and organisations
come from affiliation."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from ..models import Person, PersonRole, Quote
from ..resources import regex
from .affiliation import Affiliations, Candidate, degrees
from .context import Context, capital_scan
from .org_names import has_head, title_re, title_words
from .orgs import OrgEntity
from .spans import SpanIndex
from .textfind import occurrences, whole_words

# Honorifics before a name: English, Indian ("Shri", "Smt."), parliamentary and diplomatic ("Hon.", "H.E.")
# (and a degree NER runs into the next sentence's name: "... Lena Holm, Ph.D. Holm joins from ...")
# (and Commonwealth governments' "The Honourable", "Hon'ble": "the Honourable Ana Ruiz, Minister of Health")
_HONORIFIC = re.compile(r"^(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx|Shri|Smt|Sri|Hon|H\.E|Sen|Rep|Sir|Dame|Honou?rable|Hon['’]ble)\.?\s+"
                        r"|Ph\.\s?D\.\s+)+")
# and post-nominals that are not degrees: Irish "T.D.", British "MP", "OBE"/"CBE"/"MBE"
_POST_NOMINAL = re.compile(r"(?:,?\s+(?:T\.D\.?|TD|MP|MEP|OBE|CBE|MBE|KBE|FRS))+$")
_NAME_WORD = r"(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Za-zà-ÿ]+)?|[A-Z]{2,}(?=[ \t]+[A-Z][a-z]))"
# names with initials and particles where a title vouches for them: "Jan P.K. van der Berg", "R K Menon", "Anna te Velde"
_INITIAL = r"[A-Z]\.(?:[ \t]?[A-Z]\.)*"
# Dutch and German particles only: "de", "da", "del" join as many places and institutions ("Rio de Janeiro") as names
_PARTICLE = r"(?:van|von|te|ter|zu)(?:[ \t]+(?:de|der|den))?"
# (initials may lead a name of two words, and run together: "A. Ravi Kumar", "M.S.N. Rao")
_NAME = (rf"(?:{_NAME_WORD}(?:[ \t]+{_INITIAL})?|(?<![\w.'’-])(?:(?:{_INITIAL}|[A-Z])[ \t]+){{1,2}}(?=[A-Z][a-z]))(?:[ \t]*(?<=[ \t]){_NAME_WORD})?"
         rf"(?:[ \t]+{_PARTICLE})?[ \t]*(?<=[ \t]){_NAME_WORD}")
# a name between commas: held by every "Business Secretary, Mark Hale, said" (speed only: PeopleExtractor.candidates)
_NAME_IN_COMMAS = re.compile(rf",[ \t]+{_NAME},[ \t]")
_PARTICLE_GAP = re.compile(rf"(?<=\S)[ \t]+{_PARTICLE}[ \t]+(?=\S)")
_INITIAL_WORD = re.compile(rf"{_INITIAL}|[A-Z]")  # a word that is an initial: "P.K.", "R"
_CONTACT_NAME = re.compile(
    # the header may name the organisation and the desk: "Acme Investor Relations Contact"
    rf"(?im)^[ \t]*(?:(?-i:[A-Z][\w&.-]*)[ \t]+){{0,3}}?(?:(?:media|press|investor|investors|company|corporate|public)[ \t]+)?"
    rf"(?:relations[ \t]+)?(?:contacts?|enquiries|inquiries|relations)"
    rf"[ \t]*:?[ \t]*\n[ \t]*((?-i:{_NAME}))[ \t]*,?[ \t]*$"
)
# a headline or caption line ends without a sentence's final punctuation; a caption cue before the name
_SENTENCE_END = re.compile(r"[.!?:\"”’]$")
_CAPTION_CUE = re.compile(r"(?i)\b(?:from (?:left|right)|pictured|photo)\b")
# an honorific as a word of its own (_valid_name)
_HONORIFIC_WORD = re.compile(r"(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?")
# A surname alone after an honorific or an office held by one person: "Professor Hollis said", "said Dr. Varga",
# "Governor Lund" (not a company named after its founder, "Dr Mehra's Laboratories", nor a name in capitals after
# a comma, "Dr. Ming-Hao, LIAO", nor a given name before another in brackets, "Dr. Ken (Kenji) Sato")
_SURNAME_ONLY = re.compile(r"(?<![\w.])(?:Dr|Prof|[Pp]rofessor|Mr|Mrs|Ms|Mx|Governor|Senator)\.?[ \t]+"
                           r"([A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?)(?![\w-])(?![ \t]+[A-Z])(?!['’]s[ \t]+[A-Z])"
                           r"(?![ \t]*,[ \t]*[A-Z]{2,}|[ \t]*\()")
# what follows a person's name only: a speech verb or a relative "who"
_PERSON_AFTER = re.compile(r"[ \t]*,?[ \t]+(?:who|said|says|told|added|noted|stated|explained|commented)\b")
# a name made a modifier by a participle glued to it: "Ken Adler-backed", "-funded", "-owned"
_MODIFIER_SUFFIX = re.compile(r"-(?:backed|funded|owned|financed|controlled|founded|led|run|linked)$")
_JUNIOR = re.compile(r",?[ \t]+Jr\.(?=[\s,;:)])")
_CONTACT_HEADER = re.compile(r"\b(contacts?|enquiries|inquiries|media|investors?)\b.{0,30}$", re.IGNORECASE)


# Credits, not people in the story: "(Reporting by X; Editing by Y)", "Editors: X, Y", "Translation by X", "Reporter X",
# a wire's sign-off "... business._ X"; a news site's byline after a bullet or in the headline's case ("• By X",
# "Ken Adler By Ken Adler | Journalist"); later names of the same list count too
_CREDIT = re.compile(
    r"(?i)(?:\b(?:(?:additional\s+)?reporting|writing|editing|translat(?:ion|ed)|compiled|written|reported|photos?|photographed"
    r"|photography|illustrations?|graphics|video|interview(?:ed)?)\s+by|\b(?:editors?|reporters?|writers?|correspondents?"
    r"|photographers?|translators?|columnists?|contributors?|(?:staff|senior|contributing)\s+writer)\b:?|^[ \t]*(?:[•·▪*][ \t]*)?by"
    r"|(?-i:\bBy)|\bwrite\s+to|(?:^|[.!?\"”])[ \t]*_+)"
    r"[ \t]*(?:(?-i:[A-Z][\w.'’-]*)[ \t]*){0,4}(?:(?:,|;|\band\b|&)[ \t]*(?:(?-i:[A-Z][\w.'’-]*)[ \t]*){1,4})*(?:,|;|\band\b|&)?[ \t]*$",
    re.MULTILINE)
# a byline's desk after the name: "By Ken Adler / Staff reporter", "Ken Adler, Senior Correspondent" (a dateline may come
# before "By" on the line)
# a wire's photo credit, the agency in capitals and a slash right before the name: "REUTERS/Ken Adler", "AFP / Ken Adler"
# (not a title: "CEO/Founder Ken Adler")
_PHOTO_AGENCY = re.compile(r"(?<![\w/])([A-Z]{2,})[ \t]*/[ \t]*$")
_CREDIT_AFTER = re.compile(r"[ \t]*[/|,][ \t]*(?i:(?:staff|senior|contributing|chief)[ \t]+)?(?i:reporter|writer|correspondent"
                           r"|columnist|journalist)\b")


# a date alone before the name on its line, the writer's byline: "2024-07-30   Ken Adler", "July 30, 2024 | Ken Adler"
_DATED_BYLINE = re.compile(r"[ \t]*(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?"
                           r"[ \t]+\d{4})(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*[,|/–—-]?[ \t]+")


# A name that is a place: "Binh Giang and Thanh Mien districts", "in Hai Duong" (a person is rarely "in" someone)
_PLACE_AFTER = re.compile(r"(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2})?[ \t]+(?i:districts?|provinces?"
                          r"|prefectures?|count(?:y|ies)|municipalit(?:y|ies)|cit(?:y|ies)|towns?|villages?|regions?)\b")
_PLACE_BEFORE = re.compile(r"(?<![\w-])(?:[Ii]n|[Aa]cross|[Tt]hroughout|[Nn]ear)[ \t]+$")
# An eponymous thing, not the person: "the Edith Rae Marlow Family Director", "the Lena Holm Prize"
_EPONYM_AFTER = re.compile(r"[ \t]+(?:Family|Foundation|Prize|Award|Professorship|Fellowship|Scholarship|Lecture|Memorial"
                           r"|Fund|Trust|Hall|Building)\b")
# A company: its legal form or its national arm right after the name ("Nordahl Brenne A/S", "Corvane Averis UK")
_COMPANY_AFTER = re.compile(r"[ \t]+(?:A/S|AB|ASA|AG|SE|S\.A\.|SA|N\.V\.|B\.V\.|GmbH|Inc\.?|Ltd\.?|LLC|plc|PLC"
                            r"|Corp\.?|Co\.|K\.K\.|Pty|Pte|Holdings|Group|UK|USA|US|Japan|Korea|China|India|Europe)(?![\w-])")

# A product, not a person: the apposition of a product noun ("the vaccine, Covira Shield,"), or what a firm sells
_PRODUCT_NOUNS = frozenset({"drug", "vaccine", "product", "device", "medicine", "therapy", "treatment", "brand", "platform",
                            "kit", "test", "assay", "system", "software", "app", "candidate", "compound", "antibody"})
# (the pipeline has no lemmatizer: the verbs' stems)
_PRODUCT_VERBS = re.compile(r"(?:market|sell|sold|launch|commerciali[sz]|manufactur|distribut|prescrib)\w*")

# A product named by its kind right before it ("the diabetes drug Zentora") or in a list of them ("brands such as
# Zentora, Velixa and Lumira")
_PRODUCT_KIND_BEFORE = re.compile(r"(?i:\b(?:drug|vaccine|product|medicine|therapy|treatment|brand|insulin|biosimilar)s?)[ \t]+"
                                  r"(?:(?i:such[ \t]+as|like|including)[ \t]+)?(?:[A-Z][\w-]*(?:,[ \t]*|[ \t]+(?:and|or)[ \t]+))*$")

# Dosage forms and formats that follow a product's name
_PRODUCT_CODES = frozenset({"CR", "XR", "SR", "ER", "IR", "DR", "LA", "XL", "ODT", "MR", "ADC", "ADCs", "IV", "SC", "IM",
                            "mAb", "MAb", "HCl", "API", "APIs", "CDMO", "CMO", "CRO"})


def _key(name: str) -> frozenset[str]:
    return frozenset(w for w in re.sub(r"[-‐‑]", "", name.lower()).replace(".", " ").replace(",", " ").split())


def _core(key: frozenset[str]) -> frozenset[str]:
    """A name's words without its initials and "Jr." ("Ken Adler, Jr." and "Ken Adler" are one person)."""
    return frozenset(w for w in key if len(w) > 1 and w != "jr")


def _not_name_words(ctx: Context) -> frozenset[str]:
    """Capitalised words that never occur in a person's name ("Media Contacts", "Breakthrough Therapy")."""
    lexicon = ctx.rules.lexicon
    return _word_set(tuple(lexicon["generic_name_words"]) + tuple(lexicon["not_person_words"]))


@lru_cache(maxsize=4)
def _word_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(words)


@lru_cache(maxsize=4)
def _lineage(particles: tuple[str, ...]) -> re.Pattern[str]:
    """'Khalid bin Walid al-Rashid', 'Omar Bin Saleh Bin Omar Al Nasser': a given name, one link or more to a forebear
    (the lexicon's name_patronymic_particles), and maybe a family name with its article."""
    links = "|".join(re.escape(p) for p in particles)
    word = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?"
    return re.compile(rf"(?<![\w-]){word}(?:[ \t]+(?:{links})[ \t]+{word})+(?:[ \t]+(?:[AaEe]l(?:[ \t]+|-)){word})?(?![\w-])")


def _without_lineage(name: str, ctx: Context) -> str:
    """A lineage name judged by its own names: 'Khalid bin Walid al-Rashid' as 'Khalid Walid Al-Rashid' (which the
    word count and the capitals of a Western name then fit)."""
    particles = tuple(ctx.rules.lexicon["name_patronymic_particles"])
    if not _lineage(particles).fullmatch(name):
        return name
    name = re.sub(r"(?<![\w-])([ae])l-", lambda m: f"{m.group(1).upper()}l-", name)
    return " ".join(w for w in name.split() if w not in particles and w not in {"Al", "El", "al", "el"})


def _valid_name(name: str, ctx: Context, org_words: set[str], vouched: bool = False) -> bool:
    """Whether ``name`` can be a person's; particles only where a title or contact block vouches for the name
    (NER also reads "Otto von Brandis" of "Otto von Brandis Prize" as a person)."""
    name = _without_lineage(name, ctx)
    # initials and particles do not count as words ("Jan P.K. van der Berg" has two)
    particle = vouched and _PARTICLE_GAP.search(name)
    words = [w for w in (name[:particle.start()] + " " + name[particle.end():] if particle else name).split()
             if not _INITIAL_WORD.fullmatch(w)]
    initials = len(words) < len(name.split())
    if not 2 <= len(words) + initials <= 4 or any(ch.isdigit() for ch in name) \
            or _INITIAL_WORD.fullmatch(name.split()[-1]):  # "Peter J" of "Peter J. and Mary Lee"
        return False
    if _HONORIFIC_WORD.fullmatch(words[-1]):
        return False  # "Harrowgate Prof" of "Harrowgate Prof. Adler said": an honorific opens a name, never ends one
    titles = title_re(tuple(ctx.rules.lexicon["title_words"]))
    if any(w in _not_name_words(ctx) for w in words):
        return False
    # "Greywren Therapeutics", "Kanagawa Prefecture", "Sacituzumab Govitecan": organisations and drugs, not people
    if has_head(name, ctx.rules.lexicon) or regex(ctx.rules.lexicon["drug_name_pattern"]).search(name):
        return False
    # "Velutix CR", "Zemab ADC": a product and its dosage form or format code; surnames in capitals stay ("Aiko SATO")
    if (words[-1] in _PRODUCT_CODES or words[-1].isupper() and words[-1] in org_words) and not words[0].isupper():
        return False  # ... and so does an organisation's acronym ("Chief Executive of OVK" read as a name)
    # a title word that is a given name before a middle initial is the name: "Dean P. Lowe" (not "Dean Kim Ji-ho")
    given = words[0] in ctx.rules.lexicon["title_given_names"] and len(name.split()) > 2 \
        and bool(_INITIAL_WORD.fullmatch(name.split()[1]))
    for w in words:
        # "Seoyeon University" is no person; "Anna Roos" of "Roos & Berg Communications" is.
        if not w[0].isupper() or w in org_words and w == words[0] or titles.fullmatch(w) and not (given and w == words[0]):
            return False
        if w.lower() in {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
                         "friday", "saturday", "sunday", "the", "and", "of", "korea", "china", "japan", "india"}:
            return False
    return True


class PeopleExtractor:
    """Finds people and links each to a title and an organisation (canonical party name when a party)."""

    def __init__(self, ctx: Context, entities: list[OrgEntity], parties: list[OrgEntity]) -> None:
        self.ctx = ctx
        self.affiliations = Affiliations(ctx, entities, parties)
        self.title_re = self.affiliations.title_re
        # a title right after a word ("Kang General Director"), compiled once (not once per candidate name)
        self.title_after = regex(rf"[ \t]+(?:{self.title_re.pattern})").match
        self.org_words = {w for e in entities for f in e.forms for w in f.split() if len(f.split()) > 1}
        self.places = {e.text for e in ctx.ents if e.label_ in ("GPE", "LOC")}

    def candidates(self) -> list[Candidate]:
        """Person names: NER, title-anchored patterns and contact blocks; no organisation, place or noise."""
        ctx = self.ctx
        spans: list[tuple[int, int]] = []
        ner_only: set[tuple[int, int]] = set()
        for ent in ctx.ents:
            if ent.label_ == "PERSON":
                for piece in re.finditer(r"[^\n]+", ent.text):
                    start, end = ent.start_char + piece.start(), ent.start_char + piece.end()
                    if _MODIFIER_SUFFIX.search(piece.group()):
                        continue  # "two Ken Adler-backed ventures": the name qualifies a thing, not a person of the story
                    if ctx.text[end - 1] == "-" and (rest := re.match(r"[a-zà-ÿ]+", ctx.text[end:])):
                        end += rest.end()  # NER cut a name at its hyphen: "Fanny Law Fan Chiu-" of "... Chiu-fun"
                    spans.append((start, end))
                    ner_only.add(spans[-1])
        n_ner = len(spans)
        title_alt = self.title_re.pattern
        # (an honorific may come between: "Professor Sir Ken Lee Adler", a name of three words after it)
        titled = regex(rf"(?:{title_alt}):?\s+(?:(?:Sir|Dame|Dr\.?|Prof\.?)[ \t]+)?({_NAME})")
        at = 0
        while m := titled.search(ctx.masked, at):
            # a name that opens with a title word is the rest of a title ("Chief Executive Officer: Ken Adler"): look on
            # from inside it
            if self.title_re.match(m.group(1)):
                at = m.start(1)
                continue
            # a title of several words the lexicon holds only in part ("Chief Business Officer Rina Holt": "Chief",
            # then "Business Officer Rina" as the name): look on from the title word inside the name
            inner = [w for w in re.finditer(r"\S+", m.group(1)) if w.start() and self.title_re.fullmatch(w.group())]
            if inner:
                at = m.start(1) + inner[-1].start()
                continue
            at = m.end()
            if not any(s < m.end(1) < e for s, e in spans[:n_ner]):  # nor one cutting NER's name in two
                spans.append((m.start(1), m.end(1)))
        # (these three open with a name: tried at capitals only, context.capital_scan, for speed)
        for m in capital_scan(regex(rf"(?m)({_NAME}){degrees()},\s+(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w-]+\s+){{0,4}}(?:{title_alt})"),
                              ctx.masked):
            spans.append((m.start(1), m.end(1)))
        # news style, a lower-case title after the name: "Ji-ho Kang, head of research at X", "Anna Roos, co-founder and CEO"
        for m in capital_scan(regex(rf"({_NAME}),[ \t]+(?:the[ \t]+)?(?:[a-z][\w'’-]*[ \t]+){{0,2}}(?i:{title_alt})[ \t]+(?:of|at|and)\b"),
                              ctx.masked):
            spans.append((m.start(1), m.end(1)))
        # the title and organisation in brackets: "Ken Adler (CEO, Acme) and ..."
        # (speed only: every match holds "(" and a title, a cheap search that most texts fail)
        if re.search(rf"\((?:{title_alt})\b", ctx.masked):
            for m in capital_scan(regex(rf"({_NAME})[ \t]*\((?:{title_alt})\b"), ctx.masked):
                spans.append((m.start(1), m.end(1)))
        # photo captions list people with no comma: "(From left) Min-jun Kang CEO of Acme, Seo-yeon Lee President of ..."
        for m in re.finditer(rf"(?:^|[,;)]|\band)[ \t]*({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}}?)[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:{title_alt})(?:[ \t]+(?:&|and)[ \t]+(?:{title_alt}))?"
                             rf"[ \t]+(?:of|at)[ \t]+[A-Z]", ctx.masked, re.MULTILINE):
            spans.append((m.start(1), m.end(1)))
        for m in re.finditer(rf"(?m)^\s*({_NAME})\s*(?:•.*)?$\n\s*[^\n]*(?:{title_alt})", ctx.masked):
            spans.append((m.start(1), m.end(1)))
        # a title in apposition before the name: "Business Secretary, Mark Hale, said", "the Norland Ambassador to Japan,
        # Jan Berg Holm, says" (not a list after a name: "Ken Adler, CEO, Velmar Pharma, said")
        # (speed only: every match holds ", Name, ", a cheap search that most texts fail)
        if _NAME_IN_COMMAS.search(ctx.masked):
            for m in re.finditer(rf"(?:(?<=[^,;\s][ \t])|^)(?:[A-Z][\w-]*[ \t]+){{0,2}}(?:{title_alt})(?:[ \t]+(?:to|of|for)[ \t]+"
                                 rf"[A-Z][\w-]*)?,[ \t]+({_NAME}),[ \t]", ctx.masked, re.MULTILINE):
                if not re.search(r",[ \t]*(?:[A-Z][\w-]*[ \t]+)*$", ctx.masked[max(0, m.start() - 60):m.start()]):
                    spans.append((m.start(1), m.end(1)))
        # an office and its field right before the name, which NER runs into one organisation: "Minister of Trade,
        # Industry and Energy Lee Min-ho (left)", "Minister of Public Services Anna Roos said"; the name is the two words
        # before the clause goes on, and NER or the clustering ends an entity with it
        cued: set[tuple[int, int]] = set()  # ... and where only a person fits, even inside an organisation's run
        ends = {e.text for e in ctx.ents} | {f for e in self.affiliations.entities for f in e.forms}
        for m in re.finditer(rf"(?<![\w-])(?:{title_alt})[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’-]*(?:,[ \t]*|[ \t]+"
                             rf"(?:and|&|of|for)[ \t]+|[ \t]+)){{1,8}}?({_NAME_WORD}[ \t]+{_NAME_WORD})(?=[ \t]*[,.;:(\n]|[ \t]+[a-z])",
                             ctx.masked):
            if m.group(1) not in self.places and (any(f == m.group(1) or f.endswith(f" {m.group(1)}") for f in ends)
                                                  or self._person_cue(m.group(1), m.end(1))):
                spans.append((m.start(1), m.end(1)))
                if self._person_cue(m.group(1), m.end(1)):
                    cued.add(spans[-1])
        for m in _CONTACT_NAME.finditer(ctx.masked):  # "Media Contact\nJenna Morrow\nHarbor Lane Communications"
            spans.append((m.start(1), m.end(1)))
        ner_only -= set(spans[n_ner:])  # a title or contact pattern vouches for the name too
        # a lineage name runs longer than the patterns and NER take it ("Omar Bin Saleh Al Nasser" read as "Saleh Al
        # Nasser"): where one of them finds part of it, the whole is the name, as sure as the part
        # (and an office before it vouches for it: "Minister of Investment Omar bin Saleh al-Nasser said")
        office_before = regex(rf"(?<![\w-])(?:{title_alt})(?:[ \t]+(?:of|for)[ \t]+[A-Z][\w&-]*(?:[ \t]+(?:and[ \t]+|&[ \t]+)?"
                              rf"[A-Z][\w&-]*){{0,4}})?,?[ \t]+$")
        for m in _lineage(tuple(ctx.rules.lexicon["name_patronymic_particles"])).finditer(ctx.masked):
            parts = [s for s in spans if s[0] < m.end() and m.start() < s[1]]
            if not parts and office_before.search(ctx.masked[max(0, m.start() - 80):m.start()]):
                spans.append((m.start(), m.end()))
            elif parts and (m.start(), m.end()) not in parts:
                spans.append((m.start(), m.end()))
                if all(s in ner_only for s in parts):
                    ner_only.add(spans[-1])
        out: list[Candidate] = []
        credited: set[frozenset[str]] = set()
        taken = SpanIndex()
        for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
            raw = ctx.text[start:end]
            name = _HONORIFIC.sub("", raw.strip())
            name = re.sub(r"['’]s$", "", name).strip(" ,.")
            name = _POST_NOMINAL.sub("", re.sub(rf"{degrees()}$", "", name))
            if not name or ctx.is_noise(start, end):
                continue
            offset = start + raw.find(name)
            last = name.rsplit(" ", 1)[-1]
            at = offset + len(name) - len(last)
            if len(name.split()) > 2 and last in title_words(tuple(ctx.rules.lexicon["title_words"])) \
                    and ((ctx.masked.startswith(last, at) and self.title_after(ctx.masked, at + len(last)))
                         or self.title_re.match(ctx.masked, at)):
                name = name[: -len(last)].rstrip()  # "Ji-ho Kang General Director": NER ran the name into the title
            span = (offset, offset + len(name))
            if taken.overlaps(*span):
                continue
            # a title pattern vouches for a name NER read as an organisation together with its title ("Joint MD
            # Arjun Kapadia" as one ORG): the name is a person, not a word of that organisation
            # (or inside a longer run: "Trustee Ken Adler of Ostvik University" as one organisation)
            # or leading one: "Chairman Ken Adler of Acme" clustered as "Ken Adler of Acme"
            # (NER's own name too when the run ends with it: "Vice Minister of Health Ken Adler" as one organisation)
            glued = any(
                f" {name}" in f and self.title_re.search(f[: f.find(f" {name}")])
                and ((start, end) not in ner_only or f.endswith(f" {name}")) or (start, end) not in ner_only and f.startswith(f"{name} of ")
                for e in self.affiliations.entities for f in e.forms)
            # a title pattern vouches too for a name the clustering took for an organisation without a head word
            # ("Director Sung Ho Ahn" clustered as "Sung Ho Ahn")
            hit = self.affiliations.org_at(name)
            glued = glued or (start, end) not in ner_only and hit is not None \
                and not has_head(hit[0], ctx.rules.lexicon) or (start, end) in cued
            if not glued and (hit or not _valid_name(name, ctx, self.org_words, (start, end) not in ner_only)):
                continue
            if glued and not _valid_name(name, ctx, set(), (start, end) not in ner_only):
                continue
            if (start, end) in ner_only and (self._common_word_last(name) or name in self.places
                                             or self._no_person_here(name, offset)) \
                    or _EPONYM_AFTER.match(ctx.masked, offset + len(name)):
                continue  # ... and a name NER reads elsewhere as a place ("Sierra Leone") is one
            taken.add(span)
            if self._credited(offset, offset + len(name)):
                credited.add(_key(name))
                continue
            # GOLD.md: a name keeps its "Jr." ("Ken Adler, Jr. as chief executive"), which the degrees pattern takes off
            junior = _JUNIOR.match(ctx.masked, span[1])
            if junior:
                span = (span[0], span[1] + junior.end() - junior.start())
                name = ctx.text[span[0]:span[1]]
            out.append(Candidate(name, *span))
        out = self._joined([c for c in out if _key(c.name) not in credited])
        # the byline's writer is no person of the story wherever the name recurs ("BY KEN ADLER" and a "- KEN ADLER"
        # sign-off line)
        return sorted(out + self._surnames_only(out, taken, credited), key=lambda c: c.start)

    def _person_cue(self, name: str, end: int) -> bool:
        """A name NER missed after an office that only a person fits: a speech verb or "who" follows it ("Minister of
        Public Services Anna Roos said", "President Director of Halden Biologics Rina Holt, who signed"), or NER reads
        one of its words as a person elsewhere ("Roos told reporters")."""
        if _PERSON_AFTER.match(self.ctx.masked, end):
            return True
        words = set(name.split())
        return any(ent.label_ == "PERSON" and ent.text in words for ent in self.ctx.ents)

    def _surnames_only(self, named: list[Candidate], taken: SpanIndex, credited: set[frozenset[str]]) -> list[Candidate]:
        """People the text names only by honorific and surname ("Professor Hollis said"); a surname of a person named
        in full, of an organisation, or a common or title word is none."""
        ctx = self.ctx
        known = {w for c in named for w in _key(c.name)} | {w for k in credited for w in k}
        titles = title_words(tuple(ctx.rules.lexicon["title_words"]))
        out: list[Candidate] = []
        for m in _SURNAME_ONLY.finditer(ctx.masked):
            word = re.sub(r"['’]s$", "", m.group(1))
            start, end = m.start(1), m.start(1) + len(word)
            if re.match(r"\.[ \t]+", ctx.masked[end:end + 2]) and any(c.start == end + 2 for c in named):
                continue  # a second honorific of a chain, not a surname: "Prof. Ing. Ana Ruiz", "Dr. Med. Ken Adler"
            if word.lower() in known or word in self.org_words or word in titles or word in _not_name_words(ctx) \
                    or len(word) < 3 or taken.overlaps(start, end) or ctx.is_noise(start, end) \
                    or self.affiliations.org_at(word) is not None or word in self.places \
                    or len(occurrences(ctx.masked, word.lower(), joiners="-")) > 0:
                continue
            out.append(Candidate(word, start, end))
        return out

    def _joined(self, cands: list[Candidate]) -> list[Candidate]:
        """Hong Kong names join an English name to the Chinese one with no mark between ("Vivian Tam Ho Wing-sze"),
        which NER reads as two people; two names parted by one space are one."""
        out: list[Candidate] = []
        for cand in cands:
            prev = out[-1] if out else None
            if prev and self.ctx.masked[prev.end:cand.start] == " " and len(prev.name.split()) + len(cand.name.split()) <= 5:
                out[-1] = Candidate(self.ctx.text[prev.start:cand.end], prev.start, cand.end)
            else:
                out.append(cand)
        return out

    def _no_person_here(self, name: str, start: int) -> bool:
        """A name NER alone reads as a person that the text shows is something else: a place (named before a
        place noun or after "in" anywhere, or listed among places) or a company (its legal form or national arm
        after it)."""
        text = self.ctx.masked
        end = start + len(name)
        for at, _ in occurrences(text, name, joiners="-"):
            if _PLACE_AFTER.match(text, at + len(name)) or _COMPANY_AFTER.match(text, at + len(name)) \
                    or _PLACE_BEFORE.search(text[max(0, at - 12):at]) and not re.match(r"['’]s?\b", text[at + len(name):]):
                return True
        if self._product(start, end) or self._org_noun_beside(start, end):
            return True
        person_starts = {ent.start_char for ent in self.ctx.ents if ent.label_ == "PERSON"}
        caps = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", name))
        for at, _ in occurrences(text, name, joiners="-"):
            after = at + len(name)
            # "Halden Farma CEO Ken Adler signed": a title and another person's name after it make it the organisation
            title = self.title_after(text, after)
            if title and (space := re.match(r"[ \t]+", text[title.end():])) and title.end() + space.end() in person_starts:
                return True
            # an acronym that spells it, in brackets after it or before its brackets: "Becton Dalby (BD)", "BD (Becton
            # Dalby)"; a person is not written so
            lead = text[max(0, at - 12):at]
            if len(caps) >= 2 and (text[after:].lstrip(" \t").startswith(f"({caps})")
                                   or lead.endswith("(") and any(s + len(caps) == len(lead[:-1].rstrip(" \t"))
                                                                 for s, _ in occurrences(lead, caps))):
                return True
        # "Ghana, Liberia, Sierra Leone and Nigeria": places on both sides in a list, so the name is one too
        # (one place beside it is no list: "In Seoul, Ken Adler said")
        sides = set()
        for ent in self.ctx.ents:
            if ent.label_ in ("GPE", "LOC") and ent.text != name:
                before = ent.end_char <= start
                gap = text[ent.end_char:start] if before else text[end:ent.start_char]
                if len(gap) <= 7 and re.fullmatch(r",[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+", gap):
                    sides.add(before)
        return len(sides) == 2

    def _org_noun_beside(self, start: int, end: int) -> bool:
        """The parse shows an organisation or a programme: an organisation noun right before the name or the list it
        ends ("subsidiaries Halden Farma and Ostvik Farma", "Drugmakers Halden"), or in apposition to it ("Halden
        Circuits, a company working on chips"; not "Ken Adler, a company spokesman", whose head is the title)."""
        nouns = _word_set(tuple(self.ctx.rules.lexicon["org_nouns"]))
        span = self.ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        if span[0].lower_ in nouns and len(span) > 1:
            return True
        token = span.root
        if any(child.dep_ == "appos" and child.lower_ in nouns for child in token.children):
            return True
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        first = min(span[0].i, token.left_edge.i if token.left_edge.i >= span[0].i - 4 else span[0].i)
        doc = self.ctx.doc
        return first > 0 and doc[first - 1].lower_ in nouns or doc[first].lower_ in nouns and doc[first].i < span[0].i

    def _product_entity(self, entity: OrgEntity) -> bool:
        """An organisation candidate that the text shows is a product: named by its kind ("the diabetes drug Zentora",
        "brands such as Zentora, Velixa") or by the parse ("launch Zentora"), and never with an organisation's head word
        or legal form."""
        if has_head(entity.name, self.ctx.rules.lexicon):
            return False
        text = self.ctx.masked
        return any(_PRODUCT_KIND_BEFORE.search(text, max(0, m.start - 80), m.start) or self._product(m.start, m.end)
                   for m in entity.mentions)

    def _product(self, start: int, end: int) -> bool:
        """The parse shows a product: "The vaccine, Covira Shield, ...", "marketed as Velixa Forte", "sells Zentora Max"."""
        span = self.ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        token = span.root
        while token.dep_ == "conj" and token.head is not token:
            token = token.head  # "markets Zentora Max and Lumira Plus"
        head = token.head
        if token.dep_ == "appos" and head.lower_.removesuffix("s") in _PRODUCT_NOUNS:
            return True
        if token.dep_ == "pobj" and head.lower_ == "as" and (_PRODUCT_VERBS.fullmatch(head.head.lower_)
                                                            or head.head.lower_ in {"branded", "named"}):
            return True
        return token.dep_ == "dobj" and bool(_PRODUCT_VERBS.fullmatch(head.lower_))

    def _credited(self, start: int, end: int) -> bool:
        """A byline, an editor or a translator: the credit cue runs up to the name on its line, or the desk follows it."""
        line = self.ctx.masked[self.ctx.masked.rfind("\n", 0, start) + 1:start]
        line_end = self.ctx.masked.find("\n", end)
        if _DATED_BYLINE.fullmatch(line) and not self.ctx.masked[end:line_end if line_end >= 0 else None].strip():
            return True  # "2024-07-30   Ken Adler": a news site's line of date and writer under the headline
        agency = _PHOTO_AGENCY.search(line)
        if agency and not self.title_re.fullmatch(agency.group(1)):
            return True
        return bool(line.strip()) and bool(_CREDIT.search(line[-160:])) or bool(_CREDIT_AFTER.match(self.ctx.masked, end))

    def _common_word_last(self, name: str) -> bool:
        """A headline-cased phrase NER took for a name ("Produce Insulin", "Organ Seller"): its last word is written
        in lower case elsewhere in the article, as a common word (a surname rarely is, twice)."""
        last = name.split()[-1]
        if "-" in last or not last[1:].islower() or len(last) < 4:
            return False
        return len(occurrences(self.ctx.masked, last.lower(), joiners="-")) >= 2

    def quotes(self, people: dict[frozenset[str], Person]) -> None:
        """Attribute each direct quote to the person named right after or before it."""
        text = self.ctx.masked
        last: Person | None = None
        for m in re.finditer(r"(?<![\w)])[\"“]([^\"“”\n]{20,}?)[\"”]", text):  # an opening quote follows no word
            q_start, q_end = m.start(1), m.end(1)
            tail = text[m.end():m.end() + 100]
            head = text[max(0, m.start() - 150):m.start()]
            speaker = self._person_in(tail, people, first=True) or self._person_in(head, people, first=False)
            if speaker is None and re.match(r"\s*$|\s*[\"“]", head[-3:]) and last is not None:
                speaker = last
            if speaker is not None:
                speaker.quotes.append(Quote(text=self.ctx.text[q_start:q_end], start=q_start, end=q_end))
                last = speaker

    def _person_in(self, window: str, people: dict[frozenset[str], Person], first: bool) -> Person | None:
        cut = re.split(r"(?<!\bDr)(?<!\bProf)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bJr)[.!?][\"”]?\s+(?=[A-Z\"“])|\n\s*\n",
                       window)  # a sentence ends, not an honorific ("said Prof. Dr. Klaus Müller")
        window = cut[0] if first else cut[-1]
        hits = []
        for person in people.values():
            for token in {person.name, *person.name.split()}:
                if len(token) > 2:
                    for start, _ in whole_words(window, token):
                        hits.append((start, person))
        if not hits:
            return None
        return min(hits, key=lambda h: h[0])[1] if first else max(hits, key=lambda h: h[0])[1]

    def run(self) -> list[Person]:
        cands = self.candidates()
        self.affiliations.people_spans = [(c.start, c.end) for c in cands]
        self.affiliations.products = {e.name for e in self.affiliations.entities if self._product_entity(e)}
        for i, cand in enumerate(cands):
            self.affiliations.describe(cand, cands[i + 1].start if i + 1 < len(cands) else None)
        # ";"-separated attendee lists: "Park, CEO of X; Yoo, Head of Bio R&D Division; ..." inherit X.
        for prev, cand in itertools.pairwise(cands):
            between = self.ctx.masked[prev.end:cand.start]
            if cand.title and cand.org is None and prev.org and ";" in between and "\n" not in between \
                    and not self.affiliations.is_office(cand.title):
                cand.org = prev.org
        self._listed(cands)
        for cand in cands:
            window = self.ctx.masked[max(0, cand.start - 80):cand.end + 150]
            cand.org = self.affiliations.unit_owner(self.affiliations.tidy_org(cand.org, cand.name, window), cand.title)
            cand.org = self.affiliations.as_written(cand.org, window)
        people: dict[frozenset[str], Person] = {}
        displayed: set[frozenset[str]] = set()  # people whose title so far comes from a headline or a caption
        # people whose organisation so far is inferred from the sentence's party ("which CEO Kim described"): a later
        # mention stating title and organisation with the name ("Kim, CEO of Acme") says better
        inferred: set[frozenset[str]] = set()
        for cand in cands:
            key = _key(cand.name)
            # "Chief Minister A. Ravi Kumar ... Ravi Kumar said": the name with and without its initials is one person
            # (who keeps the fuller name); a surname and an initial alone say too little ("J. Holm", "K. Holm")
            core = _core(key)
            key = next((k for k in people if len(core) >= 2 and _core(k) == core), key)
            # "Aisha Al Rami ... Al Rami said": a surname of two words is the one person named in full with it
            fuller = [k for k, p in people.items() if len(core) >= 2 and core < _core(k) and p.name.endswith(f" {cand.name}")]
            key = fuller[0] if key not in people and len(fuller) == 1 else key
            person = people.get(key)
            if person is None:
                person = people[key] = Person(name=cand.name)
            elif len(_key(cand.name)) > len(_key(person.name)):
                person.name = cand.name
            person.mentions.append(self.ctx.mention(cand.start, cand.end))
            display = self._displayed(cand.start)
            stated = bool(cand.title and cand.org and not cand.inferred)
            if stated and key in inferred and not display:
                person.title, person.organization = cand.title, cand.org
                inferred.discard(key)
                continue
            if cand.title and (person.title is None or (cand.org and person.organization is None)
                               or key in displayed and not display):
                # the story's own sentences state a title better than a headline or a photo caption
                if key in displayed and not display and cand.org:
                    person.organization = None
                person.title = cand.title
                if cand.org:
                    inferred.discard(key)
                    if cand.inferred:
                        inferred.add(key)
                person.organization = cand.org or person.organization
                displayed.discard(key)
                if display:
                    displayed.add(key)
            elif cand.org and person.organization is None:
                person.organization = cand.org
        for person in people.values():
            if person.title is None:
                self.title_from_surname(person, cands)
        self.quotes(people)
        for person in people.values():
            person.role = self.role(person)
            person.mentions.sort(key=lambda x: x.start)
        return sorted(people.values(), key=lambda p: p.mentions[0].start)

    def _listed(self, cands: list[Candidate]) -> None:
        """Attendee lists of titles before names: "..., CEO Ana Ruiz and Vice President Ken Adler of Acme" (who are
        both of Acme), "Director Lena Holm of the hospital, Chief Planning Officer Ivo Lund, Professor ..." (who are of
        the hospital until the list names another organisation); the list says better than the sentence's party."""
        text = self.ctx.masked
        title = self.title_re.pattern
        # the last of a pair joined by "and" states the organisation for both
        for cand, nxt in zip(reversed(cands[:-1]), reversed(cands[1:])):
            if cand.title and (cand.org is None or cand.inferred) and nxt.org and not nxt.inferred \
                    and regex(rf"[ \t]+(?:and|&)[ \t]+(?:[A-Z][\w&.-]*[ \t]+)*?(?:{title})[ \t]+").fullmatch(text, cand.end, nxt.start) \
                    and re.match(r"[ \t]+(?:of|at)[ \t]", text[nxt.end:nxt.end + 4]) and not self.affiliations.is_office(cand.title):
                cand.org, cand.inferred = nxt.org, False
        # a later name of the list, after a comma and its title alone, is of the organisation of the one before
        for prev, cand in itertools.pairwise(cands):
            if cand.title and (cand.org is None or cand.inferred) and prev.org and not prev.inferred \
                    and not self.affiliations.is_office(cand.title) \
                    and regex(rf"(?:[ \t]+(?:of|at)[ \t]+[^,;.\n]{{1,60}})?,[ \t]+(?:[A-Z][\w&.-]*[ \t]+)*?(?:{title})[ \t]+")\
                    .fullmatch(text, prev.end, cand.start):
                cand.org, cand.inferred = prev.org, False

    def _displayed(self, start: int) -> bool:
        """A mention in a headline or a photo caption: a line without a sentence's final punctuation, or after
        'from left', 'pictured', 'photo' on its line."""
        text = self.ctx.masked
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line = text[line_start:line_end if line_end >= 0 else len(text)].rstrip()
        return not _SENTENCE_END.search(line) or bool(_CAPTION_CUE.search(text[line_start:start]))

    def title_from_surname(self, person: Person, cands: list[Candidate]) -> None:
        """News style names a person in full once, then by surname: "... said Ken Adler. Adler is chief executive of
        X", "Adler, Acme's CEO, added". A surname another person shares says nothing."""
        surname = person.name.split()[-1]
        if len(surname) < 3 or not surname[0].isupper() \
                or any(surname in c.name.split() and _key(c.name) != _key(person.name) for c in cands):
            return
        full = [(m.start, m.end) for m in person.mentions]
        for at, _ in occurrences(self.ctx.masked, surname, joiners="-"):
            if not any(s <= at < e for s, e in full):
                probe = Candidate(surname, at, at + len(surname))
                self.affiliations.describe_after(probe)
                if not probe.title:
                    self.affiliations.describe_before(probe)
                if probe.title:
                    person.title = probe.title
                    org = probe.org or self.affiliations.party_in_context(probe)
                    person.organization = person.organization or self.affiliations.tidy_org(org, person.name)
                    return

    def role(self, person: Person) -> PersonRole:
        sentences = " ".join(self.ctx.sentence_text(m.start) for m in person.mentions).lower()
        # the signing verb close to the name: "signed by X", "X and Y signed"; not "signed on ..., led by X"
        near = " ".join(self.ctx.masked[max(start, m.start - 60):min(end, m.end + 60)]
                        for m in person.mentions for start, end in [self.ctx.sentence_of(m.start)]).lower()
        # "Hanbit Cellwave (CEO Choi Yoonseo) ... signed": a party's head named beside it in the signing sentence
        beside_party = any(re.search(r"\((?:[A-Z][\w.-]*[ \t]+){1,3}$", self.ctx.masked[max(0, m.start - 40):m.start])
                           for m in person.mentions)
        # "signed ... by Kari Lund, Chief Executive of X, and Henrik Dahl, CEO of Y": everyone after "signed ... by"
        signed_by = any(re.search(r"\bsigned\b[^.;]{0,120}\bby\b", self.ctx.masked[start:m.start])
                        for m in person.mentions for start, _ in [self.ctx.sentence_of(m.start)])
        signing = (re.search(r"\bsign(ed|ing)?\b", near) or signed_by
                   or beside_party and re.search(r"\bsign(ed|ing)?\b", sentences))
        if signing and not re.search(r"attended", sentences):
            return "signatory"
        if re.search(r"\battend", sentences):
            return "attendee"
        if person.quotes:
            return "quoted"
        start = person.mentions[0].start
        head = self.ctx.masked[max(0, start - 200):start]
        if any(_CONTACT_HEADER.search(line) for line in head.splitlines()[-3:]):
            return "contact"
        return "participant"


def extract_people(ctx: Context, entities: list[OrgEntity], parties: list[OrgEntity]) -> list[Person]:
    return PeopleExtractor(ctx, entities, parties).run()

