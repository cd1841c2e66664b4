"""Party roles from the deal sentences: licensor / licensee, investor / investee, supplier / customer,
collaborator, acquirer / target."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy

from ..resources import regex
from .agreement import agreement_sentences
from .context import Context, Span
from .deal_cues import term_cues
from .deptree import has_parse, tokens_in
from .money import money_amounts
from .org_names import GENERIC_WORDS
from .salience import in_boilerplate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .orgs import OrgEntity


def _family(text: str, kind: str | None) -> str | None:
    rc = term_cues()["roles"]
    for fam, key in (("license", "license_words"), ("invest", "invest_words"), ("supply", "supply_words")):
        if regex(rc[key], True).search(text):
            return fam
    return {"license": "license", "investment": "invest", "supply_agreement": "supply"}.get(kind or "")


_PAIRS = {"license": ("licensor", "licensee"), "invest": ("investor", "investee"), "supply": ("supplier", "customer")}


def _party_of(doc: Doc, parties: list[OrgEntity]) -> dict[int, int]:
    """Token index -> party index, for every token inside a party mention, and for every later use of a party's
    first name word alone ("Hanwool" of "Hanwool Pharmaceutical", "KVT's technology") or its descriptor ("the
    institute"): stories shorten a name so."""
    out: dict[int, int] = {}
    for n, p in enumerate(parties):
        for m in p.mentions:
            for t in tokens_in(doc, m.start, m.end):
                out.setdefault(t.i, n)
    short: dict[str, int | None] = {}
    second: dict[str, int | None] = {}
    for n, p in enumerate(parties):
        words = p.name.split()
        first = words[0].strip(",.") if len(words) > 1 else ""
        if len(first) >= 3 and first[:1].isupper() and first.lower() not in GENERIC_WORDS:
            short[first] = None if first in short and short[first] != n else n  # a word two parties share names neither
        # "Harbin Velvane Pharmaceuticals" is "Velvane" later, a city or province before the name proper: the second word,
        # when the name goes on past it, names the party too where it stands alone ("Kelvaro and Velvane will receive ...")
        word = words[1].strip(",.") if len(words) > 2 else ""
        if len(word) >= 3 and word[:1].isupper() and word.lower() not in GENERIC_WORDS:
            second[word] = None if word in second and second[word] != n else n
    _descriptor_mentions(doc, parties, out)
    named = {word: n for word, n in short.items() if n is not None}
    alone = {word: n for word, n in second.items() if n is not None and word not in short}
    if named or alone:
        # the token arrays, not a Token object per word of the Doc: only the few tokens spelled as a short name are read
        from spacy.attrs import ORTH, TAG

        strings = doc.vocab.strings
        orth, tag = doc.to_array(ORTH), doc.to_array(TAG)
        proper = {strings.as_int(t) for t in ("NNP", "NNPS") if t in strings}
        wanted = [strings.as_int(w) for w in named if w in strings]
        for found in numpy.flatnonzero(numpy.isin(orth, numpy.array(wanted, dtype=numpy.uint64))).tolist():
            if found not in out and int(tag[found]) in proper:
                out[found] = named[strings[int(orth[found])]]
        wanted = [strings.as_int(w) for w in alone if w in strings]
        for found in numpy.flatnonzero(numpy.isin(orth, numpy.array(wanted, dtype=numpy.uint64))).tolist():
            beside = [int(tag[j]) for j in (found - 1, found + 1) if 0 <= j < len(doc)]
            if found not in out and int(tag[found]) in proper and not any(t in proper for t in beside):
                out[found] = alone[strings[int(orth[found])]]
    return out


def _descriptor_mentions(doc: Doc, parties: list[OrgEntity], out: dict[int, int]) -> None:
    """"The institute will receive ...": a descriptor after "the" stands for the one party whose name has that word."""
    words = frozenset(term_cues()["roles"]["descriptors"])
    holders: dict[str, set[int]] = {}
    for n, p in enumerate(parties):
        for word in p.name.lower().split():
            if word in words:
                holders.setdefault(word, set()).add(n)
    unique = {word: next(iter(ns)) for word, ns in holders.items() if len(ns) == 1}
    if not unique:
        return
    from spacy.attrs import LOWER

    strings = doc.vocab.strings
    lower = doc.to_array(LOWER)
    wanted = numpy.array([strings.as_int(w) for w in unique if w in strings], dtype=numpy.uint64)
    for i in numpy.flatnonzero(numpy.isin(lower, wanted)).tolist():
        after = doc[i + 1] if i + 1 < len(doc) else None
        # "the Institute of Oncology" is another name, not the party's descriptor
        if i in out or i == 0 or doc[i - 1].lower_ != "the" or (after is not None and (after.lower_ == "of" or after.tag_ in ("NNP", "NNPS"))):
            continue
        out[i] = unique[strings[int(lower[i])]]


def _parties_under(token: Token, owner: dict[int, int]) -> list[int]:
    """Parties named in a subtree, skipping relative clauses and appositive descriptions."""
    found: list[int] = []
    stack = [token]
    while stack:
        t = stack.pop()
        if t.i in owner and owner[t.i] not in found:
            found.append(owner[t.i])
        # "Seokjin Biologics, the biotech arm of Seokjin Group": an appositive describes the party, it names no other
        stack.extend(c for c in t.children if (c.dep_ not in ("relcl", "acl", "advcl", "ccomp") or c.i in owner)
                     and not (c.dep_ == "appos" and t.i in owner and owner.get(c.i) != owner[t.i] and found))
    return found


_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "conj", "advcl", "pcomp", "parataxis", "dep"})
_STAND_INS = frozenset({"it", "they", "we", "company", "companies", "both", "parties", "partners", "firm", "which", "who"})


def _subject(verb: Token, owner: dict[int, int]) -> tuple[list[int], bool]:
    """The parties acting as the verb's subject (climbing past 'it', 'agreed to', 'announced that'), and passivity.

    Only a pronoun or a missing subject climbs to the governing clause: "The agreement grants ..." has no party subject.
    A singular pronoun no clause resolves ("The company entered into ...") is the party the story last made a subject."""
    t = verb
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and any(c.lower_ == "to" for c in verb.children):
        # "A awarded B a contract to manufacture ...", "grants B the right to sell ...": the one given the noun acts
        given = [p for c in verb.head.head.children if c.dep_ in ("dative", "iobj") for p in _parties_under(c, owner)]
        if given:
            return given, False
    for _ in range(6):
        if passive and t is verb:
            # "Royalties will be received by X", "rights are granted by X to Y": the agent does what the verb says
            found = [p for a in t.children if a.dep_ == "agent" for p in _parties_under(a, owner)]
            if found:
                return found, False
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj and t.dep_ == "ccomp":
            # a reported clause states its own subject: one the parse lost ("Ostvik will to pay Halden royalties, Halden
            # said") is not the speaker's
            return [], passive
        if subj and not any(_parties_under(s, owner) for s in subj) and not any(s.lower_ in _STAND_INS for s in subj):
            return [], passive
        if subj and any(s.lower_ in _SINGULAR for s in subj) and t.head is t:
            found = _previous_subject(t, owner)
            return found, passive and t is verb
        if t.dep_ == "relcl" and any(s.lower_ in ("which", "who", "that") for s in subj):
            # "an agreement with Corvida, which will produce ...": the relative pronoun is the noun it hangs on
            return ([owner[t.head.i]] if t.head.i in owner else []), passive and t is verb
        for s in subj:
            found = _parties_under(s, owner)
            if found:
                return found, passive and t is verb and s.dep_ == "nsubjpass"
        if t.head is t:
            break
        t = t.head
    return [], passive


# stand-ins for one party: "it", "the company" (plural ones, "they", "both companies", speak for both sides)
_SINGULAR = frozenset({"it", "company", "firm", "group", "biotech", "drugmaker"})


def _previous_subject(root: Token, owner: dict[int, int]) -> list[int]:
    """The party subject of the nearest sentence before ``root``'s that has one (what 'it' or 'the company' refers to,
    as a reader resolves it; events.py resolves the same words through a reporting verb above them)."""
    doc = root.doc
    sent = root.sent
    for _ in range(4):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
        subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.i in owner]
        if subjects:
            return [owner[subjects[0].i]]
    return []


def _objects(verb: Token, owner: dict[int, int]) -> tuple[list[int], list[int], bool]:
    """Parties among the verb's objects and prepositional arguments, the owners of the object ("rights to BLX's
    tablet": BLX gives), and whether one comes with 'from'."""
    found: list[int] = []
    owners: list[int] = []
    reverse = False
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd", "nsubjpass"):
            for p in _parties_under(c, owner):
                tok = next(t for t in c.subtree if owner.get(t.i) == p)
                # "rights to BLX's tablet", "licenses Eastbrook molecule": a name modifying the object owns it, receives nothing
                # a possessive anywhere between the name and the object ("Halvik Science's drug": Halvik compound of the poss)
                chain = [tok, *(a for a in tok.ancestors if a.i != c.i and c.i in {x.i for x in a.ancestors})]
                owned = any(a.dep_ == "poss" for a in chain) \
                    or tok.dep_ == "compound" and tok.head.i not in owner and tok.head.tag_.startswith("NN") and tok.head.i == c.i
                (owners if owned else found).append(p)
                if any(a.dep_ == "prep" and a.lower_ == "from" for a in tok.ancestors if a.i != verb.i and c.i in {x.i for x in a.ancestors} | {a.i}):
                    reverse = True  # "licensed the rights to X from Y": the 'from' hangs on the object
        elif c.dep_ in ("prep", "agent") and c.lower_ in ("to", "for", "in", "from", "into", "with", "by"):
            got = [p for p in _parties_under(c, owner) if p not in found]
            if c.lower_ in ("to", "for") and any(d.dep_ == "dobj" and _LICENCE_NOUN.fullmatch(d.lower_) for d in verb.children):
                # "licensed worldwide rights to Halden's drug" (the 'to' hung on the verb): a possessor under it owns what
                # the rights are to, it receives nothing ("supplies vaccine to Ostvik's clinics" keeps Ostvik the receiver)
                held = {owner[t.i] for t in c.subtree if t.dep_ == "poss" and t.i in owner}
                owners += [p for p in got if p in held]
                got = [p for p in got if p not in held]
            if got and c.lower_ == "from":
                reverse = True
            if c.lower_ != "with" or not found:
                found += got
    return list(dict.fromkeys(found)), [o for o in dict.fromkeys(owners) if o not in found], reverse


def _lemma(token: Token, known: frozenset[str]) -> str:
    """The verb's base form: spaCy's lemma when the pipeline has a lemmatizer, else the inflection stripped
    until a known cue verb appears (the default pipeline drops the lemmatizer for speed)."""
    if token.lemma_:
        return token.lemma_.lower()
    low = token.lower_
    irregular = term_cues()["roles"]["irregular"]
    if low in irregular:
        return str(irregular[low])
    for cut, add in (("", ""), ("s", ""), ("es", ""), ("ies", "y"), ("ied", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e")):
        if low.endswith(cut) and (low[: len(low) - len(cut)] + add) in known:
            return low[: len(low) - len(cut)] + add
    for cut in ("ed", "ing"):  # a doubled last consonant: "transferring", "transferred"
        stem = low[: len(low) - len(cut)]
        if low.endswith(cut) and len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in known:
            return stem[:-1]
    return low


def _verbs_and_nouns(doc: Doc) -> tuple[numpy.ndarray, numpy.ndarray]:  # type: ignore[type-arg]
    """Per token of the Doc, whether it is a verb (POS VERB or AUX, or tag VB*) and whether a noun (tag NN*), read from the token
    arrays: the sentence loops then make Token objects of these words only."""
    from spacy.attrs import POS, TAG
    from spacy.symbols import AUX, VERB

    pos, tag = doc.to_array(POS), doc.to_array(TAG)
    strings = doc.vocab.strings
    tags = {t: strings[t] for t in set(tag.tolist())}  # not numpy.unique: its first call imports numpy.ma (~0.07 s)
    verb_tags = numpy.array([t for t, name in tags.items() if name.startswith("VB")], dtype=numpy.uint64)
    noun_tags = numpy.array([t for t, name in tags.items() if name.startswith("NN")], dtype=numpy.uint64)
    verbs = numpy.isin(pos, numpy.array([VERB, AUX], dtype=pos.dtype)) | numpy.isin(tag, verb_tags)
    return verbs, numpy.isin(tag, noun_tags)


_MONEY = re.compile(r"payment|upfront|up-front|milestone|royalt|fee|million|billion|crore|\$|€|£|¥|₩", re.IGNORECASE)
# the words of _MONEY that say money by themselves, without a figure's magnitude
_MONEY_WORD = re.compile(r"payment|upfront|up-front|milestone|royalt|fee|fund|\$|€|£|¥|₩", re.IGNORECASE)
_LICENCE_MONEY = re.compile(r"up[- ]?front|milestone|royalt|licen[cs]e fee", re.IGNORECASE)
_RIGHTS = re.compile(r"licen[cs]|rights?\b|option|exclusiv|patent|technology|know-how", re.IGNORECASE)
# verbs of receiving state a role only when what is received is rights or money ("received a termination notice" is none)
_TAKING = frozenset({"receive", "obtain", "get", "gain", "secure", "acquire", "bag", "win", "land", "snag"})
_SUPPLYING = frozenset({"manufacture", "supply", "produce", "deliver"})
_MAKING = frozenset({"manufacture", "produce"})
# nouns of making for someone else: the owner of what is made is the customer ("production of X's vaccine")
_MAKING_NOUN = re.compile(r"manufactur(?:e|ing)|production|fill-finish", re.IGNORECASE)
_CONTRACT_NOUN = re.compile(r"contracts?|agreements?|deals?|orders?|pacts?", re.IGNORECASE)
# "equity" alone is shares held ("received equity in B"); "an equity investment" is money put in, read by the money verbs
_SHARES = re.compile(r"\b(?:shares|stock|stake|equity(?!\s+(?:investments?|financing|funding|commitments?|raise|round)\b))\b", re.IGNORECASE)
# verbs with shares as object: True when the subject ends up holding them
_SHARE_VERBS = {"receive": True, "gain": True, "acquire": True, "purchase": True, "buy": True, "obtain": True, "get": True, "subscribe": True,
                "take": True, "issue": False, "sell": False}


def _money_object(verb: Token, amounts: list[tuple[int, int]] | None = None) -> str | None:
    """The text of the verb's object when it is money ("pay $40 million upfront"), else None. A count of goods with no
    amount of money in it ("will receive 50 million doses from B") is what is delivered, not a payment (``amounts``: the
    text's money spans, when known)."""
    # a passive verb's subject is what it acts on ("Royalties will be received by X")
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "dative") or c.dep_ == "nsubjpass" and passive \
                or c.dep_ == "prep" and c.lower_ == "to" and verb.lower_.startswith("entitle"):
            text = " ".join(t.text for t in c.subtree)
            if amounts is not None and c.tag_.startswith("NN") and not _MONEY_WORD.search(text) and not _MONEY_WORD.search(c.text) \
                    and not _SALES_SHARE.search(text):
                first, last = min(t.idx for t in c.subtree), max(t.idx + len(t) for t in c.subtree)
                if not any(s < last and first < e for s, e in amounts):
                    continue
            if c.like_num or c.tag_ in ("CD", "$") or _MONEY.search(text):
                return text
            if _SALES_SHARE.search(text) and not any(p.dep_ == "prt" for p in verb.children):
                return text  # "B will pay A 70% of net sales": a share of sales is money ("makes up 30% of sales" is not)
    return None


_SALES_SHARE = re.compile(r"\d\s*(?:%|per\s*cent|percent)\s+of\s+(?:[\w-]+\s+){0,3}?(?:sales|revenues?|profits?|income)\b", re.IGNORECASE)


# words of a sentence that can state a role outside the agreement sentences
_ROLE_WORDS = re.compile(r"\b(?:pay|receive|eligible|grant|licen[cs]|invest|manufactur|suppl|acquir|rights\b|acquisition|order(?:s|ed)?\b|bu(?:y|ys|ying|ought)\b|stake|shares|raise[sd]?\b"
                         r"|purchas|particip|secur(?:e[sd]?|ing)\b|contracted\b|services\b|transferr?(?:ing|ed|s)?\b)", re.IGNORECASE)


def party_roles(ctx: Context, parties: list[OrgEntity], kind: str | None = None) -> dict[str, str]:
    """Each party's role in the deal (licensor/licensee, investor/investee, supplier/customer, collaborator, acquirer/target)."""
    if not parties:
        return {}
    rc = term_cues()["roles"]
    votes: list[Counter[str]] = [Counter() for _ in parties]
    chosen = {s for s in agreement_sentences(ctx) if not in_boilerplate(ctx, s[0])}
    sentences = sorted(chosen | {s for s in ctx.sentences if s not in chosen and not in_boilerplate(ctx, s[0]) and _ROLE_WORDS.search(ctx.masked[s[0]:s[1]])})
    if has_parse(ctx.doc):
        owner = _party_of(ctx.doc, parties)
        verbs, nouns = _verbs_and_nouns(ctx.doc)
        for s, e in sentences:
            span = ctx.doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            for i in numpy.flatnonzero(verbs[span.start:span.end]).tolist():
                tok = ctx.doc[span.start + i]
                # clause heads only: "signs licensing pact" (amod) and "rights granted under" (acl) state no role; an infinitive
                # acl ("an agreement ... to grant B rights") and a relative clause with a party subject ("an agreement under
                # which B will receive rights") state one
                if tok.dep_ not in _CLAUSE_DEPS and not (tok.dep_ == "acl" and any(c.lower_ == "to" for c in tok.children)) \
                        and not (tok.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and (c.i in owner or c.lower_ in ("which", "who")
                                                                                                   and tok.head.i in owner) for c in tok.children)):
                    continue
                _vote_verb(ctx, tok, owner, votes, kind, rc)
            for i in numpy.flatnonzero(nouns[span.start:span.end]).tolist():
                _vote_noun(ctx.doc[span.start + i], owner, votes, rc, kind)
    _vote_patterns(ctx, sentences, parties, votes, kind)
    if not ctx.english and kind in ("license", None, "other"):
        _vote_foreign_rights(ctx, parties, votes, rc)
    if kind == "investment":
        _vote_investor(ctx, parties, votes, rc)
    if kind == "supply_agreement":
        _vote_manufacturer(ctx, parties, votes)
    elif kind in (None, "other"):
        _vote_manufacturer(ctx, parties, votes, rc["service_providers"])
    if kind in ("collaboration_agreement", "mou") and _supply_both_sides(votes):
        # "A will supply APIs to B" said again and again of both sides: a partnership by name that is a supply deal in terms
        kind = "supply_agreement"
    roles: dict[str, str] = {}
    # the deal's type decides the pair, the sentence the side: a supply deal's licensor supplies what it licenses, a
    # licence's supplier is the licensor; an equity purchase or funding inside a licence, supply or research deal is one
    # of its terms (the parties keep the deal's roles), and a research partner that makes or delivers something for the
    # work stays a collaborator (None drops the vote); a licence option or supply inside an investment is one of its terms
    # too; a deal of a named type buys no company ("talks to acquire Moderna" of a vaccine purchase mean its doses)
    no_buyout: dict[str, str | None] = {"acquirer": None, "target": None}
    pairs: dict[str, dict[str, str | None]] = {
        "supply_agreement": {"licensor": "supplier", "licensee": "customer", "investor": None, "investee": None, **no_buyout},
        "license": {"supplier": "licensor", "customer": "licensee", "investor": None, "investee": None, **no_buyout},
        "collaboration_agreement": {"supplier": None, "customer": None, "investor": None, "investee": None, **no_buyout},
        "investment": {"licensor": None, "licensee": None, "supplier": None, "customer": None, **no_buyout},
    }
    translate = pairs.get(kind or "", {})
    margins: dict[str, int] = {}
    for p, v in zip(parties, votes):
        tally: Counter[str] = Counter()
        for role, n in v.items():
            to = translate.get(role, role)
            if to is not None:
                tally[to] += n
        if tally:
            (best, top), *rest = tally.most_common(2)
            roles[p.name] = best
            margins[p.name] = top - (rest[0][1] if rest else 0)
    if kind == "collaboration_agreement" and {"licensor", "licensee"} & set(roles.values()) \
            and not _licence_stated(ctx, parties, rc):
        # money alone ("B will receive an upfront payment") or an option to license later: the partners stay collaborators
        roles = {name: r for name, r in roles.items() if r not in ("licensor", "licensee")}
    if len(parties) == 2 and len(set(roles.values())) == 1 and len(roles) == 2 and next(iter(roles.values())) in rc["complement"] \
            and next(iter(roles.values())) != "collaborator":
        # both read the same side: the party the text states it more plainly of keeps it, the other goes to _complete
        weaker = min(roles, key=lambda name: (margins[name], -[p.name for p in parties].index(name)))
        roles.pop(weaker)
    shared = kind == "collaboration_agreement" and bool(_SHARED.search(ctx.masked))
    return _complete(roles, parties, "mou" if shared else kind, rc)


def _licence_stated(ctx: Context, parties: list[OrgEntity], rc: dict[str, Any]) -> bool:
    """Whether a sentence naming one of the parties states a licence or royalties (another deal's royalties in a
    sentence of other companies say nothing of this one)."""
    starts = sorted(m.start for p in parties for m in p.mentions)
    for s, e in ctx.sentences:
        k = bisect.bisect_left(starts, s)
        if k < len(starts) and starts[k] < e and not in_boilerplate(ctx, s) and regex(rc["licence_grant"], True).search(ctx.masked[s:e]):
            return True
    return False


def _supply_both_sides(votes: list[Counter[str]], least: int = 2) -> bool:
    """Whether one party is plainly read as supplier and another as its customer (each its top vote, at least ``least``)."""
    top = [v.most_common(1)[0] if v else ("", 0) for v in votes]
    return any(r == "supplier" and n >= least for r, n in top) and any(r == "customer" and n >= least for r, n in top)


# co-development: both sides share the work, whatever money moves ("share equally development costs")
_SHARED = re.compile(r"\bshare\s+(?:equally\s+)?(?:the\s+)?(?:(?:development|commerciali[sz]ation|and|,)\s+)*(?:costs|profits)"
                     # a deal named for selling together ("a co-promotion agreement") whatever one side pays the other
                     r"|\bco-?(?:promotion|marketing)\s+(?:agreement|deal|pact|partnership)",
                     re.IGNORECASE)


@cache
def _cue_verbs() -> frozenset[str]:
    """The verbs the role cues name, in their base forms (what ``_lemma`` strips an inflection to)."""
    rc = term_cues()["roles"]
    return frozenset([*rc["verbs"], *rc["money_verbs"], *_SHARE_VERBS, *_EXPLOITING, *(k.split()[0] for k in rc["phrasal"])])


def _vote_verb(ctx: Context, tok: Token, owner: dict[int, int], votes: list[Counter[str]], kind: str | None, rc: dict[str, Any]) -> None:
    """Votes from one deal verb: its subject takes the verb's role, its objects the other side."""
    verbs, money_verbs = rc["verbs"], rc["money_verbs"]
    lemma = _lemma(tok, _cue_verbs())
    prefix = ctx.masked[max(0, tok.idx - 4):tok.idx].lower()
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
    if f"{lemma} {particle}" in rc["phrasal"]:
        lemma = rc["phrasal"][f"{lemma} {particle}"]  # "hands back rights": a return, not a grant
    if any(c.dep_ == "dobj" and regex(rc["message_nouns"], True).fullmatch(c.lower_) for c in tok.children):
        return  # "A delivered a notice of termination to B", "A received notification from B": a message moves, no rights or goods
    if lemma == "sell" and any(c.dep_ == "dobj" and _LICENCE_NOUN.fullmatch(c.lower_) for c in tok.children):
        lemma = "transfer"  # "A sold the worldwide licence for its drug to B": selling rights grants them, it sells no goods
    if prefix.endswith(("in-", "in")) and lemma.startswith("licen"):
        lemma = "in-license"
    elif prefix.endswith("out-") and lemma.startswith("licen"):
        lemma = "out-license"
    if lemma in _EXPLOITING and (_vote_exploiting(tok, owner, votes, kind) or lemma not in verbs and lemma not in _SHARE_VERBS):
        return
    if lemma not in verbs and lemma not in money_verbs and lemma not in _SHARE_VERBS:
        if kind == "supply_agreement" and any(c.dep_ == "dobj" and (_MAKING_NOUN.fullmatch(c.lower_) or not _CONTRACT_NOUN.fullmatch(c.lower_)
                                                                     and any(m.dep_ in ("compound", "amod") and _MAKING_NOUN.fullmatch(m.lower_)
                                                                             for m in c.children)) for c in tok.children):
            # "A will start production", "A will establish manufacturing suites": in a supply deal the one who makes supplies
            # (one subject: "A and B fleshed out their manufacturing deal" says neither)
            makers = _subject(tok, owner)[0]
            if len(makers) == 1:
                votes[makers[0]]["supplier"] += 1
        return
    subj, passive = _subject(tok, owner)
    objs, owners, from_ = _objects(tok, owner)
    objs = [o for o in objs if o not in subj] or [o for o in _deal_partners(tok, owner) if o not in subj]
    if lemma in _MAKING and len(subj) > 1 and any(o in subj for o in owners):
        # "A and B entered into an agreement to produce A's antibody": of joint subjects, the owner of what is made is the
        # customer (voted as an owner below), the other makes it
        subj = [p for p in subj if p not in owners]
    if lemma in ("acquire", "buy", "purchase") and objs and any(c.dep_ in ("dobj", "nsubjpass") and c.i in owner for c in tok.children):
        # "X will buy Y", "Y is acquired by X": the company itself is bought
        _vote_sides(votes, subj, "acquirer", objs, "target", 2)
        return
    if not subj and not objs and not owners:
        return
    bought = _bought(tok, rc) if lemma in ("acquire", "buy", "purchase") and kind in (None, "other") and subj and not prefix.endswith("re-") else None
    if bought is not None:
        # "X agreed to acquire the US rights to Y's drug", "X will purchase Y's ablation system", "an option to purchase
        # Y's rights": in a deal of no licence, supply or investment type, what is bought is an asset, and the buyer
        # acquires it (the owner or the seller is the target); goods bought ("a deal with Y to purchase 60 million doses of
        # its vaccine") make the buyer Y's customer (not "re-acquire rights": a licensor taking its rights back)
        sellers = [p for p in [*owners, *objs] if p not in subj]
        _vote_sides(votes, subj, "customer" if bought == "goods" else "acquirer", sellers, "supplier" if bought == "goods" else "target", 2)
        return
    if kind == "collaboration_agreement" and (any(c.dep_ == "dobj" and c.lower_ in ("option", "options") for c in tok.children)
                                              or tok.head.lower_ in ("option", "options")):
        return  # "the university will grant X an option to license" in a research alliance: collaborators until exercised
    money = _money_object(tok, [(a.start, a.end) for a in money_amounts(ctx)]) if lemma in money_verbs else None
    text = _clause_text(tok)
    shares = any(c.dep_ in ("dobj", "attr") and _SHARES.search(" ".join(t.text for t in c.subtree)) for c in tok.children)
    if shares and lemma in ("acquire", "purchase", "buy") and kind in (None, "other") and any(
            c.dep_ == "dobj" and _ALL_SHARES.search(" ".join(t.text for t in c.subtree)) for c in tok.children):
        # "X exercised its option to acquire all remaining shares in Y": a buyout, not a stake
        _vote_sides(votes, subj, "acquirer", objs, "target", 3)
        return
    if shares and lemma == "sell" and objs and kind in (None, "other") and any(
            c.dep_ == "dobj" and _ALL_SHARES.search(" ".join(t.text for t in c.subtree)) for c in tok.children):
        # "A will sell its entire stake in C to B": B buys the company outright (the seller's side is no target)
        for o in objs:
            votes[o]["acquirer"] += 3
        return
    if shares and lemma in _SHARE_VERBS:
        # "Halden will receive 2.33 million Corvida shares", "Velmar will purchase $10 million of common stock": the investor
        first_role = "investor" if _SHARE_VERBS[lemma] else "investee"
        if kind == "license" and objs and lemma in _RECEIVING_SHARES:
            # "the university received equity in B as part of the licence": shares received, not bought, are how the
            # licensee pays, so their holder licenses out and the company issuing them takes the licence ("B will buy A's
            # shares" stays an equity purchase, dropped in a licence)
            first_role = "licensor"
        _vote_sides(votes, subj, first_role, objs, rc["complement"][first_role], 1)
        return
    if money is None and lemma in _RECEIVING_SHARES and kind == "supply_agreement" and from_ and objs and subj and not shares \
            and not _RIGHTS.search(text):
        # "Ostvik Pharma will receive 50 million doses from Halden Biologics": in a supply deal, goods received from a party
        # are what it supplies; plainer than what the receiver is called elsewhere ("vaccine manufacturer Ostvik Pharma")
        _vote_sides(votes, subj, "customer", objs, "supplier", 3)
        return
    if money is None and lemma in _TAKING and not _RIGHTS.search(text):
        return
    if lemma == "invest" and money is None and not objs:
        return  # "investing significant resources" names no investee
    if money is not None and _LICENCE_MONEY.search(text) and not regex(rc["invest_words"], True).search(text):
        fam: str | None = "license"  # upfront, milestones and royalties are licence money whatever the deal is called
    elif money is None and (lemma in _SUPPLYING or lemma == "provide" and kind in (None, "other", "supply_agreement")
                            and (any(c.dep_ == "dobj" and regex(rc["service_nouns"], True).fullmatch(c.text) for c in tok.children)
                                 # "the radiology services that A provided at B": the relative clause's noun is what is provided
                                 or tok.dep_ == "relcl" and regex(rc["service_nouns"], True).fullmatch(tok.head.text))):
        # "A will provide commercial support / services" in a deal of no licence or research type: a service provider supplies
        fam = "supply"  # "Daon-A BT will supply ... while Suzhou Lanqiao has the exclusive sales rights": the verb decides
    else:
        fam = _family(text, kind) or _family(ctx.sentence_text(tok.idx), kind)
    if fam is None:
        return
    pair = _PAIRS[fam]
    weight = 1
    if money is not None:
        payer = {"license": pair[1], "invest": pair[0], "supply": pair[1]}[fam]
        payee = rc["complement"][payer]
        first, second = (payer, payee) if money_verbs[lemma] == "payer" else (payee, payer)
        weight = 2  # who pays whom is the plainest statement of direction
    elif lemma in verbs:
        first, second = verbs[lemma]
        if lemma == "return" and _RIGHTS.search(text) and any(c.dep_ == "nsubj" and c.i in owner for c in tok.children):
            # "B is handing back rights to A's drug": the return names who held the licence as plainly as a payment does,
            # and outweighs the money that flows back once it ends ("A will now pay B a royalty"); only of its own named
            # subject ("A decided to end the licence and to return the rights" leaves unsaid who returns what)
            weight = 2
        if first not in pair:  # a licensing verb used of an investment or supply: map by direction
            giver = first in ("licensor", "investor", "supplier")
            first, second = (pair[0], pair[1]) if giver else (pair[1], pair[0])
            if fam == "invest" and lemma in ("acquire", "obtain", "purchase", "buy", "subscribe"):
                first, second = pair  # acquiring shares makes the investor
        if from_ and first in ("licensor", "supplier"):
            first, second = second, first  # "B licenses X from A"
        elif first == "licensor" and lemma in ("license", "licence") and not objs and (_owned_by_other(tok, owner, subj)
                                                                                          or any(o not in subj for o in owners)):
            first, second = second, first  # "A licenses B's molecule", "A licenses Eastbrook molecule": A takes the licence
        elif first == "licensor" and lemma in ("license", "licence") and tok.head.lower_ in ("option", "options", "right"):
            first, second = second, first  # "A exercised its option to license X": the option's holder takes the licence
    else:
        return
    if passive and lemma != "entitle":  # "X is entitled to payments" keeps X the payee
        first, second = second, first
    _vote_sides(votes, subj, first, objs, second, weight)
    # the owner of what is licensed or sold gives it; the owner of what a contract maker makes is its customer
    # ("provides services for B's programme" too: what a service is done for is the customer's)
    owner_role = None if fam == "invest" else "customer" if lemma in _MAKING or lemma == "provide" and fam == "supply" else pair[0]
    for p in owners:  # "grants Yunjing rights to BLX's tablet"
        if owner_role and p not in subj:
            votes[p][owner_role] += weight


def _bought(verb: Token, rc: dict[str, Any]) -> str | None:
    """What a verb of buying takes: "goods" ("50 million doses", "its vaccine"), "asset" (the rights to X, Y's ablation
    system, KVD001), or None (shares, a stake or a licence, which other rules read, or money: "purchase $10 million of stock")."""
    goods = regex(rc["goods_nouns"], True)
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            words = " ".join(t.text for t in c.subtree)
            if _SHARES.search(words) or re.search(r"licen[cs]e|licensing", c.text, re.IGNORECASE) or c.like_num or c.tag_ in ("CD", "$") \
                    or _MONEY_WORD.search(words):
                return None
            return "goods" if goods.fullmatch(c.text) else "asset"
    return None


def _vote_sides(votes: list[Counter[str]], firsts: list[int], first: str, seconds: list[int], second: str, weight: int) -> None:
    """A verb's two sides: the parties ``firsts`` (most often its subject) take ``first``, ``seconds`` the other role."""
    for p in firsts:
        votes[p][first] += weight
    for p in seconds:
        votes[p][second] += weight


# verbs of exploiting a product: whoever does it to a product another party owns holds a licence to it
_EXPLOITING = {"develop": "develop", "commercialize": "commercialize", "commercialise": "commercialise", "market": "market",
               "sell": "sell", "distribute": "distribute", "import": "import"}
_RECEIVING_SHARES = frozenset({"receive", "gain", "get", "obtain"})
_ALL_SHARES = re.compile(r"\b(?:all|entire|remaining|outstanding)\b", re.IGNORECASE)


def _vote_exploiting(verb: Token, owner: dict[int, int], votes: list[Counter[str]], kind: str | None) -> bool:
    """'B will develop and sell A's drug in China', 'its agreement to commercialise A's antibody': A licenses it to B.
    Whether it voted."""
    if kind in ("investment", "mou", "joint_venture", "collaboration_agreement"):
        return False
    owners = _objects(verb, owner)[1]
    if not owners:
        return False
    subj = [p for p in _subject(verb, owner)[0] if p not in owners]
    if not subj:
        return False  # "a licence to market X's generic": no one named takes it from X
    _vote_sides(votes, owners, "licensor", subj, "licensee", 1)
    return True


def _clause_text(verb: Token) -> str:
    """The verb's words without its conjoined clauses: in "A will pay B an upfront payment and make an investment"
    each verb is read for its own object, so the investment does not make the upfront payment an equity one."""
    skip = {t.i for c in verb.children if c.dep_ == "conj" and c.tag_.startswith("VB") for t in c.subtree}
    return " ".join(t.text for t in verb.subtree if t.i not in skip)


def _owned_by_other(verb: Token, owner: dict[int, int], subj: list[int]) -> bool:
    """Whether the verb's object belongs to someone named other than its subject ("B's molecule", "Eastbrook molecule")."""
    for c in verb.children:
        if c.dep_ == "dobj":
            for m in c.children:
                if m.dep_ in ("poss", "compound") and m.tag_ in ("NNP", "NNPS") and owner.get(m.i) not in subj:
                    return True
    return False


def _deal_partners(verb: Token, owner: dict[int, int]) -> list[int]:
    """'A signed a deal with B to manufacture ...': an infinitive under a deal names its other side by the 'with' of the
    deal noun or verb it depends on."""
    if verb.dep_ not in ("acl", "advcl", "xcomp", "relcl") or not any(c.lower_ == "to" for c in verb.children):
        return []
    found: list[int] = []
    for head in (verb.head, verb.head.head):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                found += _parties_under(c, owner)
            elif c.dep_ == "dobj" and c.i != verb.i and _CONTRACT_NOUN.fullmatch(c.lower_):
                # "A signed a deal with B to manufacture ...", the infinitive hung on 'signed': the deal noun has the 'with'
                found += [p for w in c.children if w.dep_ == "prep" and w.lower_ == "with" for p in _parties_under(w, owner)]
        if found:
            break
    return found


_PAYMENT_NOUN = re.compile(r"payments?|fees?|royalties|milestones", re.IGNORECASE)
_INVESTMENT = re.compile(r"investments?|stakes?|shareholding|holding", re.IGNORECASE)
_LICENCE_NOUN = re.compile(r"licen[cs]es?|sublicen[cs]es?|licensing|rights|options?")


def _vote_possessors(noun: Token, preps: tuple[str, ...], owner: dict[int, int], votes: list[Counter[str]], role: str) -> None:
    """A vote for ``role`` to each party named as a possessor under one of the noun's ``preps`` ("rights to X's drug")."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for t in c.subtree:
                if t.dep_ == "poss" and t.i in owner:
                    votes[owner[t.i]][role] += 1


def _vote_noun(tok: Token, owner: dict[int, int], votes: list[Counter[str]], rc: dict[str, Any], kind: str | None) -> None:
    """Votes from a deal noun's arguments: "X's investment in Y" (X invests, Y is invested in), "a licence from X"
    (X licenses out); and from a role noun naming a party: "investor X", "X, the licensee", "investors, including X".
    An investment inside a licence, supply or research deal is one of its terms: the parties keep the deal's roles."""
    low = tok.lower_
    if _INVESTMENT.fullmatch(low):
        if kind in ("license", "supply_agreement", "collaboration_agreement"):
            return
        for c in tok.children:
            if c.dep_ == "poss" and c.i in owner:
                votes[owner[c.i]]["investor"] += 1
            elif c.dep_ == "prep" and c.lower_ in ("in", "into"):
                for p in _parties_under(c, owner):
                    votes[p]["investee"] += 1
            elif c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by"):
                for p in _parties_under(c, owner):
                    votes[p]["investor"] += 1
        return
    if _LICENCE_NOUN.fullmatch(low):
        if kind == "investment":
            return
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                for p in _parties_under(c, owner):
                    votes[p]["licensor"] += 1
        # "rights to X's drug", "the licensing of X's technology", "a licence for X's platform": the owner licenses out
        _vote_possessors(tok, ("to", "for", "of", "on", "under", "covering"), owner, votes, "licensor")
        return
    if kind in ("supply_agreement", None, "other") and (_MAKING_NOUN.fullmatch(low) or _CONTRACT_NOUN.fullmatch(low)
                                                       and any(c.dep_ in ("compound", "amod") and _MAKING_NOUN.fullmatch(c.lower_) for c in tok.children)):
        # "the manufacturing of X's antibody", "a production contract for X's vaccine": X is the customer
        _vote_possessors(tok, ("of", "for"), owner, votes, "customer")
        return
    if _PAYMENT_NOUN.fullmatch(low) and (kind != "collaboration_agreement" or _LICENCE_MONEY.search(" ".join(t.text for t in tok.subtree))):
        # "the upfront payment from B to A": B pays, A is paid; the deal's type names the sides (licence money by default;
        # in a research deal only licence money does: "research payments from B" fund the work of collaborators)
        payer, payee = {"investment": ("investor", "investee"), "supply_agreement": ("customer", "supplier")}.get(kind or "", ("licensee", "licensor"))
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "to"):
                for p in _parties_under(c, owner):
                    votes[p][payer if c.lower_ == "from" else payee] += 1
        return
    if low in ("acquisition", "takeover", "buyout") and kind in (None, "other"):
        # "X's acquisition of Y", "X completed its acquisition of Y"
        targets = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in _parties_under(c, owner)]
        if targets:
            buyers = [owner[c.i] for c in tok.children if c.dep_ == "poss" and c.i in owner]
            if not buyers and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children) and tok.dep_ == "dobj":
                buyers = _subject(tok.head, owner)[0]
            for p in targets:
                votes[p]["target"] += 2
            for p in buyers:
                if p not in targets:
                    votes[p]["acquirer"] += 2
        return
    noun = rc["nouns"].get(low.rstrip("s") if low.endswith("s") and low[:-1] in rc["nouns"] else low)
    if noun is None:
        return
    named: list[int] = []
    if tok.i in owner:
        return  # the role word is part of a name
    for c in tok.children:  # "investor Qiaolan" (compound head), "investors, including X", "the licensee, X"
        if c.dep_ == "appos" or c.dep_ == "prep" and c.lower_ in ("including", "such", "namely", "like"):
            named += _parties_under(c, owner)
    if tok.dep_ == "appos" and tok.head.i in owner:
        named.append(owner[tok.head.i])  # "X, the licensee,"
    if tok.dep_ == "compound" and tok.head.i in owner:
        named.append(owner[tok.head.i])  # "licensee X"
    if tok.dep_ == "attr" and not named:
        named += _subject(tok.head, owner)[0]  # "X will be the exclusive supplier", "X is the licensee"
    for n in dict.fromkeys(named):
        votes[n][noun] += 2
    if noun == "investor" and named:
        # "Ostvik Holdings has become a shareholder in Halden Health": what the investor is one in takes the money
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "of"):
                for p in _parties_under(c, owner):
                    if p not in named:
                        votes[p]["investee"] += 2


def _vote_patterns(ctx: Context, sentences: list[Span], parties: list[OrgEntity], votes: list[Counter[str]], kind: str | None) -> None:
    """Pattern fallback: 'X as its manufacturer', 'licensed from X', 'X will pay'."""
    text = ctx.masked
    starts = [s for s, _ in sentences]
    for n, p in enumerate(parties):
        for m in p.mentions:
            i = bisect.bisect_right(starts, m.start) - 1  # the chosen sentence holding the mention, if any
            if i < 0 or not (sentences[i][0] <= m.start < sentences[i][1]):
                continue
            span = sentences[i]
            after = text[m.end:min(span[1], m.end + 80)]
            before = text[max(span[0], m.start - 60):m.start]
            role = re.match(r"^\s*,?\s*as\s+(?:its|their|the|a|an)\s+(?:[\w-]+\s+){0,3}?(manufacturer|cdmo|cmo|supplier|distributor|licensee|licensor|partner|investor)s?\b",
                            after, re.IGNORECASE)
            if role:
                word = role.group(1).lower()
                manufacturing = word == "partner" and re.search(r"\b(?:manufactur\w*|production|supply|cdmo|cmo)\s+partners?\b", role.group(0), re.IGNORECASE)
                votes[n]["supplier" if manufacturing else term_cues()["roles"]["nouns"].get(word, "collaborator")] += 2
            if re.search(r"\b(?:(?:in-)?licen[cs](?:e[sd]?|ing)|acquired|obtained)\s+(?:[\w-]+\s+){0,6}?from\s+(?:the\s+)?$", before, re.IGNORECASE):
                votes[n]["licensor"] += 1
            if re.search(r"\binvestment\s+(?:[\w-]+\s+){0,3}?(?:from|by)\s+$|\bled\s+by\s+$|\bparticipation\s+(?:from|of|by)\s+(?:the\s+)?$", before, re.IGNORECASE):
                votes[n]["investor"] += 1  # "a round led by X", "with participation from X"
            if kind == "investment" and re.match(r"\s+(?:also\s+)?(?:participated|participates|joined|joins|took\s+part)\s+in\b", after, re.IGNORECASE):
                votes[n]["investor"] += 1  # "X participated in the Series A round"
            if re.search(r"\b(?:out-)?licen[cs](?:ed|es?|ing)\s+(?!(?:agreements?|deals?|pacts?|contracts?)\b)(?:[\w-]+\s+){0,6}?to\s+(?:the\s+)?$", before,
                         re.IGNORECASE) and not re.match(r"\s*['’]s?\b", after):
                # "A has out-licensed AB-101 to B" (a parse may read 'licensed' as an adjective there), "a deal to license its
                # antibody programme to B" (not "rights to B's drug": B owns what is licensed; nor "a licence deal to B")
                votes[n]["licensee"] += 1
            if re.search(r"\b(?:distribution|distributorship)\s+(?:agreement|deal|contract|pact|partnership)\b[^.;]{0,80}?\bwith\s+(?:[a-z][\w-]*\s+){0,3}$",
                         text[max(span[0], m.start - 140):m.start]):
                votes[n]["licensee"] += 1  # "A signed a distribution deal for its test with B": B distributes what A makes
            if kind in (None, "other", "supply_agreement") and re.search(
                    r"\b(?:provider|vendor|supplier)\s+(?:agreement|deal|contract|pact)\b[^.;]{0,80}?\bwith\s+(?:[a-z][\w-]*\s+){0,3}$",
                    text[max(span[0], m.start - 140):m.start]):
                votes[n]["supplier"] += 1  # "A inked a preferred provider deal with B": the deal is named for B's side, B provides
            deal = re.search(r"\b(in|out)-?licen[cs]ing\s+(?:pact|agreement|deal|contract)\s+with\s+(?:the\s+)?$", before, re.IGNORECASE)
            if deal:  # "an in-licensing pact with X": X licenses out
                votes[n]["licensor" if deal.group(1).lower() == "in" else "licensee"] += 1
            if re.match(r"\s+(?:will\s+be|is|are|will)\s+(?:(?:solely|also|primarily)\s+)?responsible\s+for\s+(?:the\s+)?(?:manufactur|supply|production|produc)",
                        after, re.IGNORECASE):
                votes[n]["supplier"] += 1
            if re.search(r"\b(?:manufactur\w*|supply|supplies|production)\s+(?:of\s+(?:[\w-]+\s+){1,4})?(?:to|for)\s+(?:the\s+)?$", before, re.IGNORECASE):
                votes[n]["customer"] += 1
            licence = kind == "license" or kind in (None, "other") and _family(text[span[0]:span[1]], None) == "license"
            if (licence or kind == "collaboration_agreement") and _RETAINS.match(after):
                # a research deal too: what a party keeps rights to outside a territory, it licensed inside it
                votes[n]["licensor"] += 1  # "A retains all rights outside Japan": A licensed the rest out
            if licence and re.match(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:drug|candidate|compound|product|technology|platform|antibody|asset"
                                              r"|programme|program|molecule|therapy|vaccine|patents?)\b", after, re.IGNORECASE):
                votes[n]["licensor"] += 1  # "BLX's house dust mite tablet": the owner licenses it out (a licence by its words
                # when the deal's type is unknown or other: "terminating its licence to develop X's drug")
            role = re.match(r"\s*\(\s*(?:the\s+|hereinafter\s+)?[\"“']?(licensor|licensee|investor|supplier|manufacturer|distributor|customer)[\"”']?\s*[),]",
                            after, re.IGNORECASE)
            if role:  # 'X (the "Licensee")': a contract's defined role
                votes[n][term_cues()["roles"]["nouns"][role.group(1).lower()]] += 3


@cache
def _foreign_rights_re(which: str) -> re.Pattern[str]:
    fr = term_cues()["roles"]["foreign_rights"]
    return re.compile(rf"\s+(?:{fr[which]})\s+(?:[\w-]+\s+){{0,3}}?(?:{fr['rights']})\b", re.IGNORECASE)


def _vote_foreign_rights(ctx: Context, parties: list[OrgEntity], votes: list[Counter[str]], rc: dict[str, Any]) -> None:
    """In a release written in another European language, which the English parse cannot read: the party named right before
    a verb of keeping rights licensed them out, the one before a verb of getting or holding them took the licence."""
    for n, p in enumerate(parties):
        ends = {m.end for m in p.mentions if not in_boilerplate(ctx, m.start)}
        first = p.name.split()[0].strip(",.")
        if len(p.name.split()) > 1 and len(first) >= 3 and first.lower() not in GENERIC_WORDS:
            # the name shortened to its first word, as stories write it ("Teva" of "Teva Pharmaceutical Industries")
            ends |= {m.end() for m in re.finditer(rf"\b{re.escape(first)}\b", ctx.masked) if not in_boilerplate(ctx, m.start())}
        for end in ends:
            for role in ("licensor", "licensee"):
                if _foreign_rights_re(role).match(ctx.masked, end):
                    votes[n][role] += 1


_RETAINS = re.compile(r"\s+(?:will\s+|shall\s+|would\s+)?(?:retain|keep)s?\s+(?:(?:all|its|the|full|worldwide|global|exclusive|commercial"
                      r"|development|and|,)\s+)*rights\b", re.IGNORECASE)
_MANUFACTURER = re.compile(r"\b(?:CDMO|CMO|contract\s+(?:development\s+and\s+)?manufactur\w*(?:\s+organi[sz]ation)?|manufacturer)\b", re.IGNORECASE)


@cache
def _maker_patterns(providers: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What a party is called just before ("CDMO Kelvaro") and just after ("Halden, a contract manufacturer") its
    name: a manufacturer, or one of the service providers ``providers`` too; compiled once per word list."""
    word = _MANUFACTURER.pattern if not providers else f"(?:{_MANUFACTURER.pattern}|\\b(?:{providers})\\b)"
    return (re.compile(word + r"\s+(?:giant\s+|firm\s+|partner\s+|company\s+)?$", re.IGNORECASE),
            re.compile(r",?\s+(?:is\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?" + word, re.IGNORECASE))


def _vote_manufacturer(ctx: Context, parties: list[OrgEntity], votes: list[Counter[str]], providers: str | None = None) -> None:
    """In a supply deal, the party the text calls a CDMO or contract manufacturer ("CDMO Kelvaro",
    "Halden, a contract manufacturer", "the CDMO's facility") supplies; in a deal of no named type, also the one called
    a service provider of ``providers`` ("contract research organisation X")."""
    before_re, after_re = _maker_patterns(providers)
    for n, p in enumerate(parties):
        for m in p.mentions:
            before = ctx.masked[max(0, m.start - 45):m.start]
            after = ctx.masked[m.end:m.end + 80]
            if before_re.search(before) or after_re.match(after):
                votes[n]["supplier"] += 2  # the text's own word for what the party is outweighs an infinitive's unclear subject
                break


def _vote_investor(ctx: Context, parties: list[OrgEntity], votes: list[Counter[str]], rc: dict[str, Any]) -> None:
    """In an investment, the party whose name or description says it invests ("X Capital", "X, Abu Dhabi's sovereign
    investment arm", "venture firm X") puts the money in."""
    word = regex(rc["investor_words"], True)
    before_re = re.compile(rf"\b(?:{word.pattern})\s+$", re.IGNORECASE)
    after_re = re.compile(rf",?\s+(?:is\s+)?(?:a|an|the|[\w-]+['’]s)\s+(?:[\w-]+\s+){{0,3}}?(?:{word.pattern})\b", re.IGNORECASE)
    for n, p in enumerate(parties):
        if word.search(p.name) or any(before_re.search(ctx.masked[max(0, m.start - 40):m.start]) or after_re.match(ctx.masked[m.end:m.end + 80])
                                      for m in p.mentions):
            votes[n]["investor"] += 1


def _short_for(a: str, b: str) -> bool:
    """Whether one name's words are all words of the other ("CRC", "Coastal Therapeutics CRC")."""
    wa, wb = ({w.lower() for w in re.findall(r"[\w-]+", n) if w.lower() not in GENERIC_WORDS} for n in (a, b))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _public_buyers(parties: list[OrgEntity]) -> set[str]:
    """The parties that are governments or public agencies, when others are not (a deal between two ministries has no
    buyer by kind)."""
    buyers = {p.name for p in parties if p.kind == "government"}
    return buyers if buyers and len(buyers) < len(parties) else set()


def _complete(roles: dict[str, str], parties: list[OrgEntity], kind: str | None, rc: dict[str, Any]) -> dict[str, str]:
    """Resolve clashes and fill the other side of a two-party deal; research deals make collaborators."""
    comp = rc["complement"]
    by_type = rc["by_type"].get(kind or "", [])
    if by_type == ["collaborator"]:
        directed = {r for r in roles.values() if r != "collaborator"}
        if not directed or kind in ("mou", "joint_venture"):
            return {p.name: "collaborator" for p in parties}
    if kind == "supply_agreement" and not any(r != "collaborator" for r in roles.values()) and (buyers := _public_buyers(parties)):
        # a supply deal whose sentences give no side ("the government signed agreements with Pfizer and Moderna for
        # vaccine candidates"): a government or public agency buys what a supply deal moves, the companies supply it
        return {p.name: "customer" if p.name in buyers else "supplier" for p in parties}
    if len(parties) == 1 and not roles and kind == "supply_agreement":
        # a supply deal announced with one named party ("X signs a CMO deal with a global pharma company"): the maker
        # announces it, its customer goes unnamed
        return {parties[0].name: "supplier"}
    directed = {r for r in roles.values() if r in comp and r != "collaborator"}
    if len(parties) > 2 and len(directed) == 1:
        # one side read of some parties, none of the other: the rest are the other side ("A and B grant C a licence",
        # "C will receive ... from A"); a party read as a mere collaborator in a directed deal is that other side too
        other = comp[next(iter(directed))]
        for p in parties:
            if roles.get(p.name) in (None, "collaborator"):
                # a name made of another read party's words ("CRC" beside "Coastal Therapeutics CRC") is that party
                same = next((r for q, r in roles.items() if r in directed and _short_for(q, p.name)), None)
                roles[p.name] = same or other
        return roles
    if len(parties) == 2:
        a, b = parties[0].name, parties[1].name
        ra, rb = roles.get(a), roles.get(b)
        if ra and rb and ra == rb and ra != "collaborator":
            roles.pop(b)
            rb = None
        if ra and rb and ra != rb and "collaborator" in (ra, rb):
            # "A will receive an upfront payment" with B only called a partner: B is the side that pays
            roles.pop(b if rb == "collaborator" else a)
            ra, rb = roles.get(a), roles.get(b)
        if ra and not rb and ra in comp:
            roles[b] = comp[ra]
        elif rb and not ra and rb in comp:
            roles[a] = comp[rb]
    for p in parties:
        # "Legend Biotech Ireland" beside "Legend Biotech USA": a sister company named by the same first word signs on the
        # same side, when one party alone shares that word
        first = p.name.split()[0].lower()
        kin = {r for q, r in roles.items() if q != p.name and q.split()[0].lower() == first and r != "collaborator"}
        if p.name not in roles and len(first) >= 3 and first not in GENERIC_WORDS and len(kin) == 1:
            roles[p.name] = next(iter(kin))
    if by_type == ["collaborator"] or not roles:
        # a deal whose text gives no party a side ("A and B signed a licensing agreement", and nothing on who grants):
        # its parties are partners in it, as in a research deal
        for p in parties:
            roles.setdefault(p.name, "collaborator")
    return roles
