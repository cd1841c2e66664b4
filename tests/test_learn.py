"""The learned decisions: shipped weights load and decide; training is reproducible on our own fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES
from mouextract.extract.events import event_args
from mouextract.learn.decide import LINK_MODEL, PARTY_MODEL, TYPE_MODEL, Decider, LinearModel
from mouextract.learn.features import TYPES, party_features


def test_shipped_weights_load_and_cover_every_type():
    decider = Decider.load()
    assert decider.party is not None and decider.kind is not None and decider.link is not None
    assert set(decider.kind.classes) == set(TYPES)
    assert "rule_choice" in decider.link.features
    assert decider.party.classes == ("0", "1")
    assert "rule_party" in decider.party.features and "role_with" in decider.party.features
    size = sum((Path(__file__).parents[1] / "src/mouextract/data/models" / n).stat().st_size for n in (PARTY_MODEL, TYPE_MODEL, LINK_MODEL))
    assert size < 10_000_000


def test_linear_model_probabilities():
    binary = LinearModel(("a",), ("0", "1"), ((2.0,),), (-1.0,))
    assert binary.proba({"a": 0.5}) == {"0": 0.5, "1": 0.5}
    multi = LinearModel(("a",), ("x", "y"), ((1.0,), (-1.0,)), (0.0, 0.0))
    p = multi.proba({"a": 1.0})
    assert p["x"] > 0.85 and abs(sum(p.values()) - 1) < 1e-9


@pytest.mark.parametrize("sentence, expected", [
    ("Vexora Therapeutics and Brightwater Hospital signed a memorandum of understanding on Monday.",
     {("Vexora Therapeutics", "subj"), ("Brightwater Hospital", "subj")}),
    ("Corvane announced today that it has entered into a license agreement with Halvik Pharma.",
     {("Corvane", "subj"), ("Halvik Pharma", "with")}),
    ("The agreement was signed by Norrvik Health and Tessam Labs.", {("Tessam Labs", "agent")}),
    ("Oskar Bio said it will use Lindqvist Biologics' manufacturing services.", {("Lindqvist Biologics", "poss")}),
    ("Pellan grants Rovia an exclusive license to develop PL-101.", {("Pellan", "subj"), ("Rovia", "dative")}),
    # the parser hangs "with" on "understanding", not on the deal noun
    (("Kestrel Pharm said on Monday that it had signed a memorandum of understanding with Ardent University Hospital "
      "and Vorel Cell Co. to develop a cell therapy."),
     {("Ardent University Hospital", "with"), ("Vorel Cell Co.", "with")}),
])
def test_event_arguments(extractor, sentence, expected):
    doc = extractor.nlp(sentence)
    found = {(sentence[a.start:a.end], a.role) for a in event_args(doc)}
    assert expected <= found


def test_pronoun_subject_resolves_to_the_reporter(extractor):
    sentence = "Qurelis announced today that it has signed a supply agreement with Corvane Biologics."
    args = event_args(extractor.nlp(sentence))
    assert any(sentence[a.start:a.end] == "Qurelis" and a.resolved for a in args)


@pytest.mark.parametrize("text", [
    ("Vexora Therapeutics and Brightwater Hospital signed a memorandum of understanding on Monday.\n\n"
     "The agreement was signed by Norrvik Health and Tessam Labs in Oslo."),
    "Corvane announced a collaboration with Halvik Pharma and entered into a license agreement with Ostra Bio.",
    "Pellan licenses PL-101 to Rovia and in-licenses a second compound from Tarmo AB, while Rovia taps Kelda.",
    "Oskar Bio will use Lindqvist Biologics' services under the Pellan-Rovia partnership and Tarmo's alliance.",
    "The companies announced a deal worth $6 billion with Ostra, and Kelda grants Tarmo an exclusive license.",
    "",
])
def test_event_patterns_match_as_spacys_dependency_matcher(extractor, text):
    from mouextract.extract.events import _find, _matcher

    doc = extractor.nlp(text)
    assert _find(doc) == sorted((key, list(ids)) for key, ids in _matcher(doc.vocab)(doc))


def _fixture_corpus(folder: Path) -> int:
    """Gold files for our own fixture articles, from their asserted expected outputs (type and parties)."""
    count = 0
    for expected in sorted(FIXTURES.glob("*.expected.json")):
        stem = expected.name.replace(".expected.json", "")
        text = next((FIXTURES / f"{stem}{s}" for s in (".txt",) if (FIXTURES / f"{stem}{s}").exists()), None)
        if text is None:
            continue
        out = json.loads(expected.read_text(encoding="utf-8"))
        gold = {"agreement": {"type": out["agreement"]["type"]},
                "parties": [{"name": p["name"], "aliases": p["aliases"]} for p in out["parties"]]}
        (folder / f"{stem}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
        (folder / f"{stem}.txt").write_text(text.read_text(encoding="utf-8"), encoding="utf-8")
        count += 1
    return count


def test_retraining_on_our_fixtures_is_deterministic(tmp_path):
    pytest.importorskip("sklearn")
    from mouextract.learn.train import train

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    assert _fixture_corpus(corpus) >= 10
    first, second = tmp_path / "a", tmp_path / "b"
    figures = train([corpus], first, card=None)
    train([corpus], second, card=None)
    for name in (PARTY_MODEL, TYPE_MODEL):
        assert (first / name).read_bytes() == (second / name).read_bytes()
    assert figures["train_docs"] >= 10 and figures["dev_docs"] == 0
    # fitted on these articles, the decisions reproduce their parties and types
    assert figures["train_learned"]["party_f1"] >= 0.8
    assert figures["train_learned"]["type_accuracy"] >= 0.8
    decider = Decider.load(first)
    assert decider.party is not None and decider.kind is not None


def test_cross_validation_measures_each_fold_on_articles_it_did_not_fit(tmp_path):
    pytest.importorskip("sklearn")
    from mouextract.learn.train import cross_validate, fold_of

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    count = _fixture_corpus(corpus)
    for gold in corpus.glob("*.gold.json"):  # our fixtures as a split real-article corpus
        data = json.loads(gold.read_text(encoding="utf-8"))
        gold.write_text(json.dumps({**data, "split": "train"}), encoding="utf-8")
    figures = cross_validate([corpus], folds=2)
    assert figures["articles"] == count and figures["always_fitted"] == 0
    # every article is measured once, in the fold its name hashes to
    sizes = [sum(fold_of(f"corpus/{p.name}", 2) == k for p in corpus.glob("*.gold.json")) for k in (0, 1)]
    assert [f["docs"] for f in figures["per_fold"]] == sizes
    assert 0.0 < figures["mean"]["party_f1"] <= 1.0
    with pytest.raises(SystemExit):
        cross_validate([corpus], folds=count + 1)


def test_an_office_holder_without_an_organisation_is_linked_to_a_government_or_none():
    from mouextract.extract.orgs import OrgEntity
    from mouextract.models import Person

    company = OrgEntity("Harrowgate Therapeutics", kind="company")
    ministry = OrgEntity("Ministry of Health of Norvania", kind="government")
    options = [company, ministry, None]
    minister = Person(name="Dara Voss", title="Minister of Health")
    assert Decider.office_options(minister, options) == [ministry, None]
    ambassador = Person(name="Ilse Marr", title="Ambassador to Norvania")
    assert Decider.office_options(ambassador, [company, None]) == [None]
    # the rules' own choice, and a company officer, keep every option
    chosen = Person(name="Dara Voss", title="Minister of Health", organization="Harrowgate Therapeutics")
    officer = Person(name="Tom Reyes", title="Chief Executive Officer")
    assert Decider.office_options(chosen, options) == options
    assert Decider.office_options(officer, options) == options


def test_a_co_party_of_a_filled_in_party_is_a_party_too(extractor):
    from mouextract.learn.decide import choose_parties

    c = extractor.candidates("Kestrel Pharm said on Monday that it had signed a memorandum of understanding with Ardent "
                             "University Hospital and Vorel Cell Co. to develop a cell therapy.")
    by_name = {e.name: e for e in c.entities}
    kestrel, ardent, vorel = by_name["Kestrel Pharm"], by_name["Ardent University Hospital"], by_name["Vorel Cell"]
    # one above the threshold, the two "with" conjuncts below it: the better fills in, its conjunct joins it
    scored = [(0.9, kestrel), (0.35, ardent), (0.3, vorel)]
    assert choose_parties(c, scored, 0.6, 0.15, 0.25) == [kestrel, ardent, vorel]
    # a conjunct below the co-argument threshold stays out
    assert choose_parties(c, [(0.9, kestrel), (0.35, ardent), (0.2, vorel)], 0.6, 0.15, 0.25) == [kestrel, ardent]


def test_party_features_rank_a_candidate_among_the_articles_organisations(extractor):
    c = extractor.candidates("Kestrel Pharm signed a licence with Vorel Cell. Kestrel Pharm will pay Vorel Cell. "
                             "Kestrel Pharm is listed in Oslo. The deal follows a study at Ardent University Hospital.")
    features = {e.name: party_features(c, e) for e in c.entities}
    assert features["Kestrel Pharm"]["mention_rank_1"] == 1.0
    assert features["Vorel Cell"]["mention_rank_2"] == 1.0
    hospital = features["Ardent University Hospital"]
    assert hospital["mention_rank_1"] == hospital["mention_rank_2"] == 0.0
    assert features["Kestrel Pharm"]["mention_share"] == pytest.approx(3 / 6)


def test_two_chosen_candidates_naming_one_organisation_count_once(extractor):
    from mouextract.extract.orgs import OrgEntity
    from mouextract.learn.decide import distinct_parties, same_organisation

    ctx = extractor.candidates("Brenholt Labs signed an agreement with Quarry Bio.").ctx
    board = OrgEntity("QB Board", forms={"QB Board", "QB"})
    full = OrgEntity("Quarry Bio Ltd.", forms={"Quarry Bio Ltd.", "QB"})
    short = OrgEntity("Institute of Marine Genomics")
    long = OrgEntity("Halvard Institute of Marine Genomics")
    swapped, plain = OrgEntity("Tarnow University"), OrgEntity("the University of Tarnow")
    other = OrgEntity("Brenholt Labs")
    assert same_organisation(ctx, board, full)  # a shared form ("QB")
    assert same_organisation(ctx, short, long)  # a name of two words or more ending the other's
    assert same_organisation(ctx, swapped, plain)  # "X University" / "University of X"
    assert not same_organisation(ctx, full, other)
    assert not same_organisation(ctx, OrgEntity("Brenholt"), OrgEntity("Brenholt Labs Norway"))  # one word: a parent
    # the name with the country it is of
    assert same_organisation(ctx, OrgEntity("Tessvik Institute"), OrgEntity("Tessvik Institute of South Africa"))
    assert not same_organisation(ctx, OrgEntity("Tessvik Institute"), OrgEntity("Tessvik Institute of Marine Genomics"))
    # the better-scored of the two stays, in the order of the scores
    assert distinct_parties(ctx, [(0.6, board), (0.9, full), (0.8, other)]) == [full, other]


def test_a_shortening_coined_for_a_chosen_party_counts_once(extractor):
    from mouextract.extract.orgs import OrgEntity
    from mouextract.learn.decide import _shortens, same_organisation

    ctx = extractor.candidates("Torvane Biosciences signed a licence agreement with Quillon Pharma.").ctx
    assert same_organisation(ctx, OrgEntity("Torvane Bio"), OrgEntity("Kestborg Torvane Biosciences"))  # a place first
    assert same_organisation(ctx, OrgEntity("TRVN"), OrgEntity("Torvane"))  # a ticker of the company's name
    assert _shortens("ksu", "kestborgstad university")  # initials read off the words, one drawing two letters
    assert _shortens("qui med", "harlow quillon medisystems")
    assert not _shortens("ntu", "norvik technical and clinical university")  # "and clinical" passed over: another name
    assert not _shortens("torvane", "torvane vaccines")  # the long name's first word: a parent, which may sign too
    assert not _shortens("tvi", "torvane vaccines institute of research")  # a word left unread


def test_a_name_in_the_same_argument_as_a_chosen_party_is_its_co_party(extractor):
    from mouextract.learn.decide import _co_argument

    c = extractor.candidates("Halden Procurement Company has signed a supply agreement with Kelvaro and Ostvik Pharma "
                             "to start local production of insulin.\n")
    by_name = {e.name: e for e in c.entities}
    kelvaro = next(e for name, e in by_name.items() if name.startswith("Kelvaro"))
    ostvik = next(e for name, e in by_name.items() if name.startswith("Ostvik"))
    assert _co_argument(c, kelvaro, [ostvik])
    halden = next(e for name, e in by_name.items() if name.startswith("Halden"))
    assert not _co_argument(c, halden, [ostvik])  # the subject fills another role than the "with" partners


def test_thresholds_stored_with_the_weights_are_read():
    from mouextract.extract.orgs import OrgEntity
    from mouextract.learn.decide import PARTY_THRESHOLD, linked

    data = {"features": ["a"], "classes": ["0", "1"], "coef": [[1.0]], "intercept": [0.0], "decision": {"threshold": 0.35}}
    model = LinearModel.from_json(data)
    assert model.param("threshold", PARTY_THRESHOLD) == 0.35
    assert model.param("fill_threshold", 0.1) == 0.1  # not stored: the default
    assert LinearModel.from_json({k: v for k, v in data.items() if k != "decision"}).param("threshold", 0.5) == 0.5
    # the linker's choice: another option only when sure of it and clearly surer than of the rules' one
    scored = [(0.9, OrgEntity("Ostvik Pharma")), (0.6, OrgEntity("Halden Labs")), (0.2, None)]
    assert linked("Halden Labs", scored, 0.7, 0.1) == "Ostvik Pharma"
    assert linked("Halden Labs", scored, 0.7, 0.4) == "Halden Labs"  # not clearly surer
    assert linked("Halden Labs", scored, 0.95, 0.1) == "Halden Labs"  # not sure enough


def test_a_funding_round_that_comes_with_a_collaboration_announces_the_deal(extractor):
    from mouextract.learn.decide import non_deal_news

    head = "Halden Pharma leads Kelvaro $45m Series A round\n"
    with_deal = extractor.candidates(head + "Halden Pharma has led a $45 million Series A round in Kelvaro. The investment "
                                            "coincides with an exclusive R&D collaboration between Halden and Kelvaro.\n")
    round_only = extractor.candidates(head + "Halden Pharma has led a $45 million Series A round in Kelvaro, alongside "
                                             "Ostvik Capital. Kelvaro will use the money for trials.\n")
    assert not non_deal_news(with_deal.ctx)
    assert non_deal_news(round_only.ctx)


def test_the_verdicts_are_type_features_too(extractor):
    from mouextract.learn.features import type_features

    head = "Halden Pharma leads Kelvaro $45m Series A round\n"
    round_only = type_features(extractor.candidates(head + "Halden Pharma has led a $45 million Series A round in Kelvaro, "
                                                           "alongside Ostvik Capital. Kelvaro will use the money for trials.\n"))
    mou = type_features(extractor.candidates("Halden University signs MOU with Ostvik Pharma\n\nHalden University and Ostvik "
                                             "Pharma signed a memorandum of understanding on Monday.\n"))
    assert round_only["v_non_deal"] == 1.0 and mou["v_non_deal"] == 0.0
    assert mou["v_head_mou"] == 1.0 and mou["v_names_mou"] == 1.0 and round_only["v_head_mou"] == 0.0


def test_the_deals_word_classes_are_counted_where_they_stand():
    from mouextract.learn.features import word_class_features

    head = "Halden Bio licenses its antibody to Ostvik for $40 million upfront"
    deal = ["Halden Bio grants Ostvik Pharma exclusive worldwide rights to commercialise the antibody in Europe.",
            "Ostvik Pharma will also take a 5% stake in Halden Bio and manufacture the antibody at its plant."]
    f = word_class_features(head, deal)
    assert f["w_head_licence_money"] == 1.0 and f["w_head_money"] == 1.0 and f["w_first_licence_money"] == 0.0
    assert f["w_first_exclusive_rights"] == 1.0 and f["w_first_commercialize"] == 1.0
    # the stake and the plant of the second sentence are no word of the headline or of the first sentence
    assert f["w_first_equity"] == 0.0 and f["w_head_manufacture"] == 0.0 and f["w_first_manufacture"] == 0.0
    assert set(word_class_features("", []).values()) == {0.0}


def test_a_lettered_round_headline_announces_no_agreement(extractor):
    from mouextract.learn.decide import non_deal_news

    # "B-round" for "Series B round": a funding round, whose investors sign no deal the gold counts
    text = ("Ostvik Capital joins Halden Bio's $30M B-round extension\n\nHalden Bio has added $30 million to its "
            "venture round, with Ostvik Capital joining its earlier backers. Halden will fund two trials.\n")
    assert non_deal_news(extractor.candidates(text).ctx)


@pytest.mark.parametrize("text", [
    ("Halden Pharma heart drug fails at trial\n\nHalden Pharma said a trial of OTX-101 failed. It would work with its "
    "collaboration partner Ostvik Therapeutics on next steps.\n"),
    ("Halden Pharma slashes staff after back-to-back R&D setbacks\n\nThree years after Ostvik Therapeutics exited "
    "their partnership, Halden Pharma will cut 40% of its staff.\n"),
])
def test_a_setback_headline_announces_no_agreement(extractor, text):
    from mouextract.learn.decide import non_deal_news

    assert non_deal_news(extractor.candidates(text).ctx)
    assert extractor.extract(text).agreement.type is None


@pytest.mark.parametrize(("text", "talks"), [
    (("The Ministry of Health is advancing discussions with Halden University Hospital on potential collaboration "
     "in medical education. This was the focus of a meeting held today in Corvane.\n"), True),
    (("Ostvik Pharma is in negotiations with two biotech companies for partnerships, a newspaper reported. Ostvik "
     "declined to name them.\n"), True),
    (("Halden Pharma and Ostvik Therapeutics signed a licence agreement after months of talks. Halden Pharma "
     "had been in talks with Ostvik since 2022.\n"), False),
])
def test_a_lead_reporting_talks_announces_no_agreement(extractor, text, talks):
    from mouextract.learn.decide import talks_news

    assert talks_news(extractor.candidates(text).ctx) is talks


@pytest.mark.parametrize(("text", "consortium"), [
    (("Academic consortium wins EUR 23M to take HIV vaccine into clinic\n\nA consortium of Halden University and the "
     "Ostvik Institute has won EUR 23 million to take a vaccine into the clinic.\n"), True),
    (("Halden Pharma wins EUR 23M to take HIV vaccine into clinic\n\nHalden Pharma has won EUR 23 million from the "
     "Ostvik Foundation to take a vaccine into the clinic.\n"), False),
])
def test_a_consortium_in_the_lead_is_a_collaboration(extractor, text, consortium):
    from mouextract.learn.decide import consortium_news

    assert consortium_news(extractor.candidates(text).ctx) is consortium
    if consortium:
        assert extractor.extract(text).agreement.type == "collaboration_agreement"


def test_an_agreement_formalised_in_an_mou_further_down_is_an_mou(extractor):
    text = ("New partnership to power better health research\n\nA new agreement between Halden University and the "
            "Ostvik Department of Health will connect policymakers with research.\n\nUnder the agreement, Halden "
            "University and the Department will undertake joint projects.\n\nThe partners will share knowledge under the "
            "agreement.\n\nThe agreement has been formalised in a Memorandum of Understanding signed today by the "
            "Provost of Halden University and the Secretary of the Department.\n")
    assert extractor.extract(text).agreement.type == "mou"


def test_a_technology_transfer_to_manufacture_stays_a_licence(extractor):
    from mouextract.learn.decide import supply_purpose, technology_transfer

    c = extractor.candidates("Halden Pharma and Ostvik Farma sign a framework agreement for a technology transfer partnership "
                             "to locally manufacture a vaccine in Norland.\n")
    assert technology_transfer(c) and supply_purpose(c)
    assert extractor.decider.agreement_type(c) != "supply_agreement"


@pytest.mark.parametrize(("text", "purpose"), [
    # a company's "Ltd." between the deal word and its purpose does not end the phrase
    (("Halden Pharma inks a ten-year collaboration agreement with Norland-based Ostvik Biologics Ltd. aimed at enabling "
      "larger scale manufacturing of its vaccine.\n"), True),
    ("Halden Pharma signed a collaboration agreement with Ostvik Biologics. The firm also makes vaccines.\n", False),
])
def test_a_deal_for_manufacturing_has_a_supply_purpose(extractor, text, purpose):
    from mouextract.learn.decide import supply_purpose

    assert supply_purpose(extractor.candidates(text)) == purpose


def test_a_party_named_by_its_unit_and_in_short_is_one_party(extractor):
    from mouextract.extract.orgs import OrgEntity
    from mouextract.learn.decide import same_organisation

    c = extractor.candidates("Ostvik University signed a collaboration agreement with Kelvaro Pharma.\n")

    def org(name: str) -> OrgEntity:
        return OrgEntity(name=name, forms={name})

    assert same_organisation(c.ctx, org("Ostvik University"), org("Ostvik University Immunology Research Center"))
    assert same_organisation(c.ctx, org("Halden Eye Hospital"), org("Halden Eye Hospital NHS Foundation Trust"))
    assert not same_organisation(c.ctx, org("Ostvik University"), org("Ostvik University Hospitals NHS Foundation Trust"))


@pytest.mark.parametrize(("text", "named"), [
    ("Halden Pharma and the Ostvik city government signed a cooperation framework agreement on hospitals.\n", False),
    ("Halden Pharma and Ostvik University signed a memorandum of understanding on hospitals.\n", True),
    ("Halden Pharma and Ostvik University signed an MoU on hospitals.\n", True),
    # the contract signed now follows an MOU: no MOU is announced
    (("Halden Pharma signed a supply contract with Ostvik Biologics, the final contract for a letter of intent signed "
      "last year.\n"), False),
])
def test_an_mou_is_what_the_text_calls_one(extractor, text, named):
    from conftest import ctx_of
    from mouextract.learn.decide import names_an_mou

    assert names_an_mou(ctx_of(extractor, text)) is named


def test_a_drugs_nonproprietary_name_is_no_signatory(extractor):
    from conftest import ctx_of, party
    from mouextract.learn.decide import product_name

    text = "Halden Pharma licensed Velotinib to Ostmab. Ostmab A/S will sell Halvozumab.\n"
    ctx = ctx_of(extractor, text)
    assert product_name(ctx, party(text, "Velotinib")) and product_name(ctx, party(text, "Halvozumab"))
    assert not product_name(ctx, party(text, "Ostmab", "Ostmab A/S"))


def test_the_type_models_best_class_decides(extractor):
    from mouextract.learn.decide import Decider

    # a type word in a story that announces no deal: the model's "none" stands, its second class does not win
    c = extractor.candidates("Halden Hospital opened an AI centre.\n\nThe centre will foster collaboration among "
                             "start-ups and Ostvik University in Lyon.\n")
    proba = {t: 0.02 for t in ("mou", "license", "joint_venture", "investment", "supply_agreement", "other")}
    assert Decider.model_type(c, {**proba, "none": 0.5, "collaboration_agreement": 0.26}) is None
    assert Decider.model_type(c, {**proba, "none": 0.26, "collaboration_agreement": 0.5}) == "collaboration_agreement"
    # the type the deal sentence names is the model's evidence, not an override of its best class
    named = extractor.candidates("Halden Pharma and Ostvik Bio signed a collaboration agreement on Monday.\n")
    assert Decider.model_type(named, {**proba, "none": 0.0, "license": 0.5, "collaboration_agreement": 0.4}) == "license"
