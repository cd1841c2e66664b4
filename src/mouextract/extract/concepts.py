"""Therapy areas and technologies: vocabulary matches, plus acronyms the article itself defines."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeVar

from ..models import Mention, Technology, TherapyArea
from ..pipeline import Vocabulary
from .context import Context
from .salience import headline_list_spans, in_boilerplate, is_not_a_target, is_quality_modifier, qualifies_a_disease
from .spans import SpanIndex
from .textfind import occurrences

if TYPE_CHECKING:
    from spacy.tokens import Span

# "natural killer (NK) cells", "graft-versus-host disease (GVHD)": an acronym in parentheses right after
# (or inside) a matched phrase becomes a case-sensitive synonym for the rest of this article.
_Fact = TypeVar("_Fact", TherapyArea, Technology)
_DEFINED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9-]{1,9})(?:[,;)])")
_COORDINATORS = {"and", "or", "/", "&"}
# "colorectal, lung and breast cancers", "blood, ovarian, and non-small-cell lung cancers": modifiers coordinated before
# one shared head noun; and "cancers, including colorectal, lung, ... and stomach": the head noun before the list.
# (and the heads of disease families: "type 1 and type 2 diabetes", "B-cell and T-cell lymphomas")
_HEADS = r"cancers?|tumou?rs?|carcinomas?|diseases?|disorders?|infections?|indications?|conditions?|diabetes|lymphomas?|leuka?emias?"
# "neuromuscular and mitochondrial orphan indications": an indication or condition head stands for the disease the
# modifier names with "disease" ("mitochondrial disease"), as no vocabulary lists every "<organ> indication"
_GENERIC_HEADS = {"indication", "indications", "condition", "conditions"}
_ITEM = r"(?:type\s+(?:[12]|II?|one|two)\b|[A-Za-z][\w-]*)"  # "type 1" is one modifier
_LIST = rf"(?:{_ITEM},\s+){{0,12}}(?:{_ITEM},?\s+)?(?:and|or|&)\s+"  # "lung & liver diseases" too
_LIST_BEFORE_HEAD = re.compile(rf"\b((?:{_LIST}))((?:{_ITEM}\s+){{0,2}})({_HEADS})\b")
_HEAD_BEFORE_LIST = re.compile(rf"\b({_HEADS}),?\s+(?:including|such as|like|notably|namely|of\s+the)\s+"
                               rf"((?:{_ITEM},\s+){{1,12}}(?:{_ITEM},?\s+)?(?:and|or)\s+{_ITEM})\b")
# "cancer of the pancreas", "cancer cells in the brain": the organ after the head noun, read as "pancreatic cancer"; so
# for a disease head ("diseases of the liver", "conditions of the central nervous system": "liver diseases"), and for a
# second organ coordinated with the first ("cancer in the uterus and prostate": "prostate cancer", the organ the mention)
_ORGAN = r"central\s+nervous\s+system|nervous\s+system|immune\s+system|[a-z]+"
# (the second one an organ word: "conditions of the nervous system and chronic diseases" coordinate two phrases)
_ORGANS = (r"liver|kidneys?|lungs?|heart|brain|skin|eyes?|breast|prostate|bladder|colon|rectum|bones?|blood|stomach|pancreas"
           r"|uterus|ovary|ovaries|cervix|esophagus|oesophagus|thyroid|bowel|intestines?|gut|joints?|muscles?|spine|testis")
_HEAD_OF_ORGAN = re.compile(rf"\b(cancers?|tumou?rs?|carcinomas?|diseases?|disorders?|conditions?|infections?)(?:\s+cells?)?"
                            rf"\s+(of|in|affecting)\s+the\s+({_ORGAN})\b(?:\s+(?:and|or)\s+(?:the\s+)?({_ORGANS})\b)?")
# a disease head names the organ's disease whatever the word ("conditions of the liver" are "liver diseases"), after "of" or
# "affecting" only: "the progress of disease in the blood" is a place
_DISEASE_HEADS = {"disease", "diseases", "disorder", "disorders", "condition", "conditions"}
_ORGAN_ADJECTIVES = {"pancreas": "pancreatic", "uterus": "uterine", "ovary": "ovarian", "ovaries": "ovarian", "cervix": "cervical",
                     "rectum": "rectal", "esophagus": "esophageal", "oesophagus": "oesophageal", "kidneys": "kidney",
                     "lungs": "lung", "stomach": "gastric", "testis": "testicular", "testicles": "testicular"}
# "humanized anti-CD20 antibody", "fully human anti-IL-6 monoclonal antibodies": a target slot inside a modality name.
_TARGET_SLOT = re.compile(r"\b([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+anti-[\w.-]*\w\s+([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\b")
# "a phosphodiesterase type 4 (PDE4) inhibitor", "its Janus kinase (JAK) inhibitor": an acronym defined in parentheses
# interrupts a name; "<acronym> <head>" or "<long form> <head>" is the phrase, the whole span the mention.
_ACRONYM_SLOT = re.compile(r"\(([A-Z][A-Za-z0-9-]{1,9})\)[ \t]+([A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*)?)")
_LONG_FORM_WORDS = 6
# Constructions no vocabulary can list in full. A gene or protein symbol before a modality head names a targeted agent
# ("KRAS G12C inhibitor", "FcRn blocker", "GLP-1/GIP agonists") and before "deficiency" a disease ("AADC deficiency");
# an eponym before "disease" or "syndrome" names a disease ("Dravet syndrome", "Castleman's disease"). A symbol has two
# capitals or a capital and a digit; product codes ("ABX-101") and agency acronyms are no targets.
_SYMBOL = r"[A-Za-z0-9αβγ]*(?:[A-Z][A-Za-z0-9αβγ]*[A-Z0-9]|[A-Z]\d)[A-Za-z0-9αβγ]*(?:[-/][A-Za-z0-9αβγ]+)*"
# "dual GLP-1/GIP agonist", "GLP-1/GIP/glucagon triple agonist", "CFTR modulators": a dual or triple action belongs to the name;
# so does the receptor the symbol names ("GPR119 receptor agonist", "IL-1 receptor inhibitor")
_TARGETED_AGENT = re.compile(rf"(?<![\w-])(?:(?:dual|triple)\s+)?({_SYMBOL}(?:\s+{_SYMBOL})?)\s+((?:(?:dual|triple)\s+)?"
                             rf"(?:receptor\s+)?(?:inhibitor|agonist|antagonist|blocker|degrader|modulator))(s?)\b")
_DEFICIENCY = re.compile(rf"(?<![\w-])({_SYMBOL})\s+(deficiency)()\b")
_EPONYM = re.compile(r"(?<![\w-])([A-Z][a-zé]{2,}(?:['’]s?)?)[ -](disease|syndrome)(s?)\b")
# A coined platform name before "platform" / "technology" ("BrainTransporter technology", "ELP technology platform"):
# CamelCase, capitals or a trade mark sign; one fact per name, whatever head follows it.
_PLATFORM = re.compile(r"(?<![\w-])([A-Z][a-z]+[A-Z][\w-]*|[A-Z][A-Z0-9-]*[A-Z0-9]|[A-Z][\w-]*(?=[™®]))[™®]?"
                       r"\s+((?:technology\s+)?platforms?|technology|technologies)\b()")
# "its proprietary ADC platform technology, ConjuAll™": a trade-marked name in apposition right after the platform noun
_PLATFORM_APPOSITION = re.compile(r"(?:(?<=platform, )|(?<=technology, )|(?<=platforms, )|(?<=technologies, ))"
                                  r"([A-Z][\w-]*)()[™®]()")
_COMPANY_AFTER = r"[\s,]+(?:Inc|Ltd|Co|Corp|Corporation|GmbH|AG|SA|S\.A|plc|PLC|Limited|LLC|Pharma\w*|Therapeutics|Bio\w*|Holdings)\b"
_COMPANY_BEFORE = (r"\b(?:Inc|Ltd|Co|Corp|Corporation|GmbH|AG|plc|Limited|LLC|Pharma\w*|Therapeutics|Bio\w*|CRC|University|"
                   r"Institute|Hospital|Cent(?:er|re)|Foundation|Holdings)\.?,?")
# drug-interaction enzymes and transporters ("strong CYP3A4 inhibitors") belong to a label's safety text, not to a deal
# (nor a Roman numeral: "type II RAF inhibitor", "dipeptidyl peptidase IV inhibitor")
_NOT_A_SYMBOL = re.compile(r"FDA|EMA|NMPA|PMDA|MFDS|CEO|CSO|CMO|AI|US|EU|UK|IND|NDA|BLA|COVID-19|SARS-CoV-2"
                           r"|CYP\w*|P-gp|OATP\w*|UGT\w*|BCRP|MATE\w*|OCT\d\w*|II|III|IV|VI|VII|VIII|IX")
# a product code ("ABX-101 inhibitor"), unless "receptor" follows it: "GPR119 receptor agonist" names a gene's receptor
_PRODUCT_CODE = re.compile(r"[A-Z]{2,6}-?\d{3,}\w*")
_NOT_AN_EPONYM = {"The", "This", "That", "Rare", "Chronic", "Autoimmune", "Genetic", "Infectious", "Inflammatory", "Metabolic",
                  "Kidney", "Liver", "Heart", "Lung", "Skin", "Eye", "Bone", "Blood", "Brain", "Mental", "Orphan", "Disease",
                  "Ultra", "Serious", "Severe", "Complex", "Common", "Other", "Many", "Such", "Each", "Our", "Its", "Their"}
# "Seorin Biologics", "Acme Oncology": one capitalised vocabulary word right after a capitalised word on the same
# line is the head of a name, not the concept.
_NAME_BEFORE = re.compile(r"(?:^|[^\w.])[A-Z][\w&'’-]*[ \t]$")
# "chronic hepatitis B.": the tokenizer keeps a capital letter and the full stop after it as one token ("B."), which no
# phrase ends with; the name ending in that letter is matched apart, its mention without the stop
_LETTER_STOP = re.compile(r"[A-Z]\.")


def match_vocabulary(ctx: Context, vocab: Vocabulary, coordinated: bool = False) -> dict[int, list[Mention]]:
    """Entry index -> mentions, longest match first, noise excluded, article acronyms added.

    ``coordinated``: a longest match also yields the other entry it ends with after "and" / "or" / "/" (concepts only:
    "Pharmaceuticals and Medical Devices Act" is one law, "cell and gene therapy" two modalities).
    """
    from spacy.util import filter_spans

    doc = ctx.doc
    spans = []
    for matcher in (vocab.lower, vocab.exact):
        for match_id, start, end in matcher(doc):
            span = doc[start:end]
            span.label_ = doc.vocab.strings[match_id]
            spans.append(span)
    letter_final = _letter_final_spans(ctx, vocab)
    spans.extend(letter_final)
    stops = {(s.start, s.end) for s in letter_final}
    found: dict[int, list[Mention]] = defaultdict(list)
    acronyms: dict[str, int] = {}
    longest = filter_spans(spans)
    for span in _with_coordinated(longest, spans) if coordinated else longest:
        start, end = span.start_char, span.end_char - ((span.start, span.end) in stops)
        if ctx.is_noise(start, end):
            continue
        index = int(span.label_)
        found[index].append(ctx.mention(start, end))
        defined = _DEFINED_ACRONYM.match(ctx.text, end)
        if defined and defined.group(1)[0].lower() == span.text[0].lower():  # not "Society of Hematology (ASH)"
            acronyms.setdefault(defined.group(1), index)
    taken = SpanIndex((m.start, m.end) for ms in found.values() for m in ms)
    for acronym, index in acronyms.items():
        for start, end in occurrences(ctx.text, acronym, joiners="-"):
            if not taken.overlaps(start, end) and not ctx.is_noise(start, end):
                found[index].append(ctx.mention(start, end))
    return found


def _letter_final_spans(ctx: Context, vocab: Vocabulary) -> list[Span]:
    """Spans ending in a "B." token whose text without the stop is a vocabulary phrase, longest first per token."""
    doc, phrases, text = ctx.doc, vocab.phrase_index, ctx.masked  # (the parsed text: Doc.text rebuilds it per call)
    out = []
    for token in doc:
        if len(token.text) != 2 or not _LETTER_STOP.fullmatch(token.text):
            continue
        for k in range(min(5, token.i), 0, -1):
            index = phrases.get(" ".join(text[doc[token.i - k].idx:token.idx + 1].split()).lower())
            if index is not None:
                span = doc[token.i - k:token.i + 1]
                span.label_ = str(index)
                out.append(span)
                break
    return out


def _head_before_lists(ctx: Context) -> list[re.Match[str]]:
    """The article's "cancers, including X, Y and Z" lists, found once for both vocabularies and both readers."""
    key = "concepts.head_before_lists"
    if key not in ctx.memo:
        ctx.memo[key] = list(_HEAD_BEFORE_LIST.finditer(ctx.masked))
    found = ctx.memo[key]
    assert isinstance(found, list)
    return found


def _ellipsis_mentions(ctx: Context, vocab: Vocabulary) -> dict[int, list[Mention]]:
    """Entries named by one modifier of a coordination whose head noun is shared ("lung" in "lung and breast cancers").

    The mention is the modifier alone; an item counts only when "<item> <head>" is a vocabulary phrase.
    """
    phrases = vocab.phrase_index
    found: dict[int, list[Mention]] = defaultdict(list)

    def add(items: str, offset: int, head: str, whole: str) -> None:
        words = [m for m in re.finditer(_ITEM, items) if m.group() not in {"and", "or"}]  # ("&" is no _ITEM)
        heads = [head.lower(), "disease", "diseases"] if head.lower() in _GENERIC_HEADS else [head.lower()]
        hits = [(next((i for h in heads if (i := phrases.get(f"{m.group().lower()} {h}")) is not None), None), m)
                for m in words]
        if 3 * sum(index is not None for index, _ in hits) < 2 * len(hits) or any(f"non-{m.group().lower()}" in whole.lower() for m in words):
            return  # "serious, rare or intractable diseases", "rare and non-rare diseases": qualities, not diseases
        for index, m in hits:
            start, end = offset + m.start(), offset + m.end()
            # "rare and prevalent diseases": "rare" says how common the diseases are; the full phrase still names Rare Diseases
            if index is not None and not ctx.is_noise(start, end) and not is_quality_modifier(m.group()):
                found[index].append(ctx.mention(start, end))

    for m in _LIST_BEFORE_HEAD.finditer(ctx.masked):
        # before an indication head the words next to it are modifiers too ("neuromuscular and metabolic indications"),
        # as no vocabulary phrase ends in that head
        generic = m.group(3).lower() in _GENERIC_HEADS
        add(m.group(1) + m.group(2) if generic else m.group(1), m.start(1), m.group(3), m.group())
    for m in _head_before_lists(ctx):
        add(m.group(2), m.start(2), m.group(1), m.group())
    return found


def _organ_mentions(ctx: Context, vocab: Vocabulary) -> dict[int, list[Mention]]:
    """Entries named by a head noun and the organ after it ("cancer of the pancreas"): the whole phrase is the mention."""
    phrases = vocab.phrase_index
    found: dict[int, list[Mention]] = defaultdict(list)
    lists = {m.start() for m in _head_before_lists(ctx)}
    for m in _HEAD_OF_ORGAN.finditer(ctx.masked):
        if m.start() in lists:
            continue  # "cancers of the lung, breast and prostate": a list, read item by item
        head = m.group(1).lower()
        if head in _DISEASE_HEADS and m.group(2) == "in":
            continue
        heads = [head, "diseases", "disorders"] if head in _DISEASE_HEADS else [head]
        for group, start in ((3, m.start()), (4, m.start(4))):
            if m.group(group) is None:
                continue
            organ = " ".join(m.group(group).split())
            index = next((i for h in heads if (i := phrases.get(f"{_ORGAN_ADJECTIVES.get(organ, organ)} {h}")) is not None),
                         None)
            if index is None:
                break  # "cancer of the skin and lymph": the second organ counts only after a first one that names a disease
            end = m.end(group)
            if not ctx.is_noise(start, end):
                found[index].append(ctx.mention(start, end))
    return found


def _target_slot_mentions(ctx: Context, vocab: Vocabulary) -> dict[int, list[Mention]]:
    """Entries whose name a target slot interrupts: the longest "<words> <words>" around "anti-X" that is a phrase."""
    phrases = vocab.phrase_index
    found: dict[int, list[Mention]] = defaultdict(list)
    # (speed only: every match holds "anti-"; most texts have none, and the scan tries every word)
    for m in _TARGET_SLOT.finditer(ctx.masked if "anti-" in ctx.masked else ""):
        before, after = m.group(1).split(), m.group(2).split()
        options = [(b, a) for b in range(len(before)) for a in range(len(after), 0, -1)]
        for b, a in sorted(options, key=lambda o: o[0] - o[1]):  # longest first
            index = phrases.get(" ".join([*before[b:], *after[:a]]).lower())
            if index is not None and len(before) - b + a >= 2:
                start = m.start(1) + len(" ".join(before[:b])) + (1 if b else 0)
                end = m.start(2) + len(" ".join(after[:a]))
                if not ctx.is_noise(start, end):
                    found[index].append(ctx.mention(start, end))
                break
    return found


def _acronym_slot_mentions(ctx: Context, vocab: Vocabulary) -> dict[int, list[Mention]]:
    """Entries named as "<long form> (<acronym>) <head>": the long form starts at the nearest word before the
    parenthesis with the acronym's first letter; its head is the longest one that makes a phrase with either form."""
    phrases = vocab.phrase_index
    found: dict[int, list[Mention]] = defaultdict(list)
    text = ctx.masked
    for m in _ACRONYM_SLOT.finditer(text if "(" in text else ""):
        acronym, after = m.group(1), m.group(2).split()
        if after[0].lower().startswith("vaccin"):
            continue  # "a tuberculosis (TB) vaccine" names the disease the vaccine is for, not a modality of its own
        words = list(re.finditer(r"[^\s(]+", text[max(0, m.start() - 80):m.start()]))[-_LONG_FORM_WORDS:]
        first = next((w for w in reversed(words) if w.group()[:1].lower() == acronym[0].lower()), None)
        if first is None:
            continue
        start = max(0, m.start() - 80) + first.start()
        long_form = " ".join(text[start:m.start()].split()).lower()
        for n in range(len(after), 0, -1):
            head = " ".join(after[:n]).lower()
            # an isoform's number may follow the class acronym ("HDAC6 inhibitor" is an HDAC inhibitor)
            keys = (f"{acronym.lower()} {head}", f"{long_form} {head}", f"{acronym.lower().rstrip('0123456789')} {head}")
            index = next((phrases[k] for k in keys if k in phrases), None)
            if index is not None:
                end = m.start(2) + len(" ".join(after[:n])) if n == 1 else m.end(2)
                if not ctx.is_noise(start, end):
                    found[index].append(ctx.mention(start, end))
                break
    return found


def _with_coordinated(kept: list[Span], spans: list[Span]) -> list[Span]:
    """The longest matches, plus a match of another entry that a longest one ends with after "and", "or" or "/".

    "cell and gene therapy" names gene therapy as well as cell therapy; longest-match filtering alone would hide it.
    """
    labels = {(s.start, s.end): s.label_ for s in kept}
    ending: dict[int, list[Span]] = {}  # the kept matches by their end token: a look-up per span, not a scan
    for k in kept:
        ending.setdefault(k.end, []).append(k)
    extra = [s for s in spans if (s.start, s.end) not in labels
             and any(k.start < s.start and k.label_ != s.label_ for k in ending.get(s.end, ()))
             and s.doc[s.start - 1].lower_ in _COORDINATORS]
    return sorted([*kept, *{(s.start, s.end): s for s in extra}.values()], key=lambda s: (s.start, s.end))


def _page_noise(ctx: Context) -> SpanIndex:
    """Headline lists of other stories, memoised per article; a run holding the article's own title is kept."""
    key = "concepts.headline_lists"
    if key not in ctx.memo:
        title = ctx.headline[0] if ctx.headline else -1
        ctx.memo[key] = SpanIndex(s for s in headline_list_spans(ctx.masked) if not s[0] <= title < s[1])
    index = ctx.memo[key]
    assert isinstance(index, SpanIndex)
    return index


def _is_verb(ctx: Context, mention: Mention) -> bool:
    """A one-word mention the parser reads as a verb: "the pair have wound up", not a wound."""
    if not (mention.text.isalpha() and mention.text.islower()):
        return False  # "siRNA", "CAR-T": coined names the tagger misreads
    span = ctx.doc.char_span(mention.start, mention.end)
    # inflected verb tags only (no attribute ruler, so tags not POS): a bare "VB" is the tagger's guess for odd nouns
    if span is None or len(span) != 1 or span[0].tag_ not in {"VBD", "VBN", "VBZ"}:
        return False
    # a participle right after an article or possessive qualifies a noun ("a pegylated protein"): an adjective
    return not (span[0].tag_ == "VBN" and span[0].i > 0 and ctx.doc[span[0].i - 1].tag_ in {"DT", "PRP$"})


def _name_head(ctx: Context, mention: Mention) -> bool:
    """Whether a Title-Case mention ends a name begun by the capitalised word before it: "Seorin Biologics", and so
    "Qinghe Biological Products" (a company, not the modality), save in a Title-Case headline, where a phrase of
    several words is capitalised like every other ("Corvida Licenses Retinal Gene Therapy")."""
    words = mention.text.split()
    return (all(w.istitle() and w.isalpha() for w in words) and len(mention.text) > 3
            and (len(words) == 1 or not ctx.in_headline(mention.start))
            and bool(_NAME_BEFORE.search(ctx.masked, max(0, mention.start - 40), mention.start)))


def _facts(ctx: Context, vocab: Vocabulary, build: Callable[[dict[str, str], str | None], _Fact],
           profile_class: str | None = None) -> list[_Fact]:
    """One fact per targeted vocabulary entry, mentions in text order, facts ordered by first mention.

    Negated and comparator mentions, and mentions inside unit or organisation names, do not count. An entry named only in
    company boilerplate counts when ``profile_class`` is given and the entry shares that class (therapy
    category) with an entry of the article body: a partner's focus on "B-cell malignancies" matters to a
    lymphoma deal, its "type 2 diabetes" franchise does not.
    """
    noise = _page_noise(ctx)
    matched = _platform_first(ctx, vocab, match_vocabulary(ctx, vocab, coordinated=True))
    taken = SpanIndex((m.start, m.end) for ms in matched.values() for m in ms)
    for index, extra in _ellipsis_mentions(ctx, vocab).items():
        matched.setdefault(index, []).extend(m for m in extra if not taken.overlaps(m.start, m.end))
    slots = _target_slot_mentions(ctx, vocab)
    for index, extra in _organ_mentions(ctx, vocab).items():  # they replace the bare head noun they hold, as slots do
        slots.setdefault(index, []).extend(extra)
    for index, extra in _acronym_slot_mentions(ctx, vocab).items():
        # only where the long form names nothing by itself: "adeno-associated virus (AAV) gene therapies" is two entries
        slots.setdefault(index, []).extend(m for m in extra if not taken.overlaps(m.start, ctx.masked.index("(", m.start)))
    inside = SpanIndex((m.start, m.end) for ms in slots.values() for m in ms)
    matched = {i: [m for m in ms if not inside.covers(m.start, m.end)] for i, ms in matched.items()}
    for index, extra in slots.items():
        matched.setdefault(index, []).extend(extra)
    ends = {m.end for ms in matched.values() for m in ms}
    matched = {i: [m for m in ms if not qualifies_a_disease(ctx, m.start, m.end, ends)] for i, ms in matched.items()}
    targets = {index: kept for index, mentions in matched.items()
               if (kept := [m for m in mentions if not is_not_a_target(ctx, m.start, m.end) and not _name_head(ctx, m)
                            and not noise.overlaps(m.start, m.end) and not _is_verb(ctx, m)])}
    body = {i for i, mentions in targets.items() if any(not in_boilerplate(ctx, m.start) for m in mentions)}
    classes = {vocab.entries[i][profile_class] for i in body} if profile_class else set()
    # an article whose body names none of the field's concepts (a filing note, a short wire) has the parties' profiles
    # to say what they work on: their boilerplate concepts count (GOLD.md: mentions about the parties count)
    found = {i: mentions for i, mentions in targets.items()
             if i in body or not body or profile_class and vocab.entries[i][profile_class] in classes}
    out = []
    for index, mentions in _merge_short_forms(found, {i: vocab.entries[i]["name"] for i in found}).items():
        entry = vocab.entries[index]
        fact = build(entry, f"MESH:{entry['mesh']}" if entry["mesh"] else None)
        fact.mentions = sorted(mentions, key=lambda m: m.start)
        out.append(fact)
    return sorted(out, key=lambda f: f.mentions[0].start)


def _is_vaccine_platform(name: str) -> bool:
    return name == "mRNA Vaccines" or name.startswith("Vaccines, ")


def _platform_first(ctx: Context, vocab: Vocabulary, matched: dict[int, list[Mention]]) -> dict[int, list[Mention]]:
    """A vaccine platform right before a disease's vaccine names one vaccine of that platform: "mRNA COVID-19 vaccine",
    "inactivated influenza vaccine" are mRNA and inactivated vaccines (GOLD), one mention, not a platform and a vaccine."""
    names = {i: str(vocab.entries[i]["name"]) for i in matched}
    platforms = [(m, i) for i, ms in matched.items() if _is_vaccine_platform(names[i]) for m in ms]
    if not platforms:
        return matched
    disease = {m.start: (m, i) for i, ms in matched.items() for m in ms
               if names[i].endswith(("Vaccines", "Vaccine")) and names[i] != "Vaccines" and not _is_vaccine_platform(names[i])}
    out = {i: list(ms) for i, ms in matched.items()}
    for m, i in platforms:
        after = ctx.masked[m.end:m.end + 2]
        joined = disease.get(m.end + 1) if after[:1] in {" ", "-"} else None
        if joined is None:
            continue
        vaccine, j = joined
        out[j] = [x for x in out[j] if x is not vaccine]
        out[i] = [ctx.mention(m.start, vaccine.end) if x is m else x for x in out[i]]
    return {i: ms for i, ms in out.items() if ms}


def _norm(text: str) -> str:
    """Lower case, hyphens as spaces, plural s dropped: 'T-cells' and 't cell' compare equal, so do 'antibodies' and
    'antibody' (a plural in -ies is the singular in -y)."""
    return " ".join(_singular(w) for w in re.split(r"[\s-]+", text.lower()))


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _merge_short_forms(found: dict[int, list[Mention]], names: Mapping[int, str]) -> dict[int, list[Mention]]:
    """Fold a broad entry into a narrower one when the article uses it as that one's short form.

    "lymphoma" after "relapsed B-cell lymphoma", "stem cells" after "mesenchymal stem cells": the broad
    entry's name lies inside the narrow one's ("Lymphoma" / "Lymphoma, B-Cell"), more than half of its forms lie
    inside the narrow one's mentions, and it is not mentioned more often than the narrow one (else it is a topic
    of its own: "vaccines" said again and again beside two "mRNA vaccine"). A broad entry with as many forms of
    its own as short forms ("vaccines" and "vaccine development" beside "influenza vaccines") is a topic of its
    own too.
    """
    forms = {index: {_norm(m.text) for m in mentions} for index, mentions in found.items()}
    words = {index: set(_norm(re.sub(r"[^\w\s-]", " ", names[index])).split()) for index in found}
    merged = dict(found)
    for broad in sorted(found, key=lambda i: len(words[i])):
        hosts = []
        for narrow, narrow_mentions in merged.items():
            if narrow == broad or not words[broad] < words[narrow] or len(found[broad]) > len(narrow_mentions):
                continue
            inside = sum(any(f != g and occurrences(g, f, joiners="") for g in forms[narrow])
                         for f in forms[broad])
            if inside * 2 > len(forms[broad]):
                hosts.append(narrow)
        if hosts:
            host = max(hosts, key=lambda i: (len(merged[i]), -i))
            merged[host] = merged[host] + merged.pop(broad)
    return merged


def _constructed(ctx: Context, patterns: list[re.Pattern[str]], known: list[_Fact],
                 build: Callable[[str], _Fact]) -> list[_Fact]:
    """Facts from ``patterns`` (group 1 the modifier, 2 the head, 3 a plural s) where no vocabulary fact already lies.

    One fact per modifier and head, named "<modifier> <head>" without a possessive; the same noise, negation and
    boilerplate rules as vocabulary mentions apply (a construction named only in boilerplate does not count).
    """
    taken = SpanIndex((m.start, m.end) for f in known for m in f.mentions)
    noise = _page_noise(ctx)
    found: dict[str, tuple[str, list[Mention]]] = {}
    for pattern in patterns:
        for m in pattern.finditer(ctx.masked):
            modifier, head = m.group(1), m.group(2)
            first = modifier.split()[0]
            if (_NOT_A_SYMBOL.fullmatch(first) or _PRODUCT_CODE.fullmatch(first) and not head.startswith("receptor")
                    or modifier.rstrip("'’s") in _NOT_AN_EPONYM):
                continue
            start, end = m.start(), m.end()
            if (taken.overlaps(start, end) or ctx.is_noise(start, end) or noise.overlaps(start, end)
                    or is_not_a_target(ctx, start, end) or _NAME_BEFORE.search(ctx.masked, max(0, start - 40), start)
                    and modifier[:1].isupper() and not modifier.isupper() and "'" not in modifier and "’" not in modifier):
                continue
            stem = re.sub(r"['’]s?$", "", modifier)
            if pattern is _EPONYM and not _is_proper_noun(ctx, start, start + len(stem)):
                continue  # "Outsmarting disease" opens a sentence; an eponym is a proper noun
            platform = pattern is _PLATFORM or pattern is _PLATFORM_APPOSITION
            if platform and (_names_a_company(ctx, stem) or _spelt_out(ctx, stem)):
                continue
            name = stem if platform else f"{stem} {head}"
            entry = found.setdefault(name.lower(), (name, []))
            entry[1].append(ctx.mention(start, end))
    out = []
    for name, mentions in found.values():
        if all(in_boilerplate(ctx, m.start) for m in mentions):
            continue
        fact = build(name[0].upper() + name[1:])
        fact.mentions = mentions
        out.append(fact)
    return out


def _names_a_company(ctx: Context, word: str) -> bool:
    """Whether the text uses ``word`` as a company's name: "CTX Ltd", or "Coastal Therapeutics CRC (CTx)"."""
    escaped = re.escape(word)
    return bool(re.search(rf"\b{escaped}{_COMPANY_AFTER}", ctx.masked)
                or re.search(rf"{_COMPANY_BEFORE}\s*\(\s*{escaped}\s*\)", ctx.masked, re.IGNORECASE))


def _spelt_out(ctx: Context, word: str) -> bool:
    """Whether the text spells ``word`` out as ordinary words: "Vendor Neutral Archive (VNA)", "Contract Development and
    Manufacturing Organisation (CDMO)" name a kind of system or business, not a coined platform ("the Halcyon
    platform", "its HXP platform")."""
    if not word.isupper() or not word.isalpha():
        return False
    for m in re.finditer(rf"\(\s*{re.escape(word)}\s*\)", ctx.text):
        words = [w for w in re.findall(r"[A-Za-z][\w-]*", ctx.text[max(0, m.start() - 120):m.start()])
                 if w.lower() not in {"and", "of", "for", "the"}]
        if "".join(w[0] for w in words[-len(word):]).upper() == word:
            return True
    return False


def _is_proper_noun(ctx: Context, start: int, end: int) -> bool:
    span = ctx.doc.char_span(start, end)
    return span is not None and len(span) == 1 and span[0].tag_ in {"NNP", "NNPS"}


def therapy_areas(ctx: Context) -> list[TherapyArea]:
    """The article's therapy areas, found once per article (technologies read their mentions too)."""
    key = "concepts.therapy_areas"
    if key not in ctx.memo:
        ctx.memo[key] = _therapy_areas(ctx)
    found = ctx.memo[key]
    assert isinstance(found, list)
    return found


def _therapy_areas(ctx: Context) -> list[TherapyArea]:
    facts = _facts(ctx, ctx.rules.therapy,
                   lambda e, mesh: TherapyArea(name=e["name"], id=mesh, category=e["category"]), "category")
    extra = _constructed(ctx, [_DEFICIENCY, _EPONYM], facts, lambda name: TherapyArea(name=name, category="rare_disease"))
    return sorted(_without_anaphora([*facts, *extra]), key=lambda f: f.mentions[0].start)


# "the pandemic", "the infection": a bare head noun that refers back to the disease the article names ("help fight this
# pandemic" after COVID-19); it is a therapy area of its own only where no named disease of its category is there.
_ANAPHORIC_HEADS = {"pandemic", "pandemics", "infection", "infections"}


def _without_anaphora(facts: list[TherapyArea]) -> list[TherapyArea]:
    out = []
    for fact in facts:
        named = any(f is not fact and f.category == fact.category and f.id for f in facts)
        if named:
            fact.mentions = [m for m in fact.mentions if m.text.lower() not in _ANAPHORIC_HEADS]
        if fact.mentions:
            out.append(fact)
    return out


def technologies(ctx: Context) -> list[Technology]:
    facts = _inside_no_disease(ctx, _facts(ctx, ctx.rules.technology,
                                           lambda e, mesh: Technology(name=e["name"], id=mesh, modality=e["modality"])))
    extra = _constructed(ctx, [_TARGETED_AGENT], facts, lambda name: Technology(name=name, modality="targeted_agent"))
    extra = _into_named_class(facts, extra)
    extra += _constructed(ctx, [_PLATFORM, _PLATFORM_APPOSITION], [*facts, *extra],
                          lambda name: Technology(name=name, modality="platform"))
    return sorted([*facts, *extra], key=lambda f: f.mentions[0].start)


def _inside_no_disease(ctx: Context, facts: list[Technology]) -> list[Technology]:
    """Technologies without the mentions that only qualify a longer disease mention: the cell type of "T-cell lymphoma",
    the "insulin" of "insulin resistance", the "antibody" of "antibody-mediated rejection" name the disease, no modality."""
    diseases = SpanIndex((m.start, m.end) for f in therapy_areas(ctx) for m in f.mentions)
    out = []
    for fact in facts:
        fact.mentions = [m for m in fact.mentions if not diseases.covers(m.start, m.end, strictly=True)]
        if fact.mentions:
            out.append(fact)
    return out


def _agent_key(text: str) -> tuple[str, str]:
    """First target and action of an agent: ("glp-1", "agonist") for "GLP-1/GIP dual receptor agonists"."""
    words = text.lower().split() or [""]
    return words[0].split("/")[0], words[-1].rstrip("s")


def _into_named_class(facts: list[Technology], agents: list[Technology]) -> list[Technology]:
    """Constructed agents that a vocabulary class of the article already names join it, as one entry per class.

    "GLP-1/GIP dual receptor agonist" beside "GLP-1 agonist" is one more form of the GLP-1 agonists, not a modality
    of its own; an agent on another target or with another action stays apart.
    """
    classes = {_agent_key(m.text): f for f in facts for m in f.mentions}
    kept = []
    for agent in agents:
        host = classes.get(_agent_key(agent.mentions[0].text))
        if host is None:
            kept.append(agent)
        else:
            host.mentions = sorted([*host.mentions, *agent.mentions], key=lambda m: m.start)
    return kept
