"""Therapy areas and technologies in real-article constructions: shared heads, page noise, background mentions."""

from __future__ import annotations

from mouextract.extract.salience import boilerplate_spans, headline_list_spans


def areas(extractor, text: str) -> dict[str, list[str]]:
    return {f.name: [m.text for m in f.mentions] for f in extractor.extract(text).therapy_areas}


def techs(extractor, text: str) -> dict[str, list[str]]:
    return {f.name: [m.text for m in f.mentions] for f in extractor.extract(text).technologies}


def test_modifiers_sharing_one_head_noun(extractor):
    found = areas(extractor, "Halvik Bio will test its antibody in colorectal, lung and breast cancers.")
    assert found["Colorectal Neoplasms"] == ["colorectal"] and found["Lung Neoplasms"] == ["lung"]
    assert "Breast Neoplasms" in found


def test_head_noun_before_the_list(extractor):
    found = areas(extractor, "The assay screens for cancers, including ovarian, pancreatic and stomach, in one draw.")
    assert {"Ovarian Neoplasms", "Pancreatic Neoplasms", "Stomach Neoplasms"} <= set(found)


def test_a_list_of_qualities_names_no_disease(extractor):
    assert "Rare Diseases" not in areas(extractor, "The clinic may treat serious, rare or intractable diseases.")
    assert "Rare Diseases" not in areas(extractor, "Its portfolio spans rare and non-rare disease indications.")


def test_non_prefix_and_verb_readings(extractor):
    found = areas(extractor, "Corvane keeps the rights for all non-cancer indications. The two firms have wound up the venture.")
    assert found == {}


def test_non_hodgkin_is_not_hodgkin(extractor):
    found = areas(extractor, "The programme targets non-Hodgkin's lymphoma in adults.")
    assert set(found) == {"Lymphoma, Non-Hodgkin"}


def test_pandemic_after_a_disease_only_qualifies_it(extractor):
    found = areas(extractor, "Demand for the test grew during the COVID-19 pandemic.")
    assert set(found) == {"COVID-19"}


def test_headline_list_of_other_stories_is_noise(extractor):
    text = ("Halvik Bio and Corvane Therapeutics signed a licence agreement for an NK cell therapy on Monday.\n"
            "Related news\n"
            "Borvale wins approval for its asthma inhaler in Europe\n"
            "Tessaly reports phase 2 data in Crohn's disease\n"
            "Quorin raises funds for a melanoma vaccine\n")
    assert areas(extractor, text) == {}
    assert len(headline_list_spans(text)) == 1


def test_title_block_and_tag_lines(extractor):
    text = ("Halvik Bio licenses NK cell therapy to Corvane\nSeoul bureau\nMonday 3 March\n"
            "Halvik Bio licensed its NK cell therapy for lymphoma to Corvane Therapeutics on Monday.\n"
            "Filed Under: Oncology\nNews | Dermatology | Vaccines partnering\n")
    assert set(areas(extractor, text)) == {"Lymphoma"}
    assert "Vaccines" not in techs(extractor, text)


def test_market_effect_and_standard_of_care_mentions(extractor):
    text = ("Halvik Bio signed a supply agreement with Corvane as demand for biologics grows. Its cream helps "
            "control inflammation in burns. Current antiviral drugs only suppress the virus.")
    assert "Biological Products" not in techs(extractor, text)
    assert "Antiviral Agents" not in techs(extractor, text)
    assert "Inflammation" not in areas(extractor, text)


def test_field_in_a_title_and_a_regulatory_filing(extractor):
    text = ("Halvik Bio named a chief executive officer for US generics. The agency accepted the Biologics License "
            "Application for its antibody.")
    found = techs(extractor, text)
    assert "Drugs, Generic" not in found and "Biological Products" not in found


def test_lower_case_about_line_opens_no_boilerplate():
    text = "New methods help bring\nabout faster access to medicines for asthma\nand diabetes.\n"
    assert boilerplate_spans(text) == []
    assert boilerplate_spans("Body.\nAbout daratumumab\nIt treats myeloma.\n") == []
    assert boilerplate_spans("Body.\nAbout Halvik Bio\nHalvik makes antibodies.\n") != []


def test_lay_names_real_releases_use(extractor):
    found = areas(extractor, "Halvik and Corvane will develop treatments for heavy menstrual bleeding, uterine fibroids, "
                             "arthritis and multi-drug resistant TB.")
    assert {"Menorrhagia", "Leiomyoma", "Arthritis", "Tuberculosis, Multidrug-Resistant"} <= set(found)
    found = techs(extractor, "The partners will make biologics, generic drugs, pneumococcal conjugate vaccines and eye "
                             "drops, and link electronic medical records with big data tools.")
    assert {"Biological Products", "Drugs, Generic", "Pneumococcal Vaccines", "Ophthalmic Solutions",
            "Electronic Health Records", "Big Data"} <= set(found)


def test_a_target_slot_inside_a_modality_name(extractor):
    found = techs(extractor, "Corvane licensed tavelimab, a humanized anti-CD40 monoclonal antibody, to Halvik Bio.")
    assert found == {"Antibodies, Monoclonal, Humanized": ["humanized anti-CD40 monoclonal antibody"]}


def test_coined_names_are_no_verbs(extractor):
    assert "RNA, Small Interfering" in techs(extractor, "Halvik Bio will develop siRNA delivered by LNP with Corvane.")


def test_a_test_status_is_no_modality(extractor):
    text = "Corvane will sell the drug to patients who are anti-receptor antibody positive, Halvik Bio said."
    assert "Antibodies" not in techs(extractor, text)


def test_a_response_or_a_status_is_no_modality(extractor):
    found = techs(extractor, "Orvane's peptide raises T cell responses in mice. Patients enrol regardless of biomarker status.")
    assert "T-Lymphocytes" not in found and "Biomarkers" not in found


def test_the_therapy_a_product_is_added_to_is_background(extractor):
    found = techs(extractor, "Brelix is approved as an adjunct to insulin therapy in adults with type 1 diabetes.")
    assert "Insulin" not in found
    assert "Diabetes Mellitus, Type 1" in areas(extractor, "Brelix is approved as an adjunct to insulin therapy in adults "
                                                              "with type 1 diabetes.")


def test_a_photo_caption_with_its_credit_is_page_noise(extractor):
    text = ("Kestrel Bio and Morrow Hospital sign a research agreement on cancer antibodies\n\n"
            "Stem cells in a dish. Credit: Stock Images Ltd\n\n"
            "Kestrel Bio and Morrow Hospital will develop antibodies for gastric cancer, the partners said on Monday.\n")
    assert "Stem Cells" not in techs(extractor, text)


def test_a_title_and_its_remit_name_no_field(extractor):
    text = ("Kestrel Bio will develop antibodies for gastric cancer, said Ann Moor, vice president, Genomics and R&D, "
            "Kestrel Bio.")
    assert "Genomics" not in techs(extractor, text)


def test_an_application_or_task_force_name_is_no_modality(extractor):
    text = ("Kestrel Bio filed its Biologics License Applications last year. The national Covid-19 Vaccine Task Force "
            "met on Monday to discuss supply of the antibody.")
    assert "Biological Products" not in techs(extractor, text) and "Vaccines" not in techs(extractor, text)


def test_bare_mrna_and_microbiome_name_the_general_entries(extractor):
    found = techs(extractor, "Kestrel Bio designs mRNA medicines and studies the soil microbiome.")
    assert {"RNA, Messenger", "Microbiota"} <= set(found)
    assert "mRNA Vaccines" not in found and "Gastrointestinal Microbiome" not in found


def test_a_lower_case_line_continues_a_wrapped_story():
    text = ("Kestrel Bio said on Monday it will test the new drug in adults with lung disease.\n"
            "The regulator reviewed it under its breakthrough\n"
            "therapy programme which speeds products for unmet needs\n"
            "through development and review by the agency\n"
            "in the coming two years or so\n"
            "The company said the study starts in spring.\n")
    assert headline_list_spans(text) != []  # the concepts' looser reading
    assert headline_list_spans(text, lower_case_lines=False) == []


def test_a_broad_entry_with_forms_of_its_own_stays_apart(extractor):
    found = techs(extractor, "Orvane and Tellis will co-develop seasonal influenza vaccines. Orvane sells vaccines in "
                             "Asia and has a long record in vaccine development.")
    assert {"Influenza Vaccines", "Vaccines"} <= set(found)


def test_a_trade_marked_name_in_apposition_to_the_platform(extractor):
    found = techs(extractor, "Orvane will license Tellis Bio's proprietary conjugation platform technology, LinkMax™, "
                             "for solid tumours.")
    assert found.get("LinkMax") == ["LinkMax™"]


def test_combination_partners_listed_are_background(extractor):
    found = techs(extractor, "Orvane's enzyme inhibitor is tested in combination with checkpoint inhibitors, cancer vaccines "
                             "and chemotherapy.")
    assert "Cancer Vaccines" not in found and "Immune Checkpoint Inhibitors" not in found
    kept = areas(extractor, "Orvane's antibody is tested in combination with docetaxel in patients with gastric cancer.")
    assert "Stomach Neoplasms" in kept


def test_a_patient_population_after_a_comparator_cue_names_the_indication(extractor):
    found = areas(extractor, "In the trial, Velmora's drug cut the need for transfusions in patients with the blood "
                             "disorder myelodysplastic syndrome.")
    assert "Myelodysplastic Syndromes" in found
    assert "Skin Transplantation" not in areas(extractor, "The gel reduces the need for skin grafts after burns.")


def test_an_indication_head_shared_by_disease_modifiers(extractor):
    found = areas(extractor, "Corvane will focus on neuromuscular and metabolic indications in Europe.")
    assert found["Neuromuscular Diseases"] == ["neuromuscular"] and found["Metabolic Diseases"] == ["metabolic"]


def test_profile_concepts_count_when_the_body_names_none(extractor):
    text = ("Halden Bio filed its quarterly report with the regulator on Monday and named a new auditor.\n\n"
            "About Halden Bio\nHalden Bio develops gene therapies for people with food allergies.")
    assert "Genetic Therapy" in techs(extractor, text) and "Food Hypersensitivity" in areas(extractor, text)
    text = ("Halden Bio and Orland Health will develop antibodies for lung cancer.\n\n"
            "About Halden Bio\nHalden Bio also develops gene therapies for people with food allergies.")
    assert "Genetic Therapy" not in techs(extractor, text) and "Food Hypersensitivity" not in areas(extractor, text)


def test_a_broad_concept_mentioned_more_often_than_the_narrow_one_stays_apart(extractor):
    # "vaccines" said three times beside two "mRNA vaccine": a topic of its own, not only the short form
    found = techs(extractor, "Halden Biologics will build an mRNA vaccine plant with Ostvik Pharma. The mRNA vaccine "
                             "doses will supply vaccines to the region. Vaccines made there reach clinics; the vaccines "
                             "are stored locally.")
    assert {"mRNA Vaccines", "Vaccines"} <= set(found)


def test_a_spelt_out_acronym_is_no_coined_platform(extractor):
    found = techs(extractor, "Halden Biologics will install a Vendor Neutral Archive (VNA) for Ostvik Pharma. The VNA "
                             "platform stores images. Ostvik will apply its HXP platform to the programme.")
    assert "VNA" not in found and found.get("HXP") == ["HXP platform"]


def test_an_acronym_heading_a_company_name_is_no_disease(extractor):
    found = areas(extractor, "CKD Pharm said it signed a deal with Halden Biologics on a drug for heart failure.")
    assert set(found) == {"Heart Failure"}


def test_cells_a_mechanism_acts_on_are_no_modality(extractor):
    found = techs(extractor, "Veltrix Bio licensed its bispecific antibody, designed to activate the T cells near a tumour, "
                             "and an antibody against a protein expressed by the body's T cells to Orland Health.")
    assert "T-Lymphocytes" not in found and "Antibodies, Bispecific" in found


def test_a_diseases_description_names_no_targets(extractor):
    found = areas(extractor, "Veltrix Bio licensed its Gaucher disease drug to Orland Health. The disease, whose symptoms "
                             "include fatigue, anaemia and bone pain, is characterized by high blood pressure in some "
                             "patients and can lead to liver cirrhosis.")
    assert set(found) == {"Gaucher Disease"}


def test_a_disease_in_a_foundations_name_is_no_target(extractor):
    found = areas(extractor, "Veltrix Bio received a grant from the Hanna Lee Foundation for Parkinson's Research to "
                             "study its antibody in glaucoma.")
    assert set(found) == {"Glaucoma"}


def test_captions_menus_credits_and_remits_are_page_noise(extractor):
    text = ("Corvid Bio and Larkspur Hospital signed an agreement to develop an NK cell therapy for lung cancer, the "
            "companies said.\n\nNurse holding a chest x-ray\n\nImage source: Getty Images.\n\n"
            "Pipeline Review - Gene Therapy - Companion Diagnostics - Drug Repositioning - Conference Reports\n\n"
            "\"This is a great step,\" said Mina Lee, head of infectious diseases and vaccines at Corvid Bio.\n\n"
            "This article is translated by AI company Lingo.\n")
    r = extractor.extract(text)
    assert [t.name for t in r.technologies] == ["Killer Cells, Natural"]


def test_a_pandemic_as_circumstance_is_no_target(extractor):
    r = extractor.extract("Corvid Bio and Larkspur Hospital signed an agreement on an NK cell therapy for lung cancer. The "
                          "signing was delayed due to the influence of COVID-19. The ongoing Covid pandemic had slowed "
                          "enrolment, and recent experience of the pandemic shaped the plan.")
    assert {t.name for t in r.therapy_areas} == {"Lung Neoplasms"}
    r = extractor.extract("Corvid Bio and Larkspur Hospital will develop a COVID-19 treatment.")
    assert "COVID-19" in {t.name for t in r.therapy_areas}


def test_a_quality_word_in_a_shared_head_list_names_no_disease(extractor):
    # "rare" and "orphan" say how common the diseases are; the list still names the disease kinds beside them
    found = areas(extractor, "Corvid Bio treats patients with rare and prevalent diseases of the blood.")
    assert "Rare Diseases" not in found
    found = areas(extractor, "Corvid Bio will test it in neuromuscular and mitochondrial orphan indications.")
    assert "Rare Diseases" not in found
    assert {"Neuromuscular Diseases", "Mitochondrial Diseases"} <= set(found)


def test_what_a_product_resembles_or_competes_with_is_no_target(extractor):
    found = areas(extractor, "Corvid Bio's test detects COVID-19, whose symptoms are similar to those of influenza.")
    assert set(found) == {"COVID-19"}
    found = techs(extractor, "Corvid Bio's small molecule for psoriasis competes with Larkspur's antibody Zelnira.")
    assert "Antibodies" not in found


def test_the_onset_of_a_pandemic_is_a_circumstance(extractor):
    found = areas(extractor, "The onset of the COVID-19 pandemic showed the need for vaccines, so Corvid Bio and "
                             "Larkspur Hospital will develop one for dengue.")
    assert set(found) == {"Dengue"}


def test_the_last_symptom_of_a_description_is_no_target(extractor):
    found = areas(extractor, "Corvid Bio licensed its drug for Fabry disease, whose symptoms include fatigue and "
                             "burning pain.")
    assert set(found) == {"Fabry Disease"}


def test_a_title_case_phrase_ending_a_company_name_is_no_technology(extractor):
    # the concept reader alone, before organisation names are known: the name's own capitalised word tells
    from mouextract.clean import mask, noise_spans
    from mouextract.extract.concepts import technologies
    from mouextract.extract.context import Context

    text = ("Larkspur Hospital signs a vaccine supply deal\n\n"
            "Larkspur Hospital will buy influenza vaccines from Qinghe Biological Products under the deal.")
    masked = mask(text, noise_spans(text))
    ctx = Context(text=text, masked=masked, doc=extractor.nlp(masked), rules=extractor.rules)
    found = {f.name for f in technologies(ctx)}
    assert "Biological Products" not in found
    assert "Influenza Vaccines" in found
