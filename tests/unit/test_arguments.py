"""Sources and targets of a coded verb (coding.arguments), on hand-written parses."""

from __future__ import annotations

import dataclasses

import pytest

from accord.coding.actor_records import ActorRef, Mention
from accord.coding.actors import SentenceActors
from accord.coding.arguments import arguments, naming_description, same_actor
from accord.coding.patterns import children_of
from accord.coding.place_words import place_words
from accord.coding.places import Gazetteer
from accord.coding.verbs import VerbDictionary, VerbMatch
from accord.model import ParsedSentence
from tests.unit.parsing import Entry, parsed, tagged, with_entities


@pytest.fixture(scope="module")
def verbs() -> VerbDictionary:
    return VerbDictionary.load()


def _coded(
    verbs: VerbDictionary, ps: ParsedSentence, mentions: list[Mention], verb: int
) -> tuple[VerbMatch, list[ActorRef], list[ActorRef]]:
    """The dictionary match of ``verb`` and its sources and targets, as the coder finds
    them with these knowledge-base mentions."""
    children = children_of(ps.tokens)
    actors = SentenceActors(ps.tokens, mentions, children)
    match = verbs.match(ps.tokens, verb)
    assert match is not None
    sources, targets = arguments(ps.tokens, verb, children, actors, match)
    return match, sources, targets


# "Tarrant appeared in court , charged with murder ."
CHARGED = tagged(
    parsed(
        [
            ("Tarrant", "Tarrant", "PROPN", "nsubj", 1),
            ("appeared", "appear", "VERB", "ROOT", 1),
            ("in", "in", "ADP", "prep", 1),
            ("court", "court", "NOUN", "pobj", 2),
            (",", ",", "PUNCT", "punct", 1),
            ("charged", "charge", "VERB", "advcl", 1),
            ("with", "with", "ADP", "prep", 5),
            ("murder", "murder", "NOUN", "pobj", 6),
            (".", ".", "PUNCT", "punct", 1),
        ]
    ),
    {1: "VBD", 5: "VBN"},
)
TARRANT = Mention(0, 1, Entry("AUSCVL", "AUS", "CVL", "Brenton Tarrant", "person"))


def test_a_bare_past_participle_clause_acts_on_the_one_it_is_about(
    verbs: VerbDictionary,
) -> None:
    children = children_of(CHARGED.tokens)
    actors = SentenceActors(CHARGED.tokens, [TARRANT], children)
    match = verbs.match(CHARGED.tokens, 5)
    assert match is not None
    sources, targets = arguments(CHARGED.tokens, 5, children, actors, match)
    assert sources == []  # Tarrant is charged; he charges no one
    assert [t.code for t in targets] == ["AUSCVL"]


def test_an_active_participle_with_its_auxiliary_keeps_its_subject(
    verbs: VerbDictionary,
) -> None:
    # "Tarrant appeared in court , having charged the police ."  ('having' makes it active)
    spec = [(t.text, t.lemma, t.pos, t.dep, t.head) for t in CHARGED.tokens[:5]]
    spec += [
        ("having", "have", "AUX", "aux", 6),
        ("charged", "charge", "VERB", "advcl", 1),
        ("the", "the", "DET", "det", 8),
        ("police", "police", "NOUN", "dobj", 6),
    ]
    ps = tagged(parsed(spec), {1: "VBD", 6: "VBN"})
    _, sources, _ = _coded(verbs, ps, [TARRANT], 6)
    assert [s.code for s in sources] == ["AUSCVL"]


def test_a_to_phrase_the_parser_marks_as_dative_names_the_recipient(
    verbs: VerbDictionary,
) -> None:
    # "Peru granted asylum to the Panamanian president"
    ps = parsed(
        [
            ("Peru", "Peru", "PROPN", "nsubj", 1),
            ("granted", "grant", "VERB", "ROOT", 1),
            ("asylum", "asylum", "NOUN", "dobj", 1),
            ("to", "to", "ADP", "dative", 1),
            ("the", "the", "DET", "det", 6),
            ("Panamanian", "Panamanian", "ADJ", "amod", 6),
            ("president", "president", "NOUN", "pobj", 3),
        ]
    )
    panama = Mention(5, 6, Entry("PAN", "PAN", None, "Panama", "country"))
    president = Mention(6, 7, Entry("---GOV", None, "GOV", "president", "agent"))
    peru = Mention(0, 1, Entry("PER", "PER", None, "Peru", "country"))
    _, _, targets = _coded(verbs, ps, [peru, panama, president], 1)
    assert [t.code for t in targets] == ["PANGOV"]


# "Russia criticized the deployment of missiles in Poland by NATO ." with the agent phrase
# on the verb (as the parser has it) or on the noun of the object's complement
def _criticized(by_head: int) -> ParsedSentence:
    return tagged(
        parsed(
            [
                ("Russia", "Russia", "PROPN", "nsubj", 1),
                ("criticized", "criticize", "VERB", "ROOT", 1),
                ("the", "the", "DET", "det", 3),
                ("deployment", "deployment", "NOUN", "dobj", 1),
                ("of", "of", "ADP", "prep", 3),
                ("missiles", "missile", "NOUN", "pobj", 4),
                ("by", "by", "ADP", "prep", by_head),
                ("NATO", "NATO", "PROPN", "pobj", 6),
                (".", ".", "PUNCT", "punct", 1),
            ]
        ),
        {1: "VBD"},
    )


RUSSIA = Mention(0, 1, Entry("RUS", "RUS", None, "Russia", "country"))
NATO = Mention(7, 8, Entry("IGOWSTNAT", None, None, "NATO", "igo"))


@pytest.mark.parametrize("by_head", [1, 5])
def test_a_misplaced_agent_phrase_names_whose_action_is_criticised(
    verbs: VerbDictionary, by_head: int
) -> None:
    ps = _criticized(by_head)
    match, sources, targets = _coded(verbs, ps, [RUSSIA, NATO], 1)
    assert match.code.startswith("11")
    assert [s.code for s in sources] == ["RUS"]
    assert [t.code for t in targets] == ["IGOWSTNAT"]


def test_a_participle_hung_on_a_documents_venue_speaks_for_whoever_posted_it(
    verbs: VerbDictionary,
) -> None:
    # "Pompeo posted a message on Twitter blaming Iran ." ('blaming' parsed under 'Twitter')
    ps = tagged(
        parsed(
            [
                ("Pompeo", "Pompeo", "PROPN", "nsubj", 1),
                ("posted", "post", "VERB", "ROOT", 1),
                ("a", "a", "DET", "det", 3),
                ("message", "message", "NOUN", "dobj", 1),
                ("on", "on", "ADP", "prep", 3),
                ("Twitter", "Twitter", "PROPN", "pobj", 4),
                ("blaming", "blame", "VERB", "acl", 5),
                ("Iran", "Iran", "PROPN", "dobj", 6),
                (".", ".", "PUNCT", "punct", 1),
            ]
        ),
        {1: "VBD", 6: "VBG"},
    )
    pompeo = Mention(0, 1, Entry("USAGOV", "USA", "GOV", "Mike Pompeo", "person"))
    iran = Mention(7, 8, Entry("IRN", "IRN", None, "Iran", "country"))
    _, sources, targets = _coded(verbs, ps, [pompeo, iran], 6)
    assert [s.code for s in sources] == ["USAGOV"]
    assert [t.code for t in targets] == ["IRN"]


def test_one_of_a_group_named_by_apposition_is_that_actor() -> None:
    # "One of these groups , the SDF , opposed the withdrawal ."
    ps = parsed(
        [
            ("One", "one", "NUM", "nsubj", 8),
            ("of", "of", "ADP", "prep", 0),
            ("these", "these", "DET", "det", 3),
            ("groups", "group", "NOUN", "pobj", 1),
            (",", ",", "PUNCT", "punct", 0),
            ("the", "the", "DET", "det", 6),
            ("SDF", "SDF", "PROPN", "appos", 0),
            (",", ",", "PUNCT", "punct", 0),
            ("opposed", "oppose", "VERB", "ROOT", 8),
            ("the", "the", "DET", "det", 10),
            ("withdrawal", "withdrawal", "NOUN", "dobj", 8),
            (".", ".", "PUNCT", "punct", 8),
        ]
    )
    sdf = Mention(6, 7, Entry("SYRREB", "SYR", "REB", "Syrian Democratic Forces", "group"))
    children = children_of(ps.tokens)
    actors = SentenceActors(ps.tokens, [sdf], children)
    assert [r.code for r in actors.actors_at(0)] == ["SYRREB"]


def test_the_parties_of_a_denounced_agreement_are_its_targets(verbs: VerbDictionary) -> None:
    # "Egypt denounced the deal between Turkey and Libya ."
    ps = tagged(
        parsed(
            [
                ("Egypt", "Egypt", "PROPN", "nsubj", 1),
                ("denounced", "denounce", "VERB", "ROOT", 1),
                ("the", "the", "DET", "det", 3),
                ("deal", "deal", "NOUN", "dobj", 1),
                ("between", "between", "ADP", "prep", 3),
                ("Turkey", "Turkey", "PROPN", "pobj", 4),
                ("and", "and", "CCONJ", "cc", 5),
                ("Libya", "Libya", "PROPN", "conj", 5),
                (".", ".", "PUNCT", "punct", 1),
            ]
        ),
        {1: "VBD"},
    )
    mentions = [
        Mention(0, 1, Entry("EGY", "EGY", None, "Egypt", "country")),
        Mention(5, 6, Entry("TUR", "TUR", None, "Turkey", "country")),
        Mention(7, 8, Entry("LBY", "LBY", None, "Libya", "country")),
    ]
    match, sources, targets = _coded(verbs, ps, mentions, 1)
    assert match.code.startswith("11")
    assert [s.code for s in sources] == ["EGY"]
    assert sorted(t.code for t in targets) == ["LBY", "TUR"]


def test_the_agents_of_a_participle_on_the_object_are_its_targets(verbs: VerbDictionary) -> None:
    # "Egypt denounced the deal signed by Turkey and Libya ."
    ps = tagged(
        parsed(
            [
                ("Egypt", "Egypt", "PROPN", "nsubj", 1),
                ("denounced", "denounce", "VERB", "ROOT", 1),
                ("the", "the", "DET", "det", 3),
                ("deal", "deal", "NOUN", "dobj", 1),
                ("signed", "sign", "VERB", "acl", 3),
                ("by", "by", "ADP", "agent", 4),
                ("Turkey", "Turkey", "PROPN", "pobj", 5),
                ("and", "and", "CCONJ", "cc", 6),
                ("Libya", "Libya", "PROPN", "conj", 6),
                (".", ".", "PUNCT", "punct", 1),
            ]
        ),
        {1: "VBD", 4: "VBN"},
    )
    mentions = [
        Mention(0, 1, Entry("EGY", "EGY", None, "Egypt", "country")),
        Mention(6, 7, Entry("TUR", "TUR", None, "Turkey", "country")),
        Mention(8, 9, Entry("LBY", "LBY", None, "Libya", "country")),
    ]
    _, sources, targets = _coded(verbs, ps, mentions, 1)
    assert [s.code for s in sources] == ["EGY"]
    assert sorted(t.code for t in targets) == ["LBY", "TUR"]


def test_both_countries_of_a_hyphenated_pair_own_the_object(verbs: VerbDictionary) -> None:
    # "Greece denounced the Turkish - Libyan agreement ."
    ps = tagged(
        parsed(
            [
                ("Greece", "Greece", "PROPN", "nsubj", 1),
                ("denounced", "denounce", "VERB", "ROOT", 1),
                ("the", "the", "DET", "det", 6),
                ("Turkish", "Turkish", "ADJ", "amod", 5),
                ("-", "-", "PUNCT", "punct", 5),
                ("Libyan", "Libyan", "ADJ", "amod", 6),
                ("agreement", "agreement", "NOUN", "dobj", 1),
                (".", ".", "PUNCT", "punct", 1),
            ]
        ),
        {1: "VBD"},
    )
    mentions = [
        Mention(0, 1, Entry("GRC", "GRC", None, "Greece", "country")),
        Mention(3, 4, Entry("TUR", "TUR", None, "Turkey", "country")),
        Mention(5, 6, Entry("LBY", "LBY", None, "Libya", "country")),
    ]
    _, sources, targets = _coded(verbs, ps, mentions, 1)
    assert [s.code for s in sources] == ["GRC"]
    assert sorted(t.code for t in targets) == ["LBY", "TUR"]


def test_it_in_a_participle_refers_to_what_the_verb_it_hangs_on_spoke_of(
    verbs: VerbDictionary,
) -> None:
    # "Mitsotakis commented on the Turkish - Libyan agreement , calling it void ." (the
    # parser's shape: 'Turkish' hangs on 'Libyan', 'calling' on 'commented')
    ps = tagged(
        parsed(
            [
                ("Mitsotakis", "Mitsotakis", "PROPN", "nsubj", 1),
                ("commented", "comment", "VERB", "ROOT", 1),
                ("on", "on", "ADP", "prep", 1),
                ("the", "the", "DET", "det", 7),
                ("Turkish", "Turkish", "ADJ", "npadvmod", 6),
                ("-", "-", "PUNCT", "punct", 6),
                ("Libyan", "Libyan", "ADJ", "amod", 7),
                ("agreement", "agreement", "NOUN", "pobj", 2),
                (",", ",", "PUNCT", "punct", 1),
                ("calling", "call", "VERB", "advcl", 1),
                ("it", "it", "PRON", "dobj", 9),
                ("void", "void", "ADJ", "oprd", 9),
                (".", ".", "PUNCT", "punct", 1),
            ]
        ),
        {1: "VBD", 9: "VBG", 10: "PRP"},
    )
    mentions = [
        Mention(0, 1, Entry("GRCGOV", "GRC", "GOV", "Kyriakos Mitsotakis", "person")),
        Mention(4, 5, Entry("TUR", "TUR", None, "Turkey", "country")),
        Mention(6, 7, Entry("LBY", "LBY", None, "Libya", "country")),
    ]
    _, sources, targets = _coded(verbs, ps, mentions, 9)
    assert [s.code for s in sources] == ["GRCGOV"]
    assert sorted(t.code for t in targets) == ["LBY", "TUR"]


@pytest.mark.parametrize(("verb", "lemma"), [("condemned", "condemn"), ("welcomed", "welcome")])
def test_a_reaction_to_a_things_owner_aims_at_the_owner_not_whom_it_concerns(
    verbs: VerbDictionary, verb: str, lemma: str
) -> None:
    # "France <verb> the Israeli strikes on Gaza ."
    ps = tagged(
        parsed(
            [
                ("France", "France", "PROPN", "nsubj", 1),
                (verb, lemma, "VERB", "ROOT", 1),
                ("the", "the", "DET", "det", 4),
                ("Israeli", "Israeli", "ADJ", "amod", 4),
                ("strikes", "strike", "NOUN", "dobj", 1),
                ("on", "on", "ADP", "prep", 4),
                ("Gaza", "Gaza", "PROPN", "pobj", 5),
                (".", ".", "PUNCT", "punct", 1),
            ]
        ),
        {1: "VBD"},
    )
    mentions = [
        Mention(0, 1, Entry("FRA", "FRA", None, "France", "country")),
        Mention(3, 4, Entry("ISR", "ISR", None, "Israel", "country")),
        Mention(6, 7, Entry("PSE", "PSE", None, "Gaza", "country")),
    ]
    match, _, targets = _coded(verbs, ps, mentions, 1)
    assert match.code[:2] in ("05", "11")
    assert [t.code for t in targets] == ["ISR"]


# "Trump met Mitsotakis , where he praised him ."
_MET = [
    ("Trump", "Trump", "PROPN", "nsubj", 1),
    ("met", "meet", "VERB", "ROOT", 1),
    ("Mitsotakis", "Mitsotakis", "PROPN", "dobj", 1),
    (",", ",", "PUNCT", "punct", 1),
    ("where", "where", "SCONJ", "advmod", 6),
    ("he", "he", "PRON", "nsubj", 6),
    ("praised", "praise", "VERB", "advcl", 1),
    ("him", "he", "PRON", "dobj", 6),
    (".", ".", "PUNCT", "punct", 1),
]


def test_a_subject_pronoun_prefers_the_latest_subject_an_object_pronoun_the_latest_person() -> None:
    ps = tagged(parsed(_MET), {5: "PRP", 7: "PRP"})
    trump = Entry("USAGOV", "USA", "GOV", "Donald Trump", "person")
    mitsotakis = Entry("GRCGOV", "GRC", "GOV", "Kyriakos Mitsotakis", "person")
    mentions = [Mention(0, 1, trump), Mention(2, 3, mitsotakis)]
    children = children_of(ps.tokens)
    actors = SentenceActors(ps.tokens, mentions, children)
    assert [r.code for r in actors.actors_at(5)] == ["USAGOV"]  # he: the subject, Trump
    assert [r.code for r in actors.actors_at(7)] == ["GRCGOV"]  # him: not the subject


@pytest.mark.parametrize(
    ("title", "entry"),
    [
        ("president", Entry("---GOV", None, "GOV", "president", "agent")),  # an office
        ("head", None),  # no role of its own (voice_nouns.txt)
    ],
)
def test_an_officer_of_an_organisation_acts_for_it(title: str, entry: Entry | None) -> None:
    # "The <title> of Harvard University said ."
    ps = parsed(
        [
            ("The", "the", "DET", "det", 1),
            (title, title, "NOUN", "nsubj", 5),
            ("of", "of", "ADP", "prep", 1),
            ("Harvard", "Harvard", "PROPN", "compound", 4),
            ("University", "University", "PROPN", "pobj", 2),
            ("said", "say", "VERB", "ROOT", 5),
            (".", ".", "PUNCT", "punct", 5),
        ]
    )
    harvard = Mention(3, 5, Entry("USAEDU", "USA", "EDU", "Harvard University", "group"))
    mentions = [harvard] + ([Mention(1, 2, entry)] if entry is not None else [])
    children = children_of(ps.tokens)
    actors = SentenceActors(ps.tokens, mentions, children)
    assert [r.code for r in actors.actors_at(1)] == ["USAEDU"]  # not USAGOV


@pytest.mark.parametrize(("noun", "acts"), [("missiles", True), ("theory", False)])
def test_who_launches_a_thing_acts_through_its_participle(
    verbs: VerbDictionary, noun: str, acts: bool
) -> None:
    # "Iran launched missiles targeting troops ." / "... a theory targeting troops ."
    ps = tagged(
        parsed(
            [
                ("Iran", "Iran", "PROPN", "nsubj", 1),
                ("launched", "launch", "VERB", "ROOT", 1),
                (noun, noun.rstrip("s"), "NOUN", "dobj", 1),
                ("targeting", "target", "VERB", "acl", 2),
                ("troops", "troop", "NOUN", "dobj", 3),
                (".", ".", "PUNCT", "punct", 1),
            ]
        ),
        {1: "VBD", 3: "VBG"},
    )
    mentions = [
        Mention(0, 1, Entry("IRN", "IRN", None, "Iran", "country")),
        Mention(4, 5, Entry("USAMIL", "USA", "MIL", "US troops", "country")),
    ]
    _, sources, targets = _coded(verbs, ps, mentions, 3)
    assert [s.code for s in sources] == (["IRN"] if acts else [])
    assert [t.code for t in targets] == ["USAMIL"]


def test_a_pattern_word_before_the_verb_still_acts(verbs: VerbDictionary) -> None:
    # "US troops withdrew from Syria ." (the pattern '&MILITARY *' holds the subject)
    ps = tagged(
        parsed(
            [
                ("US", "US", "PROPN", "compound", 1),
                ("troops", "troop", "NOUN", "nsubj", 2),
                ("withdrew", "withdraw", "VERB", "ROOT", 2),
                ("from", "from", "ADP", "prep", 2),
                ("Syria", "Syria", "PROPN", "pobj", 3),
                (".", ".", "PUNCT", "punct", 2),
            ]
        ),
        {1: "NNS", 2: "VBD"},
    )
    mentions = [
        Mention(0, 2, Entry("USAMIL", "USA", "MIL", "US troops", "country")),
        Mention(4, 5, Entry("SYR", "SYR", None, "Syria", "country")),
    ]
    match, sources, targets = _coded(verbs, ps, mentions, 2)
    assert match.pattern is not None and 1 in match.tokens
    assert [s.code for s in sources] == ["USAMIL"]
    assert [t.code for t in targets] == ["SYR"]


_RECOMMENDED = [
    ("Iraq", "Iraq", "PROPN", "nsubj", 1),
    ("recommended", "recommend", "VERB", "ROOT", 1),
    ("US", "US", "PROPN", "compound", 3),
    ("troops", "troop", "NOUN", "nsubj", 4),
    ("withdraw", "withdraw", "VERB", "ccomp", 1),
    (".", ".", "PUNCT", "punct", 1),
]
_ASKED_WHY = [  # "Iraq asked why US troops did withdraw ."
    ("Iraq", "Iraq", "PROPN", "nsubj", 1),
    ("recommended", "recommend", "VERB", "ROOT", 1),
    ("why", "why", "SCONJ", "advmod", 6),
    ("US", "US", "PROPN", "compound", 4),
    ("troops", "troop", "NOUN", "nsubj", 6),
    ("did", "do", "AUX", "aux", 6),
    ("withdraw", "withdraw", "VERB", "ccomp", 1),
    (".", ".", "PUNCT", "punct", 1),
]


@pytest.mark.parametrize(("spec", "asked"), [(_RECOMMENDED, True), (_ASKED_WHY, False)])
def test_the_subject_of_a_recommended_clause_is_the_one_asked(
    verbs: VerbDictionary, spec: list[tuple[str, str, str, str, int]], asked: bool
) -> None:
    ps = tagged(parsed(spec), {1: "VBD", len(spec) - 2: "VB"})
    troops = spec.index(next(t for t in spec if t[0] == "US"))
    mentions = [
        Mention(0, 1, Entry("IRQ", "IRQ", None, "Iraq", "country")),
        Mention(troops, troops + 2, Entry("USAMIL", "USA", "MIL", "US troops", "country")),
    ]
    match, _, targets = _coded(verbs, ps, mentions, 1)
    assert match.code.startswith("02")
    assert [t.code for t in targets] == (["USAMIL"] if asked else [])


def test_the_one_called_names_is_the_target_even_parsed_into_the_description(
    verbs: VerbDictionary,
) -> None:
    # "Biden called Trump a clown ." ('Trump' parsed as a compound of 'clown')
    ps = tagged(
        parsed(
            [
                ("Biden", "Biden", "PROPN", "nsubj", 1),
                ("called", "call", "VERB", "ROOT", 1),
                ("Trump", "Trump", "PROPN", "compound", 4),
                ("a", "a", "DET", "det", 4),
                ("clown", "clown", "NOUN", "oprd", 1),
                (".", ".", "PUNCT", "punct", 1),
            ]
        ),
        {1: "VBD"},
    )
    mentions = [
        Mention(0, 1, Entry("USAELI", "USA", "ELI", "Joe Biden", "person")),
        Mention(2, 3, Entry("USAGOV", "USA", "GOV", "Donald Trump", "person")),
    ]
    _, _, targets = _coded(verbs, ps, mentions, 1)
    assert [t.code for t in targets] == ["USAGOV"]


def test_a_threat_is_aimed_at_whoever_must_meet_its_condition(verbs: VerbDictionary) -> None:
    # "Israel threatened to ban voting if Hamas ran ."
    ps = tagged(
        parsed(
            [
                ("Israel", "Israel", "PROPN", "nsubj", 1),
                ("threatened", "threaten", "VERB", "ROOT", 1),
                ("to", "to", "PART", "aux", 3),
                ("ban", "ban", "VERB", "xcomp", 1),
                ("voting", "voting", "NOUN", "dobj", 3),
                ("if", "if", "SCONJ", "mark", 7),
                ("Hamas", "Hamas", "PROPN", "nsubj", 7),
                ("ran", "run", "VERB", "advcl", 3),
                (".", ".", "PUNCT", "punct", 1),
            ]
        ),
        {1: "VBD", 7: "VBD"},
    )
    mentions = [
        Mention(0, 1, Entry("ISR", "ISR", None, "Israel", "country")),
        Mention(6, 7, Entry("PSEREB", "PSE", "REB", "Hamas", "group")),
    ]
    match, sources, targets = _coded(verbs, ps, mentions, 1)
    assert match.code.startswith("13")
    assert [s.code for s in sources] == ["ISR"]
    assert [t.code for t in targets] == ["PSEREB"]


# "Bloomberg endorsed his former rival , Joe Biden ."
ENDORSED = parsed(
    [
        ("Bloomberg", "Bloomberg", "PROPN", "nsubj", 1),
        ("endorsed", "endorse", "VERB", "ROOT", 1),
        ("his", "his", "PRON", "poss", 4),
        ("former", "former", "ADJ", "amod", 4),
        ("rival", "rival", "NOUN", "dobj", 1),
        (",", ",", "PUNCT", "punct", 4),
        ("Joe", "Joe", "PROPN", "compound", 7),
        ("Biden", "Biden", "PROPN", "appos", 4),
        (".", ".", "PUNCT", "punct", 1),
    ]
)
BIDEN = Mention(6, 8, Entry("USAELI", "USA", "ELI", "Joe Biden", "person"))


def test_a_surname_the_story_named_is_its_person_an_apposition_names_a_description() -> None:
    # the parser tags the bare surname no PERSON; the story named Michael Bloomberg before
    bloomberg = ActorRef(0, 0, 2, "USAELI", "USA", "ELI", "Michael Bloomberg", "person")
    children = children_of(ENDORSED.tokens)
    actors = SentenceActors(ENDORSED.tokens, [BIDEN], children, people={"bloomberg": bloomberg})
    assert [r.code for r in actors.actors_at(0)] == ["USAELI"]
    assert [r.name for r in actors.actors_at(4)] == ["Joe Biden"]


def test_a_description_that_names_its_owner_is_not_replaced_by_its_apposition() -> None:
    # "the EU trio , France"
    ps = parsed(
        [
            ("the", "the", "DET", "det", 2),
            ("EU", "EU", "PROPN", "compound", 2),
            ("trio", "trio", "NOUN", "ROOT", 2),
            (",", ",", "PUNCT", "punct", 2),
            ("France", "France", "PROPN", "appos", 2),
        ]
    )
    mentions = [
        Mention(1, 2, Entry("IGOEUREEC", None, None, "European Union", "igo")),
        Mention(4, 5, Entry("FRA", "FRA", None, "France", "country")),
    ]
    actors = SentenceActors(ps.tokens, mentions, children_of(ps.tokens))
    assert [r.code for r in actors.actors_at(2)] == ["IGOEUREEC"]


def test_the_parties_a_relative_clause_mediates_between_are_the_targets(
    verbs: VerbDictionary,
) -> None:
    # "a deal it brokered between Sudan and Israel"
    ps = tagged(
        parsed(
            [
                ("a", "a", "DET", "det", 1),
                ("deal", "deal", "NOUN", "ROOT", 1),
                ("it", "it", "PRON", "nsubj", 3),
                ("brokered", "broker", "VERB", "relcl", 1),
                ("between", "between", "ADP", "prep", 1),
                ("Sudan", "Sudan", "PROPN", "pobj", 4),
                ("and", "and", "CCONJ", "cc", 5),
                ("Israel", "Israel", "PROPN", "conj", 5),
            ]
        ),
        {3: "VBD"},
    )
    mentions = [
        Mention(5, 6, Entry("SDN", "SDN", None, "Sudan", "country")),
        Mention(7, 8, Entry("ISR", "ISR", None, "Israel", "country")),
    ]
    match, _, targets = _coded(verbs, ps, mentions, 3)
    assert match.code == "045"
    assert sorted(t.code for t in targets) == ["ISR", "SDN"]


def _body(first: str) -> SentenceActors:
    # "the <first> Telecommunications Commission"
    ps = parsed(
        [
            ("the", "the", "DET", "det", 3),
            (first, first, "PROPN", "compound", 3),
            ("Telecommunications", "Telecommunications", "PROPN", "compound", 3),
            ("Commission", "Commission", "PROPN", "ROOT", 3),
        ]
    )
    tokens = tuple(dataclasses.replace(t, ent_type="ORG") for t in ps.tokens)
    return SentenceActors(tokens, [], children_of(tokens), document_country="PHL")


def test_a_national_body_naming_no_country_is_the_story_countrys_state() -> None:
    assert [r.code for r in _body("National").actors_at(3)] == ["PHLGOV"]
    assert _body("Global").actors_at(3) == []  # no sign of a state body


def test_naming_with_two_objects_describes_the_first_by_the_second() -> None:
    """'called it an aggression', parsed with both as objects: 'an aggression' is what 'it'
    is called (the naming rule reads it for censure)."""
    ps = parsed(
        [
            ("He", "he", "PRON", "nsubj", 1),
            ("called", "call", "VERB", "ROOT", 1),
            ("it", "it", "PRON", "dobj", 1),
            ("an", "an", "DET", "det", 4),
            ("aggression", "aggression", "NOUN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    assert naming_description(ps.tokens, 1, children_of(ps.tokens)) == {3, 4}


def test_naming_with_the_description_hung_on_the_object() -> None:
    """'Iran called the killing a cowardly act', parsed with 'act' an object of 'killing':
    'a cowardly act' is what the killing is called; a killing with no phrase after it
    describes nothing ('Iran called the killing .' is a call)."""
    rows = [
        ("Iran", "Iran", "PROPN", "nsubj", 1),
        ("called", "call", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3),
        ("killing", "killing", "NOUN", "dobj", 1),
        ("a", "a", "DET", "det", 6),
        ("cowardly", "cowardly", "ADJ", "amod", 6),
        ("act", "act", "NOUN", "dobj", 3),
        (".", ".", "PUNCT", "punct", 1),
    ]
    ps = parsed(rows)
    assert naming_description(ps.tokens, 1, children_of(ps.tokens)) == {4, 5, 6}
    bare = parsed([*rows[:4], (".", ".", "PUNCT", "punct", 1)])
    assert naming_description(bare.tokens, 1, children_of(bare.tokens)) is None


# "Navalny returned and was arrested ." / "Navalny returned and arrested guards ."
def _returned_and(passive: bool) -> ParsedSentence:
    rows = [
        ("Navalny", "Navalny", "PROPN", "nsubj", 1),
        ("returned", "return", "VERB", "ROOT", 1),
        ("and", "and", "CCONJ", "cc", 1),
    ]
    if passive:
        rows += [("was", "be", "AUX", "auxpass", 4), ("arrested", "arrest", "VERB", "conj", 1)]
    else:
        rows += [("arrested", "arrest", "VERB", "conj", 1), ("guards", "guard", "NOUN", "dobj", 3)]
    return tagged(parsed([*rows, (".", ".", "PUNCT", "punct", 1)]), {1: "VBD"})


@pytest.mark.parametrize("passive", [True, False])
def test_a_passive_conjunct_shares_its_subject_as_the_one_acted_upon(
    verbs: VerbDictionary, passive: bool
) -> None:
    ps = _returned_and(passive)
    navalny = Mention(0, 1, Entry("RUSOPP", "RUS", "OPP", "Alexei Navalny", "person"))
    verb = next(t.i for t in ps.tokens if t.text == "arrested")
    _, sources, targets = _coded(verbs, ps, [navalny], verb)
    acted_on = [r.code for r in targets]
    acting = [r.code for r in sources]
    assert (acted_on, acting) == ((["RUSOPP"], []) if passive else ([], ["RUSOPP"]))


@pytest.mark.parametrize(("tail", "pos", "seen"), [("free", "ADJ", False), ("trade", "NOUN", True)])
def test_an_adjective_after_a_compounds_hyphen_is_no_pattern_word(
    tail: str, pos: str, seen: bool
) -> None:
    """'set up police-free zones' (no 'set free'); 'agreed a free-trade pact' (a trade pact)."""
    from accord.coding.patterns import contexts

    ps = parsed(
        [
            ("They", "they", "PRON", "nsubj", 1),
            ("set", "set", "VERB", "ROOT", 1),
            ("police", "police", "NOUN", "npadvmod", 4),
            ("-", "-", "PUNCT", "punct", 4),
            (tail, tail, pos, "amod", 5),
            ("zones", "zone", "NOUN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    tokens = tuple(
        dataclasses.replace(t, whitespace="" if t.i in (2, 3) else " ") for t in ps.tokens
    )
    _, post = contexts(tokens, 1, children_of(tokens), {1})
    assert (tail in {t.text for t in post.tokens}) is seen


def test_force_against_a_things_owner_in_the_passive_aims_at_the_owner(
    verbs: VerbDictionary,
) -> None:
    # "Facilities belonging to Saudi Aramco were shelled by Houthis ."
    ps = tagged(
        parsed(
            [
                ("Facilities", "facility", "NOUN", "nsubjpass", 6),
                ("belonging", "belong", "VERB", "acl", 0),
                ("to", "to", "ADP", "prep", 1),
                ("Saudi", "Saudi", "PROPN", "compound", 4),
                ("Aramco", "Aramco", "PROPN", "pobj", 2),
                ("were", "be", "AUX", "auxpass", 6),
                ("shelled", "shell", "VERB", "ROOT", 6),
                ("by", "by", "ADP", "agent", 6),
                ("Houthis", "Houthis", "PROPN", "pobj", 7),
                (".", ".", "PUNCT", "punct", 6),
            ]
        ),
        {1: "VBG", 6: "VBN"},
    )
    mentions = [
        Mention(3, 5, Entry("SAUBUS", "SAU", "BUS", "Saudi Aramco", "group")),
        Mention(8, 9, Entry("YEMREB", "YEM", "REB", "Houthis", "group")),
    ]
    match, sources, targets = _coded(verbs, ps, mentions, 6)
    assert match.code[:2] == "19"
    assert [s.code for s in sources] == ["YEMREB"]
    assert [t.code for t in targets] == ["SAUBUS"]


# "King Harald met Merkel , where she praised him ."
_KING_MET = [
    ("King", "King", "PROPN", "compound", 1),
    ("Harald", "Harald", "PROPN", "nsubj", 2),
    ("met", "meet", "VERB", "ROOT", 2),
    ("Merkel", "Merkel", "PROPN", "dobj", 2),
    (",", ",", "PUNCT", "punct", 2),
    ("where", "where", "SCONJ", "advmod", 7),
    ("she", "she", "PRON", "nsubj", 7),
    ("praised", "praise", "VERB", "advcl", 2),
    ("him", "he", "PRON", "dobj", 7),
    (".", ".", "PUNCT", "punct", 2),
]


@pytest.mark.parametrize(
    ("merkel_start", "she_means"),
    [
        (3, "DEUGOV"),  # "Merkel": she is not the King, whom the subject rule would pick
        (None, None),  # no other person: "she" refers to no one here, not to the King
    ],
)
def test_a_pronoun_does_not_refer_to_a_person_of_the_other_gender(
    merkel_start: int | None, she_means: str | None
) -> None:
    ps = tagged(parsed(_KING_MET), {6: "PRP", 8: "PRP"})
    king = Entry("NORGOV", "NOR", "GOV", "Harald V", "person")
    merkel = Entry("DEUGOV", "DEU", "GOV", "Angela Merkel", "person")
    mentions = [Mention(0, 2, king)]
    if merkel_start is not None:
        mentions.append(Mention(merkel_start, merkel_start + 1, merkel))
    actors = SentenceActors(ps.tokens, mentions, children_of(ps.tokens))
    assert [r.code for r in actors.actors_at(6)] == ([she_means] if she_means else [])


def test_a_pronoun_of_the_other_gender_does_not_carry_the_last_person() -> None:
    # "She praised him ." after a sentence whose last person was King Harald
    ps = tagged(
        parsed(
            [
                ("She", "she", "PRON", "nsubj", 1),
                ("praised", "praise", "VERB", "ROOT", 1),
                ("the", "the", "DET", "det", 3),
                ("talks", "talk", "NOUN", "dobj", 1),
                (".", ".", "PUNCT", "punct", 1),
            ]
        ),
        {0: "PRP"},
    )
    king = ActorRef(0, 0, 2, "NORGOV", "NOR", "GOV", "Harald V", "person", gender="m")
    queen = dataclasses.replace(king, code="NORGOV", name="Sonja", gender="f")
    for last, expected in ((king, []), (queen, ["NORGOV"])):
        actors = SentenceActors(ps.tokens, [], children_of(ps.tokens), last)
        assert [r.code for r in actors.actors_at(0)] == expected


def _lone_name(verb: str, prep: str | None) -> tuple[SentenceActors, int]:
    """'They discussed policies <prep> Brexit .' or 'They <verb> Wiranto .' (the parser's
    PERSON entity on the name), in a story set in Britain."""
    if prep is None:
        spec = [
            ("They", "they", "PRON", "nsubj", 1),
            (verb, verb, "VERB", "ROOT", 1),
            ("Wiranto", "Wiranto", "PROPN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    else:
        spec = [
            ("They", "they", "PRON", "nsubj", 1),
            (verb, verb, "VERB", "ROOT", 1),
            ("policies", "policy", "NOUN", "dobj", 1),
            (prep, prep, "ADP", "prep", 2),
            ("Brexit", "Brexit", "PROPN", "pobj", 3),
            (".", ".", "PUNCT", "punct", 1),
        ]
    ps = parsed(spec)
    name = len(spec) - 2
    tokens = with_entities(ps, [(name, name + 1, "PERSON")])
    return SentenceActors(tokens, [], children_of(tokens), document_country="GBR"), name


def test_a_lone_name_in_the_place_of_a_topic_is_no_private_person() -> None:
    actors, name = _lone_name("discussed", "on")
    assert actors.actors_at(name) == []  # 'policies on Brexit': an issue
    actors, name = _lone_name("visited", None)
    assert [r.code for r in actors.actors_at(name)] == ["GBRCVL"]  # 'visited Wiranto'


def test_a_lone_person_name_that_is_a_town_of_the_story_in_the_place_of_a_place() -> None:
    """'They visited Torbay .': the parser's PERSON on a one-word name the gazetteer knows
    as a place of a country the story names, after a verb of visiting, is that place, not a
    private person; 'They visited Wiranto .' (no such place) stays a person."""
    gazetteer = Gazetteer.load()
    for name, expected in (("Torbay", []), ("Wiranto", ["GBRCVL"])):
        ps = parsed(
            [
                ("They", "they", "PRON", "nsubj", 1),
                ("visited", "visit", "VERB", "ROOT", 1),
                (name, name, "PROPN", "dobj", 1),
                (".", ".", "PUNCT", "punct", 1),
            ]
        )
        tokens = with_entities(ps, [(2, 3, "PERSON")])
        found = place_words(tokens, gazetteer, {"GBR"})
        assert found == (frozenset({2}) if not expected else frozenset())
        actors = SentenceActors(
            tokens, [], children_of(tokens), document_country="GBR", places=found
        )
        assert [r.code for r in actors.actors_at(2)] == expected
        # a town of a country the story does not name is no reason to doubt the parser
        assert place_words(tokens, gazetteer, {"USA"}) == frozenset()


def test_two_named_organisations_of_one_code_are_two_actors() -> None:
    """'The Tories accuse Labour': two parties, GBRPTY both, the knowledge base names
    apart; a role word with no name of its own ('the party') is not told apart."""
    tories = ActorRef(1, 0, 2, "GBRPTY", "GBR", "PTY", "Conservative Party", "group")
    labour = ActorRef(3, 3, 4, "GBRPTY", "GBR", "PTY", "Labour Party", "group")
    party = ActorRef(5, 4, 6, "GBRPTY", "GBR", "PTY", "party", "agent")
    assert not same_actor(tories, labour)
    assert same_actor(tories, dataclasses.replace(labour, name="Conservative Party"))
    assert same_actor(tories, party)
