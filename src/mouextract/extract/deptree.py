"""Small helpers over spaCy's dependency parse shared by the deal-term readers."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def has_parse(doc: Doc) -> bool:
    return bool(len(doc)) and doc.has_annotation("DEP")


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def head_of(tokens: list[Token]) -> Token | None:
    """The token of a span whose head lies outside it."""
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0] if tokens else None)


def tree_distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in ids_b:
            return n + ids_b[t.i]
    return 99


def in_subtree(token: Token, root: Token, blocked: set[int]) -> bool:
    """Whether ``token`` descends from ``root`` without passing another amount's root or a conjunct."""
    for anc in [token, *token.ancestors]:
        if anc.i == root.i:
            return True
        if anc.i in blocked or anc.dep_ == "conj":
            return False
    return False
