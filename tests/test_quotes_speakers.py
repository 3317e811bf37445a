"""Who speaks (`analytics.quotes.speakers`): the SpeakerResolver on parsed sentences."""
from __future__ import annotations

from analytics.actors import parse_registry
from analytics.layout import layout_of
from analytics.lexicons import load_reporting_cues
from analytics.mentions import extract_mentions
from analytics.quotes.speakers import SpeakerResolver

REGISTRY = parse_registry("actors:\n  - name: Ana Lima\n  - name: Acme\n    kind: organisation\n")


def resolver_for(nlp, text):
    doc = nlp(text)
    layout = layout_of(doc)
    mentions, entities = extract_mentions(doc, REGISTRY, "t", layout)
    return doc, SpeakerResolver(doc, mentions, entities, REGISTRY, load_reporting_cues(), layout)


def token(doc, text, nth=0):
    return [t for t in doc if t.text == text][nth]


def test_the_subject_of_a_cue_names_the_speaker(nlp):
    doc, resolver = resolver_for(nlp, "Trade minister Ana Lima said the port would reopen.")
    subject = resolver.subject_of(token(doc, "said"))
    assert resolver.resolve(subject) == ("Ana Lima", "Trade minister Ana Lima")


def test_a_pronoun_refers_to_the_speaker_noted_last(nlp):
    doc, resolver = resolver_for(nlp, "The port was quiet. Ana Lima was there. Later she said it would reopen.")
    assert resolver.last_speaker is None
    resolver.spoke("Ana Lima", token(doc, "Lima").i)
    assert resolver.last_speaker == ("Ana Lima", token(doc, "Lima").i)
    assert resolver.resolve(token(doc, "she"))[0] == "Ana Lima"


def test_an_organisation_is_not_the_antecedent_of_she(nlp):
    doc, resolver = resolver_for(nlp, "Acme closed the plant. She said it was a shame.")
    resolver.spoke("Acme", token(doc, "Acme").i)
    assert resolver.resolve(token(doc, "She"))[0] == ""


def test_an_unnamed_group_cannot_speak_but_a_role_can(nlp):
    doc, resolver = resolver_for(nlp, "These encounters highlight the risks, the spokesperson said.")
    assert not resolver.can_speak(token(doc, "encounters"))
    assert resolver.can_speak(token(doc, "spokesperson"))


def label_of(text):
    from analytics.quotes.references import line_label

    return line_label(text, text.index("\u201c") + 1, load_reporting_cues().titles)


def test_a_list_line_is_labelled_by_the_name_before_its_colon():
    text = "Reactions\n\u2022 Dr Ilona Sark, competition economist: \u201cPrices will rise.\u201d"
    assert label_of(text) == (text.index("Ilona"), "Ilona Sark")


def test_a_bulleted_label_that_is_no_name_names_no_one():
    text = "\u2022 A cashier, who asked not to be named: \u201cNobody told us.\u201d"
    assert label_of(text) == (2, "")


def test_sentences_and_transcript_labels_are_not_list_labels():
    assert label_of("She put it simply: \u201cThe tariffs stay.\u201d") == (-1, "")
    assert label_of("MINISTER: \u201cThe tariffs stay.\u201d") == (-1, "")
    assert label_of("Q: \u201cWill the tariffs stay?\u201d") == (-1, "")
    assert label_of("The minister said \u201cthe tariffs stay\u201d") == (-1, "")


def test_a_transcript_label_is_one_letter_or_a_word_in_capitals():
    from analytics.quotes.references import transcript_label

    for text, label in [("A: \u201cYes.\u201d", "A"), ("MINISTER: \u201cNo.\u201d", "MINISTER"),
                        ("Ana Lima: \u201cNo.\u201d", ""), ("He said: \u201cNo.\u201d", "")]:
        assert transcript_label(text, text.index("\u201c") + 1) == label


def test_a_group_noun_refers_back_to_a_name_that_starts_after_the_sentence_before():
    from analytics.quotes.references import named_group

    text = "Rail workers marched on Wednesday. The Rail Workers Alliance said 20,000 joined. The alliance"
    assert named_group(text, text.rindex("The"), "alliance") == "Rail Workers Alliance"
    assert named_group("The federation said", 0, "federation") == ""


# --- Through the whole analysis, as a build runs it -----------------------------

def quotes_of(nlp, text, registry=None):
    """The quotes of one article, with ``registry`` (default REGISTRY) and the people the text names."""
    from analytics.corpus import Article
    from analytics.parse import parse_texts
    from analytics.pipeline import analyse_doc, discover_registry

    doc = parse_texts(nlp, [text])[0]
    return analyse_doc(doc, Article("t", text), discover_registry([doc], registry or REGISTRY))["quotes"]


def speakers(rows):
    return [q["speaker"] for q in rows]


def test_someone_introduced_without_a_name_is_no_one_named_in_the_sentence(nlp):
    text = "Lena Marsh, Acme's director, met the dockers. An Acme official said the talks had stalled over night shifts."
    assert speakers(quotes_of(nlp, text)) == [""]


def test_an_unnamed_speaker_stays_unnamed_in_the_quotes_that_follow(nlp):
    text = ("Lena Marsh said the convoy was late. One diplomat, asked about the convoy, laughed. "
            "“We are ready,” the diplomat said. “Whether we are able is another matter.”")
    assert speakers(quotes_of(nlp, text)) == ["Lena Marsh", "", ""]


def test_a_report_attributed_to_a_source_is_said_by_its_own_subject(nlp):
    text = ("Marta Okoro told the council that the bridge would reopen in May, a city hall spokesperson said.\n\n"
            "According to a statement from his office, Senator Piet Vos said the levy must be scrapped.")
    rows = quotes_of(nlp, text)
    assert [(q["speaker"], q["kind"]) for q in rows] == [("Marta Okoro", "indirect"), ("Piet Vos", "indirect")]


def test_a_report_inside_what_someone_says_stays_theirs(nlp):
    text = "Rafael Dunne said that Marta Okoro told him the bridge would reopen in May."
    assert speakers(quotes_of(nlp, text)) == ["Rafael Dunne"]


def test_a_first_name_given_with_an_age_names_a_passer_by(nlp):
    text = ("Sara Quint, a local grocer, said the new tram would help. ‘It brings people in,’ she said.\n\n"
            "Omar, 63, a retired welder, disagreed. ‘Nobody asked us about the noise.’\n\n"
            "Ines, 29, who rents above the depot, said the works had already cost her sleep. ‘Every night, drilling.’")
    assert speakers(quotes_of(nlp, text)) == ["Sara Quint", "Sara Quint", "Omar", "Ines", "Ines"]


PEOPLE = parse_registry("actors:\n  - name: Pavel Rusk\n  - name: Ilse Varga\n")


def test_she_is_not_someone_the_article_shows_as_a_man_by_his_own_pronoun(nlp):
    text = ("Pavel Rusk, the harbour board's treasurer, told me that he had never seen a worse year.\n\n"
            "The dredging row is where Ilse Varga is weakest. She promised a new channel, then said it was unaffordable.")
    rows = quotes_of(nlp, text, PEOPLE)
    assert [q["speaker"] for q in rows if q["speaker_text"].lower() == "she"] == ["Ilse Varga"]


def test_a_question_about_someone_else_shows_no_gender(nlp):
    from analytics.quotes.references import article_genders

    doc = nlp("Pavel Rusk asked whether she had any plan at all. Later Ilse Varga said that she had one.")
    mentions, _ = extract_mentions(doc, PEOPLE, "t", layout_of(doc))
    genders = article_genders(doc, mentions, PEOPLE.kind_of, load_reporting_cues())
    assert "Pavel Rusk" not in genders and genders.get("Ilse Varga") == "female"


def test_of_two_holders_of_a_role_the_description_is_the_one_named_last(nlp):
    text = ("President Ana Lima of Ardania met President Tomas Varo of Bellmark in Geneva on Monday.\n\n"
            "The mood had soured by Tuesday, when Lima, in her opening remarks, warned that the talks could fail. "
            "“We will not sign anything today,” the president said.")
    assert speakers(quotes_of(nlp, text)) == ["Ana Lima", "Ana Lima"]


def test_a_modified_role_no_one_was_introduced_with_is_the_speaker_just_named(nlp):
    text = ("President Tomas Varo of Bellmark opened the summit on Monday.\n\n"
            "In Brussels, Ilse Brandt said the fund was ready. "
            "The Commission president, who has long backed the plan, added that the money would flow by June.")
    assert speakers(quotes_of(nlp, text)) == ["Ilse Brandt", "Ilse Brandt"]


def test_the_subject_of_a_main_clause_becomes_the_topic_though_a_quote_came_before_in_its_sentence(nlp):
    text = ("Earlier on Sunday, after Pavel Rusk wrote that the port was finished, Ilse Varga struck a calmer note. "
            "“We will rebuild it, pier by pier,” she wrote.")
    assert speakers(quotes_of(nlp, text, PEOPLE)) == ["Pavel Rusk", "Ilse Varga"]


def test_a_pronoun_after_a_quotation_of_several_paragraphs_reaches_back_to_its_start(nlp):
    text = ("Marta Okoro, who chairs the island forum, said the fund was “a number for the press”.\n\n"
            "“We did not come here to bargain. The sum sounds large. Spread over ten years it is small. "
            "Spread over a hundred islands it is nothing.\n\n"
            "“Our people will judge us by one thing: whether the money arrives,” she said.")
    assert set(speakers(quotes_of(nlp, text))) == {"Marta Okoro"}


def test_carry_over_stops_where_another_person_became_the_subject(nlp):
    text = ("Ilse Varga said the harbour plan had “cost a fortune”.\n\n"
            "Pavel Rusk, who spoke later in the programme, dismissed the criticism.\n\n"
            "“A cap is not cruelty. It is arithmetic,” he said.")
    assert speakers(quotes_of(nlp, text, PEOPLE)) == ["Ilse Varga", "Pavel Rusk"]


def test_a_party_label_after_the_is_the_person_just_quoted_not_an_institution(nlp):
    text = ("Senator Lena Marsh said the ferry bill was ready. "
            "The Vermont Democrat said the tolls would pay for it within a decade.")
    assert speakers(quotes_of(nlp, text)) == ["Lena Marsh", "Lena Marsh"]


def test_offices_named_by_a_role_or_by_their_title_are_institutions(nlp):
    text = ("The prime minister's office said it regretted the vote.\n\n"
            "The Office of the President said in a statement that the team had a mandate.")
    assert speakers(quotes_of(nlp, text)) == ["prime minister's office", "Office of the President"]


def test_an_organisation_in_apposition_and_the_issuer_of_a_document_speak(nlp):
    text = ("The plant's owner, the state utility KarPower, said in a statement that it would follow the plan.\n\n"
            "A joint statement released by Acme said the two firms had agreed.")
    assert speakers(quotes_of(nlp, text)) == ["KarPower", "Acme"]


def test_a_group_noun_refers_back_to_the_institution_named_with_it_and_of(nlp):
    text = ("Ewan Brodie, chief executive of the Tarnley Chamber of Commerce, said trade was down.\n\n"
            "The chamber said in a statement that it would fund a legal challenge.")
    assert speakers(quotes_of(nlp, text)) == ["Ewan Brodie", "Tarnley Chamber of Commerce"]


def test_the_administration_is_an_institution_not_its_leader(nlp):
    text = ("President Lena Marsh shelved the summit last month.\n\n"
            "Three weeks on, the administration insists its new approach is working.")
    assert speakers(quotes_of(nlp, text)) == ["administration"]


def test_the_noun_before_a_participle_after_with_is_its_speaker(nlp):
    text = ("Acme has so far refused, with a senior company source saying that arbitration would "
            "\"hand our budget to three strangers\".")
    rows = quotes_of(nlp, text)
    assert [(q["speaker"], q["speaker_text"]) for q in rows] == [("", "a senior company source")]


def test_a_quotation_inside_a_sentence_is_not_carried_over_from_the_last_speaker(nlp):
    text = ("Marta Okoro said the fleet would sail on Friday.\n\n"
            "About 300 fishermen have blocked the harbour mouth, chanting “no quota, no catch” through the night.")
    assert speakers(quotes_of(nlp, text)) == ["Marta Okoro", ""]


def test_they_and_the_leaders_after_a_list_of_people_are_its_first_person(nlp):
    text = ("Marta Okoro, Pavel Rusk, Ilse Varga and other mayors said in a joint letter that the plan was "
            "“a start”.\n\n"
            "They said they were worried by the cuts to bus routes.\n\n"
            "“We will not accept a city without buses,” the mayors wrote.\n\n"
            "Transport experts said the cuts were modest.")
    assert speakers(quotes_of(nlp, text)) == ["Marta Okoro"] * 3 + [""]


def test_a_first_name_alone_becomes_the_topic_of_the_next_quotation(nlp):
    text = ("“Close the depot and keep it closed,” said Tomasz, 41, who drives the night bus.\n\n"
            "Her neighbour Deborah was less sure. “Closing it just moves the queue,” she said.")
    assert speakers(quotes_of(nlp, text)) == ["Tomasz", "Deborah"]


def test_the_person_a_paragraph_ends_on_is_the_topic_of_a_quotation_opening_the_next(nlp):
    text = ("Marta Okoro said the ferry would run on Friday.\n\n"
            "In the back room of the harbour cafe, Deborah has not heard from her son in a week.\n\n"
            "“If they open the crossing, he will be on the first boat,” she said.")
    assert speakers(quotes_of(nlp, text)) == ["Marta Okoro", "Deborah"]


def test_a_group_noun_named_by_a_place_and_an_organisation_s_office_are_institutions(nlp):
    text = ("The Tarnley port authority said it had no record of the cargo.\n\n"
            "The Blue Harbour Trust's regional office said it had 40 trucks waiting.\n\n"
            "Business groups say the delays are costly.")
    rows = quotes_of(nlp, text)
    assert speakers(rows)[:2] == ["Tarnley port authority", "Blue Harbour Trust"]
    assert speakers(rows)[2:] in ([], [""])


def test_a_name_in_apposition_to_the_institution_of_a_role_is_its_holder(nlp):
    text = "The chair of the Competition Authority, Ansel Duquenne, told the committee that the board had not reached a view."
    assert speakers(quotes_of(nlp, text)) == ["Ansel Duquenne"]


def test_a_group_found_in_the_corpus_and_named_by_a_group_noun_is_what_it_refers_to(nlp):
    corpus_found = parse_registry("actors:\n  - name: Harbour Alliance\n")  # discovered names come in as people
    text = ("The opposition Harbour Alliance, in a statement on social media, claimed that ballots had been counted "
            "in secret. It said its candidate would not take part in a second round.")
    assert speakers(quotes_of(nlp, text, corpus_found)) == ["Harbour Alliance", "Harbour Alliance"]


def test_a_quotation_inside_someone_s_statement_noun_is_theirs(nlp):
    text = ("Lena Marsh’s call for both unions to “stop where they are” has not moved the Harbour Board, "
            "which still demands a full return to work.")
    assert [q["speaker"] for q in quotes_of(nlp, text) if q["kind"] == "direct"] == ["Lena Marsh"]


def test_the_person_asked_answers_the_question(nlp):
    text = ("Ilse Varga also asked Pavel Rusk about his plans for the harbour. "
            "“I have the job I want, and it is a big enough job,” he said.")
    assert speakers(quotes_of(nlp, text, PEOPLE)) == ["Pavel Rusk"]



# --- A dateline before the subject is not part of the speaker's words ----------------------------------------

def speaker_words(nlp, text):
    return [q["speaker_text"] for q in quotes_of(nlp, text)]


def test_an_outlet_in_brackets_before_the_subject_is_not_its_words(nlp):
    assert speaker_words(nlp, "(Reuters) - Port authorities said on Tuesday that the harbour would reopen next week.") \
        == ["Port authorities"]
    assert speaker_words(nlp, "(NewsWire) Local farmers said the drought had cut their harvest by half.") == ["Local farmers"]


def test_a_place_and_outlet_dateline_ending_in_a_dash_is_not_the_subject_s_words(nlp):
    for text in ("LONDON (AP) — Railway unions said the strike would go ahead on Monday.",
                 "NAIROBI, Kenya (AP) — Health officials said the clinics would stay open.",
                 "OSLO — The fisheries minister said the quota would not change.",
                 "(Reuters) - The (acting) harbour master said the port would reopen."):
        words = speaker_words(nlp, text)
        assert len(words) == 1 and not any(mark in words[0] for mark in ("AP", "Reuters", "—", "OSLO")), (text, words)


def test_brackets_and_hyphens_inside_the_subject_stay(nlp):
    assert speaker_words(nlp, "The (acting) harbour master said the port would reopen.") == ["The (acting) harbour master"]
    assert speaker_words(nlp, "Self-described experts said the bridge was safe.") == ["Self-described experts"]
    assert speaker_words(nlp, "Ana Lima (Acme) said the plant would close.") == ["Ana Lima (Acme)"]
