"""Quotes on small hand-made sentences: every mark style, speaker position, pronouns, channels."""

from __future__ import annotations

import pytest

from newsgraph.extract.context import Context
from newsgraph.extract.quotes import extract_quotes
from newsgraph.extract.quotes_marks import find_quoted
from newsgraph.model import Article, Quote
from newsgraph.read.nlp import load_nlp


def run(text: str) -> tuple[list[Quote], Context]:
    ctx = Context(article=Article(id="t", body=text, published="2024-05-01"))
    return extract_quotes(load_nlp()(text), ctx), ctx


def speaker_name(ctx: Context, quote: Quote) -> str | None:
    actor = next((a for a in ctx.actors if a.id == quote.speaker), None)
    return actor.name if actor else None


@pytest.mark.parametrize(
    "text",
    [
        '"We will rebuild the city," Mayor John Smith said.',
        "“We will rebuild the city,” Mayor John Smith said.",
        "‘We will rebuild the city,’ Mayor John Smith said.",
        "« We will rebuild the city », Mayor John Smith said.",
        "'We will rebuild the city,' Mayor John Smith said.",
    ],
)
def test_every_mark_style_gives_the_direct_quote_and_speaker(text: str) -> None:
    quotes, ctx = run(text)
    assert [q.text for q in quotes] == ["We will rebuild the city"]
    assert quotes[0].kind == "direct"
    assert speaker_name(ctx, quotes[0]) == "John Smith"
    assert text[quotes[0].start : quotes[0].end] == "We will rebuild the city"


def test_apostrophes_are_not_quote_marks() -> None:
    text = "Korea’s leaders and the workers’ union don't agree; it's the parents' choice."
    assert find_quoted(text) == []


def test_speaker_before_the_quote() -> None:
    quotes, ctx = run("Prime Minister Jane Doe told parliament: “The budget is balanced.”")
    assert quotes[0].kind == "direct"
    assert speaker_name(ctx, quotes[0]) == "Jane Doe"


def test_speaker_inside_a_split_quote() -> None:
    quotes, ctx = run("“We tried,” said Maria Lopez, “but the river rose too fast.”")
    assert [speaker_name(ctx, q) for q in quotes] == ["Maria Lopez", "Maria Lopez"]


def test_pronoun_speaker_resolves_to_last_person() -> None:
    text = "Maria Lopez visited the site on Monday. “Nothing is left,” she said."
    quotes, ctx = run(text)
    assert speaker_name(ctx, quotes[0]) == "Maria Lopez"


def test_multi_paragraph_quote_continues_and_keeps_speaker() -> None:
    text = (
        "Coach Tom Baker said: “We played well in the first half.\n"
        "“In the second half we lost our shape and they punished us.”\n"
        "The team plays again on Friday."
    )
    quotes, ctx = run(text)
    assert len(quotes) == 1
    assert "first half" in quotes[0].text and "punished us" in quotes[0].text
    assert speaker_name(ctx, quotes[0]) == "Tom Baker"


def test_continuing_quote_without_verb_takes_previous_speaker() -> None:
    text = "“The talks failed,” Anna Berg said.\n“We will try again next year.”"
    quotes, ctx = run(text)
    assert [speaker_name(ctx, q) for q in quotes] == ["Anna Berg", "Anna Berg"]


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("“The operation is complete,” Minister Ivan Petrov told TASS on Wednesday.", "TASS"),
        ("“We are ready,” Kim was quoted as saying by KCNA.", "KCNA"),
        ("“Prices will fall,” Anna Berg said in an interview with CNN.", "CNN"),
    ],
)
def test_channel_is_kept_as_via(text: str, channel: str) -> None:
    quotes, ctx = run(text)
    via = next(a for a in ctx.actors if a.id == quotes[0].via)
    assert via.name == channel
    assert quotes[0].speaker != quotes[0].via


def test_partial_quotes_belong_to_the_clause_speaker() -> None:
    text = "Senator Paul Grant called the bill a “disgrace” and a “betrayal of voters”."
    quotes, ctx = run(text)
    assert [(q.kind, q.text) for q in quotes] == [
        ("partial", "disgrace"), ("partial", "betrayal of voters")
    ]
    assert {speaker_name(ctx, q) for q in quotes} == {"Paul Grant"}


def test_scare_quote_in_reported_clause_is_the_reporter_speakers() -> None:
    text = "President Ana Silva said the victims were “heroes of the nation” on Sunday."
    quotes, ctx = run(text)
    # The gold convention: the reported clause carries words of the writer's own, so both
    # the indirect clause and the partial quote inside it are items, of the same speaker.
    assert sorted(q.kind for q in quotes) == ["indirect", "partial"]
    assert {speaker_name(ctx, q) for q in quotes} == {"Ana Silva"}


def test_indirect_quote_text_is_the_reported_clause() -> None:
    quotes, ctx = run("Police chief Mark Olsen said that the suspect had fled the country.")
    (quote,) = quotes
    assert quote.kind == "indirect"
    assert quote.text == "the suspect had fled the country"
    assert speaker_name(ctx, quote) == "Mark Olsen"
    assert quote.cue is not None and quote.cue.text == "said"


def test_text_without_speech_has_no_quotes() -> None:
    quotes, _ = run("The bridge was closed on Monday after a storm damaged its supports.")
    assert quotes == []


# -- speaker resolution and indirect speech (issue 5) ----------------------------------------
def test_postposed_attribution_gives_an_indirect_quote() -> None:
    quotes, ctx = run("The entire crew were Iranians, the army said.")
    (quote,) = quotes
    assert (quote.kind, quote.text) == ("indirect", "The entire crew were Iranians")
    assert speaker_name(ctx, quote) == "army"


def test_according_to_before_and_after_the_clause() -> None:
    text = "According to Reuters, the talks failed. Two men were hurt, according to police."
    quotes, ctx = run(text)
    assert [q.text for q in quotes] == ["the talks failed", "Two men were hurt"]
    assert [speaker_name(ctx, q) for q in quotes] == ["Reuters", "police"]


def test_according_to_a_plan_is_nobodys_speech() -> None:
    quotes, _ = run("The race was, according to earlier plans, due to start at noon.")
    assert quotes == []


def test_passive_speech_verb_gives_the_agent_not_the_hearer() -> None:
    text = "Paul Grant met the minister. He was told by Anna Lee of “a grave crisis” ahead."
    quotes, ctx = run(text)
    (quote,) = quotes
    assert speaker_name(ctx, quote) == "Anna Lee"


def test_pronoun_agrees_in_gender_and_skips_an_object() -> None:
    text = (
        "Mrs Jane Hill met Mr Tom Reed on Monday. Speaking to Tom Reed, she said, "
        "“We will not give up on this town.”"
    )
    quotes, ctx = run(text)
    assert speaker_name(ctx, quotes[-1]) == "Jane Hill"


def test_described_speaker_becomes_an_actor() -> None:
    quotes, ctx = run("A fire officer said wooden panels made the corridors unusable.")
    (quote,) = quotes
    assert speaker_name(ctx, quote) == "A fire officer"


def test_nested_report_keeps_the_inner_source_with_the_outlet_as_channel() -> None:
    text = "The Daily Post reported its source said the tenant moved in a day before the blast."
    quotes, ctx = run(text)
    (quote,) = quotes
    assert quote.text == "the tenant moved in a day before the blast"
    assert speaker_name(ctx, quote) == "its source"
    assert quote.via is not None


def test_negated_and_mental_verbs_are_not_speech() -> None:
    assert run("The minister did not say the plan had failed completely.")[0] == []
    assert run("Investigators believe the fire was started deliberately.")[0] == []


def test_names_and_glosses_in_quote_marks_are_not_quotes() -> None:
    text = "Thousands went to “Alien Stock” in Las Vegas during the Brexit (“British exit”) talks."
    assert run(text)[0] == []


def test_meeting_speaks_for_the_party_that_holds_it_via_the_reporting_agency() -> None:
    from newsgraph.pipeline import analyze_article

    text = (
        "The annual meeting of the Workers’ Party of Korea ended on Friday. According to KCNA, "
        "plans were discussed for flood relief. The meeting underscored ties with “friendly” "
        "countries."
    )
    analysis = analyze_article(Article(id="t", body=text, published="2024-12-30"))
    quote = next(q for q in analysis.quotes if q.text == "friendly")
    speaker, via = analysis.actor(quote.speaker), analysis.actor(quote.via)
    assert speaker is not None and "Workers" in speaker.name
    assert via is not None and via.name == "KCNA"


# -- speaker classes (quotes3) ---------------------------------------------------------------
def speakers(text: str) -> list[tuple[str, str | None]]:
    quotes, ctx = run(text)
    return [(q.kind, speaker_name(ctx, q)) for q in quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inverted cue after a question mark ("?" wrote X)
        ('"Who would steal a toilet?" wrote Maria Lopez, the artist, in an e-mail.',
         "Maria Lopez"),
        # a parse that splits the subject ("study co - author Karen Alley")
        ('"Warm water is attacking the shelves," said study co-author Karen Alley.',
         "Karen Alley"),
        # a name in the quote is no apposition of the speaker
        ('Paul McCartney wrote on Twitter, "Ginger Baker, great drummer, wild and lovely guy."',
         "Paul McCartney"),
        # a title whose "of" phrase ends in the name
        ('"I am in awe of the people who ran towards danger" tweeted Mayor of London Sadiq Khan.',
         "Sadiq Khan"),
        # the name given to a described speaker
        ('"Nobody listens to us at all," said a protester using the pseudonym Katya.', "Katya"),
        # a name in apposition to a title the parser made a conjunct
        ("The National Institute of Allergy and Infectious Disease's director, Dr. Anthony "
         'Fauci, said of the outbreak, "Bottom line, it is going to get worse."', "Anthony Fauci"),
        # according to X before a direct quote with no speech verb
        ('According to eyewitness Vinnie DeVita, "within seconds of it all, it exploded."',
         "Vinnie DeVita"),
        # a reaction on a platform is speech
        ('Mick Jagger also reacted on Twitter, "Sad news, I remember playing with him."',
         "Mick Jagger"),
    ],
)
def test_direct_quote_speaker_classes(text: str, expected: str) -> None:
    found = [s for k, s in speakers(text) if k == "direct"]
    assert len(found) == 1 and found[0] is not None
    assert found[0].split()[-1] == expected.split()[-1]  # the person, by surname at least


def test_as_quoted_by_names_a_channel_and_the_speaker_is_before() -> None:
    text = (
        'Minister George Katrougalos warned the council, saying "The bridge is not safe for '
        'anyone to cross", as quoted by Greek Reporter.'
    )
    quotes, ctx = run(text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert [speaker_name(ctx, q) for q in direct] == ["George Katrougalos"]
    assert direct[0].via is not None and direct[0].via != direct[0].speaker


def test_the_subject_of_a_wh_clause_is_not_the_speaker() -> None:
    text = (
        "A bystander described for local radio how the robbery unfolded, stating, "
        '"I was leaving the bank when I saw a man with a gun."'
    )
    assert speakers(text) == [("direct", "A bystander")]
    text = (
        "An eyewitness described for the news agency how the attack unfolded, stating, "
        '"I was crossing the road when I saw a man with a knife."'
    )
    assert speakers(text)[0][1] != "the attack"


def test_direct_quote_after_speech_verb_and_its_continuation() -> None:
    text = (
        'Ryan Coogler wrote of Boseman, "I noticed then that Chad was an anomaly", recalling '
        'their first meeting. "He was calm. Assured. Constantly studying."'
    )
    assert speakers(text) == [("direct", "Ryan Coogler"), ("direct", "Ryan Coogler")]


def test_he_is_the_subject_earlier_in_its_own_sentence() -> None:
    text = (
        "Tom Reed spoke to reporters. Later Reed denied the charge, but upon seeing the video "
        "of Ann Lee's visit he claimed the meeting had been friendly."
    )
    found = speakers(text)
    assert ("indirect", "Tom Reed") in found and all(s == "Tom Reed" for _, s in found)


def test_she_is_the_described_subject_of_the_previous_sentence() -> None:
    text = (
        "Judge Durham Hall sentenced the men on Friday. One of the victims decided to allow "
        "her name to be made public. She said she did this to show others they can speak."
    )
    assert speakers(text) == [("indirect", "One of the victims")]


def test_he_is_the_nearest_speaking_subject_of_the_previous_sentence() -> None:
    text = (
        "President Andrzej Duda said the victims were young people while Interior Minister "
        "Joachim Brudziński wrote he had ordered fire safety checks. He tweeted, \"I want to "
        'express my sympathy to the families."'
    )
    found = speakers(text)
    assert found == [
        ("indirect", "Andrzej Duda"),
        ("indirect", "Joachim Brudziński"),
        ("direct", "Joachim Brudziński"),
    ]


def test_they_is_the_organisation_of_the_previous_sentence_and_its_statement_speaks() -> None:
    text = (
        "The United States Commission on International Religious Freedom criticized the move "
        'on Thursday. They released a statement which said, "The building has deep '
        'significance to people of every faith."'
    )
    assert speakers(text) == [
        ("direct", "United States Commission on International Religious Freedom")
    ]


def test_the_author_of_a_post_is_the_source() -> None:
    text = (
        "According to a Twitter post by Amy Cook, director of the event, the tusk came from "
        "the wall of the hall."
    )
    assert speakers(text) == [("indirect", "Amy Cook")]


def test_the_subject_of_reported_content_is_not_the_partial_quotes_speaker() -> None:
    text = (
        "Public health expert Wendy Parmet said naming the virus after Wuhan would place "
        '"tremendous stigmatization on the people of Wuhan".'
    )
    found = speakers(text)
    assert ("partial", "Wendy Parmet") in found
    assert all(s == "Wendy Parmet" for _, s in found)


def test_according_to_a_channel_whose_clause_has_its_own_speaker() -> None:
    text = (
        "According to the BBC, a spokesman for the ministry expressed disappointment and "
        "that the office intends to appeal."
    )
    quotes, ctx = run(text)
    assert len(quotes) == 1
    assert speaker_name(ctx, quotes[0]) == "a spokesman for the ministry"
    assert next(a.name for a in ctx.actors if a.id == quotes[0].via) == "BBC"


def test_according_to_a_plain_source_keeps_it_as_speaker() -> None:
    quotes, ctx = run("According to the BBC, the office intends to appeal the ruling.")
    assert [speaker_name(ctx, q) for q in quotes] == ["BBC"]
    assert quotes[0].via is None


def test_according_to_a_bare_plural_makes_a_group_speaker() -> None:
    quotes, ctx = run("According to eyewitnesses, the child and his mother leapt from the hotel.")
    assert [speaker_name(ctx, q) for q in quotes] == ["eyewitnesses"]


def test_bare_plural_subject_stays_a_generic_voice() -> None:
    quotes, ctx = run("Witnesses said the man fled before the police arrived.")
    assert [speaker_name(ctx, q) for q in quotes] == [None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The three-judge court found the advice was motivated by an improper purpose.",
         "three-judge court"),
        ("The Constitution specifies that officials are removed from office after impeachment.",
         "Constitution"),
    ],
)
def test_courts_and_documents_report_findings(text: str, speaker: str) -> None:
    quotes, ctx = run(text)
    assert [q.kind for q in quotes] == ["indirect"]
    assert speaker_name(ctx, quotes[0]) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Police found that the door had been forced open.",
        "The court issued its ruling on Tuesday, finding it to be unlawful.",
    ],
)
def test_findings_of_others_or_without_a_clause_are_no_quotes(text: str) -> None:
    quotes, _ = run(text)
    assert quotes == []
