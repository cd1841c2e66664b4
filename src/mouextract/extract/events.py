"""Agreement events from the dependency parse: who signs, partners, licenses or invests, and in what role.

Candidates favour recall: every argument of a deal verb or deal noun is returned with its syntactic role
("subj" of "signed", "with" of "agreement with", "agent" of "was signed by", ...). Whether an argument is a
party is decided later, from these roles and other evidence (see ``mouextract.learn``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ..resources import load_json

if TYPE_CHECKING:
    from spacy.matcher import DependencyMatcher
    from spacy.tokens import Doc, Token
    from spacy.vocab import Vocab

# Name-internal dependents: "Seoyeon National University Hospital", "Seokjin Biologics'", "Halden-Corvane".
_NAME_DEPS = frozenset({"compound", "nmod", "amod", "flat", "punct", "npadvmod", "poss", "case", "cc", "prep", "pobj"})
_JOINERS = frozenset({"-", "&", "of", "and", "for", "de", "'s", "’s"})
_PROPER_TAGS = frozenset({"NNP", "NNPS"})
_LEGAL_SUFFIXES = frozenset({"inc", "ltd", "llc", "co", "corp", "corporation", "gmbh", "ag", "sa", "plc", "limited", "bv", "nv",
                             "ab", "as", "asa", "kk", "pte", "pvt", "sas", "spa", "srl"})


@dataclass(frozen=True)
class EventArg:
    """One argument of an agreement event: a name span with its syntactic role."""

    start: int
    end: int
    role: str            # subj, with, agent, object, dative, poss, compound, to, from, noun_subj, noun_with
    anchor: str          # the deal word, lower-cased
    anchor_start: int
    sentence_start: int  # character offset of the parse sentence holding the event
    resolved: bool = False  # a pronoun ("it", "the company") resolved to the reporting verb's subject
    proper: bool = True     # the argument's head is a proper noun (or an unknown capitalised word)


@cache
def _words() -> dict[str, Any]:
    data = load_json("events.json")
    return {key: frozenset(v) for key, v in data.items() if isinstance(v, list)}


# Penn tags as sets, not regexes: set look-ups keep the matcher about a third faster
_VERB_TAGS = {"IN": ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"]}
_NOUN_TAGS = {"IN": ["NN", "NNS", "NNP", "NNPS"]}


@cache
def _patterns() -> dict[str, list[list[dict[str, Any]]]]:
    w = _words()
    verb = {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"LOWER": {"IN": sorted(w["verbs"])}, "TAG": _VERB_TAGS}}
    obj_verb = {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"LOWER": {"IN": sorted(w["object_verbs"])}, "TAG": _VERB_TAGS}}
    noun = {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"LOWER": {"IN": sorted(w["nouns"])}, "TAG": _NOUN_TAGS}}
    with_ = {"LOWER": {"IN": ["with", "between", "among", "amongst"]}}

    def child(left: str, right: str, dep: Any, attrs: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"LEFT_ID": left, "REL_OP": ">", "RIGHT_ID": right, "RIGHT_ATTRS": {"DEP": dep, **(attrs or {})}}

    return {
        # "A and B signed an MOU", "A partners with B", "the agreement was signed"
        "subj": [[verb, child("anchor", "arg", {"IN": ["nsubj", "nsubjpass"]})]],
        # "signed an MOU with B", "an agreement between A and B", "partnership with B"
        "with": [[verb, child("anchor", "prep", "prep", with_), child("prep", "arg", "pobj")],
                 [noun, child("anchor", "prep", "prep", with_), child("prep", "arg", "pobj")],
                 # "a memorandum of understanding with B", "an agreement of cooperation with B": the parser hangs the "with" on
                 # the noun after "of"
                 [noun, child("anchor", "of", "prep", {"LOWER": "of"}),
                  child("of", "inner", "pobj", {"LOWER": {"IN": sorted(w["of_nouns"])}}),
                  child("inner", "prep", "prep", with_), child("prep", "arg", "pobj")]],
        # "was signed by A and B"
        "agent": [[verb, child("anchor", "prep", "agent"), child("prep", "arg", "pobj")]],
        # "X taps Y", "X selects Y to manufacture ...", "X acquires Y"
        "object": [[obj_verb, child("anchor", "arg", "dobj")]],
        # "grants B an exclusive license", "will pay B $20 million"
        "dative": [[verb, child("anchor", "arg", "dative")]],
        # "to use Y's foundry services", "Velmar's collaboration with ..."
        "poss": [[obj_verb, child("anchor", "obj", "dobj"), child("obj", "arg", "poss")],
                 [noun, child("anchor", "arg", "poss", {"TAG": {"IN": ["NNP", "NNPS"]}})]],
        # "the Halden-Corvane partnership", "Acme-Beta license agreement"
        "compound": [[noun, child("anchor", "arg", {"IN": ["compound", "nmod"]}, {"TAG": {"IN": ["NNP", "NNPS"]}})]],
        # "licenses CRV-210 to B", "in-licenses X from A"
        "to": [[verb, child("anchor", "prep", "prep", {"LOWER": "to"}), child("prep", "arg", "pobj", {"TAG": {"IN": ["NNP", "NNPS"]}})]],
        "from": [[verb, child("anchor", "prep", "prep", {"LOWER": "from"}),
                  child("prep", "arg", "pobj", {"TAG": {"IN": ["NNP", "NNPS"]}})]],
        # "announced a deal worth $6 billion with B": the "with" of the verb that governs a deal noun
        "noun_with": [[{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"TAG": _VERB_TAGS}},
                       {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "anchor",
                        "RIGHT_ATTRS": {"DEP": {"IN": ["dobj", "attr", "nsubjpass"]}, "LOWER": {"IN": sorted(w["nouns"])}}},
                       child("verb", "prep", "prep", with_), child("prep", "arg", "pobj")]],
        # "A announced a collaboration with B": the subject of the verb that governs a deal noun
        "noun_subj": [[{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"TAG": _VERB_TAGS}},
                       {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "anchor",
                        "RIGHT_ATTRS": {"DEP": {"IN": ["dobj", "attr"]}, "LOWER": {"IN": sorted(w["nouns"])}}},
                       child("verb", "arg", {"IN": ["nsubj", "nsubjpass"]})],
                      [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"TAG": _VERB_TAGS}},
                       child("verb", "prep", "prep"),
                       {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "anchor",
                        "RIGHT_ATTRS": {"DEP": "pobj", "LOWER": {"IN": sorted(w["nouns"])}}},
                       child("verb", "arg", {"IN": ["nsubj", "nsubjpass"]})]],
    }


@cache
def _matcher(vocab: Vocab) -> DependencyMatcher:
    """spaCy's DependencyMatcher of ``_patterns`` (the reference ``_find`` is tested against)."""
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(vocab)
    for role, patterns in _patterns().items():
        matcher.add(role, patterns)
    return matcher


# One compiled pattern node: the index of its parent node (-1 for the root) and its constraints, as
# (column of _COLUMNS, accepted hashes) pairs.
_Node = tuple[int, tuple[tuple[int, frozenset[int]], ...]]
_COLUMNS = ("LOWER", "TAG", "DEP")


@dataclass(frozen=True)
class _Compiled:
    match_id: int       # the DependencyMatcher's: the role's hash
    nodes: list[_Node]
    seed: int           # the node matched first: one with a LOWER constraint (few tokens pass it)
    # the other nodes, each with its child already matched when it is one of the seed's ancestors (reached as that
    # child's head), else -1 (reached among its matched parent's children): the ancestors up to the root first,
    # then the rest in pattern order
    steps: list[tuple[int, int]]


@cache
def _compiled(vocab: Vocab) -> list[_Compiled]:
    """``_patterns`` in the DependencyMatcher's terms; they only use ">" (immediate child) and LOWER/TAG/DEP."""
    strings = vocab.strings
    out = []
    for role, patterns in _patterns().items():
        for pattern in patterns:
            names = [node["RIGHT_ID"] for node in pattern]
            nodes: list[_Node] = []
            for node in pattern:
                attrs = node["RIGHT_ATTRS"]
                assert set(attrs) <= set(_COLUMNS) and node.get("REL_OP", ">") == ">", node
                constraints = tuple((col, frozenset(strings.add(v) for v in (value["IN"] if isinstance(value, dict) else [value])))
                                    for col, value in ((_COLUMNS.index(k), v) for k, v in attrs.items()))
                nodes.append((names.index(node["LEFT_ID"]) if "LEFT_ID" in node else -1, constraints))
            seed = next(i for i, node in enumerate(pattern) if "LOWER" in node["RIGHT_ATTRS"])
            path = [seed]
            while nodes[path[-1]][0] >= 0:
                path.append(nodes[path[-1]][0])
            steps = [(node, child) for child, node in pairwise(path)] + [(i, -1) for i in range(len(nodes)) if i not in path]
            out.append(_Compiled(strings.add(role), nodes, seed, steps))
    return out


def _find(doc: Doc) -> list[tuple[int, list[int]]]:
    """``sorted(_matcher(doc.vocab)(doc))``, computed from the Doc's arrays.

    Speed only: spaCy's DependencyMatcher runs a token Matcher over the whole Doc and walks every matched token's
    ancestors (about 3.5 ms per article). The patterns here are small trees of immediate children, each with a
    node of few candidates (a deal word): every match grows from that node's candidates along heads and
    children. tests/test_learn.py compares both."""
    from spacy.attrs import DEP, HEAD, LOWER, TAG

    n = len(doc)
    if not n:
        return []
    arr = doc.to_array([LOWER, TAG, DEP, HEAD])
    columns = (arr[:, 0].tolist(), arr[:, 1].tolist(), arr[:, 2].tolist())
    heads = [i + offset for i, offset in enumerate(arr[:, 3].astype("int64").tolist())]  # offsets stored wrapped in uint64
    kids: list[list[int]] = [[] for _ in range(n)]
    at: dict[int, list[int]] = {}  # lower-case word -> its positions
    for i, (h, word) in enumerate(zip(heads, columns[0], strict=True)):
        if h != i:
            kids[h].append(i)
        at.setdefault(word, []).append(i)

    def ok(i: int, constraints: tuple[tuple[int, frozenset[int]], ...]) -> bool:
        return all(columns[col][i] in accepted for col, accepted in constraints)

    seeds: dict[tuple[tuple[int, frozenset[int]], ...], list[int]] = {}
    out: list[tuple[int, list[int]]] = []
    for pattern in _compiled(doc.vocab):
        constraints = pattern.nodes[pattern.seed][1]
        if constraints not in seeds:
            lower = next(accepted for col, accepted in constraints if col == 0)
            seeds[constraints] = sorted(i for word in at.keys() & lower for i in at[word] if ok(i, constraints))
        partial: list[dict[int, int]] = [{pattern.seed: i} for i in seeds[constraints]]
        for node, child in pattern.steps:
            parent, constraints = pattern.nodes[node]
            grown = []
            for ids in partial:
                if child >= 0:  # an ancestor of the seed: the head of its matched child
                    h = heads[ids[child]]
                    if h != ids[child] and ok(h, constraints):
                        grown.append({**ids, node: h})
                else:
                    grown.extend({**ids, node: c} for c in kids[ids[parent]] if ok(c, constraints))
            partial = grown
        out.extend((pattern.match_id, [ids[i] for i in range(len(pattern.nodes))]) for ids in partial)
    return sorted(out)


def event_args(doc: Doc) -> list[EventArg]:
    """Every argument of an agreement event in ``doc`` (empty when the pipeline has no parser)."""
    if not doc.has_annotation("DEP"):
        return []
    pronouns = _words()["pronouns"]
    out: dict[tuple[int, int, str, int], EventArg] = {}
    for match_id, token_ids in _find(doc):
        role = doc.vocab.strings[match_id]
        names = [p["RIGHT_ID"] for p in _patterns()[role][0]]
        if len(token_ids) != len(names):  # the alternative pattern of a role has other node names
            names = [p["RIGHT_ID"] for p in next(p for p in _patterns()[role] if len(p) == len(token_ids))]
        nodes = dict(zip(names, token_ids, strict=True))
        anchor, arg = doc[nodes["anchor"]], doc[nodes["arg"]]
        resolved = False
        if role == "noun_subj" and doc[nodes["verb"]].lower_ in _words()["approval_verbs"]:
            continue  # "the Council approved the agreement between A and B": an approver, not a signer
        if arg.lower_ in _words()["nouns"]:
            continue  # "the agreement was signed": the deal itself, not a signer
        # "with leading pharmaceutical groups Halden and Ostvik", "with the drugmakers Kelvaro and Corvane": a common
        # noun describing the partners heads the argument; the names are its appositive and that one's conjuncts
        named = next((c for c in arg.children if c.dep_ == "appos" and c.tag_ in _PROPER_TAGS), None) \
            if arg.tag_ in ("NN", "NNS") and arg.text.islower() else None
        if named is not None and named.i == arg.i + 1:
            arg = named
        if arg.lower_ in pronouns:
            subject = _reporter(anchor, pronouns)
            if subject is None:
                continue
            arg, resolved = subject, True
        for token in (arg, *arg.conjuncts):
            if token.is_punct or token.like_num or token.lower_ in pronouns or token.tag_ in ("DT", "WDT"):
                continue
            start, end = _name_span(token)
            key = (start, end, role, anchor.idx)
            out.setdefault(key, EventArg(start, end, role, anchor.lower_, anchor.idx, anchor.sent.start_char, resolved,
                                         token.tag_ in _PROPER_TAGS or not token.text.islower()))
    return sorted(out.values(), key=lambda a: (a.start, a.role, a.anchor_start))


def _reporter(anchor: Token, pronouns: frozenset[str]) -> Token | None:
    """'oriQen announced today that it has signed ...': the subject of the reporting verb above the event."""
    reports = _words()["report_verbs"]
    for head in anchor.ancestors:
        if head.lower_ in reports:
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            # a lower-case name ("oriQen") is tagged PRP too: only the pronoun words themselves are pronouns
            if subject is not None and subject.lower_ not in pronouns:
                return subject
    return None


def _name_span(token: Token) -> tuple[int, int]:
    """Character span of the name headed by ``token``: its contiguous capitalised left dependents."""
    doc = token.doc
    left = token.i
    subtree = {t.i for t in token.subtree}
    while left - 1 >= 0 and left - 1 in subtree:
        prev = doc[left - 1]
        # "Quillon AI, Inc." is headed by its legal suffix: the comma before the suffix is inside the name
        suffix_comma = prev.text == "," and doc[left].lower_.rstrip(".") in _LEGAL_SUFFIXES
        if not suffix_comma and (prev.dep_ not in _NAME_DEPS
                                 or not (prev.text[:1].isupper() or prev.lower_ in _JOINERS or prev.like_num)):
            break
        left -= 1
    while left < token.i and doc[left].lower_ in _JOINERS:
        left += 1
    if left == token.i and token.lower_.rstrip(".") in _LEGAL_SUFFIXES and token.i >= 2 and doc[token.i - 1].text == ",":
        left = doc[token.i - 2].left_edge.i  # a suffix parsed apart from its name
    return doc[left].idx, token.idx + len(token.text)


def signing_states(text: str, args: list[EventArg], deal_sentences: list[tuple[int, int]],
                   is_place: Callable[[str], bool]) -> set[tuple[int, int]]:
    """The spans of places that are the subject of a deal verb in the first deal sentences: "Ghana, Rwanda and
    Senegal entered into a partnership", "Norland signs contract for vaccine doses" (a state signing by its short
    name); a place named anywhere else ("rights in Norland", "a plant in Norland") signs nothing."""
    top = deal_sentences[:3]
    # a signing verb only: "Korea, US agree to bolster ties" and "Norland will manufacture" name no signatory state
    verbs = _words()["state_signing_verbs"]
    return {(a.start, a.end) for a in args if a.role == "subj" and a.anchor in verbs and is_place(text[a.start:a.end])
            and any(s <= a.anchor_start < e for s, e in top)}
