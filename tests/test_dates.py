"""Date resolution rules that no library has (press-release conventions)."""

from __future__ import annotations

import pytest

from mouextract.extract.dates import Found, RefDate, iso, resolve


@pytest.mark.parametrize("kind, text, ref, value", [
    ("the_nth", "the 17th", RefDate(2024, 6, 18), "2024-06-17"),
    ("nth_rel", "the 30th of last month", RefDate(2024, 10, 8), "2024-09-30"),
    ("rel_period", "last month", RefDate(2025, 1, 3), "2024-12"),
    ("rel_period", "last month", RefDate(None, 7, 24), "--06"),
    ("rel_period", "last week", RefDate(2024, 11, 12), "2024-11"),
    ("rel_period", "next quarter", RefDate(2024, 10, 24), "2025"),
    ("rel_period", "earlier this year", RefDate(2025, 7, 8), "2025"),
    ("weekday", "Wednesday", RefDate(2025, 1, 9), "2025-01-08"),
    ("weekday", "Thursday", RefDate(2025, 1, 9), "2025-01-09"),  # the reference's own weekday is that day
    ("weekday", "last Thursday", RefDate(2025, 1, 9), "2025-01-02"),
    ("weekday", "Wednesday", RefDate(None, 1, 9, weekday=3), "--01-08"),  # "Jan. 9 -- X said Thursday"
    ("weekday", "Wednesday", RefDate(None, 1, 9), None),
    ("part_year", "the second half of next year", RefDate(2024, 12, 6), "2025"),
    ("m_rel", "May last year", RefDate(2024, 8, 22), "2023-05"),
    ("md_rel", "September 1 this year", RefDate(2020, 9, 15), "2020-09-01"),
    ("md", "March 11", RefDate(2025, 3, 14), "2025-03-11"),
    ("mdy", "Sept. 16, 2025", None, "2025-09-16"),
    ("dmy", "4 February 2025", None, "2025-02-04"),
    ("ymd", "2024.06.18", None, "2024-06-18"),
    ("md", "Jan. 9", None, "--01-09"),
    ("rel_period", "last year", None, None),
    ("rel_period", "last week", RefDate(2021, 6, 7), "2021-06"),  # Mon 31 May - Sun 6 June: most days in June
    ("dmy_num", "26.08.2020", None, "2020-08-26"),
    ("dmy", "2. August 2022", None, "2022-08-02"),
    ("m_rel", "June this year", None, "--06"),  # no year anywhere: the month is still known
    ("md_rel", "July 27 this year", None, "--07-27"),
    ("month", "December", None, "--12"),
    ("month", "mid-January", RefDate(2024, 1, 3), "2024-01"),
    ("rel_period", "next spring", RefDate(2011, 11, 16), "2012"),  # said in November: next year's spring
    ("rel_period", "next fall", RefDate(2023, 2, 1), "2023"),
    ("rel_period", "last summer", RefDate(2024, 3, 5), "2023"),
    ("anchored", "the following year", RefDate(2015, None, None), "2016"),
    ("anchored", "April of the same year", RefDate(2019, None, None), "2019-04"),
    ("anchored", "a year later", None, None),
    ("quarter", "the third quarter", RefDate(2020, 8, 26), "2020"),
    ("paren_day", "this (17) morning", RefDate(2023, 8, 19), "2023-08-17"),  # translated Korean news
    ("paren_day", "yesterday (16th)", RefDate(2023, 8, 17), "2023-08-16"),
])
def test_resolve(kind, text, ref, value):
    assert resolve(Found(kind, 0, len(text), text), ref) == value


def test_iso_truncation():
    assert iso(None, 7, 24) == "--07-24" and iso(2020, 6, None) == "2020-06" and iso(None, None, None) is None


def test_law_years_and_product_codes_are_not_dates(extractor):
    text = ("Alpha Bio signed an MOU with Beta Hospital on 3 March 2025. The work follows the Data Protection Act 2018 "
            "and the HSR Act of 1976; its candidate BRT-1922 enters trials in 2026.")
    values = {d.value for d in extractor.extract(text).dates}
    assert values == {"2025-03-03", "2026"}


def test_yearless_wire_dateline_anchors_weekdays(extractor):
    text = ("SEOUL, Jan. 9 (Wire) -- Corvid Bio said Thursday it has signed a license agreement with Halden "
            "Pharma. The agreement was signed in Busan on Wednesday.\n")
    result = extractor.extract(text)
    assert result.agreement.signed_on == "--01-08"


@pytest.mark.parametrize("text, absent", [
    ("Orvane Bio served more than 3,000 customers in 2019.", "2019"),  # a year of a figure is a period
    ("Tellis Pharma recorded sales of 40 billion won last year, it said on 4 May 2023.", "2022"),
    ("Orvane Bio plans to invest $40 million in the region by 2030.", "2030"),  # a target, no event
    ("Orvane Bio expects demand to double by the year 2040.", "2040"),
    ("The global market for cell therapy reached 9 billion dollars in 2019, Orvane Bio said.", "2019"),
    ("Orvane Bio's headcount has grown since 2017 to more than 800 staff.", "2017"),
    ("Orvane Bio will invest $90 million from 2021 to 2024 in Korea.", "2021"),  # one end of a range
    ("Tellis Holdings (1987.HK) signed an MOU with Orvane Bio on 3 March 2025.", "1987"),  # a ticker
    ("Insider information pursuant to Art. 17 MAR: Tellis AG signed a term sheet.", "--03-17"),  # the regulation
])
def test_expressions_that_date_no_event(extractor, text, absent):
    assert absent not in {d.value for d in extractor.extract(text).dates}


def test_an_ordinal_before_a_capitalised_noun_is_an_edition(extractor):
    text = "SEOUL, May 20, 2024 -- The pact was signed during the 9th Meeting of the Joint Council, held in Busan.\n"
    result = extractor.extract(text)
    assert result.agreement.signed_on != "2024-05-09" and "2024-05-09" not in {d.value for d in result.dates}


def test_a_past_month_after_the_dateline_month_is_last_year(extractor):
    text = ("SEOUL, Jan. 16, 2025 -- Tellis Pharma signed an MOU with Orvane Hospital on Wednesday. "
            "The company signed partnerships with two other hospitals in November.\n")
    assert "2024-11" in {d.value for d in extractor.extract(text).dates}


def test_a_weekday_before_a_date_is_part_of_it(extractor):
    text = ("Date 2015-11-16\n\nTellis University signed a technology transfer agreement with Orvane Medical "
            "on Monday, October 26.\n")
    result = extractor.extract(text)
    assert result.agreement.signed_on == "2015-10-26"
    assert [d.value for d in result.dates].count("2015-11-16") == 1


SIGNING_DATES = [
    pytest.param("On 3 March 2021, Tellis Therapeutics AG (the \"Company\", together with its subsidiaries, the \"Group\") "
                 "entered into a licence agreement with Orvane Bio Inc.\n", "2021-03-03",
                 id="a_fronted_date_qualifies_the_main_verb"),
    pytest.param("SEOUL, March 8, 2022 -- Tellis Bio and Orvane University Health System agreed to build a cell therapy "
                 "center. The MoU ceremony was held on 2nd at the university.\n", "2022-03-02",
                 id="the_ceremony_of_an_agreement_is_its_signing"),
    pytest.param("TAIPEI, July 16 (Wire) Tellis Bio signed two licence agreements Wednesday with Orvane Pharma to widen "
                 "access to its lung cancer drug.\n", "--07-16",
                 id="a_weekday_in_a_yearless_dateline_sentence_is_the_dateline_day"),
    pytest.param("SEOUL, March 5, 2025 -- Tellis Bio and Orvane Hospital will develop cell therapies together under a "
                 "license agreement dated March 3, 2025.\n", "2025-03-03", id="the_date_of_an_agreement"),
]


@pytest.mark.parametrize("text", [
    "In 2019, Tellis Pharma and Orvane Bio first entered into a collaboration. Tellis has now exercised its option.\n",
    ("SEOUL, Dec. 28, 2016 -- Tellis Pharma said Wednesday it has terminated a license agreement with Orvane Bio "
    "signed in July.\n"),
    ("MELBOURNE, April 20, 2018 -- Tellis Bio licensed its candidate to Kappa Pharma. The previous license with Orvane "
    "Bio was signed in January 2016.\n"),
    ("Tellis signs licence deal with Orvane\nJanuary 3, 2013 / 5:51 PM\n\nMILAN, Jan 3 (Wire) - Tellis has signed "
    "a licence with Orvane.\n"),
    "Tellis Pharma formed a joint venture with Orvane Bio. The deal builds on an agreement that Tellis signed in June 2021.\n",
    ("BOSTON, March 5, 2025 -- Tellis Bio today announced that Orvane Pharma has exercised its option under the "
     "collaboration agreement the companies entered into in June 2022.\n"),
    ("BOSTON, March 5, 2025 -- Tellis Bio today announced the termination of its license agreement with Orvane Pharma, "
     "which was signed in June 2022.\n"),
    ("BOSTON, March 5, 2025 -- Tellis Bio and Orvane Pharma today announced an expansion of their collaboration. Under "
     "the original agreement, signed in June 2022, Orvane received rights to two targets.\n"),
    ("BOSTON, March 5, 2025 -- Tellis Bio today announced a license agreement with Orvane Pharma. In June 2022, Tellis "
     "entered into a similar agreement with Kappa Labs.\n"),
    ("BOSTON, March 5, 2025 -- Tellis Bio today announced a license agreement with Orvane Pharma. Tellis previously "
     "signed a research collaboration with Orvane in June 2022.\n"),
    ("BOSTON, March 5, 2025 -- Tellis Bio has exercised its option to acquire rights to the antibody in Asia, "
     "pursuant to the license agreement entered into in October 2024.\n"),
    ("Tellis Bio won a new order from Orvane Health. The latest order follows a $40 million contract in June where "
     "Tellis signed an agreement to supply vials to Kappa Labs.\n"),
])
def test_dates_of_earlier_deals_and_pages_are_no_signing(extractor, text):
    assert extractor.extract(text).agreement.signed_on is None


def test_a_yearless_dateline_takes_the_year_of_the_same_day(extractor):
    text = ("All Headlines 09:39 January 23, 2019\n\nSEOUL, Jan. 23 (Wire) -- Tellis Pharma said Wednesday that "
            "Orvane Bio handed back the rights. Orvane ended the trial last year.\n")
    result = extractor.extract(text)
    assert result.meta.reference_date == "2019-01-23" and "2018" in {d.value for d in result.dates}


@pytest.mark.parametrize("text, present, absent", [
    ("Tellis Pharma filed its report for the quarter ended June 30, 2021 on 4 August 2021.", "2021-08-04", "2021-06-30"),
    ("Orvane Bio booked the payment in its fiscal period from April 1, 2019 to March 31, 2020.", None, "2019-04-01"),
    ("Tellis Pharma and Orvane Bio amended their 2015 license agreement.", "2015", None),
    ("Funding for the field amounted to $12 million in 2018, Tellis said on 3 March 2019.", "2019-03-03", "2018"),
])
def test_periods_and_deal_years(extractor, text, present, absent):
    values = {d.value for d in extractor.extract(text).dates}
    assert (present is None or present in values) and (absent is None or absent not in values)


@pytest.mark.parametrize("text, reference", [
    ("Date: 26-Aug-2020\n\nTellis Pharma signs a supply deal with Orvane Bio\n", "2020-08-26"),
    ("Tellis Province signed an MOU with Orvane Bio on April 30.\n\nSource: Wire News (April 30, 2024)\n", "2024-04-30"),
])
def test_publication_date_forms(extractor, text, reference):
    assert extractor.extract(text).meta.reference_date == reference


def test_lists_of_months_weeks_and_editions(extractor):
    text = ("SEOUL, Jan. 16, 2025 -- Tellis Pharma signed an MOU with Orvane Hospital on Tuesday last week. It signed "
            "deals with two other hospitals in November and December, respectively. Tests are scheduled for March. "
            "This year's forum of Tellis drew 300 guests.\n")
    values = {d.value for d in extractor.extract(text).dates}
    assert {"2025-01-07", "2024-11", "2024-12", "2025-03"} <= values and "2025" not in values


def test_a_wire_sign_off_ends_the_story(extractor):
    text = ("LONDON, Dec 22 (Wire) - Tellis Pharma signed a licence deal with Orvane Bio on Wednesday. (Reporting by "
            "A. Writer; Editing by B. Editor)\nLONDON, May 25 European shares rose on Thursday.\n")
    assert not {d.value for d in extractor.extract(text).dates} & {"--05-25"}


def test_same_and_following_year_count_from_the_date_told_before(extractor):
    text = ("BOSTON, March 3, 2025 -- Corvane Bio first licensed its peptide platform to Halden Pharma in 2015. "
            "The following year, Halden Pharma took an option on two more targets. Halden opened a plant in Lyon "
            "in 2019 and moved its headquarters in April of the same year.")
    values = {d.value for d in extractor.extract(text).dates}
    assert {"2016", "2019-04"} <= values and "2026" not in values and "2025-04" not in values


def test_a_reported_quarter_is_a_period(extractor):
    text = ("Corvane Bio files its Form 10-Q for the first quarter of 2021 and will publish Q2 2021 results in August. "
            "It signed a supply agreement with Halden Pharma on 4 May 2021.")
    assert {d.value for d in extractor.extract(text).dates} == {"2021-05-04", "2021-08"}


def test_coarser_restatements_are_not_listed_twice(extractor):
    text = ("BOSTON, June 9, 2025 -- Corvane Bio, established in March 2019, said this week that it has entered into a "
            "collaboration with Halden Pharma. Corvane Bio was established on March 4, 2019 in Cambridge.")
    values = {d.value for d in extractor.extract(text).dates}
    assert "2019-03-04" in values and not values & {"2019-03", "2025-06"}


PLANNED_SIGNINGS = [  # a planned signing is no signing date
    (("SEOUL, Aug. 22, 2024 -- Corvane Bio signed a supply contract with Halden Clinics on the 20th and expects to sign "
     "another contract by the end of the year."), "2024-08-20"),
    ("SEOUL, Aug. 22, 2024 -- Corvane Bio will sign an MOU with Halden Clinics on August 30.", None),
    (("SEOUL, Aug. 22, 2024 -- Corvane Bio has entered into an MOU with Halden Clinics. We were honored to take part "
     "in a signing ceremony today with Halden Clinics, its chief executive said."), "2024-08-22"),
]


def test_european_month_names_and_years_in_law_names(extractor):
    text = ("Corvane Bio und Halden Pharma haben die im März 2022 geschlossene Vereinbarung mit Wirkung zum 31. Juli 2022 "
            "beendet. Halden must also meet the Rare Pathogen Readiness Act of 2011.")
    values = {d.value for d in extractor.extract(text).dates}
    assert {"2022-03", "2022-07-31"} <= values and "2011" not in values


def test_earliest_dates_of_milestones(extractor):
    text = ("Corvane Bio signed a fill-finish agreement with Halden Pharma on 4 May 2025. Filling could begin as early as "
            "September, and a second line could open as early as 2027.")
    assert {"2025-09", "2027"} <= {d.value for d in extractor.extract(text).dates}


def test_a_year_restated_beside_its_full_date_is_not_listed_twice(extractor):
    text = ("BOSTON, June 9, 2025 -- Corvane Bio extended its work with Halden Pharma. First signed in 2019 and worth "
            "up to $90 million (Trade Weekly, May 3, 2019), the alliance now covers two more targets.")
    values = {d.value for d in extractor.extract(text).dates}
    assert "2019-05-03" in values and "2019" not in values


def test_a_second_dateline_is_no_signing_date(extractor):
    text = ("Posted 2025-03-05\n\nLONDON, UK, March 5, 2025 - Corvane Bio and Halden Pharma have signed a "
            "memorandum of understanding to study rare lung diseases.\n")
    result = extractor.extract(text)
    assert result.agreement.signed_on is None and {d.role for d in result.dates} == {"publication"}


PARSED_SIGNINGS = [  # signing dates the parse reaches
    pytest.param(("Corvane Bio and Halden Clinics sign research pact\n\nThe agreement was signed by Mia Ortner, director "
                  "general of the Halden Clinics for Respiratory Medicine; Tom Reyes, head of the Northern European Cluster "
                  "of Corvane Bio; and Ana Veld, director of the Corvane Bio Translational Research Division on May 12, "
                  "ahead of World Lung Day.\n"), "--05-12",
                 id="a_date_after_a_list_of_signatories"),
    pytest.param("Date 2023-08-19\n\nCorvane Bio signed an MOU with Halden Hospital at its Seoul office this (17) morning.\n",
                 "2023-08-17", id="a_day_in_parentheses"),
    pytest.param("SEOUL, March 5, 2025 -- Corvane Bio said on Thursday it has signed an MOU with Halden Pharma.\n", None,
                 id="the_day_of_the_saying_is_no_signing_date"),
    pytest.param(("Corvane Bio renews research pact with Halden Clinics\n\nThe new agreement replaces the research "
                  "contract with Halden Clinics Co. signed in March 2021 and runs for five years.\n"), None,
                 id="a_deal_that_a_new_one_replaces"),
    pytest.param(("BOSTON, June 9, 2025 -- Corvane Bio said Halden Pharma will fund two more programmes. The two firms "
                  "entered into their research alliance in October 2022 and have filed four patents since.\n"), None,
                 id="a_signing_over_a_year_before_the_release_is_history"),
    pytest.param(("Pharma Weekly (May 6, 2025) – On May 2, 2025, a memorandum of understanding was signed by the heads "
                  "of Corvane Bio and Halden Clinics.\n"), "2025-05-02", id="a_publisher_dateline_in_parentheses"),
    pytest.param(("On 14 March 2025, Corvane Bio Holdings Inc.* (the \"Company\") entered into a licence agreement "
                  "with Halden Pharma Inc.\n"), "2025-03-14", id="a_fronted_date_before_a_split_after_an_abbreviation"),
    pytest.param(("Tellis Bio ends its licence with Orvane Pharma\n\nTellis Bio said it will terminate its licence agreement "
                  "with Orvane Pharma. The two firms signed the licence in May 2019 for the Japanese market.\n"), None,
                 id="a_terminated_deal_s_original_signing_month"),
    pytest.param(("Tellis Bio extends its research pact with Orvane Pharma\n\nTellis Bio has extended its research "
                  "agreement with Orvane Pharma by three years. In March 2018, Tellis Bio entered into the research "
                  "agreement with Orvane Pharma.\n"), None, id="an_amended_deal_s_original_signing_month"),
    pytest.param(("Corvane Bio and Halden Pharma signed an MOU on the sidelines of the Lyon Health Forum, which is being "
                  "held from June 4 to 6.\n"), None, id="a_relative_clause_dates_another_event"),
    pytest.param(("BOSTON, June 9, 2025 -- Corvane Bio and Halden Pharma signed an MOU at the Lyon Health Forum, which "
                  "opened on Friday.\n"), None, id="the_day_a_forum_opened_is_no_signing_date"),
    pytest.param("Corvane Bio and Halden Pharma held a signing ceremony, which took place on May 3, for their new MOU.\n",
                 "--05-03", id="a_relative_clause_on_the_signing_ceremony"),
    pytest.param(("date 2025-04-09 Five-year partnership for better care\n\nSINGAPORE, April 8, 2025 /PRNewswire/ -- "
                  "Corvane Bio and Halden Hospital have recently signed a memorandum of understanding.\n"), None,
                 id="a_second_wire_dateline_is_no_signing_date"),
    pytest.param(("Halden Hospital concluded an MOU with Corvane Bio on smart wards.\n\nThe ceremony, which was attended "
                  "by CEO Mia Ortner of Corvane Bio and director Tom Reyes of the hospital, was held at the hospital on "
                  "November 3.\n"), "--11-03", id="the_ceremony_of_an_agreement_story"),
    pytest.param(("Halden Hospital concluded an MOU with Corvane Bio on smart wards.\n\nThe opening ceremony of the new "
                  "ward was held at the hospital on November 3.\n"), None, id="an_opening_ceremony_is_no_signing"),
]


@pytest.mark.parametrize(("text", "signed_on"), [*SIGNING_DATES, *PLANNED_SIGNINGS, *PARSED_SIGNINGS])
def test_the_signing_date(extractor, text, signed_on):
    assert extractor.extract(text).agreement.signed_on == signed_on


def test_a_yearless_body_date_does_not_date_the_article(extractor):
    body = "The company will hold a majority stake, and the state fund will take the rest. " * 8
    text = (f"Corvane Bio will fund a new antibody company, the minister told reporters yesterday.\n\n{body}\n\nOn Sept. 4, "
            "Corvane Bio announced a first round of talks with Halden Pharma.\n")
    result = extractor.extract(text)
    assert result.meta.reference_date is None and "--09-03" not in {d.value for d in result.dates}


def test_a_yearless_lead_date_dates_the_article(extractor):
    text = ("On July 24, Corvane Bio announced that it had signed a research agreement with Halden Clinics. The signing "
            "ceremony was held last month at the clinics.\n")
    assert extractor.extract(text).agreement.signed_on == "--06"


@pytest.mark.parametrize("text, dates", [
    pytest.param("March 5, 2025 -- Corvane Bio and Halden Pharma signed an MOU last Friday.\n",
                 {("2025-03-05", "publication"), ("2025-02-28", "signing")}, id="a_dateline_without_its_city"),
    pytest.param("Corvane Bio and Halden Pharma sign supply pact\nBy Jane Roe | March 5, 2025\n\nThe two companies signed a "
                 "supply agreement on Tuesday.\n", {("2025-03-05", "publication"), ("2025-03-04", "signing")},
                 id="a_byline_date"),
    pytest.param("Corvane Bio signs MOU with Halden Hospital\nInput 2025-03-05 14:21 | Modified 2025-03-06 09:00\n\nCorvane "
                 "Bio said on the 5th that it signed a business agreement with Halden Hospital.\n",
                 {("2025-03-05", "publication")}, id="a_news_site_header_and_its_edit"),
])
def test_page_dates(extractor, text, dates):
    assert {(d.value, d.role) for d in extractor.extract(text).dates} == dates


def test_the_lead_date_dates_the_article_before_a_later_citation(extractor):
    body = "The venture will develop antibodies for rare lung diseases in Europe and Asia. " * 8
    text = (f"On March 3, 2025, Corvane Bio said it had formed a venture with Halden Pharma.\n\n{body}\n\n"
            "Halden Pharma licensed its first antibody to Kappa Labs last year (Trade Weekly, October 2, 2026).\n")
    result = extractor.extract(text)
    assert result.meta.reference_date == "2025-03-03" and "2024" in {d.value for d in result.dates}


@pytest.mark.parametrize("text, value", [
    ("Halden Pharma ist seit 2018 an der Börse und hat im Jahr 2021 ein Werk eröffnet.", "2021"),
    ("Corvane Bio a été fondée en 2016 à Lyon.", "2016"),
    ("Lægemidlet kan nå markedet omkring 2027.", "2027"),
])
def test_years_after_european_prepositions(extractor, text, value):
    assert value in {d.value for d in extractor.extract(text).dates}


def test_an_amendment_is_signed_on_its_own_date(extractor):
    text = ("BOSTON, March 5, 2025 -- Tellis Bio and Orvane Pharma today announced an amendment to their license "
            "agreement originally signed in June 2022. The amendment was signed on March 4, 2025.\n")
    result = extractor.extract(text)
    assert result.agreement.signed_on == "2025-03-04" and "2022-06" in {d.value for d in result.dates}


@pytest.mark.parametrize("tail", [
    "Also read: Kappa Labs signs MOU with a Lyon hospital on February 20, 2025",
    "READ MORE: Kappa Labs opens plant in Lyon (February 20, 2025)",
    "Source: Kappa Labs annual report. Accessed February 20, 2025.",
])
def test_other_stories_and_citations_date_nothing(extractor, tail):
    text = (f"BOSTON, March 5, 2025 -- Tellis Bio signed a license agreement with Orvane Pharma.\n\n{tail}\n\n"
            "Orvane will pay $20 million upfront.\n")
    result = extractor.extract(text)
    assert result.agreement.signed_on is None and {d.value for d in result.dates} == {"2025-03-05"}


def test_years_counted_from_the_date_told_before(extractor):
    text = ("BOSTON, June 9, 2025 -- Halden Pharma was founded in 2012 and listed on the exchange three years later. "
            "A year earlier, Corvane Bio had licensed its platform to it. Sales rose 12% from a year earlier.")
    values = {d.value for d in extractor.extract(text).dates}
    assert {"2015", "2014"} <= values and "2024" not in values  # (earlier than the year told last)


def test_a_deadline_month_is_not_moved_to_last_year(extractor):
    text = ("SEOUL, March 4, 2025 -- Corvane Bio and Halden Pharma agreed to extend the term sheet. The deadline was "
            "set until September 30.")
    values = {d.value for d in extractor.extract(text).dates}
    assert "2025-09-30" in values and "2024-09-30" not in values


def test_results_booked_in_a_quarter_are_a_period(extractor):
    text = ("BOSTON, June 9, 2025 -- Corvane Bio will record a charge of $12 million, to be included in its results "
            "in the third quarter of 2025.")
    assert "2025" not in {d.value for d in extractor.extract(text).dates}


def test_date_scan_at_word_starts_matches_the_plain_scan():
    # the word-start scan (speed) finds exactly what the plain scan finds
    from mouextract.extract.context import matches_at
    from mouextract.extract.dates import _AT_WORD_STARTS, _COMBINED, _WORD_START
    text = ("Signed on 3 March 2024 (announced 2024-03-05), the pact runs from Q1 2025 until the end of 2027; "
            "on Tuesday, the partners said that last week's talks of 12th of this month went well, yesterday too.")
    assert _AT_WORD_STARTS
    for stop in (len(text), 60):
        assert [(m.span(), m.lastgroup) for m in matches_at(_COMBINED, _WORD_START, text, stop)] \
            == [(m.span(), m.lastgroup) for m in _COMBINED.finditer(text, 0, stop)] != []


@pytest.mark.parametrize("text, reference", [
    # a comma without its space, and a date glued to the next scraped word
    ("Halden Biologics and Ostvik Pharma sign a pact\n\n23 March,2021\n\nThe two signed it on February 2.\n", "2021-03-23"),
    ("Halden Biologics and Ostvik Pharma sign a pact\n\nUpdated : 2019-08-29Source : Wire\n\nThey met on Tuesday.\n",
     "2019-08-29"),
    ("1 August 2017Asia-Pacific\n\nHalden Biologics enters licensing agreement with Ostvik Pharma\n", "2017-08-01"),
    # a site's edit header dates the page only when no publication line does
    (("UPDATE : Tuesday, March 19, 2019\nHalden Biologics to co-promote a vaccine\n  • Published 2018.05.21 14:32\n"
     "Halden Biologics said Monday that it has signed an agreement with Ostvik Pharma last Friday.\n"), "2018-05-21"),
])
def test_glued_and_edited_page_dates(extractor, text, reference):
    result = extractor.extract(text)
    assert result.meta.reference_date == reference
    assert "2019-03-19" not in {d.value for d in result.dates}


@pytest.mark.parametrize("text, reference, absent", [
    # a day-of-reading bar dated after the dateline
    (("Sun. Feb 16th, 2025\n\nBrussels, 24 January 2025\n\nHalden Biologics has signed a framework contract with "
     "Ostvik Pharma.\n"), "2025-01-24", "2025-02-16"),
    # a crawler's stamp that repeats the bar gives the day of the crawl, not the publication
    ((" date 2024-11-23 Saturday 23 November 2024\n\nHalden-Ostvik Joint Venture\n\n14 July 1996\n\n- Halden Biologics "
     "and Ostvik Pharma have signed an agreement to establish a joint venture.\n"), "1996-07-14", "2024-11-23"),
])
def test_day_of_reading_bars_date_nothing(extractor, text, reference, absent):
    result = extractor.extract(text)
    assert result.meta.reference_date == reference and absent not in {d.value for d in result.dates}


def test_a_yearless_month_takes_the_year_of_its_sentence(extractor):
    text = ("Halden Biologics said Saturday it had picked an Ostvik Pharma executive as its next president. He will join "
            "Halden by April 2014 and is expected to become president at a general meeting in June, Halden said.")
    assert "2014-06" in {d.value for d in extractor.extract(text).dates}


def test_related_stories_after_a_more_on_this_story_heading(extractor):
    text = ("1 August 2017\n\nHalden Biologics enters licensing agreement with Ostvik Pharma\n\nHalden Biologics has "
            "entered into an exclusive licensing agreement with Ostvik Pharma.\n\nMore on this story\n\nGenerics\n"
            "5 August 2021   Halden Biologics is the target of a proposed class action over a generic drug.\n")
    assert "2021-08-05" not in {d.value for d in extractor.extract(text).dates}


def test_a_comparison_year_dates_no_event(extractor):
    text = "Halden Biologics shares plunged to lows not seen since 2008 after it signed a licence with Ostvik Pharma in 2018."
    values = {d.value for d in extractor.extract(text).dates}
    assert "2018" in values and "2008" not in values


def test_the_year_of_a_party_s_merger_or_acquisition(extractor):
    text = "Halden Biologics came into existence following the 2005 merger of Ostvik Pharma and Corvane Bio."
    assert "2005" in {d.value for d in extractor.extract(text).dates}


@pytest.mark.parametrize("sentence", [
    "Drugs from Ostvik accounted for 3.6 percent of the country's total in 2019.",
    "Halden had a market cap of $115 million, a fraction of its high in 2014.",
    "In 2019, infections in the region were responsible for the deaths of 1.2 million people.",
])
def test_a_year_dating_a_statistic_is_no_event(extractor, sentence):
    text = "Halden Biologics signed a license agreement with Ostvik Pharma on 3 May 2023. " + sentence
    values = {d.value for d in extractor.extract(text).dates}
    assert "2023-05-03" in values and not values & {"2019", "2014"}


@pytest.mark.parametrize("sentence, absent", [
    ("The price is the average over the five-day period ending March 30.", "--03-30"),
    ("Ostvik signed 30 licenses in the 2016 fiscal year that ended June 30.", "--06-30"),
])
def test_the_end_of_a_span_is_no_event(extractor, sentence, absent):
    result = extractor.extract("Halden Biologics will buy Ostvik Pharma, the companies said. " + sentence)
    assert absent not in {d.value for d in result.dates} and result.agreement.signed_on != absent


def test_a_tally_as_of_a_day_is_no_event(extractor):
    text = ("Halden Biologics signed a supply agreement with Ostvik Pharma on 3 May 2023. "
            "As of March 17, 2023, 26,000 doses had been delivered.")
    values = {d.value for d in extractor.extract(text).dates}
    assert "2023-05-03" in values and "2023-03-17" not in values


def test_slashed_numeric_header_date_is_month_first(extractor):
    text = ("Orvane Bio and Tellis Pharma Sign Supply Deal\nBy Jane Roe | Reporter - Tue, 03/07/2023 - 10:15\n\n"
            "Orvane Bio signed a supply agreement with Tellis Pharma on Monday.\n")
    result = extractor.extract(text)
    assert "2023-03-07" in {d.value for d in result.dates} and result.agreement.signed_on == "2023-03-06"


@pytest.mark.parametrize("text, absent", [
    # a list of other stories: each headline's stamp, or a bulleted headline ending with its date
    (("Orvane Bio signed an MOU with Tellis Pharma on 3 March 2025.\nThe two firms will build a plant in Busan.\n"
     "City opens a new park downtown\n2024.11.04 20:12 - Society\nRain is expected over the long weekend\n"
     "2024.11.04 19:40 - Weather\n"), "2024-11-04"),
    (("Orvane Bio signed an MOU with Tellis Pharma on 3 March 2025.\n\n- Halden Labs opens a plant - June 2, 2024\n"
     "- Corvid Bio names a new chief - May 9, 2024\n"), "2024-06-02"),
    # a photo caption dates the photo
    (("Orvane Bio signed an MOU with Tellis Pharma on 3 March 2025.\nA vial is shown in this picture taken on "
     "May 4, 2024.\n"), "2024-05-04"),
    (("Orvane Bio signed an MOU with Tellis Pharma on 3 March 2025.\nA lab in Busan, South Korea, June 8, 2023. "
     "REUTERS/Jane Roe\n"), "2023-06-08"),
    # an archive's stamp and a stock chart's span
    ("Orvane Bio signed an MOU with Tellis Pharma on 3 March 2025.\narchived 7 Jan 2026 10:11:12 UTC\n", "2026-01-07"),
    (("Orvane Bio signed an MOU with Tellis Pharma on 3 March 2025.\nStock Chart\nVon Feb 2025 bis Mar 2025 Click "
     "Here for more charts.\n"), "2025-02"),
])
def test_page_furniture_dates_no_event(extractor, text, absent):
    assert absent not in {d.value for d in extractor.extract(text).dates}


def test_site_header_date_overrides_a_crawlers_stamp(extractor):
    text = (" date 2024-03-02 Menu\n\nOrvane Bio Joins Vaccine Alliance\n\nWrite: 2024-03-05 09:12:40Update: 2024-03-05 10:01:02\n\n"
            "Orvane Bio signed an agreement with Tellis Pharma on Monday to join the alliance.\n")
    result = extractor.extract(text)
    values = {d.value for d in result.dates}
    assert "2024-03-05" in values and "2024-03-02" not in values and result.agreement.signed_on == "2024-03-04"


def test_dateline_a_day_past_the_header_keeps_its_year(extractor):
    text = ("Published 2023-08-14\n\nAug 15 (Wire) - Orvane Bio said it had agreed to license its antibody to Tellis "
            "Pharma.\n")
    assert "2023-08-15" in {d.value for d in extractor.extract(text).dates}


@pytest.mark.parametrize("text, signed_on", [
    ("Orvane Bio and Tellis Pharma signed a letter of intent during the Busan Biotech Expo 2026 in Korea.", "2026"),
    ("Orvane Bio signed an MOU with Tellis Pharma at the 'Medtopia 2019' fair in Lyon.", "2019"),
    # in a dated article the event's year only restates the date's year
    ("Published 2025-06-20\n\nOrvane Bio signed an MOU with Tellis Pharma at the Global Health Summit 2025.", None),
])
def test_signing_at_a_named_event_takes_its_year(extractor, text, signed_on):
    assert extractor.extract(text).agreement.signed_on == signed_on


def test_event_year_dates_nothing_but_a_signing(extractor):
    text = "Orvane Bio will present its data at the Busan Biotech Expo 2026. \u201cIn 2019 we began,\u201d it said."
    assert {d.value for d in extractor.extract(text).dates} == {"2019"}


@pytest.mark.parametrize("text, value, kept", [
    (("Tellis Pharma signed a license with Orvane Bio on 2 May 2024. Its net sales for the fiscal year ending "
     "March 2025 rose 12% to 80 billion yen."), "2025-03", False),
    (("Tellis Pharma signed a license with Orvane Bio on 2 May 2024. It is reviewing its forecasts for the fiscal "
     "year ending March 31, 2025."), "2025-03-31", False),
    # where the deal's money is booked, the year's end stays
    (("Tellis Pharma signed a license with Orvane Bio on 2 May 2024. The upfront payment will be booked as revenue "
     "in the fiscal year ending March 31, 2025."), "2025-03-31", True),
])
def test_fiscal_year_end_of_a_figure_is_a_period(extractor, text, value, kept):
    assert (value in {d.value for d in extractor.extract(text).dates}) == kept


def test_a_funding_round_last_year_is_an_event(extractor):
    text = "Published 2024.06.18\nFounded in 2017, Orvane Bio raised 20 billion won in a Series A round last year."
    assert "2023" in {d.value for d in extractor.extract(text).dates}


def test_quarter_and_full_year_a_report_covers_are_periods(extractor):
    text = ("Orvane Bio Reports Results for the Fourth Quarter and Full Year 2024\n\nOn 3 March 2025, Orvane Bio "
            "reported its results and said it had signed a license with Tellis Pharma.\n")
    assert {d.value for d in extractor.extract(text).dates} == {"2025-03-03"}


def test_a_weekday_glossed_in_parentheses_is_that_date(extractor):
    text = "Corvane Bio said in a statement on Thursday (July 25) that it had formed a research alliance with Halden Pharma.\n"
    assert [(d.text, d.value) for d in extractor.extract(text).dates] == [("July 25", "--07-25")]


@pytest.mark.parametrize("day", ["28th", "30th"])
def test_a_crawl_stamp_glued_to_the_lead_is_no_site_header(extractor, day):
    # the stamp's own "date" makes no header line of the body sentence after it, whose date is then the signing's
    text = (f"date 2025-05-30 Lyon : Corvane Bio has signed an MoU with Halden Institute. The MoU was signed by Prof. Ana "
            f"Veld, dean of Corvane Bio, and Dr. Tom Reyes, director of Halden Institute, on {day} May 2025.\n\n"
            "The MoU covers joint research.\n")
    result = extractor.extract(text)
    assert result.meta.reference_date == "2025-05-30" and result.agreement.signed_on == f"2025-05-{day[:2]}"


def test_a_month_word_before_an_ampersand_is_a_firm_s_name(extractor):
    text = ("BOSTON, June 9, 2025 -- The new vaccine company will have a board of five, three from June & Partners "
            "and two from Halden Pharma.\n")
    assert {d.value for d in extractor.extract(text).dates} == {"2025-06-09"}


def test_a_month_before_an_ampersand_and_another_month_is_a_date(extractor):
    """Only a capitalised word other than a month after the ampersand makes the month a firm's name."""
    text = ("BOSTON, June 9, 2025 -- Halden Pharma and Kelvaro signed a licence agreement. Enrolment opens in July "
            "& August.\n")
    assert {d.value for d in extractor.extract(text).dates} == {"2025-06-09", "2025-07"}
