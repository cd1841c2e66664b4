"""Affiliations: the title and organisation of each person, from every construction press releases use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import load_json, regex
from .context import Context
from .deal_cues import region_groups
from .org_names import GENERIC_WORDS, has_head, initials, place_names, title_re
from .orgs import OrgEntity
from .textfind import occurrences

# The words after the opening ones that make a longer name another organisation, a unit or an arm ("Halden Biologics
# Clinical Solutions"): three at least (fit3: one or two also cut a company's own words, "Sun Pharmaceutical Industries")
MIN_UNIT_WORDS = 3
_BODY_HEAD = re.compile(r"(?:Department|Dept|Division|School|Faculty|Office|Bureau|Ministry|Committee|Council|Commission"
                        r"|Agency|Authority)\b")
UNIT_HEADS = re.compile(r"\b(Division|Department|Dept\.?|Team|Unit|Program|Programme|Practice|Office|Section)$")
_CUT = re.compile(
    r"\s+(?:said|says|added|noted|stated|explained|commented|told|who|which|will|would|has|had|is|was|also|and her|and his"
    r"|signed|attended|hold|holds|are|were|during|after|before)\b|[;\"“”()\[\]|]|\n|,\s+(?=[a-z])(?!and\s+[A-Z])"
    # lists, where a title may carry its reach ("executive vice president, global head of research")
    r"(?!(?:(?:global|regional|group|worldwide|international)\s+)?"
    r"(?:president|chief|ceo|chairman|chairwoman|director|founder|co-?founder|vice|executive|managing|general|head)\b)"
    # and a title's function in lower case: "senior vice president, business development, X"
    r"(?!(?:business|corporate|global|research|investor|media|public|clinical|medical|regulatory|commercial|strategy"
    r"|operations|finance|legal|product|technical|scientific|marketing|sales|human|quality|manufacturing)\s+[a-z]+,)"
    r"|(?<!Dept)(?<!Inc)(?<!Ltd)(?<!Co)(?<!Corp)(?<![A-Z])\.(?=\s|$)"
    # an aside after a dash: "CEO at Acme - the lead partner of the consortium" (not "President – International Growth")
    r"|\s+[-–—]\s+(?=(?:the|a|an|which|who|one)\s)"
)


@cache
def degrees() -> str:
    """Pattern text of the degrees and letters between a name and its title, built from the lexicon on first use.

    "Marcus Feld, M.D., Chief ..."; Hong Kong honours and Justice of the Peace: "Dr Jane Doe, BBS, JP, Chairman, ...";
    any other degree written in dotted capitals before the title's comma: "Ana Ruiz, M.D., M.S.C.E., vice president";
    honours and professional designations, the lexicon's post_nominal_letters: "Ana Ruiz, CFA, Principal of X"."""
    letters = "|".join(re.escape(w) for w in sorted(load_json("lexicon.json")["post_nominal_letters"], key=len, reverse=True))
    return rf"(?:,?\s*(?:Ph\.?\s?D\.?|M\.?D\.?|MBA|Jr\.|Sr\.|Pharm\.?D\.?|(?:{letters})\b|(?:[A-Z]\.){{2,5}}(?=,)))*"


_ACRONYM = re.compile(r"\s*\([A-Z&]{2,6}\)")
# "Professor" is a title, these are not; Indian ("Shri", "Smt.") and parliamentary ("Hon.", "H.E.") honorifics too
# ("Prof" too, which the title words leave out: "Health Minister Prof Ana Ruiz" holds the office before it)
_HONORIFIC_TAIL = re.compile(r"(?:\s+(?:Dr|Mr|Mrs|Ms|Sir|Dame|Shri|Smt|Sri|Hon|H\.E|Prof)\.?)+\s*$")
# a title list's "and"/"&" right before a line break (speed only: Affiliations._titled_at_end)
_LIST_JOIN_AT_END = re.compile(r"(?:and|&)\s*$")
# the name again in its own script, between the name and its title: "Chen Wei (陳偉), chairman of X"
_NATIVE_NAME = re.compile(r"^[ \t]*[(（][^()（）\n]*[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af][^()（）\n]*[)）]")
# "the Department of Plastic Surgery at", "Division of Hematology, ": a unit before its organisation.
_UNIT_PREFIX = re.compile(
    r"(?:the\s+)?(?:Department|Dept\.|Division|School|Faculty|Laboratory|Lab|Center|Centre|Unit|Institute|Clinic)\s+of\s+"
    r"[A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*)*\s*(?:,\s*|\s+(?:at|of)\s+(?:the\s+)?)"
    # "Chairman of the Board of Acme": a board belongs to its organisation
    r"|(?:the\s+)?(?:Supervisory\s+|Executive\s+)?Board(?:\s+of\s+(?:Directors|Trustees|Governors))?\s+(?:of|at)\s+(?:the\s+)?"
)
_UNIT_TAIL = re.compile(r"(?:,\s*|\s+(?:at|of)\s+(?:the\s+)?)$")
_LEGAL_TAIL = re.compile(r"[\s,.]*(?:Co\.,?\s*Ltd|Inc|Ltd|LLC|Corp|Corporation|GmbH|AG|S\.?A|B\.V|N\.V|K\.K|plc|Pte|Pvt)\.?")
_LEGAL_TAIL_AT_END = re.compile(rf"(?:{_LEGAL_TAIL.pattern})$")  # a legal form ending a name
# Titles only a company's head holds: "chief executive officer of X" names a company, even one written in lower case
_COMPANY_HEADS = (r"(?:co-?)?founder|chairman|chairwoman|ceo|chief\s+executive(?:\s+officer)?|managing\s+director"
                  r"|chief\s+\w+\s+officer")
_COMPANY_TITLE = re.compile(rf"(?i)(?:.*\s)?(?:{_COMPANY_HEADS})")
# Titles that head a whole organisation, those and more: "chief executive officer of Quorvex" names the organisation
# after "of", where "Head of Nitrogen Fixation" or "Secretary for Innovation" names a field (fullmatch only: the order
# of the alternatives does not matter)
_ORG_LEVEL_TITLE = re.compile(
    rf"(?i)(?:.*\s)?(?:{_COMPANY_HEADS}|chairperson|chair|president|(?:executive|general)\s+director|general\s+manager|c[a-z]o)")
# and academic ranks before a lower-case title: "research professor Kim", "visiting scientist Lee"
_RANK_MODIFIER = r"(?:(?:research|visiting|adjunct|emeritus|clinical|honorary|distinguished)[ \t]+)?"
# Lower-case modifiers of a title before a name: "interim CEO Rachel Cole", "founding CEO ..."
_TITLE_MODIFIER = r"(?:(?:interim|acting|founding|former|incoming|outgoing)[ \t]+)?"
# The reach of a post, part of its title as written: "named Ana Ruiz as global head of legal"
_SCOPE_MODIFIER = r"(?i:global|regional|group|worldwide|international|corporate)"
# Public offices: their holders belong to a government, never to a company named near them
_OFFICE = re.compile(r"(?i)\b(?:minister|premier|governor|mayor|senator|congress(?:wo)?man|ambassador|taoiseach"
                     r"|president of the republic|secretary of state|undersecretary|under secretary|commissioner)\b")


@cache
def _field_office() -> re.Pattern[str]:
    """'Foreign Secretary', 'Research, Science and Innovation Minister': an office written after its fields (the
    lexicon's office_field_words), a public office too."""
    fields = "|".join(re.escape(w) for w in sorted(load_json("lexicon.json")["office_field_words"], key=len, reverse=True))
    return re.compile(rf"(?:{fields})(?:(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+|[ \t]+)(?:{fields}))*[ \t]+(?:Secretary|Minister)")


# A minister named without a field ("Minister Park", "Vice Minister Lee"): the ministry of the story is the organisation
# A unit's owner in a title: "head of Halden Korea's vaccines division"
_UNIT_OWNER_IN_TITLE = re.compile(r"\b(?:of|at)\s+(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})['’]s\s+(?:\([A-Z]{2,6}\)\s+)?[a-z]")
# A company head's title anywhere in a title ("Chairman, President and Chief Executive Officer", "former CEO")
_COMPANY_HEAD_IN = re.compile(rf"(?i)\b(?:{_COMPANY_HEADS}|president)\b")
# (fit3: one and a half or twice as often alike; twice is the surer)
MAIN_SHARE = 2.0
_BARE_MINISTER = re.compile(r"(?i)(?:(?:deputy|vice|first[ \t]+vice|assistant)[ \t-]+)?minister")
_MINISTRY = re.compile(r"\bMinist(?:ry|ère|erio|erium)\b")
# Diplomats belong to their country's mission, the embassy or consulate the story names
_DIPLOMAT = re.compile(r"(?i)\b(?:ambassador|consul(?:[ \t-]general)?|charg[ée] d['’]affaires|envoy)\b")
_MISSION = re.compile(r"\b(?:Embassy|Consulate|High Commission|Permanent Mission)\b")
# Academics and their units: a department alone names no organisation of its own
_ACADEMIC = re.compile(r"(?i)\b(?:professor|lecturer|researcher|scientist|fellow|investigator|postdoc\w*)\b")
_ACADEMIC_UNIT = re.compile(r"(?:the\s+)?(?:Department|Dept\.|Division|Faculty|School|College|Laboratory|Lab)\s+of\s+[A-Z]")
# Heads of government: they speak for their country, which is no organisation of the story
_HEAD_OF_GOVERNMENT = re.compile(r"(?i)^(?:(?:deputy|vice)[ \t-]+)?(?:prime[ \t]+minister|premier|taoiseach)$")
# Title words that are often something else in lower case before a name ("our partner Acme", "lead Kim")
_AMBIGUOUS_TITLES = {"partner", "lead", "leader", "head", "chief", "officer", "associate", "principal", "executive",
                     "representative", "counsel", "specialist", "administrator", "researcher", "scientist", "physician",
                     "surgeon", "investigator"}
# A company's functions: words that name a field, never an organisation on their own ("Research and Development")
_FIELD_WORDS = {"research", "development", "business", "corporate", "clinical", "medical", "regulatory", "commercial",
                "strategy", "operations", "finance", "legal", "product", "products", "technical", "scientific", "marketing",
                "sales", "human", "resources", "quality", "manufacturing", "affairs", "innovation", "engineering",
                "communications", "relations", "investor", "public", "government", "external", "strategic", "planning",
                "partnerships", "alliances", "licensing", "r&d", "global"}
# A company's function before a bare "chief" or "head" and a name: "R&D chief", "Research and development head"
_FIELD_HEAD_AT_END = re.compile(
    r"(?<![\w&-])((?:R&D|(?i:research(?:[ \t]+and[ \t]+development)?|science|medical|clinical|commercial|finance|strategy"
    r"|manufacturing|regulatory|oncology|development))[ \t]+(chief|head|Chief|Head))[ \t]+$")
_LOWER_OR_COMMA = frozenset("abcdefghijklmnopqrstuvwxyz,")
# "Spokesman Ken Adler said the firm ...": the speaker reports what his own company does
_SAID_THE_COMPANY = re.compile(r"[ \t]+(?:said|says|added|noted|explained)[ \t]+(?:that[ \t]+)?(?:the|its)[ \t]+(?:company|firm)\b")
# a lower-case title right after a speaker's name, then the verb of saying: "Ken Adler executive director at Velmar, said"
_TITLE_THEN_SAID = re.compile(r"[ \t]+([a-z][\w-]*(?:[ \t,]+[\w&'’-]+){0,12}?),[ \t]+(?:said|says|added|noted|commented|stated)\b")
# a lower-case title's short form in brackets between it and the name ("chief operating officer (COO) Ana Ruiz")
_TITLE_ACRONYM_AT_END = re.compile(r"(?<=[a-z])[ \t]+\([A-Z]{2,5}\)[ \t]+$")
# A team of academics described in lower case ("research led by professors Ken Adler and Lena Holm"), named with no
# organisation: they teach at the one university among the parties (one "research professor Ken Adler" or the address
# "Professor Adler" may be a guest's rank, and stays without one)
_PROFESSOR = re.compile(r"\b(?:professors|lecturers)\b")
_ACADEMIC_PARTY = re.compile(r"\b(?:University|Universit[äéà]t?|College)\b")
_REFERENCE_HEADS = {"company", "hospital", "university", "trust", "institute", "foundation", "center", "centre", "firm",
                    "school", "agency", "group"}


@dataclass
class Candidate:
    """One person mention and what its surroundings say about the person."""

    name: str
    start: int
    end: int
    title: str | None = None
    org: str | None = None
    # the organisation was inferred from the party the sentence names, not stated with the name ("said CEO Kim")
    inferred: bool = False


class Affiliations:
    """Links a person mention to a title and an organisation (the canonical party name when a party)."""

    def __init__(self, ctx: Context, entities: list[OrgEntity], parties: list[OrgEntity]) -> None:
        self.ctx = ctx
        self.parties = parties
        self.entities = entities
        self.title_re = title_re(tuple(ctx.rules.lexicon["title_words"]))
        self.people_spans: list[tuple[int, int]] = []  # every person mention, set by the people extractor
        # organisations the text shows to be products ("the diabetes drug Zentora"), set by the people extractor: no
        # one speaks for them
        self.products: set[str] = set()
        self.title_ci = regex(self.title_re.pattern, ignore_case=True)  # news style: "chief executive", "codirector"
        # what ends the words before the next person's name (describe_after), compiled once, not once per person
        titles = self.title_re.pattern
        self.title_at_end = regex(rf"(?:{titles})$", ignore_case=True)
        self.office_at_end = regex(
            rf"(?:^|[,;][ \t]*|[ \t]+and[ \t]+)(?:{titles})[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w&'’-]*"
            rf"(?:(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+|[ \t]+)[A-Z][\w&'’-]*){{0,7}}$")
        self.appos_at_end = regex(
            rf"(?:^|[,;][ \t]*|[ \t]+)(?:and[ \t]+)?(?:the|its|their)[ \t]+(?:[a-z-]+[ \t]+){{0,2}}(?i:{titles})(?:[ \t]+(?i:{titles}))*"
            rf"(?:[ \t]+(?:of|at)[ \t]+[^,;\n]+)?$")
        # what ends the words before a person's name (describe_before), compiled once, not once per person:
        # a title may go on in lower case and carry a modifier: "Chief executive Owen Marsh", "interim CEO Rachel Cole"
        # and lower-case titles may lead a list ("president and CEO"), capitalised words join titles ("Chief
        # Scientific Officer")
        t = titles
        lead = rf"(?:(?i:{t})(?:[ \t]+(?i:{t}))*[ \t]+(?:and|&)[ \t]+)*"  # not "the committee chair, Professor X"
        # a list's last title may be in lower case: "CEO and co-founder Ken Adler"
        lead_one = rf"(?:(?i:{t})(?:[ \t]+(?i:{t}))*[ \t]+(?:and|&)[ \t]+)+"
        title = (rf"{_TITLE_MODIFIER}(?:{lead_one}(?i:{t})|{lead}(?:{t}))(?:[ \t]+(?:[A-Z][\w-]*[ \t]+){{0,2}}?(?:{t})"
                 rf"|[ \t]+(?i:{t}))*")
        self.titled_at_end = regex(rf"((?:[A-Za-z][\w&'’.-]*[ \t]+){{0,6}}?)\(?((?:{title}[ ,]*(?:and\s+|&\s+)?)+)[ \t:]*$")
        # (speed only: a match of titled_at_end ends with a title word, then "[ ,]*(?:and\s+|&\s+)?[ \t:]*$"; the
        # same end read backwards, matched at the start of the reversed text, is one cheap attempt instead of a
        # search from every position, and rules out most texts with no title at their end; see _titled_at_end)
        backwards = "|".join(re.escape(w[::-1]) for w in sorted(ctx.rules.lexicon["title_words"], key=len, reverse=True))
        self.titled_end_reversed = regex(rf"\n?[ \t:]*(?:\s+dna|\s+&)?[ ,]*\b(?:{backwards})\b", ignore_case=True)
        # news style: "Brightvale's chief executive Martin J. Keel", "Garam president and CEO Cho Min-jae", and a field
        # in lower case after the title: "Acme senior vice president of real-world and late phase Ana Ruiz"
        # and with a comma, an apposition: "Halden's chief executive, Maria Berg"
        # (and a country's adjective before the title, the post's reach: "Velmar's Australian managing director Ana Ruiz")
        demonyms = "|".join(sorted((re.escape(d) for d in region_groups()["demonyms"]), key=len, reverse=True))
        self.reach_before_title = regex(rf"(?:{demonyms})[ \t]+(?=[a-z])")
        self.news_title_at_end = regex(
            rf"([A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){{0,4}}(?:['’]s|(?<=s)['’])?)[ \t]+((?:(?:{demonyms})[ \t]+)?(?:[a-z][\w-]*[ \t]+){{0,3}}?"
            rf"(?:{t}|{t.lower()})(?:[ \t]+[a-z][\w-]*){{0,2}}(?:[ \t]+(?:of|for)(?:[ \t]+[a-z][\w-]*){{1,5}})?),?[ \t]+$")
        # "hospital director Kim Ji-ho"
        self.reference_title_at_end = regex(
            rf"(?<![\w-])(?:[Tt]he[ \t]+)?({'|'.join(sorted(_REFERENCE_HEADS))})[ \t]+((?:{t}"
            rf"|{t.lower()})(?:[ \t]+(?i:{t}))*)[ \t]+$")
        # "Head of the Ostvik Drug Authority Kim Ji-ho" (office_before)
        self.office_field_at_end = regex(
            rf"(?<![\w-])((?:(?:Deputy|Vice|Acting|Assistant|Senior|Interim|Former)[ \t]+)*(?:{t}))"
            rf"[ \t]+(?:of|for)[ \t]+((?:the[ \t]+)?[A-Z][\w&'’-]*(?:(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+|[ \t]+)"
            rf"[A-Z][\w&'’-]*){{0,7}})[ \t]*$")
        # "the general director of Ostvik Labs, Lena Holm" (apposition_before)
        self.the_title_of_at_end = regex(
            rf"(?<![\w-])(?:[Tt]he|[Ii]ts|[Tt]heir)[ \t]+((?:[A-Z]{{2,}}[ \t]+)?(?:[a-z-]+[ \t]+){{0,2}}?(?i:{t}))"
            rf"[ \t]+(?:of|at|for)[ \t]+([^,;\n()]{{2,80}}),[ \t]*$")
        # "the Chief Executive Officer of Halden Biologics, Lena Holm", "Halden's Group Chief Executive Officer, Dr Lena
        # Holm": a title phrase (capitalised words, title words, "co-" titles) and its organisation in an apposition
        # right before the name (title_phrase_before); an academic rank may lead the name ("..., Professor Lena Holm")
        phrase_word = rf"(?:(?i:{t})|(?:co|vice|deputy)-(?i:{t})|[A-Z][\w&-]*|and|&)"
        self.title_phrase_comma_at_end = regex(
            rf"(?:^|(?<=[\s(]))(?:(?:[Tt]he|[Ii]ts|[Tt]heir)[ \t]+)?"
            rf"(?:([A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){{0,4}})(?:['’]s|(?<=s)['’])[ \t]+)?"
            rf"((?!(?:and|&)[ \t])(?:{_SCOPE_MODIFIER}[ \t]+)?{_TITLE_MODIFIER}(?:{phrase_word}[ \t]+){{0,5}}?(?:(?:co|vice|deputy)-)?(?i:{t})"
            rf"(?:[ \t]+(?:of|at|for)[ \t]+(?:the[ \t]+)?[A-Z][^,;\n()]{{1,90}}?(?:[ \t]*\([A-Z&]{{2,8}}\))?)?)"
            rf",[ \t]*(?:(?:Professor|Prof\.?)[ \t]+)?$")
        # "Business Secretary, Mark Hale" (title_in_apposition_before)
        self.title_comma_at_end = regex(
            rf"(?:^|(?<=[^,;\s])[ \t]+)((?:[A-Z][\w-]*[ \t]+){{0,2}}(?:{t})"
            rf"(?:[ \t]+(?:to|of|for)[ \t]+[A-Z][\w-]*)?),[ \t]*$")
        # lower_title_before: "chief scientific officer Ken Adler": a chief's function between "chief" and "officer";
        # "the firm's chief executive, Ken Adler": a reference to an organisation determines the title too
        self.lower_title_at_end = regex(
            rf"(?<![\w&'’-])((?:[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur)[ \t]+(?:{'|'.join(sorted(_REFERENCE_HEADS))})['’]s[ \t]+"
            rf"|(?:[Tt]he|a|[Ii]ts|[Tt]heir|[Oo]ur)[ \t]+)?({_TITLE_MODIFIER}{_RANK_MODIFIER}(?:(?i:{t})[ \t]+){{0,2}}"
            rf"(?:(?i:{t})|chief[ \t]+[a-z]+[ \t]+officer)"
            # (and the office's field in lower case: "the minister of health, Ana Ruiz")
            rf"(?:[ \t]+(?:of|for)[ \t]+[a-z]{{3,}}(?:[ \t]+(?:and|&)[ \t]+[a-z]{{3,}})?)?)(,?)[ \t]*$")
        # and the smaller ones, each compiled once: "... & President of" (split_title), an acronym before a title
        # ("VELMAR Head of"), a long lower-case title that opens with one (clean_title), "who joined X as CMO"
        # (describe_after), "the firm's chief executive," (party_in_context)
        self.second_post = regex(  # "CEO of Velmar Pharma and Chairman of Ostvik Bio" (split_title)
            rf"(?:the\s+)?([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){{0,4}})\s+(?:and|&)\s+(?:{t})\s+(?:of|at)\s")
        self.and_title = regex(rf"\s*(?:&|and)\s+(?:{t})")
        self.word_before_title = regex(rf"([A-Z][\w&*.-]*)\s+(?={t})")
        self.opens_with_title = regex(rf"(?:[a-z-]+\s+){{0,2}}(?i:{t})")
        self.who_joined_as = regex(
            rf",\s*who\s+(?:joined|joins|rejoined)\s+(.{{2,80}}?)\s+as\s+(?:(?:its|the|a|an|new|interim|acting)\s+)*"
            rf"((?i:{t})(?:\s+[\w&-]+){{0,5}}?)(?=\s+(?:in|on|last|earlier|from)\b|\s*[,.;]|$)")
        self.words_then_title = regex(rf"\s+(?:[\w-]+\s+){{0,4}}?(?i:{t})\s*,?\s*")
        lexicon = ctx.rules.lexicon
        # a board a title sits on ("Chairman of the Board", "of the Supervisory Board"): part of the title (split_title,
        # office_before), never the organisation
        boards = "|".join(re.escape(w) for w in sorted(lexicon["board_words"], key=len, reverse=True))
        self.board = regex(rf"(?:the\s+)?(?:{boards})(?![\w-])")
        # the fields of a public office written before it: "Research, Science and Innovation Minister" (describe_before)
        fields = "|".join(re.escape(w) for w in sorted(lexicon["office_field_words"], key=len, reverse=True))
        self.office_fields_at_end = regex(rf"(?<![\w&'’-])((?:{fields})(?:(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+|[ \t]+)(?:{fields}))*)[ \t]+$")
        # a headline glued after an organisation ("Acme Nabs Ostvik Exec") and a head title glued to its end ("Acme CEO")
        verbs = "|".join(re.escape(w) for w in lexicon["headline_person_verbs"])
        self.headline_glue = regex(rf"\s+(?:{verbs})\b")
        glued = "|".join(re.escape(w) for w in sorted(lexicon["org_glued_title_words"], key=len, reverse=True))
        self.glued_title_at_end = regex(rf"(?:\s+(?:{glued}))+$")
        # an office that is a title only right before a name ("Premier Ana Ruiz", not "Premier Research") (title_only_before)
        only = "|".join(re.escape(w) for w in sorted(lexicon["titles_before_names_only"], key=len, reverse=True))
        self.title_only_at_end = regex(rf"(?<![\w&'’-])({only})[ \t]+$")
        # a state's office named with its country right before the holder: "Norland President Ana Ruiz", "President of
        # the Republic of Norland, Ana Ruiz" (state_office_before)
        offices = "|".join(f"(?:{o})" for o in lexicon["state_offices"])
        self.state_heads = "|".join(re.escape(w) for w in sorted(lexicon["state_name_heads"], key=len, reverse=True))
        self.demonym_office_at_end = regex(rf"(?<![\w&'’-])({demonyms})[ \t]+({offices})[ \t]+$")
        self.office_of_state_at_end = regex(
            rf"(?<![\w&'’-])({offices})[ \t]+of[ \t]+(?:the[ \t]+)?(?:(?:{self.state_heads})[ \t]+of[ \t]+(?:the[ \t]+)?)?"
            rf"([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){{0,2}}),?[ \t]+$")
        # "Harrowgate" / "Yunjing" / "Corvane's": one distinctive word of a name stands for it (parties first).
        self.short_names: dict[str, OrgEntity] = {}
        common = {w.lower() for w in ctx.rules.lexicon["generic_name_words"]} | _REFERENCE_HEADS | GENERIC_WORDS
        for entity in [*parties, *entities]:
            if UNIT_HEADS.search(entity.name):
                continue
            for word in entity.name.split():
                if len(word) > 2 and word[0].isupper() and word.lower() not in common and not self.title_re.fullmatch(word):
                    self.short_names.setdefault(word, entity)
        # (not a form the clustering cut after a preposition: "Center for Cell Therapy at")
        self.forms = sorted(((f, e) for e in entities for f in e.forms
                             if not UNIT_HEADS.search(f) and not re.match(r"(?:Department|Division|Office) of", f)
                             and not re.search(r"\s(?:at|of|for|in|and|&)$", f)),
                            key=lambda fe: -len(fe[0]))

    # -- organisations -------------------------------------------------------------------------
    def org_at(self, text: str) -> tuple[str, int] | None:
        """The organisation named at the start of ``text``, as (canonical name, length)."""
        stripped = re.sub(r"^(?:the\s+|The\s+)", "", text)
        skip = len(text) - len(stripped)
        for form, entity in self.forms:
            if stripped.startswith(form) and not re.match(r"[\w-]", stripped[len(form):len(form) + 1]):
                return self.resolve(entity), skip + len(form)
        word = re.match(r"([A-Z][\w&-]+)(?:['’]s)?(?![\w-])", stripped)
        if word and word.group(1) in self.short_names:
            return self.resolve(self.short_names[word.group(1)]), skip + word.end()
        # (at a sentence's start too: "The firm has named Ken Adler as ..."; a firm is a company)
        m = re.match(r"(?:[Tt]he|[Oo]ur|[Ii]ts)\s+(\w+)\b", text)
        if m and m.group(1).lower() in _REFERENCE_HEADS:
            head = m.group(1).lower().replace("firm", "company")
            # "the Company" in a disclosure is its issuer: the first party with a head word of that kind.
            for entity in self.parties:
                if head in entity.name.lower() or (head == "company" and entity.kind == "company"):
                    return entity.name, m.end()
            # an article announcing no agreement is about its own company: "the company" is that one, not any other
            # (or, named as often as others, the company its story opens with)
            main = (self.main_company() or self.first_company()) if head == "company" and not self.parties else None
            if main:
                return main, m.end()
            for form, entity in self.forms:
                if head in form.lower() or (head == "company" and entity.kind == "company"):
                    return self.resolve(entity), m.end()
            # a coined name with no head word ("Velixor") has no kind: when it is the one such party and no party is
            # known as a company, "the company" is it
            unknown = [e for e in self.parties if e.kind is None]
            if head == "company" and len(unknown) == 1:
                return unknown[0].name, m.end()
        return None

    def resolve(self, entity: OrgEntity) -> str:
        """A party's name plus words that name no organisation of their own is the party: its newsroom
        ("Lakemont Health Newsroom") or an academic unit ("Hoshimi University Graduate School of Medicine").

        A named centre of a party ("Seoyeon University Hospital Clinical Trial Center") stays itself.
        """
        if entity in self.parties:
            return entity.name
        for party in self.parties:
            for form in (f for f in party.forms if len(f) > 3):
                rest = re.sub(rf"(?<![\w-]){re.escape(form)}(?![\w-])", "", entity.name).strip(" ,")
                if rest == entity.name:
                    continue
                academic_unit = re.fullmatch(r"(?:(?:Department|Division) of [\w\s&-]+?,?\s*)?(?:Graduate\s+)?"
                                             r"(?:School|College|Faculty|Department|Division) of [\w\s&-]+", rest)
                if academic_unit or not has_head(rest, self.ctx.rules.lexicon) \
                        and not re.search(r"\b(?:Unit|Program|Programme|Lab)\b", rest):  # "Center" is a head word
                    return party.name
        return entity.name

    def org_before_open_paren(self, before: str) -> str | None:
        """'Sejin Bio (CEO ' or 'Sakuragi Co., Ltd. (Head Office: ...; President: ' -> the organisation."""
        depth, i = 0, len(before) - 1
        while i >= 0:
            if before[i] == ")":
                depth += 1
            elif before[i] == "(":
                if depth == 0:
                    break
                depth -= 1
            i -= 1
        if i < 0:
            return None
        head = before[:i].rstrip()
        for form, entity in self.forms:
            if head.endswith(form) or head.rstrip(".").endswith(form.rstrip(".")):
                return self.resolve(entity)
        return None

    def split_title(self, rest: str) -> tuple[str | None, str | None]:
        """'Director of Seoyeon University Hospital' -> ('Director', 'Seoyeon University Hospital')."""
        rest = _ACRONYM.sub("", rest)  # "Chief Technology Officer (CTO) of ..."
        # a comma may close a function before its organisation ("Senior Director, Business Development, at Acme"),
        # not after a title already held at one ("Chairman of Acme, at the signing ceremony")
        cut = next((c for c in _CUT.finditer(rest) if not (re.match(r",\s+(?:of|at)\s+(?:the\s+)?[A-Z]", rest[c.start():])
                                                            and not re.search(r"\s(?:of|at|for)\s", rest[:c.start()]))), None)
        rest = rest[: cut.start()] if cut else rest
        # the conjunction before the next person of a list: "Ken Adler, CEO of Velmar Pharma and Lena Holm, ..."
        rest = re.sub(r"[\s,]+(?:and|&)\s*$", "", rest).strip(" ,")
        # "Ken Adler, a Velmar Pharma co-founder": an organisation and a lower-case title after the article
        bare = re.fullmatch(r"(?:a|an)\s+([A-Z].*?)\s+([a-z][a-z\s&-]*)", rest)
        if bare and self.title_ci.search(bare.group(2)) and self.clean_title(bare.group(2)):
            known = self.org_at(bare.group(1))
            org = known[0] if known and known[1] >= len(bare.group(1)) else None
            if org or self.named_org(bare.group(1)) or self.looks_like_org(bare.group(1)):
                return self.clean_title(bare.group(2)), org or self.tidy_org(bare.group(1), "")
        found = self.org_at(rest)
        if found and re.match(rf"(?:{self.title_re.pattern})\s+(?:of|at)\s", rest):
            found = None  # a title glued to its organisation by the clustering: "General Counsel of X"
        if found and (re.search(r"['’]s$", rest[:found[1]]) or re.match(r"(?:['’]s\b|\s*$|\s*,)", rest[found[1]:])
                      or rest[:found[1]].endswith("s") and re.match(r"['’]\s", rest[found[1]:])
                      or self.title_ci.match(rest[found[1]:].lstrip())
                      and not re.search(r"\s(?:at|of)\s+(?:the\s+)?[A-Z]", self.without_board(rest[found[1]:]))):
            # ("Data Protection Officer at X" names X; "Acme Chairman of the Executive Board" names no other body)
            # the org comes first: ", Ashgrove University", ", Corvane's Vice President of Research",
            # ", Halden Pharma Chairman and CEO", ", Halden Therapeutics' chief executive"
            return self.clean_title(re.sub(r"^['’]s?(?=\s)", "", rest[found[1]:]).strip(" ,")), found[0]
        # "NBRDA's director": a possessive organisation the clustering does not know, then the title
        own = re.fullmatch(r"([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})(?:['’]s|(?<=s)['’])\s+([^,]+)", rest)
        # (a capitalised title too when it opens with a title word: "Velmar Pharma's Senior Vice President of Research")
        own = own if own and (own.group(2)[0].islower() or self.title_re.match(own.group(2))) else None
        if own and not found and self.clean_title(own.group(2)) and (self.named_org(own.group(1)) or self.looks_like_org(own.group(1))
                                                                     or self.title_ci.match(own.group(2))):
            # (a title alone after the possessive: "Velmar's chief executive" - whoever holds it, Velmar is no person)
            return self.clean_title(own.group(2)), self.tidy_org(own.group(1), "")
        # "Velmar Pharma co-founder": a name the clustering did not find, then a lower-case title
        ahead = re.fullmatch(r"([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})\s+([a-z][a-z\s&-]*)", rest)
        if ahead and not found and self.title_ci.search(ahead.group(2)) and self.clean_title(ahead.group(2)) \
                and (self.named_org(ahead.group(1)) or self.looks_like_org(ahead.group(1))):
            return self.clean_title(ahead.group(2)), self.tidy_org(ahead.group(1), "")
        # "a spokesman for Acme"; a comma may close a function before "of": "Senior Director, Business Development, at Acme"
        seps = list(re.finditer(r",?\s+(?:of|at|from|with|for)\s+|,\s*", rest))
        for i, m in enumerate(seps):
            board = self.board.match(rest, m.end()) if re.fullmatch(r"\s+of\s+", m.group()) else None
            if board and self.title_re.search(rest[:m.start()]) and not rest[board.end():].strip(" ,"):
                # "Ken Adler, Chairman of the Board; ...": the board belongs to the title; the organisation is the
                # body it governs, which the context names
                return self.clean_title(rest[:board.end()]), None
            hit = self.org_after(rest[m.end():])
            if board and hit and self.board.fullmatch(hit):
                continue  # "Chairman of the Board, Halden Biologics": the organisation comes after the board
            if hit and re.fullmatch(r"\s+(?:of|for)\s+", m.group()) and self.is_region(hit) and self.title_ci.search(rest[:m.start()]):
                # "regional director of Asia Pacific, Acme": a region after "of" is the post's reach, part of the title,
                # and the organisation is the one named after it
                later = next(((n, h) for n in seps[i + 1:] for h in [self.org_after(rest[n.end():])]
                              if h and not self.is_region(h)), None)
                if later:
                    return self.clean_title(rest[:later[0].start()]), later[1]
            two = None if hit or not re.fullmatch(r",?\s+(?:of|at)\s+", m.group()) else self.second_post.match(rest[m.end():])
            if two and self.title_re.search(rest[:m.start()]) and (self.looks_like_org(two.group(1)) or self.named_org(two.group(1))):
                # "CEO of Velmar Pharma and Chairman of Ostvik Bio": two posts at two organisations; the first is the
                # one the person is named for (the clustering need not know the first organisation)
                return self.clean_title(rest[:m.start()]), two.group(1)
            known = self.org_at(rest[m.end():])
            if hit and known and m.group().strip() == "," and self.title_re.search(rest[:m.start()]) \
                    and hit not in {p.name for p in self.parties}:
                # "EVP, Global Head, Velmar Prime, Velmar Health": a unit listed before the party it belongs to is
                # part of the title; the party is the organisation
                party = re.match(r",\s*(.+)", rest[m.end() + known[1]:])
                owner = self.org_at(party.group(1)) if party else None
                if party and owner and owner[0] in {p.name for p in self.parties} \
                        and owner[1] >= len(party.group(1).rstrip(" ,.")) - 1:
                    continue
            if hit and known and not has_head(hit, self.ctx.rules.lexicon) \
                    and self.and_title.match(rest[m.end() + known[1]:]):
                continue  # "Vice President of Specialty Care & President of ...": a field, and the title goes on
            if hit and known and hit == known[0] and " " not in rest[m.end():m.end() + known[1]].strip():
                # "Minister for Industry, Ministry of Trade and Industry": one word of a name is a field when the
                # full name follows; the title runs up to the full name
                whole = next((n for n in seps[i + 1:] for k in [self.org_at(rest[n.end():])]
                              if k and k[0] == hit and " " in rest[n.end():n.end() + k[1]].strip()
                              and rest[m.end():m.end() + known[1]].strip() in rest[n.end():n.end() + k[1]]
                              and not rest[n.end():].startswith(rest[m.end():m.end() + known[1]].strip())), None)
                m = whole or m
            inner = known[1] if hit and known else None
            acronym = self.word_before_title.match(rest[m.end():]) if not hit else None
            if acronym and self.named_org(acronym.group(1)):
                inner, hit = acronym.end(1), acronym.group(1)
            if inner and hit and m.group().strip() == "," and self.title_re.match(rest[m.end() + inner:].lstrip()) \
                    and self.title_re.search(rest[:m.start()]) and self.clean_title(rest):
                # "Vice President, Velmar Head of Global Oncology": the organisation's name inside the title, as written
                # (the name as written where NER ran it into the title: "VELMAR Head of")
                written = rest[m.end():m.end() + inner]
                return self.clean_title(rest), written if hit.startswith(written) and hit[len(written):].strip() \
                    and rest[m.end():].startswith(hit) else hit
            if hit:
                title = rest[: m.start()].strip(" ,")
                if re.match(r"[a-z]", title) and not self.clean_title(title):
                    return None, None  # "Ken Adler, approved the deal with Acme": a clause, not an affiliation
                if re.fullmatch(r"(?i)head", title) and (not has_head(hit, self.ctx.rules.lexicon) or re.search(
                        r"\b(?:Unit|Division|Department|Team|Program|Programme|Lab|Laboratory)\b", hit)):
                    # "Head of the Research Unit X at Y", "Head of APAC Area, Y": a bare "Head" leads a unit or a
                    # field; the organisation is the one named after it, and the unit belongs to the title
                    later = next(((n, h) for n in seps[i + 1:] for h in [self.org_after(rest[n.end():])] if h), None)
                    if later:
                        return self.clean_title(rest[: later[0].start()]), later[1]
                    if hit not in {p.name for p in self.parties} and not has_head(hit, self.ctx.rules.lexicon):
                        return self.clean_title(rest), None
                known = self.org_at(rest[m.end():])
                party_names = {p.name for p in self.parties}
                after = seps[i + 1] if i + 1 < len(seps) else None
                if known and re.fullmatch(r"\s+of\s+|,\s*", m.group()) and hit not in party_names and after \
                        and re.fullmatch(r"\s+at\s+", after.group()) and after.start() == m.end() + known[1] \
                        and self.org_after(rest[after.end():]) in party_names:
                    # "general director of the Cancer Center at Ostvik University": a centre held at a party is the
                    # title's unit, as written, and the party is the organisation (so is a unit listed after the title's
                    # comma: "executive director, Venture Unit at Ostvik University")
                    return self.clean_title(rest[:after.start()]), self.org_after(rest[after.end():])
                unit = _UNIT_PREFIX.match(rest[m.end():])
                if unit and re.fullmatch(r"\s+of\s+", m.group()) and self.org_at(rest[m.end():]) is None:
                    # "Director of the Cellular Therapy Program at X", "Chairman of the Board of X": the unit
                    # belongs to the title, as written
                    title = rest[: m.end() + unit.end()]
                    title = _UNIT_TAIL.sub("", title)
                return (self.clean_title(title), hit)
        # "chief executive officer of Vantora", "CEO of quillbio plc": a title heading an organisation, then "of" and a
        # name the clustering did not find (capitalised, one that NER calls an organisation, or one with a legal suffix)
        heads = re.match(r"(.+?)\s+(?:of|at)\s+(?:the\s+)?([A-Za-z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|plc))*)\s*$", rest)
        # (a company head's list that ends in a board seat too: "Chief Executive Officer and Director of Vantora")
        listed = re.fullmatch(r"(.+?)\s+(?:and|&)\s+(?i:director|board\s+member|co-?founder|founder)", heads.group(1)) if heads else None
        if heads and (_ORG_LEVEL_TITLE.fullmatch(heads.group(1)) or listed and _COMPANY_TITLE.fullmatch(listed.group(1))) \
                and not UNIT_HEADS.search(heads.group(2)) \
                and not self.title_ci.search(heads.group(2)) and re.search(r"[a-z]", heads.group(2)) \
                and (heads.group(2)[0].isupper() or self.named_org(heads.group(2))
                     or re.fullmatch(rf"\S+{_LEGAL_TAIL.pattern}", heads.group(2))
                     or _COMPANY_TITLE.fullmatch(heads.group(1)) and self.lower_case_brand(heads.group(2))):
            return self.clean_title(heads.group(1)), heads.group(2)
        # "Chairman of N*GEN", "Governor of the Kanagawa Prefecture": a real title, then "of" and a name the
        # clustering did not find; the name as written is the organisation
        named = re.match(r"(.+?)\s+(?:of|at)\s+(?:the\s+)?([A-Z][\w&*.'’-]*(?:\s+(?:[A-Z][\w&*.'’-]*|&|and|of|for))*)\s*$", rest)
        if named and self.title_re.search(named.group(1)) and not self.title_re.search(named.group(2)) \
                and not UNIT_HEADS.search(named.group(2)) and self.named_org(named.group(2)):
            return self.clean_title(named.group(1)), re.sub(r"\s+(?:&|and|of|for)$", "", named.group(2))
        # "Chief Medical Officer and Head of Clinical Development of Velmar Pharma": a list of titles, the last one's
        # field, then "of" and a name the clustering did not find, with an organisation's head word ("Pharma", "Hospital")
        last_of = re.fullmatch(r"(.+)\s+(?:of|at)\s+(?:the\s+)?([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})", rest)
        if last_of and self.title_re.search(last_of.group(1)) and self.looks_like_org(last_of.group(2)) \
                and not self.is_office(last_of.group(1)):
            return self.clean_title(last_of.group(1)), last_of.group(2)
        # officials: "Undersecretary of the Department of Health", "Governor of the Kanagawa Prefecture" - a
        # government body (which the organisation forms leave out, as they do academic departments) or a region
        gov = named.group(2) if named and self.title_re.search(named.group(1)) else ""
        if named and (re.match(r"(?:Department|Ministry|Bureau)\s+(?:of|for)\s+[A-Z]", gov)
                      or re.search(r"\s(?:Prefecture|Province|County|Municipality|Government)$", gov)):
            gov = re.sub(r"\s+(?:&|and|of|for)$", "", gov)
            full = next((e for e in [*self.parties, *self.entities] if e.name.startswith(gov)), None)
            return self.clean_title(named.group(1)), self.resolve(full) if full else gov
        # "Vice President Ostvik Clinic": a title and a known organisation with nothing between them
        for gap in re.finditer(r"\s+(?=[A-Z])", rest):
            glued = self.org_at(rest[gap.end():])
            if glued and re.search(rf"(?:{self.title_re.pattern})$", rest[:gap.start()]) \
                    and re.fullmatch(r"[\s,]*(?:(?:and|&)(?:\s+(?:Dr|Prof|Mr|Mrs|Ms)\.?)?)?\s*\.?\s*", rest[gap.end() + glued[1]:]):
                return self.clean_title(rest[:gap.start()]), glued[0]
        parts = [p.strip() for p in rest.split(",")]
        for i in range(1, len(parts)):
            if self.acronym_after_title(parts[:i], parts[i], parts[i + 1:]):
                # "COO, ACME, Texas": an organisation's acronym closes the title (a place after it is the site's); one
                # no known organisation spells is left to the linker, which weighs the organisations of the story
                org = self.tidy_org(parts[i], "")
                return self.clean_title(", ".join(parts[:i])), org if org != parts[i] else None
            if re.search(r"\s(?:of|for)\s+[A-Z][\w-]*$", parts[i - 1]) and re.fullmatch(r"[A-Z][\w-]*(?:\s+(?:and|&)\s+[A-Z][\w-]*)?", parts[i]):
                continue  # a field list goes on: "Secretary for Innovation, Technology and Industry"
            if self.looks_like_org(parts[i]):
                return self.clean_title(", ".join(parts[:i])), parts[i]
        # "Senior Vice President, Head of R&D at Velmar Pharma": what a title is held "at" is an organisation, even
        # one the clustering did not find (not a unit, a title or a place alone)
        # (and "at Velmar's research unit": the unit's owner)
        # (a mission's city belongs to its name: "at the Norland Embassy in Tokyo")
        at = re.fullmatch(r"(.+)\s+at\s+(?:the\s+)?([A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|&|of|for)){0,5}"
                          r"(?:(?:(?<=Embassy)|(?<=Consulate)|(?<=Mission)|(?<=Office))\s+in\s+[A-Z][\w-]*)?)(?:['’]s\s+[a-z][a-z\s-]*)?", rest)
        if at and self.clean_title(at.group(1)) and not UNIT_HEADS.search(at.group(2)) and not self.title_re.search(at.group(2)) \
                and not self._bare_place(at.group(2)) and not re.search(r"\s(?:&|of|for)$", at.group(2)):
            return self.clean_title(at.group(1)), at.group(2)
        return self.clean_title(rest), None

    def without_board(self, title: str) -> str:
        """A title without the board it sits on at its end ("Chairman of the Executive Board" -> "Chairman"): a board
        is no organisation of its own."""
        board = re.search(rf"\s+(?:of|on)\s+{self.board.pattern}\s*$", title)
        return title[:board.start()] if board else title

    def acronym_after_title(self, title: list[str], part: str, after: list[str]) -> bool:
        """'Chief Scientific Officer and President, R&D, ACME': an acronym NER reads as an organisation (no title,
        field or place) after a title's comma list, with nothing but places after it."""
        return bool(re.fullmatch(r"[A-Z][A-Z&]{1,5}", part) and self.title_re.search(", ".join(title))
                    and not self.title_re.fullmatch(part) and not self.title_ci.fullmatch(part) and self.named_org(part)
                    and not self.is_region(part) and not self._bare_place(part)
                    and all(self._bare_place(p) or self.is_region(p) for p in after))

    def tidy_org(self, org: str | None, person: str, window: str = "") -> str | None:
        """An organisation without what the clustering glued to it: the person and a title ("Acme CEO Kim Ji-ho"),
        a leading title ("GM of Acme"), an earlier sentence ("X1. Acme"), or a second organisation ("Acme and Beta
        Clinic", when the words around the person, ``window``, name one of them alone)."""
        if not org:
            return org
        clean = re.sub(r"(?<=\b[A-Z][a-z][A-Z])\.$|(?<=[A-Z]{2})\.$", "", self._unglued(org, person))  # "... at DoH." ends a sentence
        if not clean or self.title_re.fullmatch(clean) or _OFFICE.fullmatch(clean) or self._bare_place(clean) \
                or self.board.fullmatch(clean):
            return None  # "Taoiseach Declan Furlow": a title is no organisation, nor is "China's vice-president"'s country
        parts = re.split(r"\s+(?:and|&)\s+", clean)
        rest = window.replace(clean, " ")
        named = len(parts) == 2 and all(self._names_org(p) for p in parts)  # not "Ministry of Trade and Industry"
        alone = [p for p in parts if named and occurrences(rest, p, joiners="-")]
        clean = alone[0] if len(alone) == 1 else clean
        hit = self.org_at(clean)
        # the canonical name of the organisation found, unless it is the glued name itself
        if hit and hit[1] >= len(clean) - 1 and self._unglued(hit[0], person) == hit[0] and (clean not in hit[0] or hit[0] == clean
                                                                                          or len(alone) != 1):
            return hit[0]
        # an acronym the clustering did not tie to its organisation: "BTA" for "Biotech Trade Alliance"
        spelled = [e for e in [*self.parties, *self.entities] if re.fullmatch(r"[A-Z]{2,6}", clean) and initials(e.name) == clean]
        return self.resolve(spelled[0]) if len({e.name for e in spelled}) == 1 else clean

    def as_written(self, org: str | None, window: str) -> str | None:
        """'Syneos Health senior vice president Ana Ruiz', where the clustering folded the short "Syneos Health" into
        "Syneos Health Clinical Solutions": a person named beside the opening words of a longer name, and never
        beside the name itself, speaks for the organisation as written (the longer one is a unit or an arm of it);
        a company's one head word after the short form ("Halden" of "Halden Biologics") is the same organisation."""
        if not org or occurrences(window, org, joiners="-"):
            return org
        words = _LEGAL_TAIL_AT_END.sub("", org).split()
        for n in range(len(words) - MIN_UNIT_WORDS, 0, -1):
            short = " ".join(words[:n])
            # (capitalised words cut before a capitalised one, and no place: not "Institute for", "Japan" of "Japan
            # Science and Technology Agency")
            # (nor a body's own name before its head: "United Front" of "United Front Department of ...")
            if all(w[:1].isupper() for w in words[:n + 1]) and len(short) > 2 and not self.is_region(short) \
                    and not _BODY_HEAD.match(words[n]) \
                    and not self._bare_place(short) and occurrences(window, short, joiners="-") \
                    and any(short in e.forms for e in [*self.parties, *self.entities] if e.name == org):
                return short
        return org

    def unit_owner(self, org: str | None, title: str | None) -> str | None:
        """'Department of Electronic Engineering Professor Kim': an academic's department alone stands for the one
        university, hospital or institute among the parties (a government "Department of Health" is no academic's)."""
        if not org or not title or not _ACADEMIC.search(title) or not _ACADEMIC_UNIT.match(org):
            return org
        owners = [p for p in self.parties if re.search(r"\b(?:University|Universit[äéà]t?|Hospital|Institute|College|School)\b",
                                                      p.name)]
        return owners[0].name if len(owners) == 1 else org

    def is_region(self, text: str) -> bool:
        """A country, a subdivision or a group of countries by name ("Korea", "Asia Pacific", "Latin America"), not a
        body of states ("European Union", "ASEAN"), whether or not the clustering kept it as an organisation."""
        groups = region_groups()
        return (text in place_names() or text in groups["aliases"] or text in groups["groups"]) \
            and text not in self.ctx.rules.lexicon["region_bodies"]

    def _bare_place(self, text: str) -> bool:
        """A country or city alone ("China", "Seoul"), which NER names as a place and no organisation's form is; a
        region's government is written with its head ("Kanagawa Prefecture")."""
        if re.search(r"\s(?:Province|Prefecture|County|Municipality|Government|State|City)$", text):
            return False
        # NER calls unknown names places too ("an analyst at Brackwell"): only a country or region by name counts
        return (text in place_names() or text in region_groups()["aliases"]) \
            and not any(text in p.forms for p in self.parties) and not any(f == text for f, _ in self.forms)

    def _names_org(self, text: str) -> bool:
        """An organisation on its own: a known one, one with a head word, or an acronym."""
        return bool(any(f == text for f, _ in self.forms) or has_head(text, self.ctx.rules.lexicon)
                    or re.fullmatch(r"[A-Z][A-Z0-9&-]+", text))

    def _unglued(self, org: str, person: str) -> str:
        name_at = org.find(person)
        if name_at > 0:  # "Acme CEO Kim Ji-ho" -> "Acme"
            org = re.sub(rf"(?:\s+(?:{self.title_re.pattern}|&|and))*\s*$", "", org[:name_at].rstrip())
        elif name_at == 0 and org[len(person):].startswith(" of "):  # "Kim Ji-ho of Acme" -> "Acme"
            org = org[len(person) + 4:]
        org = re.sub(rf"^(?:(?:{self.title_re.pattern}|GM|Representatives|Heads)\s+(?:&\s+|and\s+)?)+(?:of|at)\s+"
                     r"|^(?:the\s+)?Board(?:\s+of\s+(?:Directors|Trustees))?\s+of\s+(?:the\s+)?", "", org)
        org = re.split(r"(?<=[a-z0-9]{2})\.\s+(?=[A-Z])", org)[-1]
        # a headline glued on: "Acme Gets Exclusive Option" -> "Acme"
        org = self.headline_glue.split(org)[0]
        # a head title glued on: "Ostvik Managing" of "Ostvik Managing Director Ana Ruiz", "Halden CEO" -> the name
        # (the whole run of title words, not a name's own: "Office of the Chief Scientist")
        glued = self.glued_title_at_end.search(org)
        if glued and not re.search(r"(?<![\w-])(?:of|the|for|and|&)$", org[:glued.start()]):
            org = org[:glued.start()]
        # the next person's honorific ("Africa Centre for Disease Control Dr Ana Ruiz", "Ministry of Health and Dr") and a
        # place's preposition ("Institute for Vaccine Safety at Halden University") end no organisation's name
        org = re.sub(r"(?:\s+(?:and|&))?\s+(?:Dr|Prof|Mr|Mrs|Ms|Sir|Dame)\.?$|\s+(?:at|in)$", "", org)
        # a name cut off after "of" ("Department of Health, Government of"): the cut part goes
        return re.sub(r"(?:,\s*[^,]*)?\s+(?:of|for)$|(?:,\s*|\s+)(?:and|&)$", "", org).strip(" ,")

    @staticmethod
    def is_office(title: str | None) -> bool:
        """A public office ("Minister of Health", "Governor"): its holder belongs to a government."""
        return bool(title and (_OFFICE.search(title) or _field_office().fullmatch(title)))

    def lower_case_brand(self, word: str) -> bool:
        """A company that writes its name in lower case ("CEO of zentrix"): one word the article repeats and never
        capitalises, not a field or a generic word."""
        if not re.fullmatch(r"[a-z][a-z0-9]{2,}", word) or word in GENERIC_WORDS:
            return False
        text = self.ctx.masked
        return len(occurrences(text, word, joiners="-")) >= 2 and not occurrences(text, word.capitalize(), joiners="-")

    def named_org(self, text: str) -> bool:
        """An organisation or place NER names ("Kanagawa Prefecture"), or an acronym ("N*GEN"); not a field
        ("Communications") or a unit ("Cellular Therapy Program")."""
        if all(w.lower() in _FIELD_WORDS for w in re.findall(r"[\w'’&-]+", text) if w not in {"and", "of"}):
            return False  # NER reads "Research and Development" as an organisation; after a title it is the field
        if re.fullmatch(r"[A-Z][A-Z*&.-]{1,9}", text):
            return True
        return text in {re.sub(r"^the\s+", "", e.text, flags=re.IGNORECASE) for e in self.ctx.ents
                        if e.label_ in ("ORG", "GPE")}

    def looks_like_org(self, text: str) -> bool:
        """An organisation the clustering did not find: capitalised words with a head, not all generic."""
        lexicon = self.ctx.rules.lexicon
        return (bool(re.fullmatch(r"[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|&|and|of|for))*", text))
                and not UNIT_HEADS.search(text.rstrip("."))
                and has_head(text, lexicon) and not self.title_re.search(text)
                and any(w not in lexicon["generic_name_words"] and w.lower() not in GENERIC_WORDS
                        for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w not in {"and", "of", "for"}))

    def org_after(self, text: str) -> str | None:
        """The organisation at the start of ``text``, past a unit: 'the Department of Neurology at X' -> X."""
        hit = self.org_at(text)
        if hit:
            return hit[0]
        unit = _UNIT_PREFIX.match(text)
        if unit:
            hit = self.org_at(text[unit.end():])
            if hit:
                return hit[0]
            # "of the Department of Neurology, who will lead the work at the hospital": the clause names it
            ref = re.search(r"\b(?:the|its)\s+(?:hospital|university|institute|company)\b", text[unit.end():unit.end() + 100])
            hit = self.org_at(ref.group()) if ref else None
            return hit[0] if hit else None
        return None

    def clean_title(self, title: str) -> str | None:
        title = re.sub(r"(?<=[A-Z]{2})\.$", "", _ACRONYM.sub("", title).strip(" ,"))  # "... Chairman and CEO."
        title = re.sub(r"^(?:the|a|an|our|its|their)\s+", "", title)
        title = re.sub(r"^(?:newly|recently)\s+(?:appointed|named|elected)\s+", "", title)  # "the newly appointed CEO": the CEO
        # "Ana Ruiz, currently CEO of X", "who is also the chief executive of X": the adverb is no part of the title
        title = re.sub(r"^(?:currently|presently|now|also)\s+(?:(?:the|a|an)\s+)?", "", title)
        # "Chairman of X and Dr", "founder and CEO, and Dr": the next person's conjunction and honorific
        title = re.sub(r"[\s,]+(?:and|&)(?:\s+(?:Dr|Prof|Mr|Mrs|Ms|Sir|Dame)\.?)?$", "", title).strip(" ,")
        # "CEO since 2019", "interim CEO since June 2021": a tenure
        title = re.sub(r"\s+(?:since|from|until)\s+(?:(?:early|late|mid-?)\s*|[A-Z][a-z]{2,8}\.?\s+)?\d{4}$", "", title)
        if not title or len(title) > 90:
            return None
        # a country's adjective before a lower-case title is the post's reach ("Australian managing director"): the
        # title is judged without it and kept with it
        reach = self.reach_before_title.match(title)
        written, title = title, title[reach.end():] if reach else title
        if self.title_re.search(" ".join(title.split()[:4])):
            return written
        # news style writes titles in lower case ("head of the hospital's Neuro-Oncology Unit"), but
        # "director Kang Ji-won and ..." is the next person's title and name
        lower = re.match(r"(?:[a-z-]+\s+){0,3}?([a-z-]+)(?=\s+(?:of|at|for|in)\b|\s*$)", title)
        if lower and self.title_re.fullmatch(lower.group(1).title()):
            return written
        # "president and chief executive officer", "president and GM", "codirector of LCI's ...": a lower-case run
        # holding a title word, ending the title or ending in a word that takes an object (not a name after it)
        run = re.match(r"[a-z][\w-]*(?:\s+(?:[a-z][\w-]*|&))*", title)
        words = run.group().split() if run else []
        rest = title[run.end():] if run else ""
        if words and len(words) <= 7 and any(self.title_ci.fullmatch(w) for w in words) \
                and (not rest.strip() or words[-1] in {"of", "at", "for", "in", "and", "&", "the"} or rest[:1] in ",'’"):
            return written
        # a long lower-case title that opens with a title: "senior vice president and head of infectious diseases"
        if words and not rest.strip() and len(words) <= 14 and self.opens_with_title.match(title):
            return written
        return None

    def describe(self, cand: Candidate, until: int | None = None) -> None:
        """Fill title and organisation from the constructions around one mention (``until``: the next person's start)."""
        if self.state_office_before(cand):
            return
        self.describe_after(cand, until)
        if not cand.title:
            self.describe_before(cand)
            field = _FIELD_HEAD_AT_END.search(self.ctx.masked, max(0, cand.start - 60), cand.start)
            if field and (cand.title is None or cand.title.lower() == field.group(2).lower()):
                # "Acme R&D chief Ana Ruiz", "Research and development head Ken Adler": the field is the title's
                cand.title = field.group(1)
        if cand.org is None:
            # "Business Secretary, Mark Hale": the whole title in apposition, where the words before it name no organisation
            longer = self.title_in_apposition_before(cand)
            if longer and (not cand.title or longer.endswith(cand.title) and not self.org_at(longer)):
                cand.title = longer
        if not cand.title:
            cand.title = self.plural_title_before(cand)
        if not cand.title:
            self.describe_from_previous_sentence(cand)
        if not cand.title:
            self.describe_contact_header(cand)
        if cand.org is None:
            cand.org = (self.org_on_contact_lines(cand) or self.org_following(cand.end) or self.org_leading(cand.start)
                        or self.org_of_email(cand.end)
                        # "Halden University (headquartered in Oslo; Ken Adler, Chairman of the Board; ...)": the
                        # organisation the brackets describe
                        or (self.org_before_open_paren(self.ctx.masked[max(0, cand.start - 120):cand.start])
                            if cand.title else None))
        own = re.match(r"(.+?)\s+(?:of|at)\s", cand.title or "")
        if cand.org is None and cand.title and not (own and _COMPANY_TITLE.fullmatch(own.group(1))):
            # a company head's title naming its company ("CEO of Ostvik Labs", unknown to the clustering) takes no other
            cand.org = self.party_in_context(cand)
            cand.inferred = cand.org is not None
        if cand.org is None and _PROFESSOR.search(cand.title or ""):
            cand.org = self.sole_academic_party()
            cand.inferred = cand.org is not None
        if cand.org is None and cand.title and _COMPANY_HEAD_IN.search(cand.title) and not self.is_office(cand.title):
            # "... Zentora grew 47%. 'We reported solid results,' CEO Ken Adler said": a company head named with no
            # organisation near, in an article announcing no agreement, speaks for the article's own company, the one
            # it names far more than any other (with parties, the linker weighs them)
            cand.org = self.main_company()
            cand.inferred = cand.org is not None
        unit_of = _UNIT_OWNER_IN_TITLE.search(cand.title or "") if cand.org is None else None
        if unit_of:
            # "head of Halden Korea's vaccines division": the unit's owner, named in the title, is the organisation
            named = unit_of.group(1)
            cand.org = self.org_ending(named) or (None if self.is_region(named) or self._bare_place(named) else named)
        if cand.org is None and re.search(r"\bCommissioner\b", cand.title or ""):
            # "Ana Ruiz, Commissioner for Health": a commissioner sits on the one commission the story names
            cand.org = self.written_body(r"(?:(?!The\s)[A-Z][\w-]*\s+)+Commission")
        if cand.org is None and _BARE_MINISTER.fullmatch(cand.title or ""):
            cand.org = self.sole_body(_MINISTRY)
        if cand.org is None:
            cand.org = self.ministry_of_field(cand.title)
        if cand.org is None and _DIPLOMAT.search(cand.title or ""):
            cand.org = self.sole_body(_MISSION)

    def state_office_before(self, cand: Candidate) -> bool:
        """'Norland President Ana Ruiz', 'President of the Republic of Norland, Ana Ruiz': a state's office and its
        country right before the name; when that country is a party, the holder is of it (not of a company at the
        signing), and the country, the organisation, leaves the title."""
        before = self.ctx.masked[max(0, cand.start - 120):cand.start]
        if adjective := self.demonym_office_at_end.search(before):
            office, country = adjective.group(2), region_groups()["demonyms"][adjective.group(1)]
        elif of := self.office_of_state_at_end.search(before):
            office, country = of.group(1), of.group(2)
        else:
            return False
        party = self.state_party(country)
        if party is None:
            return False
        cand.title, cand.org = re.sub(r"\s+", " ", office), party
        return True

    def state_party(self, country: str) -> str | None:
        """The party that is the state ``country`` ('Norland', 'Republic of Norland', 'the Norland Government')."""
        state = re.compile(rf"(?:the\s+)?(?:(?:{self.state_heads})\s+of\s+(?:the\s+)?)?{re.escape(country)}(?:\s+Government)?",
                           re.IGNORECASE)
        return next((p.name for p in self.parties if any(state.fullmatch(f) for f in {p.name, *p.forms})), None)

    def written_body(self, pattern: str) -> str | None:
        """The one body of a kind the article writes (a known organisation first): 'the European Commission'."""
        for group in (self.parties, self.entities):
            names = {self.resolve(e) for e in group if re.fullmatch(pattern, e.name)}
            if names:
                return names.pop() if len(names) == 1 else None
        written = {m.group(0) for m in re.finditer(rf"(?<![\w-]){pattern}(?![\w-])", self.ctx.masked)}
        return written.pop() if len(written) == 1 else None

    def main_company(self) -> str | None:
        """The company an article that announces no agreement is about: the organisation (a company, or of no known
        kind) it names most often, twice at least and twice as often as any other."""
        if self.parties:
            return None
        ranked = sorted((e for e in self.entities if e.name not in self.products and e.kind in ("company", None)),
                        key=lambda e: -len(e.mentions))
        if not ranked or len(ranked[0].mentions) < 2:
            return None
        if len(ranked) > 1 and len(ranked[0].mentions) < MAIN_SHARE * len(ranked[1].mentions):
            return None
        return self.resolve(ranked[0])

    def first_company(self) -> str | None:
        """The company (or organisation of no known kind) an article names first."""
        named = [(min(m.start for m in e.mentions), e) for e in self.entities
                 if e.mentions and e.name not in self.products and e.kind in ("company", None)]
        return self.resolve(min(named, key=lambda x: x[0])[1]) if named else None

    def ministry_of_field(self, title: str | None) -> str | None:
        """'Minister of Public Works Ana Ruiz', where the article names the 'Ministry of Public Works' elsewhere: the
        minister belongs to the ministry of the title's own field (none is made up when the text names none)."""
        m = re.search(r"(?i)\bminister\s+(of|for)\s+(?:the\s+)?(.+)$", title or "")
        if not m:
            return None
        field = re.escape(m.group(2).strip())
        named = {self.resolve(e) for e in [*self.parties, *self.entities]
                 if re.fullmatch(rf"(?i)(?:the\s+)?{_MINISTRY.pattern}\s+(?:of|for)\s+(?:the\s+)?{field}", e.name)}
        if named:
            return named.pop() if len(named) == 1 else None
        # the clustering may have cut the ministry's name short ("Ministry of Public Works" of "... Works Sector")
        written = {w.group(0) for w in re.finditer(rf"\b{_MINISTRY.pattern}\s+(?:of|for)\s+(?:the\s+)?{field}(?![\w-])", self.ctx.text)}
        return written.pop() if len(written) == 1 else None

    def plural_title_before(self, cand: Candidate) -> str | None:
        """'led by professors Ken Adler and Lena Holm': a title in the plural before a list of people is each one's, as
        written."""
        text = self.ctx.masked
        pos = cand.start
        while True:  # back over the people listed before this one
            sep = re.search(r"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)$", text[max(0, pos - 8):pos])
            prev = next((s for s, e in self.people_spans if sep and e == pos - len(sep.group())), None) if sep else None
            if prev is None:
                break
            pos = prev
        word = re.search(r"(?<![\w-])([A-Za-z][\w-]*?)s[ \t]+$", text[max(0, pos - 40):pos])
        # (a list: people before this one, or another after it)
        listed = pos < cand.start or re.search(r"[ \t]+(?:and|&)[ \t]+[A-Z]", text[cand.end:cand.end + 12])
        if word and listed and self.title_ci.fullmatch(word.group(1)) and self.clean_title(word.group(1)):
            # (an organisation right before the title is all the list's: "Acme co-founders Ken Adler and Lena Holm")
            head = text[max(0, pos - 40 - 80):pos - len(word.group(0))]
            own = re.search(r"(?<![\w&.'’-])([A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,4})(?:['’]s)?[ \t]*$", head)
            if own and cand.org is None:
                cand.org = self.org_ending(own.group(1), before_title=True)
            return word.group(1) + "s"
        return None

    def sole_academic_party(self) -> str | None:
        """The one university or college among the parties ("research led by professors Ken Adler and Lena Holm"),
        or None when there are none or several."""
        owners = {p.name for p in self.parties if _ACADEMIC_PARTY.search(p.name)}
        return owners.pop() if len(owners) == 1 else None

    def sole_body(self, kind: re.Pattern[str]) -> str | None:
        """The one body of a kind in the story, a party first, else the only one the article names: the ministry of
        "Minister Park visited ..." where the Ministry of X signs (``_MINISTRY``), the embassy of "the Norland
        Ambassador to Japan" where "the Norland Embassy in Tokyo" signs (``_MISSION``)."""
        for group in (self.parties, self.entities):
            names = {self.resolve(e) for e in group if kind.search(e.name)}
            if names:
                return names.pop() if len(names) == 1 else None
        return None

    def title_in_apposition_before(self, cand: Candidate) -> str | None:
        """'Business Secretary, Mark Hale, said', 'the Norland Ambassador to Japan, Jan Berg, says': a capitalised title
        (and its field) in apposition right before the name, not inside a list ('Ken Adler, CEO, ...')."""
        before = self.ctx.masked[max(0, cand.start - 100):cand.start]
        m = self.title_comma_at_end.search(before)
        # (the name may end the sentence: "in the presence of the Minister of Industry, Ana Ruiz.")
        if m and not re.search(r",[ \t]*$", before[:m.start()]) \
                and re.match(r",[ \t]|[.;](?:\s|$)", self.ctx.masked[cand.end:cand.end + 2]):
            return self.clean_title(re.sub(r"^[Tt]he\s+", "", m.group(1)))
        return None

    def describe_contact_header(self, cand: Candidate) -> None:
        """A contact listed under its desk and organisation: "Acme Media Contact\nJane Roe" -> 'Media Contact', Acme."""
        text = self.ctx.masked
        line_start = text.rfind("\n", 0, cand.start) + 1
        if text[line_start:cand.start].strip():
            return
        above = text[max(0, line_start - 200):line_start].rstrip("\n").rsplit("\n", 1)[-1].strip()
        header = re.fullmatch(r"(.*?)[ \t]*\b((?:(?:Media|Press|Investor|Investors|Corporate|Public)[ \t]+)?(?:Relations[ \t]+)?"
                              r"(?:Contacts?|Enquiries|Inquiries))[ \t]*:?", above)
        listed = self.org_at(header.group(1)) if header and header.group(1) else None
        if header and listed:
            cand.title = header.group(2)
            cand.org = cand.org or listed[0]

    def describe_after(self, cand: Candidate, until: int | None = None) -> None:
        """'Kim Daehyun, CEO of Gaon CellWorks'; contact blocks 'Name\nTitle\nOrganisation'."""
        after = self.ctx.masked[cand.end:min(cand.end + 220, until or len(self.ctx.masked))]
        after = _NATIVE_NAME.sub("", after)
        if re.match(rf"{degrees()},[ \t]*\S", after):
            # hard-wrapped text: a line break inside the apposition is a space ("Chief Executive\nOfficer of Acme",
            # "CEO of\nAcme"); not a contact block's lines, which start after the name's own line
            after = re.sub(r"(?:(?<=[\w,&])[ \t]*\n[ \t]*(?=(?:Officer|Executive|President|Director)\b)"
                           r"|(?:(?<=\bof)|(?<=\bat)|(?<=\band)|(?<=\bfor)|(?<=&))[ \t]*\n[ \t]*(?=\S))", " ", after, count=3)
        # a caption's position between the name and its title: "Kim Ji-ho (left), director of X"
        after = re.sub(r"^\s*\((?:(?:from\s+)?(?:left|right|center|centre|front|back|second|third|2nd|3rd|4th)\b)[^()\n]{0,30}\)",
                       "", after, flags=re.IGNORECASE)
        # lists of people: "A CEO Kim, B CEO Lee, and C CEO Park" - what runs into the next name ending in a title is
        # that person's title ("B CEO"), not this one's; "Lee, Undersecretary of X and Park, ..." stops before Park
        tail = _HONORIFIC_TAIL.sub("", after).rstrip("(, \t")
        # so is an office with its field ("..., Minister of Health Park") right before the next name (self.office_at_end),
        # and so is an apposition before it: "..., and the director of the Ostvik Clinic, Lena Holm" (self.appos_at_end)
        office = self.office_at_end.search(tail) or self.appos_at_end.search(tail)
        # (an academic rank before the next name is its honorific: "..., and the President of X, Professor Lena Holm")
        ranked = re.sub(r"[,\s]+(?:Professor|Prof\.?)$", "", tail)
        office = office or (self.appos_at_end.search(ranked) if ranked != tail else None)
        if until is not None and until < cand.end + 220 and (
                self.title_ci.search(tail[-40:]) and self.title_at_end.search(tail) or office):
            seps = list(re.finditer(r"[,;(]\s*(?:and\s+)?|\n\s*|\s+and\s+|[.!?]\s+", tail))
            after = tail[:seps[-1].start()] if seps else ""
            # the next person's office begins where its pattern does, not at an "and" inside its field ("..., Minister
            # of Health and Welfare Park")
            after = after[:office.start()] if office else after
            # (and a post taken up: "Acme poached Ken Adler as chief executive, after former CEO Lena Holm ...")
            if not re.match(rf"{degrees()},\s*\S|\s*\(|[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:{self.title_re.pattern})[ \t]+(?:of|at)[ \t]"
                            rf"|[ \t]+as[ \t]+(?:(?:its|the|our|their|a|an|new|interim|acting)[ \t]+)*(?i:{self.title_re.pattern})", after):
                return
        # "Ana Ruiz, who serves as CEO of X": the relative clause states the title; other clauses state none
        after = re.sub(r"^(,\s*)who\s+(?:(?:is|was|serves|served|will\s+serve|has\s+served)\s+as|(?:was|has\s+been|will\s+be)\s+"
                       r"(?:named|appointed|elected|promoted\s+to)|is|was|became|becomes)\s+", r"\1", after)
        joined = self.who_joined_as.match(after)
        org = self.org_ending(joined.group(1)) if joined else None
        if joined and org and self.clean_title(joined.group(2)):
            # "Ken Adler, who joined Velmar Pharma as Chief Medical Officer in 2020": the post and where it is held
            cand.title, cand.org = self.clean_title(joined.group(2)), org
            return
        if re.match(r",\s*(?:who|which|whose)\b", after):
            # "Ken Adler, who heads Acme": the organisation he leads, without a title as written
            leads = re.match(r",\s*who\s+(?:heads|leads|runs|chairs|founded|co-founded|directs)\s+(.{0,120})", after)
            clause = re.split(r"[,;.]\s", leads.group(1))[0] if leads else ""
            # "who heads the research division at Acme": the organisation after the unit
            cand.org = self.org_after(clause) or next((org for m in re.finditer(r"\s(?:at|of)\s+", clause)
                                                       for org in [self.org_after(clause[m.end():])] if org), None) if clause else None
            return
        # and a caption's list without commas: "Min-jun Kang CEO of Acme, Seo-yeon Lee ..."
        m = re.match(rf"{degrees()},\s*(.+)", after) or re.match(
            rf"[ \t]+((?:[A-Z][a-z]+[ \t]+)?(?:{self.title_re.pattern})(?:[ \t]+(?:&|and)[ \t]+(?:{self.title_re.pattern}))?[ \t]+(?:of|at)[ \t]+[A-Z].*)", after)
        if m:
            cand.title, cand.org = self.split_title(m.group(1))
            return
        if self.attribution_without_comma(cand, after):
            return
        # appointments: "Acme appointed Ana Ruiz as chief operating officer", "X joins as CEO of Acme"
        role = re.match(rf"[ \t]+(?:(?:has|have|was|is|will)[ \t]+)?(?:(?:been|be)[ \t]+)?(?:(?:appointed|named|joins|joined|hired|"
                        rf"elected|promoted)[ \t]+)?as[ \t]+(?:(?:its|the|our|their|a|an|new|interim|acting)[ \t]+)*"
                        rf"((?:{_SCOPE_MODIFIER}[ \t]+)?(?i:{self.title_re.pattern})(?:[ \t]+(?:[\w-]+[ \t]+){{0,2}}?(?i:{self.title_re.pattern}))*"
                        rf"(?:[ \t]+(?:of|at)[ \t]+[^\n]*)?)", after)
        if role and self.clean_title(role.group(1).split(",")[0].split(".")[0]):
            cand.title, cand.org = self.split_title(role.group(1))
            if cand.org is None:
                # "Velmar Pharma appointed Ken Adler as CFO": the organisation that appoints is the one named before the verb
                start, _ = self.ctx.sentence_of(cand.start)
                subject = re.search(r"^\W*(.+?)[ \t]+(?:has[ \t]+|have[ \t]+)?(?:also[ \t]+|recently[ \t]+)?(?:appointed|named|hired|elected|promoted)[ \t]+"
                                    r"(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?[ \t]+)?$", self.ctx.masked[start:cand.start])
                named = subject.group(1) if subject else ""
                cand.org = (self.org_ending(named) if named else None) or (named if re.fullmatch(
                    r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4}", named) and (self.named_org(named) or self.looks_like_org(named)) else None)
            return
        # a copula: "Adler is chief executive of Acme", "Ruiz was Acme's head of research"
        # (an adverb may come between: "Adler is now Acme's adviser", "Ruiz is also chief executive of Acme")
        cop = re.match(r"[ \t]+(?:is|was|has[ \t]+been|serves[ \t]+as|served[ \t]+as|became)[ \t]+(?:(?:now|also|currently|still)[ \t]+)?"
                       r"(?:(?:the|a|an)[ \t]+)?([^\n]+)", after)
        if cop:
            title, org = self.split_title(cop.group(1))
            if title and self.title_ci.match(title) and len(title) <= 60:
                cand.title, cand.org = title, org
            return
        # "Dr Ana Ruiz (Department of Pathology, Ostvik University)": the affiliation in brackets after the name
        paren = re.match(r"\s*\((?!formerly|former|left|right|center|centre|front|back)([^()\n]{3,160})\)", after)
        if paren:
            inner = paren.group(1).strip()
            if self.title_re.match(inner):  # "Ana Ruiz (Chief Medical Officer, Ostvik University)"
                cand.title, cand.org = self.split_title(inner)
                return
            org = self.org_after(inner) or next((hit for m in re.finditer(r",\s*|\s+(?:of|at)\s+", inner)
                                                 for hit in [self.org_after(inner[m.end():])] if hit), None)
            last = inner.rsplit(",", 1)[-1].strip()
            cand.org = org or (last if "," in inner and self.looks_like_org(last) else None)
            return
        # (a blank line may part them: "Jane Roe\n\nVice President, Acme")
        block = re.match(r"[ \t]*(?:•[^\n]*)?\n(?:[ \t]*\n)?[ \t]*([^\n]+)(?:\n[ \t]*([^\n]+))?", after)
        if block:
            title, org = self.split_title(block.group(1))
            if title:
                cand.title, cand.org = title, org or self.org_filling(block.group(2) or "")

    def attribution_without_comma(self, cand: Candidate, after: str) -> bool:
        """'..., Ken Adler executive director, Research Unit at Velmar, said.': a quote's speaker and a lower-case
        title with no comma between them, up to the verb of saying; kept only when the title names its organisation."""
        m = _TITLE_THEN_SAID.match(after)
        if not m or not self.opens_with_title.match(m.group(1)):
            return False
        title, org = self.split_title(m.group(1))
        if not title or not org:
            return False
        cand.title, cand.org = title, org
        return True

    def describe_before(self, cand: Candidate) -> None:
        """'Seoyeon University Hospital (Director Park Jiyoung)', 'KDUMC Director Hyun Bae',
        'President Min-Ah Lee of Biovantra', 'Seolhwa Group Chairman Seo Jae-hun'."""
        before = self.ctx.masked[max(0, cand.start - 120):cand.start]
        before = _HONORIFIC_TAIL.sub(" ", before)  # "Veltrona CEO Dr Peter Ashby"
        before = _TITLE_ACRONYM_AT_END.sub(" ", before)  # "Velmar chief operating officer (COO) Ana Ruiz": the title's short form
        # (the title patterns: self.titled_at_end, then news style, self.news_title_at_end)
        if self.office_before(cand, before) or self.apposition_before(cand, before) \
                or self.title_phrase_before(cand, before):
            return
        bm = self._titled_at_end(before)
        if not bm:
            lm = self.news_title_at_end.search(before)
            org = (self.org_ending(lm.group(1)) or self.named_before(lm.group(1))) if lm else None
            if lm and org and self.clean_title(lm.group(2)):
                cand.title, cand.org = self.clean_title(lm.group(2)), org
            elif ref := self.reference_title_at_end.search(before):
                # "hospital director Kim Ji-ho": the party of that kind ("the hospital") is the organisation
                hit = self.org_at(f"the {ref.group(1)}")
                cand.title, cand.org = ref.group(2), hit[0] if hit else None
            else:
                cand.title = self.lower_title_before(before) or self.title_only_before(before) or cand.title
            if not cand.title and cand.org is None:
                # "said Acme's Ken Adler": the organisation's possessive right before the name
                own = re.search(r"((?:[A-Z][\w&.-]*[ \t]+){0,4}[A-Z][\w&.-]*)(?:['’]s|(?<=s)['’])[ \t]+$", before)
                cand.org = self.org_ending(own.group(1)) if own else None
            return
        cand.title = self.clean_title(bm.group(2).strip(" ,")) or cand.title
        org_text = re.split(r"(?<=[a-z]{2})\.\s+", bm.group(1).strip())[-1]  # this sentence only
        fields = self.office_fields_at_end.search(before, 0, bm.start(2)) if cand.title else None
        if fields and _field_office().fullmatch(f"{fields.group(1)} {cand.title}"):
            # "Research, Science and Innovation Minister Ana Ruiz", "Foreign Secretary Ken Adler": the office's fields
            # are its title, as written, and name no organisation
            cand.title = f"{fields.group(1)} {cand.title}"
            org_text = before[bm.start(1):fields.start(1)].strip() if fields.start(1) > bm.start(1) else ""
        if org_text:  # an organisation found after the name ("Prof. X, Ostvik University") stands otherwise
            cand.org = self.org_ending(org_text, before_title=True) or cand.org
        unit = re.search(r"(?:^|\s)([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})(?:['’]s|(?<=s)['’])\s+([A-Z][\w&-]*(?:\s+(?:[A-Z][\w&-]*|&|of|for)){0,5})$",
                         org_text)
        party_names = {p.name for p in self.parties}
        owner = self.org_ending(unit.group(1)) if unit and cand.title else None
        if unit and owner in party_names and (cand.org not in party_names or cand.org == owner) \
                and not self.title_re.search(unit.group(2)):
            # "Ostvik Hospital's Biomedical Research Institute President Kim", "Halden Labs' Global Testing Senior VP
            # Kim": the party's unit belongs to the title and the party is the organisation
            cand.title, cand.org = f"{unit.group(2)} {cand.title}", owner
        if cand.org is None:
            cand.org = self.org_before_open_paren(before)
        if cand.org is None and org_text:
            cand.org = self.named_before(org_text)

    def _titled_at_end(self, before: str) -> re.Match[str] | None:
        """self.titled_at_end.search(before), the same match, faster: most texts end with no title word (the
        reversed test), and a line break inside a match only follows "and" or "&" (the title list's \\s+), so the
        search starts after the last line break that does not (the final one, before "$", aside)."""
        if not self.titled_end_reversed.match(before[::-1]):
            return None
        brk = before.rfind("\n", 0, len(before) - 1)
        while brk >= 0 and _LIST_JOIN_AT_END.search(before, 0, brk):
            brk = before.rfind("\n", 0, brk)
        return self.titled_at_end.search(before, brk + 1)

    def office_before(self, cand: Candidate, before: str) -> bool:
        """An office and its field or body right before the name: "Head of the Ostvik Drug Authority Kim Ji-ho"
        (the body is the organisation), "Minister of Trade, Industry and Energy Lee Min-ho" (the field stays in the
        title; the ministry of that field is the organisation when the article names it)."""
        m = self.office_field_at_end.search(before)
        if not m or not re.search(r"[a-z]", m.group(2)) or self.title_re.fullmatch(m.group(2).split()[-1]):
            return False  # "Minister for Health Lee and Governor Kim": the field ends before the next title
        office, field = m.group(1), re.sub(r"^the[ \t]+", "", m.group(2))
        if self.board.fullmatch(m.group(2)):
            # "Chairman of the Board Ken Adler": the board is the title's; the organisation comes from the context
            cand.title = self.clean_title(before[m.start(1):m.end(2)])
            return cand.title is not None
        # "Deputy Prime Minister for Human Development and Minister of Health Ana Ruiz": two public offices held by one
        # person, joined by "and", are one title as written (the field of the last one ends at its name)
        joined = re.search(r"[ \t]+(?:and|&)[ \t]+$", before[:m.start()])
        first = self.office_field_at_end.search(before[:joined.start()]) if joined and _OFFICE.search(office) else None
        held = f"{before[first.start(1):m.start()]}" if first and _OFFICE.search(first.group(1)) else ""
        hit = self.org_at(m.group(2))
        if hit and hit[1] >= len(m.group(2)) - 2:
            # (a public office keeps a field that is only a word of its body's name: "Minister of Trade Ana Ruiz" of
            # the "Ministry of Trade"; "Governor of Kanagawa Prefecture" names the body whole)
            ministry_word = _OFFICE.search(office) and _MINISTRY.search(hit[0]) and hit[0] != field
            cand.title = self.clean_title(f"{office} {before[m.end(1):m.start(2)].strip()} {m.group(2)}" if ministry_word else office)
            cand.org = hit[0]
        elif not _OFFICE.search(office) and self.looks_like_org(field):  # a minister's field is no body ("Health")
            cand.title, cand.org = self.clean_title(office), field
        else:
            cand.title = self.clean_title(f"{held}{office} {before[m.end(1):m.start(2)].strip()} {m.group(2)}")
            body = {"Minister": "Ministry", "Secretary": "Department"}.get(office.split()[-1])
            known = [e for e in [*self.parties, *self.entities] if body and re.search(
                rf"\b{body} (?:of|for) (?:the )?{re.escape(field)}$", e.name)]
            cand.org = self.resolve(known[0]) if known else None
        return cand.title is not None

    def apposition_before(self, cand: Candidate, before: str) -> bool:
        """'signed by the general director of Ostvik Labs, Lena Holm': the title and its organisation in an
        apposition before the name."""
        m = self.the_title_of_at_end.search(before)
        org = self.org_ending(m.group(2)) if m else None
        if m and not org and (self.is_office(m.group(1)) or re.search(r"(?i)secretary|director|head", m.group(1))) \
                and re.fullmatch(r"[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,3}", m.group(2)) and not self.looks_like_org(m.group(2)):
            # "the US Secretary of Commerce, Mark Hale": an office and its field, with no organisation
            cand.title = f"{m.group(1)} {before[m.end(1):m.start(2)].strip()} {m.group(2)}"
            return True
        if not m or not org or not self.org_at(m.group(2)):
            return False
        cand.title, cand.org = m.group(1), org
        return True

    def title_phrase_before(self, cand: Candidate, before: str) -> bool:
        """'hosted the Chief Executive Officer of Halden Hospital, Dr Lena Holm', 'Founder and co-chief executive of
        Halden Health, Lena Holm, said', 'signed by Halden's Group Chief Executive Officer, Dr. Lena Holm': a title
        and its organisation in apposition before the name (not a list's previous person: "Ken Adler, CEO of Velmar,
        Lena Holm" gives Lena Holm nothing)."""
        m = self.title_phrase_comma_at_end.search(before)
        if not m or not re.match(r"[ \t]*(?:[,.;:)\n]|[a-z])|$", self.ctx.masked[cand.end:cand.end + 3]):
            return False
        at = cand.start - len(before) + m.start()
        if any(re.fullmatch(r"[ \t]*[,;(][ \t]*(?:and[ \t]+)?", self.ctx.masked[e:at]) for s, e in self.people_spans if e <= at):
            return False
        if m.group(1):
            org = self.org_ending(m.group(1))
            org = org or (m.group(1) if self.named_org(m.group(1)) or self.looks_like_org(m.group(1)) else None)
            title = self.clean_title(m.group(2)) if org else None
        else:
            title, org = self.split_title(m.group(2))
        if not title or not org:
            return False
        cand.title, cand.org = title, org
        return True

    def lower_title_before(self, before: str) -> str | None:
        """News style: a lower-case title right before the name, with no organisation ("chaired by former vice
        premier Chen Wei", "visited by the prime minister, Mark Hale"); a bare word that is often no title
        ("partner", "lead", "head") needs a determiner or a modifier before it."""
        m = self.lower_title_at_end.search(before)
        if not m or not re.fullmatch(r"[a-z][a-z &-]*", m.group(2)):
            return None
        words = m.group(2).split()
        determined = bool(m.group(1))
        if m.group(3) and not determined:
            return None  # "..., director, Kim" is a list, not an apposition
        if len(words) == 1 and words[-1] in _AMBIGUOUS_TITLES and not determined:
            return None
        return " ".join(words)

    def title_only_before(self, before: str) -> str | None:
        """'Premier Ana Ruiz said': an office that is a title only right before a name (the lexicon's
        titles_before_names_only; "Premier Research" is a company)."""
        m = self.title_only_at_end.search(before)
        return m.group(1) if m else None

    def named_before(self, text: str) -> str | None:
        """'Travique CEO', 'Norland BTA President': the capitalised words right before a title, when NER names them
        as an organisation (or they are an acronym) though the clustering did not keep them."""
        run = re.search(r"(?<![\w&.'’-])((?:[A-Z][\w&.-]*[ \t]+){0,3}[A-Z][\w&.-]*)(?:['’]s)?[ \t,]*$", text)
        if not run:
            return None
        words = run.group(1).split()
        for i in range(len(words)):  # longest first: "Norland BTA", then "BTA"
            name = " ".join(words[i:])
            if name not in {"The", "From", "By", "And"} and not self.title_re.fullmatch(name) and self.named_org(name):
                return name
        return words[-1] if self.repeated_proper(words[-1]) else None

    def repeated_proper(self, word: str) -> bool:
        """A company's one-word name that NER missed ("Travique CEO Kim"): the article writes it capitalised in the
        middle of sentences again and again, and it is no place, person, title or generic word."""
        lexicon = self.ctx.rules.lexicon
        if not re.fullmatch(r"[A-Z][\w-]{2,}", word) or self.title_re.fullmatch(word) or word in lexicon["generic_name_words"] \
                or word.lower() in GENERIC_WORDS or word in lexicon["not_person_words"]:
            return False
        if any(word in e.text.split() for e in self.ctx.ents if e.label_ in ("GPE", "NORP", "PERSON", "LOC", "DATE")):
            return False
        # (what ``[a-z,][ \t]+{word}(?![\w-])`` finds, without a pattern compiled per word)
        text, inside, taken = self.ctx.masked, 0, 0
        for at, end in occurrences(text, word, joiners="-"):
            lead = at
            while lead > 0 and text[lead - 1] in " \t":
                lead -= 1
            lead -= 1  # the lower-case letter or comma before the blanks
            if lead < at - 1 and lead >= taken and text[lead] in _LOWER_OR_COMMA:
                inside, taken = inside + 1, end
        return inside >= 2

    def party_in_context(self, cand: Candidate) -> str | None:
        """'Chief executive Owen Marsh said ...', 'said Managing Director Rajesh Kulvani': a title without an
        organisation speaks for the party the sentence, or else the one before it, names last before the person."""
        start, _ = self.ctx.sentence_of(cand.start)
        ref = re.search(r"\b(?:the|its|their)\s+(?:\w+\s+)?(hospital|university|institute|college|school|company|firm"
                        r"|center|centre|foundation|agency|ministry|trust)['’]s\b", self.ctx.masked[start:cand.start], re.IGNORECASE)
        if ref:
            # "The hospital's ethics committee chair, Professor X", "the company's CEO, X": the title names its own
            # organisation, the one of that kind when the article names only one
            head = ref.group(1).lower().replace("firm", "company")
            kind = {e.name: e for e in [*self.parties, *self.entities]
                    if head in e.name.lower() or head == "company" and e.kind == "company"}
            titled = self.words_then_title.fullmatch(self.ctx.masked[start + ref.end():cand.start])
            if not titled or self.is_office(cand.title):
                return None
            if len(kind) > 1:
                # "Velmar Bio makes tests. The firm's CEO, X": of several, the one named last, this sentence or the one before
                lo = self.ctx.sentence_of(max(0, start - 2))[0]
                named = [(m.start, e) for e in kind.values() for m in e.mentions if lo <= m.start < start + ref.start()]
                return self.resolve(max(named, key=lambda x: x[0])[1]) if named else None
            return self.resolve(next(iter(kind.values()))) if kind else None
        if _HEAD_OF_GOVERNMENT.search(cand.title or ""):
            return None  # a prime minister speaks for the country, not for a department or company the sentence names
        prev_start, _ = self.ctx.sentence_of(max(0, start - 2))
        # an article announcing no agreement has no parties: its organisations speak instead ("CEO Kim said ...")
        speakers = self.parties or [e for e in self.entities if e.name not in self.products]
        los = [start, prev_start]
        if _COMPANY_TITLE.fullmatch(cand.title or ""):
            # "Acme has ventured into X. ... CEO Kim stated": a company's head speaks for the company named a few
            # sentences back, when no other person comes between (checked below)
            for _ in range(2):
                los.append(self.ctx.sentence_of(max(0, los[-1] - 2))[0])
        for lo in los:
            named = [(m.start, p) for p in speakers for m in p.mentions if lo <= m.start < cand.start]
            # "Acme CEO Kim, hospital director Lee": an organisation named before another person is that person's
            own = [(at, p) for at, p in named if not any(at < s < cand.start for s, _ in self.people_spans)]
            if named and not own:
                return None
            named = own
            if named and self.is_office(cand.title) and not any(p.kind == "government" for _, p in named):
                return None  # a minister or a mayor speaks for a government, not for the company named before
            if not named and lo != prev_start and (re.search(r"\b(?:the|The)\s+(?:company|firm|biotech|startup|start-up|drugmaker)\b",
                                                        self.ctx.masked[start:cand.start])
                                              or _SAID_THE_COMPANY.match(self.ctx.masked, cand.end)):
                # "The company has not disclosed the terms, CEO Kim said": the article's own company
                companies = [p for p in speakers if p.kind == "company"]
                main = max(companies, key=lambda p: len(p.mentions), default=None)
                if main and sum(len(p.mentions) == len(main.mentions) for p in companies) == 1:
                    return self.resolve(main)
            if not named:
                continue
            last = max(named, key=lambda x: x[0])
            others = [p for p in self.parties if p is not last[1]]
            if lo == start and len(self.parties) == 2 and self.syntactic_role(last[0]) == "partner" and others:
                # "'Our work with Beta is ...,' said CEO Kim": the partner named is the other side, not the speaker's
                return self.resolve(others[0])
            if len({p.name for _, p in named}) == 1:
                return self.resolve(named[0][1])
            return self.resolve(last[1]) if lo == start else None
        return None

    def syntactic_role(self, start: int) -> str:
        """The role of the organisation named at ``start`` in its clause: 'partner' (the object of 'with', 'from'
        or 'alongside'), 'subject', or ''."""
        span = self.ctx.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or not len(span):
            return ""
        token = span[0]
        while token.dep_ in ("compound", "flat") and token.head is not token:
            token = token.head  # the head of the name: "Lark" -> "Pharma" in "Lark Pharma"
        while token.dep_ == "conj" and token.head is not token:
            token = token.head  # "with Beta and Gamma"
        if token.dep_ in ("nsubj", "nsubjpass"):
            return "subject"
        if token.dep_ == "pobj" and token.head.lower_ in {"with", "from", "alongside"}:
            return "partner"
        return ""

    def org_of_email(self, end: int) -> str | None:
        """'Wang Fang, Head of Investor Relations, ir@qilinbio.example' -> the party whose name the domain spells."""
        lines = self.ctx.masked[end:end + 300].split("\n")[:3]
        email = re.search(r"[\w.+-]+@([\w-]+)\.", "\n".join(lines))
        if not email:
            return None
        domain = email.group(1).lower()
        # short_names holds the parties' words first, so a party wins over another organisation
        return next((self.resolve(entity) for word, entity in self.short_names.items()
                     if len(word) >= 4 and word.lower() in domain), None)

    def org_ending(self, text: str, before_title: bool = False) -> str | None:
        """The organisation that ``text`` ends with: 'announced that Seokjin Biologics' -> Seokjin Biologics.

        ``before_title``: the words right before a title ("Acme Korea President"); an organisation at their start
        followed by a clause ("Acme and Beta was witnessed by its Minister") is no title's organisation."""
        words = text.split()
        for i in range(len(words)):
            tail = " ".join(words[i:])
            hit = self.org_at(tail)
            if hit and hit[1] >= len(tail) - 2:
                return hit[0]
        hit = self.org_at(text)
        if hit and before_title and re.search(r"(?<![\w'’-])[a-z]{2,}(?![\w'’-])", text[hit[1]:]):
            return None
        return hit[0] if hit else None

    def describe_from_previous_sentence(self, cand: Candidate) -> None:
        """A title in one sentence, the name at the start of the next: "Halden's chief executive opened the
        ceremony. Maria Berg said ..." (only when no other person is named in between)."""
        start, _ = self.ctx.sentence_of(cand.start)
        if self.ctx.masked[start:cand.start].strip(" \"“'‘") or start == 0:
            return
        prev_start, _ = self.ctx.sentence_of(start - 2)
        previous = self.ctx.masked[prev_start:start]
        titles = self.title_re.pattern
        m = re.search(rf"((?:[A-Z][\w&.-]*\s+){{0,3}}[A-Z][\w&.-]*|the\s+[a-z]+)['’]s\s+((?:[a-z-]+\s+){{0,3}}(?:(?i:{titles})))"
                      rf"(?!\s+(?:[A-Z]|of\b))", previous)
        if not m:
            return
        title = self.clean_title(m.group(2))
        hit = self.org_at(m.group(1)) if title else None
        if title and hit:
            cand.title, cand.org = title, hit[0]

    def org_on_contact_lines(self, cand: Candidate) -> str | None:
        """Contact blocks: 'Pinebrook: Alyssa Grant, ...', an organisation line just above the name,
        or one just below the name's line ('Dana Whitford\nArgyle Street Communications')."""
        text = self.ctx.masked
        line_start = text.rfind("\n", 0, cand.start) + 1
        prefix = text[line_start:cand.start]
        labelled = re.fullmatch(r"\s*([^:\n]{2,60}?)\s*:\s*", prefix)
        if labelled:
            # "Pinebrook: Alyssa Grant", or a disclosure header "Company name: X / ... / Contact: Name"
            header = re.search(r"(?im)^[ \t]*(?:company name|company|issuer)[ \t]*:[ \t]*([^\n]+)\n(?:[^\n]+\n){0,5}$",
                               text[max(0, line_start - 600):line_start])
            return self.org_filling(labelled.group(1)) or (self.org_filling(header.group(1)) if header else None)
        if prefix.strip():
            return None
        above = text[max(0, line_start - 200):line_start].rstrip("\n").rsplit("\n", 1)[-1]
        line_end = text.find("\n", cand.end)
        below = text[line_end + 1:line_end + 200].split("\n", 1)[0] if line_end >= 0 else ""
        # a blank line may part the name from its organisation: "Jane Roe\n\nAcme Agency\nPublic Relations"
        spaced = re.match(r"[ \t]*\n[ \t]*([^\n]+)", text[line_end + 1:line_end + 200]) if line_end >= 0 and not below.strip() else None
        return self.org_filling(above) or self.org_filling(below) or (self.org_filling(spaced.group(1)) if spaced else None)

    def org_filling(self, line: str) -> str | None:
        """The organisation when it is all of ``line`` (a legal suffix or punctuation may follow)."""
        line = line.strip()
        hit = self.org_at(line) if line else None
        if hit and not re.search(r"[a-z]{3,}", re.sub(_LEGAL_TAIL, "", line[hit[1]:])):
            return hit[0]
        return None

    def org_leading(self, start: int) -> str | None:
        """'Yeonhwa University's Neural Regeneration Laboratory, led by Professor Seo Min-kyu'."""
        before = self.ctx.masked[max(0, start - 160):start]
        m = re.search(rf"((?:[A-Z][\w&.-]*\s+){{0,4}}[A-Z][\w&.-]*)['’]s\s+[^,.;\n]{{0,60}},?\s+(?:led|headed|directed|run)\s+by"
                      rf"\s+(?:(?:{self.title_re.pattern})\s+)*$", before)
        if not m:
            return None
        return self.org_ending(m.group(1))

    def org_following(self, end: int) -> str | None:
        """'Min-seo Park from Seorin's BD team', 'Kang of the Department of Surgery at X' -> the organisation."""
        of = re.match(r"\s+(?:of|at|from)\s+(.{0,120})", self.ctx.masked[end:end + 130])
        if not of:
            return None
        # "Governor Li Wei of Guangdong Province": a region's government, which the clustering leaves out
        region = re.match(r"(?:the\s+)?((?:[A-Z][\w-]*\s+){1,3}(?:Province|Prefecture|County|Municipality|Government))\b", of.group(1))
        hit = self.org_after(of.group(1)) or (region.group(1) if region else None)
        if hit:
            return hit
        # "Trustee Ken Adler of Ostvik Medical University and Healthcare System remarked": a named organisation the
        # clustering missed (NER ran it into the title and name), its capitalised words up to the clause's verb
        named = re.match(r"(?:the\s+)?([A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|&|and|of|for))*)(?=\s+[a-z]|[,.;:]|\s*$)",
                         of.group(1))
        name = re.sub(r"\s+(?:and|&|of|for)$", "", named.group(1)) if named else ""
        return name if name and self.looks_like_org(name) else None
