"""Extraction on our own fixture articles: real values, one construction each."""

from __future__ import annotations

from conftest import assert_grounded
from mouextract.extract.org_names import fold


def names(items):
    return {fold(i.name) for i in items}


def person(extraction, name):
    return next(p for p in extraction.people if p.name == name)


def test_every_mention_is_grounded(fixture_results):
    assert len(fixture_results) >= 6
    for text, extraction in fixture_results.values():
        assert_grounded(text, extraction)


def test_korean_news_mou(fixture_results):
    _, r = fixture_results["korean_news_mou"]
    assert r.agreement.type == "mou"
    assert r.agreement.signed_on == "2025-05-19"  # "on the 19th" of the "Published 2025.05.20" month
    assert r.meta.reference_date == "2025-05-20" and r.meta.reference_date_source == "publication_date"
    assert names(r.parties) == {"hanbit cellwave", "daejin university hospital"}
    choi = person(r, "Choi Yoonseo")
    assert (choi.title, choi.organization) == ("CEO", "Hanbit Cellwave")
    assert person(r, "Oh Minjun").organization == "Daejin University Hospital"
    assert not any("Kang Doyun" in p.name for p in r.people)  # the reporter line is noise
    assert {d.value for d in r.dates} >= {"2025-05-20", "2025-05-19", "2016", "2026"}
    assert "2025-05-12" not in {d.value for d in r.dates}  # related-article dates are noise
    laws = {(f.name, f.jurisdiction) for f in r.legal_frameworks}
    assert ("Act on the Safety of and Support for Advanced Regenerative Medicine and Advanced Biological Products",
            "KR") in laws
    assert "Multiple Myeloma" in {t.name for t in r.therapy_areas}
    assert "Receptors, Chimeric Antigen" in {t.name for t in r.technologies}


def test_us_wire_license(fixture_results):
    _, r = fixture_results["us_wire_license"]
    assert r.agreement.type == "license"
    assert r.agreement.signed_on == "2025-03-28"
    assert r.meta.reference_date == "2025-04-02"
    assert names(r.parties) == {"corvida therapeutics", "halden biopharma"}
    corvida = next(p for p in r.parties if p.name == "Corvida Therapeutics")
    assert "Corvida" in corvida.aliases
    olsen = person(r, "Maria Olsen")
    assert olsen.title == "President and Chief Executive Officer"
    assert olsen.organization == "Corvida Therapeutics"
    assert olsen.quotes and olsen.quotes[0].text.startswith("This partnership")
    reyes = person(r, "Paula Reyes")
    assert (reyes.title, reyes.organization, reyes.role) == ("Vice President, Communications", "Corvida Therapeutics",
                                                              "contact")
    laws = {(f.name, f.jurisdiction) for f in r.legal_frameworks}
    assert {("Orphan Drug Designation", "US"), ("Fast Track Designation", "US")} <= laws
    assert {"Genetic Therapy", "Dependovirus"} <= {t.name for t in r.technologies}


def test_hospital_notice(fixture_results):
    _, r = fixture_results["hospital_notice"]
    assert r.agreement.type == "mou"
    assert r.agreement.signed_on == "2024-08-30"
    assert names(r.parties) == {"mirae medical center", "sejin bio"}
    assert person(r, "Park Tae-ho").organization == "Sejin Bio"
    assert person(r, "Jang Eun-hee").title == "Director"
    effective = [d for d in r.dates if d.role == "effective"]
    assert [d.value for d in effective] == ["2020-08-28"]


def test_multi_party_consortium(fixture_results):
    _, r = fixture_results["multi_party_consortium"]
    assert r.agreement.type == "collaboration_agreement"
    assert r.agreement.signed_on == "2025-02"
    assert len(r.parties) == 4
    assert {"nordlys genetics", "ebersbach university hospital", "duchenne parents europe"} <= names(r.parties)
    holm = person(r, "Freja Holm")
    assert (holm.title, holm.organization) == ("Chief Executive Officer", "Nordlys Genetics")
    assert {f.jurisdiction for f in r.legal_frameworks} == {"EU"}


def test_no_agreement(fixture_results):
    _, r = fixture_results["no_agreement_launch"]
    assert r.agreement.type is None and r.agreement.signed_on is None
    assert r.parties == []
    assert "Diabetic Foot" in {t.name for t in r.therapy_areas}
    assert person(r, "Min Ji-hoon").title == "CEO"


def test_japanese_release(fixture_results):
    _, r = fixture_results["jp_release_collaboration"]
    assert r.agreement.type == "collaboration_agreement"
    assert r.agreement.signed_on == "2025-01-16"
    arakawa = person(r, "Kenji Arakawa")
    assert (arakawa.title, arakawa.organization) == ("President and CEO", "Sakuragi Pharmaceutical")
    assert {f.jurisdiction for f in r.legal_frameworks} == {"JP"}
    assert "Parkinson Disease" in {t.name for t in r.therapy_areas}


def test_us_wire_alliance(fixture_results):
    _, r = fixture_results["us_wire_alliance"]
    assert [p.name for p in r.parties] == ["Veltrix Biosciences", "University of Tarnow"]
    assert r.agreement.signed_on == "2026-01-28"
    assert {o.name: o.role for o in r.organizations}["GLOBE NEWSWIRE"] == "publisher"
    assert person(r, "Marcus Hale").organization == "Veltrix Biosciences"
    morrow = person(r, "Jenna Morrow")
    assert (morrow.organization, morrow.role) == ("Harbor Lane Communications", "contact")
    assert {"glioblastoma", "glioma"} <= names(r.therapy_areas)
    assert names(r.technologies) == {"immunoconjugates", "organoids"}


def test_korean_three_party_news(fixture_results):
    _, r = fixture_results["korean_news_three_party"]
    assert [p.name for p in r.parties] == ["Hanbit Pharm", "Gyeongnam National University Hospital", "Daon Cell"]
    assert (r.agreement.type, r.agreement.status) == ("mou", "signed")
    assert r.agreement.venue == "the hospital's Innovation Center in Jinju"
    assert r.agreement.signed_on == "2026-11-18"  # "on Wednesday", against the dateline's Friday, Nov. 20
    assert person(r, "Lim Soo-yeon").organization == "Daon Cell"
    laws = {f.name: f.jurisdiction for f in r.legal_frameworks}
    assert laws["Orphan Drug Designation"] == "KR"
    assert "Park Ji-hoon" not in {p.name for p in r.people}  # the reporter's byline


def test_eu_license_termination(fixture_results):
    _, r = fixture_results["eu_license_termination"]
    assert (r.agreement.type, r.agreement.status) == ("other", "terminated")  # GOLD.md: a termination is "other"
    assert [p.name for p in r.parties] == ["Osterholm Therapeutics", "Reyna Pharma"]
    assert "Licensing Agreement" not in {o.name for o in r.organizations}  # a Title-Case headline's deal noun
    assert {f.name: f.jurisdiction for f in r.legal_frameworks}["General Data Protection Regulation"] == "EU"
    assert {d.value: d.role for d in r.dates}["2025-12-31"] == "effective"


def test_jp_license_profile_brackets(fixture_results):
    _, r = fixture_results["jp_license_profiles"]
    assert [p.name for p in r.parties] == ["Minato Seiyaku", "Kyushu Biologics"]
    got = {p.name: (p.title, p.organization, p.quotes) for p in r.people}
    assert got["Hiroshi Aoki"] == ("President & CEO", "Minato Seiyaku", [])  # '"Minato Seiyaku") and ... "' is no quote
    assert got["Emi Tanaka"] == ("President", "Kyushu Biologics", [])
    assert not r.organizations  # "TEL" of the contact block is no organisation


def test_au_device_launch_is_no_agreement(fixture_results):
    _, r = fixture_results["au_device_launch"]
    assert r.agreement.type is None and r.parties == []
    assert "ECG" not in {o.name for o in r.organizations}
    assert {o.name: o.role for o in r.organizations}["Therapeutic Goods Administration"] == "regulator"


def test_sg_joint_venture(fixture_results):
    _, r = fixture_results["sg_joint_venture"]
    assert (r.agreement.type, r.agreement.signed_on, r.agreement.venue) == ("joint_venture", "2025-08-29", "Singapore")
    assert [p.name for p in r.parties] == ["Shanghai Qilin Biotech", "Meranti Cell Therapeutics"]
    people = {p.name: (p.title, p.organization, p.role) for p in r.people}
    assert people["Zhang Wei"] == ("Chairman", "Shanghai Qilin Biotech", "signatory")
    assert people["Tan Li Ying"] == ("Chief Executive Officer", "Meranti Cell Therapeutics", "signatory")
    assert people["Wang Fang"][1] == "Shanghai Qilin Biotech"  # from the contact's e-mail domain
    orgs = {o.name: o.role for o in r.organizations}
    assert orgs["Health Sciences Authority"] == "regulator" and "Qilin-Meranti Cell Therapy" in orgs
    assert {(f.name, f.jurisdiction) for f in r.legal_frameworks} == {("Health Products Act", "SG")}


def test_de_names_honorifics_and_lower_case_titles(fixture_results):
    _, r = fixture_results["de_research_agreement"]
    people = {p.name: p for p in r.people}
    assert set(people) == {"Klaus Müller", "María José García", "Jean-Luc Moreau", "Siobhan O'Brien", "Hiroko Sato-Becker"}
    mueller = people["Klaus Müller"]  # "said Prof. Dr. Klaus Müller": the honorifics do not end the sentence
    assert (mueller.title, mueller.organization, mueller.role) == ("Medical Director", "Heidelberg University Hospital",
                                                                   "quoted")
    assert [q.text for q in mueller.quotes] == ["This is an important step,"]
    assert people["Jean-Luc Moreau"].organization == "Corvina Bio"  # "Corvina's founder and CEO"
    assert people["Siobhan O'Brien"].title == "head"


def test_eu_consortium_listed_partners(fixture_results):
    _, r = fixture_results["eu_consortium_list"]
    assert [(p.name, p.kind) for p in r.parties] == [
        ("Université Libre de Bruxelles", "university"), ("Fundació Sant Joan de Déu", "foundation"),
        ("Lindgren Vector Technologies", "company"), ("Rett Families Europe", None),
        ("Polish Academy of Sciences", "research_institute")]
    assert (r.agreement.type, r.agreement.signed_on, r.agreement.venue) == ("collaboration_agreement", "2026-03-03",
                                                                            "Brussels")


def test_multi_party_aliases_are_not_places(fixture_results):
    _, r = fixture_results["multi_party_consortium"]
    aliases = {a for p in r.parties for a in p.aliases}
    assert not aliases & {"Germany", "Aarhus", "Denmark", "Milan", "Italy"}


def test_us_university_license(fixture_results):
    _, r = fixture_results["us_university_license"]
    assert (r.agreement.type, [p.name for p in r.parties]) == ("license", ["University of Wexford", "Tidewater Therapeutics"])
    people = {p.name: p.organization for p in r.people}
    assert people == {"Rachel Kim": "University of Wexford", "Marcus Bell": "Tidewater Therapeutics",
                      "Laura Chen": "University of Wexford"}  # a news office speaks for its university


def test_in_news_license(fixture_results):
    _, r = fixture_results["in_news_license"]
    assert [p.name for p in r.parties] == ["Sunvale Pharmaceuticals", "Hoshino Pharma"]  # not "Japan-based Hoshino"
    assert {d.value: d.role for d in r.dates} == {"2025-07-21": "publication", "2025-07-18": "signing"}


def test_kr_brand_names_and_a_supplier(fixture_results):
    _, r = fixture_results["kr_brand_names_mou"]
    assert [(p.name, p.kind) for p in r.parties] == [("SK bioscience", "company"), ("CHA Biotech", "company")]
    assert {o.name: o.role for o in r.organizations} == {"LG Chem": "supplier"}  # "involves LG Chem as a lipid supplier"
    ahn = next(p for p in r.people if p.name == "Ahn Jae-yong")
    assert (ahn.title, ahn.organization, ahn.role) == ("CEO", "SK bioscience", "quoted")
    assert "Kim Soo-jin" not in {p.name for p in r.people}  # the byline


def test_uk_collaboration_with_a_university_centre(fixture_results):
    _, r = fixture_results["uk_collaboration_research_centre"]
    assert r.agreement.type == "collaboration_agreement"  # "an option to exclusively license" is a term, not the kind
    assert [(p.name, p.aliases) for p in r.parties] == [
        ("Alderon Pharmaceuticals", ["Alderon Pharmaceuticals plc", "Alderon"]),
        ("Center for iPS Cell Research and Application", ["CiRA"])]
    assert [o.name for o in r.organizations] == ["Kyoto University"]  # the centre's owner, not a signatory
    mori = next(p for p in r.people if p.name == "Takashi Mori")
    assert (mori.title, mori.organization) == ("Director", "Center for iPS Cell Research and Application")


def test_cn_license_with_highlights(fixture_results):
    _, r = fixture_results["cn_license_highlights"]
    assert (r.agreement.type, r.agreement.signed_on) == ("license", "2025-08-11")  # "executed on August 11, 2025"
    assert [p.name for p in r.parties] == ["Nuvora Health", "Pell Therapeutics"]
    assert {p.name: (p.title, p.organization) for p in r.people} == {
        "Chen Jing": ("Chief Executive Officer", "Nuvora Health"),
        "Mark Davies": ("President and CEO", "Pell Therapeutics")}
