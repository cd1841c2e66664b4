"""Party roles read from the syntax of deal sentences, on sentences of our own writing."""

from __future__ import annotations

import pytest

from mouextract.extract.context import Context
from mouextract.extract.orgs import OrgEntity
from mouextract.extract.roles import party_roles
from mouextract.models import Mention


def party(text: str, form: str) -> OrgEntity:
    """A party mentioned at every occurrence of ``form``."""
    entity = OrgEntity(name=form, forms={form})
    start = text.find(form)
    while start >= 0:
        entity.mentions.append(Mention(text=form, start=start, end=start + len(form)))
        start = text.find(form, start + 1)
    return entity


def roles_of(extractor, text: str, kind: str | None, *names: str) -> dict[str, str]:
    ctx = Context(text=text, masked=text, doc=extractor.nlp(text), rules=extractor.rules)
    return party_roles(ctx, [party(text, n) for n in names], kind)


@pytest.mark.parametrize(("text", "kind", "roles"), [
    # a phrasal verb means its particle: handing rights back returns them
    ("Brontide Pharma said it will hand back the rights to the antibody to Quillon Bio after a portfolio review.",
     "other", {"Brontide Pharma": "licensee", "Quillon Bio": "licensor"}),
    # press verbs of taking rights
    ("Marlow Therapeutics bagged exclusive rights to the lead compound from Ostrava Labs last year.",
     "license", {"Marlow Therapeutics": "licensee", "Ostrava Labs": "licensor"}),
    # the owner named inside a licence noun's object licenses out
    ("Pellan Health and Corvex Inc. agreed on the licensing of Corvex's oral film technology for Canada.",
     "license", {"Corvex Inc.": "licensor", "Pellan Health": "licensee"}),
    # each conjoined verb is read for its own object: the investment does not make the upfront payment equity money
    ("Under the deal, Halden Bio will pay Sorrel Therapeutics a $90 million upfront payment and make a $15 million equity investment.",
     "license", {"Halden Bio": "licensee", "Sorrel Therapeutics": "licensor"}),
])
def test_roles_of_deal_constructions(extractor, text, kind, roles):
    assert roles_of(extractor, text, kind, *roles) == roles


def test_a_supply_deal_with_one_named_party_makes_it_the_supplier(extractor):
    text = "Verano Biologics signed a contract manufacturing deal worth $120 million with an undisclosed global drugmaker."
    assert roles_of(extractor, text, "supply_agreement", "Verano Biologics") == {"Verano Biologics": "supplier"}


def test_the_other_parties_of_a_directed_deal_take_the_other_side(extractor):
    text = ("Tarn Biologics and Esker Pharma signed an agreement with Lumen Oncology. "
            "Lumen Oncology will pay $30 million upfront and royalties on net sales.")
    assert roles_of(extractor, text, "license", "Tarn Biologics", "Esker Pharma", "Lumen Oncology") == {
        "Lumen Oncology": "licensee", "Tarn Biologics": "licensor", "Esker Pharma": "licensor"}


def test_a_partner_in_a_directed_deal_is_the_paying_side(extractor):
    text = ("Nivara Bio entered into a research collaboration with its partner Quest Peptides. "
            "Quest Peptides will receive an upfront payment of $12 million and royalties on sales.")
    assert roles_of(extractor, text, "collaboration_agreement", "Nivara Bio", "Quest Peptides") == {
        "Quest Peptides": "licensor", "Nivara Bio": "licensee"}


def test_a_co_promotion_agreement_makes_collaborators(extractor):
    text = ("Aldane Pharma and Ferro Medical signed a co-promotion agreement for the heart drug in Japan. "
            "Aldane Pharma will pay Ferro Medical an upfront payment of 2 billion yen.")
    assert roles_of(extractor, text, "collaboration_agreement", "Aldane Pharma", "Ferro Medical") == {
        "Aldane Pharma": "collaborator", "Ferro Medical": "collaborator"}


def test_an_equity_purchase_inside_a_supply_deal_keeps_the_supply_roles(extractor):
    text = ("Rivet Biologics will manufacture the gene therapy for Pallas Cardio under the contract. "
            "Rivet Biologics will also purchase $5 million of Pallas Cardio common stock.")
    assert roles_of(extractor, text, "supply_agreement", "Rivet Biologics", "Pallas Cardio") == {
        "Rivet Biologics": "supplier", "Pallas Cardio": "customer"}


def test_a_funder_of_a_research_collaboration_is_a_collaborator(extractor):
    text = "Through the partnership, Vaxford Alliance will provide Kestrel Vaccines with $6 million to develop the vaccine."
    assert roles_of(extractor, text, "collaboration_agreement", "Vaxford Alliance", "Kestrel Vaccines") == {
        "Vaxford Alliance": "collaborator", "Kestrel Vaccines": "collaborator"}


@pytest.mark.parametrize("text", [
    "Under the agreement, Ardent Biologics will manufacture Solvi Therapeutics's lead antibody at its plant.",
    "Ardent Biologics won a manufacturing contract for Solvi Therapeutics's lead antibody.",
])
def test_the_owner_of_what_a_maker_makes_is_its_customer(extractor, text):
    assert roles_of(extractor, text, "supply_agreement", "Ardent Biologics", "Solvi Therapeutics") == {
        "Ardent Biologics": "supplier", "Solvi Therapeutics": "customer"}


def test_whoever_develops_a_product_another_party_owns_holds_the_licence(extractor):
    text = "Orrin Medicines said it is ending its agreement to develop Talvo Bio Science's kidney drug in Korea."
    assert roles_of(extractor, text, "other", "Orrin Medicines", "Talvo Bio") == {"Orrin Medicines": "licensee", "Talvo Bio": "licensor"}


def test_buying_all_remaining_shares_is_an_acquisition(extractor):
    text = "Brisk Pharma said it had exercised its option to acquire all remaining shares in Lode Biosciences for $80 million."
    assert roles_of(extractor, text, "other", "Brisk Pharma", "Lode Biosciences") == {"Brisk Pharma": "acquirer", "Lode Biosciences": "target"}


def test_the_party_that_retains_rights_licensed_the_rest_out(extractor):
    text = "Under the licence agreement, Pavo Therapeutics retains all rights outside Japan, where Kirin Medica will sell the drug."
    assert roles_of(extractor, text, "license", "Pavo Therapeutics", "Kirin Medica") == {"Pavo Therapeutics": "licensor", "Kirin Medica": "licensee"}


def test_in_a_supply_deal_the_party_that_starts_making_supplies(extractor):
    text = "Under the supply agreement with Quarry Vaccines, Hollis Biologics will establish manufacturing suites at its plant."
    assert roles_of(extractor, text, "supply_agreement", "Quarry Vaccines", "Hollis Biologics") == {
        "Hollis Biologics": "supplier", "Quarry Vaccines": "customer"}


def test_the_importer_of_another_partys_products_is_its_customer(extractor):
    text = "Under the supply agreement, Nordvik Pharma will import two tons of Calder Botanicals's products for sale in pharmacies."
    assert roles_of(extractor, text, "supply_agreement", "Nordvik Pharma", "Calder Botanicals") == {
        "Calder Botanicals": "supplier", "Nordvik Pharma": "customer"}
