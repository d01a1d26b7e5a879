"""The converted CAMEO verb dictionary and its matcher, on hand-written parses."""

from __future__ import annotations

from typing import Any

import pytest

from accord.coding.verbs import VerbDictionary
from tests.unit.parsing import parsed, tagged


@pytest.fixture(scope="module")
def verbs() -> VerbDictionary:
    return VerbDictionary.load()


def test_dictionary_has_blocks_forms_and_version(verbs: VerbDictionary) -> None:
    assert verbs.version.startswith("cameo-2.0")
    assert verbs.has_verb("meet") and verbs.has_verb("visit") and verbs.has_verb("arrest")
    assert not verbs.has_verb("zzzz")


def test_bare_verb_takes_block_code(verbs: VerbDictionary) -> None:
    ps = parsed(
        [
            ("Police", "police", "NOUN", "nsubj", 1),
            ("arrested", "arrest", "VERB", "ROOT", 1),
            ("students", "student", "NOUN", "dobj", 1),
        ]
    )
    m = verbs.match(ps.tokens, 1)
    assert m is not None and m.code == "173" and m.pattern is None
    assert m.rule.startswith("verb:")


def test_pattern_with_object_word_wins(verbs: VerbDictionary) -> None:
    # "Xi held talks with Putin": HOLD * TALKS -> 046 (paired, symmetric)
    ps = parsed(
        [
            ("Xi", "Xi", "PROPN", "nsubj", 1),
            ("held", "hold", "VERB", "ROOT", 1),
            ("talks", "talk", "NOUN", "dobj", 1),
            ("with", "with", "ADP", "prep", 2),
            ("Putin", "Putin", "PROPN", "pobj", 3),
        ]
    )
    m = verbs.match(ps.tokens, 1)
    assert m is not None
    assert m.code == "046" and m.code2 == "046"
    assert m.pattern is not None and "TALKS" in m.pattern.text
    assert 2 in m.tokens


def test_verb_without_default_code_and_no_pattern_gives_nothing(verbs: VerbDictionary) -> None:
    # HOLD has no code of its own ([---]): "held the ball" is no event
    ps = parsed(
        [
            ("He", "he", "PRON", "nsubj", 1),
            ("held", "hold", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("ball", "ball", "NOUN", "dobj", 1),
        ]
    )
    assert verbs.match(ps.tokens, 1) is None


def test_paired_code_for_visits(verbs: VerbDictionary) -> None:
    ps = parsed(
        [
            ("Leaders", "leader", "NOUN", "nsubj", 1),
            ("visited", "visit", "VERB", "ROOT", 1),
            ("China", "China", "PROPN", "dobj", 1),
        ]
    )
    m = verbs.match(ps.tokens, 1)
    assert m is not None and (m.code, m.code2) == ("042", "043")


def test_pattern_words_inside_embedded_clause_do_not_count(verbs: VerbDictionary) -> None:
    # "said ... talks" must not match SAY patterns through a ccomp clause's words
    ps = parsed(
        [
            ("He", "he", "PRON", "nsubj", 1),
            ("said", "say", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("talks", "talk", "NOUN", "nsubj", 4),
            ("stumbled", "stumble", "VERB", "ccomp", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    m = verbs.match(ps.tokens, 1)
    assert m is not None and m.code == "010" and m.pattern is None


def test_statement_reporting_a_coded_event_is_no_event_of_its_own(verbs: VerbDictionary) -> None:
    # "Police said they attacked rebels": the attack is the event, not a 010 statement
    ps = parsed(
        [
            ("Police", "Police", "NOUN", "nsubj", 1),
            ("said", "say", "VERB", "ROOT", 1),
            ("they", "they", "PRON", "nsubj", 3),
            ("attacked", "attack", "VERB", "ccomp", 1),
            ("rebels", "rebel", "NOUN", "dobj", 3),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    assert verbs.match(ps.tokens, 1) is None
    m = verbs.match(ps.tokens, 3)
    assert m is not None and m.code == "190"


@pytest.mark.parametrize(
    ("sentence", "verb", "code", "frame"),
    [
        ("Russia threatened to strike Ukraine.", 1, "1384", "threaten"),
        ("Israel refused to lift the curfew.", 1, "1241", "reject"),
        ("The UN urged Iran to release the hostages.", 2, "0253", "appeal"),
        ("Leaders agreed to meet.", 1, "030", "intent"),
        ("Russia said Sudan must return the helicopter.", 1, "1053", "demand"),
    ],
)
def test_framing_verb_is_coded_from_the_embedded_action(
    verbs: VerbDictionary, sentence: str, verb: int, code: str, frame: str
) -> None:
    ps = parsed(SPECS[sentence])
    m = verbs.match(ps.tokens, verb)
    assert m is not None and (m.code, m.frame) == (code, frame)
    assert m.inner_verb is not None and m.inner_verb > verb


def test_pattern_over_the_infinitive_beats_the_frame(verbs: VerbDictionary) -> None:
    # PETRARCH's REFUSE * COMMENT, for any verb of the block: 'declined to comment' is 011
    m = verbs.match(parsed(SPECS["NATO declined to comment."]).tokens, 1)
    assert m is not None and m.code == "011" and m.pattern is not None


@pytest.mark.parametrize(
    ("sentence", "verb", "code"),
    [
        # a passive subject is the object: 'talks were held' ~ 'held talks'
        ("Talks were held in Geneva.", 2, "046"),
        # words deep in an adjunct do not start a pattern ('* AREA' is a capture, 192)
        ("Soldiers arrested 100 Palestinians in a sweep of the area.", 1, "173"),
        # through a quantity to its noun: '10 days of war games'
        ("Warships launched 10 days of war games.", 1, "150"),
        # through a sum of money to its noun: 'euros in aid', '$1 billion in loans'
        ("The EU announced 50 million euros in aid.", 2, "0331"),
        ("China offered $1 billion in loans.", 1, "0331"),
        # the negation of a complement: 'pleaded not guilty' (CAMEO.2.0's '{NOT GUILTY}')
        ("Najib pleaded not guilty.", 1, "016"),
        # a synonym set inside a phrase: {&FOOD AID}
        ("Japan gave food aid to Sudan.", 1, "073"),
        # a pattern noted for 'impose' serves 'reimpose' too
        ("Israel reimposed sanctions on Gaza.", 1, "163"),
        # the parser's lemma 'stag' is no verb of the dictionary: 'staged' -> 'stage'
        ("Students staged rallies.", 1, "141"),
    ],
)
def test_pattern_sees_the_object_noun(
    verbs: VerbDictionary, sentence: str, verb: int, code: str
) -> None:
    m = verbs.match(parsed(SPECS[sentence]).tokens, verb)
    assert m is not None and m.code == code


def test_prepositional_use_of_a_verb_is_no_event(verbs: VerbDictionary) -> None:
    ps = parsed(SPECS["The figures rose sharply, according to the report."])
    assert verbs.match(ps.tokens, 5) is None


def test_going_to_is_a_future_not_a_trip(verbs: VerbDictionary) -> None:
    ps = parsed(SPECS["Iran is going to attack Israel."])
    assert verbs.match(ps.tokens, 2) is None
    m = verbs.match(ps.tokens, 4)
    assert m is not None and m.code == "190"


def test_a_bare_preposition_pattern_stays_with_its_own_verb(verbs: VerbDictionary) -> None:
    # OVERSEE_MANAGE '* (TO) [042] # HEAD' ('headed to Paris') is no visit for 'lead to war'
    m = verbs.match(parsed(SPECS["The decision will lead to war."]).tokens, 3)
    assert m is None or m.code[:2] != "04"


def test_a_particle_pattern_stays_with_its_own_verb(verbs: VerbDictionary) -> None:
    # GRANT '* UP [080] # GIVE' ('gave up') is no yielding for 'add up'; DEMAND '* AHEAD
    # [170] # PUSH' ('pushed ahead') is no coercion for 'campaigning ahead'
    add = verbs.match(parsed(SPECS["The sums add up."]).tokens, 2)
    assert add is None or add.code != "080"
    give = verbs.match(parsed(SPECS["The rebels gave up."]).tokens, 2)
    assert give is not None and give.code == "080"


SPECS: dict[str, list[tuple[str, str, str, str, int]]] = {
    "The sums add up.": [
        ("The", "the", "DET", "det", 1),
        ("sums", "sum", "NOUN", "nsubj", 2),
        ("add", "add", "VERB", "ROOT", 2),
        ("up", "up", "ADP", "prt", 2),
        (".", ".", "PUNCT", "punct", 2),
    ],
    "The rebels gave up.": [
        ("The", "the", "DET", "det", 1),
        ("rebels", "rebel", "NOUN", "nsubj", 2),
        ("gave", "give", "VERB", "ROOT", 2),
        ("up", "up", "ADP", "prt", 2),
        (".", ".", "PUNCT", "punct", 2),
    ],
    "Iran is going to attack Israel.": [
        ("Iran", "Iran", "PROPN", "nsubj", 2),
        ("is", "be", "AUX", "aux", 2),
        ("going", "go", "VERB", "ROOT", 2),
        ("to", "to", "PART", "aux", 4),
        ("attack", "attack", "VERB", "xcomp", 2),
        ("Israel", "Israel", "PROPN", "dobj", 4),
        (".", ".", "PUNCT", "punct", 2),
    ],
    "The decision will lead to war.": [
        ("The", "the", "DET", "det", 1),
        ("decision", "decision", "NOUN", "nsubj", 3),
        ("will", "will", "AUX", "aux", 3),
        ("lead", "lead", "VERB", "ROOT", 3),
        ("to", "to", "ADP", "prep", 3),
        ("war", "war", "NOUN", "pobj", 4),
        (".", ".", "PUNCT", "punct", 3),
    ],
    "Russia threatened to strike Ukraine.": [
        ("Russia", "Russia", "PROPN", "nsubj", 1),
        ("threatened", "threaten", "VERB", "ROOT", 1),
        ("to", "to", "PART", "aux", 3),
        ("strike", "strike", "VERB", "xcomp", 1),
        ("Ukraine", "Ukraine", "PROPN", "dobj", 3),
        (".", ".", "PUNCT", "punct", 1),
    ],
    "Israel refused to lift the curfew.": [
        ("Israel", "Israel", "PROPN", "nsubj", 1),
        ("refused", "refuse", "VERB", "ROOT", 1),
        ("to", "to", "PART", "aux", 3),
        ("lift", "lift", "VERB", "xcomp", 1),
        ("the", "the", "DET", "det", 5),
        ("curfew", "curfew", "NOUN", "dobj", 3),
        (".", ".", "PUNCT", "punct", 1),
    ],
    "NATO declined to comment.": [
        ("NATO", "NATO", "PROPN", "nsubj", 1),
        ("declined", "decline", "VERB", "ROOT", 1),
        ("to", "to", "PART", "aux", 3),
        ("comment", "comment", "VERB", "xcomp", 1),
        (".", ".", "PUNCT", "punct", 1),
    ],
    "The UN urged Iran to release the hostages.": [
        ("The", "the", "DET", "det", 1),
        ("UN", "UN", "PROPN", "nsubj", 2),
        ("urged", "urge", "VERB", "ROOT", 2),
        ("Iran", "Iran", "PROPN", "dobj", 2),
        ("to", "to", "PART", "aux", 5),
        ("release", "release", "VERB", "xcomp", 2),
        ("the", "the", "DET", "det", 7),
        ("hostages", "hostage", "NOUN", "dobj", 5),
        (".", ".", "PUNCT", "punct", 2),
    ],
    "Leaders agreed to meet.": [
        ("Leaders", "leader", "NOUN", "nsubj", 1),
        ("agreed", "agree", "VERB", "ROOT", 1),
        ("to", "to", "PART", "aux", 3),
        ("meet", "meet", "VERB", "xcomp", 1),
        (".", ".", "PUNCT", "punct", 1),
    ],
    "Russia said Sudan must return the helicopter.": [
        ("Russia", "Russia", "PROPN", "nsubj", 1),
        ("said", "say", "VERB", "ROOT", 1),
        ("Sudan", "Sudan", "PROPN", "nsubj", 4),
        ("must", "must", "AUX", "aux", 4),
        ("return", "return", "VERB", "ccomp", 1),
        ("the", "the", "DET", "det", 6),
        ("helicopter", "helicopter", "NOUN", "dobj", 4),
        (".", ".", "PUNCT", "punct", 1),
    ],
    "Talks were held in Geneva.": [
        ("Talks", "talk", "NOUN", "nsubjpass", 2),
        ("were", "be", "AUX", "auxpass", 2),
        ("held", "hold", "VERB", "ROOT", 2),
        ("in", "in", "ADP", "prep", 2),
        ("Geneva", "Geneva", "PROPN", "pobj", 3),
        (".", ".", "PUNCT", "punct", 2),
    ],
    "Soldiers arrested 100 Palestinians in a sweep of the area.": [
        ("Soldiers", "soldier", "NOUN", "nsubj", 1),
        ("arrested", "arrest", "VERB", "ROOT", 1),
        ("100", "100", "NUM", "nummod", 3),
        ("Palestinians", "Palestinians", "PROPN", "dobj", 1),
        ("in", "in", "ADP", "prep", 1),
        ("a", "a", "DET", "det", 6),
        ("sweep", "sweep", "NOUN", "pobj", 4),
        ("of", "of", "ADP", "prep", 6),
        ("the", "the", "DET", "det", 9),
        ("area", "area", "NOUN", "pobj", 7),
        (".", ".", "PUNCT", "punct", 1),
    ],
    "Warships launched 10 days of war games.": [
        ("Warships", "warship", "NOUN", "nsubj", 1),
        ("launched", "launch", "VERB", "ROOT", 1),
        ("10", "10", "NUM", "nummod", 3),
        ("days", "day", "NOUN", "dobj", 1),
        ("of", "of", "ADP", "prep", 3),
        ("war", "war", "NOUN", "compound", 6),
        ("games", "game", "NOUN", "pobj", 4),
        (".", ".", "PUNCT", "punct", 1),
    ],
    "The EU announced 50 million euros in aid.": [
        ("The", "the", "DET", "det", 1),
        ("EU", "EU", "PROPN", "nsubj", 2),
        ("announced", "announce", "VERB", "ROOT", 2),
        ("50", "50", "NUM", "compound", 4),
        ("million", "million", "NUM", "nummod", 5),
        ("euros", "euro", "NOUN", "dobj", 2),
        ("in", "in", "ADP", "prep", 5),
        ("aid", "aid", "NOUN", "pobj", 6),
        (".", ".", "PUNCT", "punct", 2),
    ],
    "China offered $1 billion in loans.": [
        ("China", "China", "PROPN", "nsubj", 1),
        ("offered", "offer", "VERB", "ROOT", 1),
        ("$", "$", "SYM", "quantmod", 4),
        ("1", "1", "NUM", "compound", 4),
        ("billion", "billion", "NUM", "dobj", 1),
        ("in", "in", "ADP", "prep", 4),
        ("loans", "loan", "NOUN", "pobj", 5),
        (".", ".", "PUNCT", "punct", 1),
    ],
    "Najib pleaded not guilty.": [
        ("Najib", "Najib", "PROPN", "nsubj", 1),
        ("pleaded", "plead", "VERB", "ROOT", 1),
        ("not", "not", "PART", "neg", 3),
        ("guilty", "guilty", "ADJ", "acomp", 1),
        (".", ".", "PUNCT", "punct", 1),
    ],
    "Japan gave food aid to Sudan.": [
        ("Japan", "Japan", "PROPN", "nsubj", 1),
        ("gave", "give", "VERB", "ROOT", 1),
        ("food", "food", "NOUN", "compound", 3),
        ("aid", "aid", "NOUN", "dobj", 1),
        ("to", "to", "ADP", "prep", 1),
        ("Sudan", "Sudan", "PROPN", "pobj", 4),
        (".", ".", "PUNCT", "punct", 1),
    ],
    "Israel reimposed sanctions on Gaza.": [
        ("Israel", "Israel", "PROPN", "nsubj", 1),
        ("reimposed", "reimpose", "VERB", "ROOT", 1),
        ("sanctions", "sanction", "NOUN", "dobj", 1),
        ("on", "on", "ADP", "prep", 2),
        ("Gaza", "Gaza", "PROPN", "pobj", 3),
        (".", ".", "PUNCT", "punct", 1),
    ],
    "Students staged rallies.": [
        ("Students", "student", "NOUN", "nsubj", 1),
        ("staged", "stag", "VERB", "ROOT", 1),
        ("rallies", "rally", "NOUN", "dobj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ],
    "The figures rose sharply, according to the report.": [
        ("The", "the", "DET", "det", 1),
        ("figures", "figure", "NOUN", "nsubj", 2),
        ("rose", "rise", "VERB", "ROOT", 2),
        ("sharply", "sharply", "ADV", "advmod", 2),
        (",", ",", "PUNCT", "punct", 2),
        ("according", "accord", "VERB", "prep", 2),
        ("to", "to", "ADP", "prep", 5),
        ("the", "the", "DET", "det", 8),
        ("report", "report", "NOUN", "pobj", 6),
        (".", ".", "PUNCT", "punct", 2),
    ],
}


@pytest.mark.parametrize(
    ("code", "frame", "framed"),
    [
        ("0813", "reject", "1241"),  # refuse to lift a curfew
        ("190", "threaten", "1384"),  # threaten to attack
        ("173", "threaten", "137"),  # threaten arrests: repression
        ("036", "reject", "125"),  # refuse to meet
        ("0842", "demand", "1053"),  # demand the return of property
        ("0241", "demand", "1041"),  # another frame's code keeps its kind of action
        ("010", "reject", "011"),  # refuse to comment
        ("110", "appeal", "020"),  # nothing more specific: the frame's default
    ],
)
def test_frame_tables(verbs: VerbDictionary, code: str, frame: str, framed: str) -> None:
    assert verbs.frames.reframe(code, frame) == framed


Spec = list[tuple[str, str, str, str, int]]


def _clause_of(subject: str, verb: tuple[str, str], *objects: tuple[str, str, str, str]) -> Spec:
    """'<subject> <verb> <objects...>': the verb is token 1; each object is (text, lemma,
    pos, dep) hanging on the verb or, for 'det'/'amod'/'compound'/'pobj', on the next
    noun (or the preposition before it)."""
    spec: Spec = [(subject, subject, "PROPN", "nsubj", 1), (verb[0], verb[1], "VERB", "ROOT", 1)]
    for k, (text, lemma, pos, dep) in enumerate(objects, start=2):
        head = 1
        if dep in ("det", "amod", "compound"):
            head = next(
                j for j, o in enumerate(objects[k - 1 :], start=k + 1) if o[3] in ("dobj", "pobj")
            )
        elif dep == "pobj":
            head = k - 1
        spec.append((text, lemma, pos, dep, head))
    return spec


THE = ("the", "the", "DET", "det")
# (what the case guards, the clause, the codes a match may carry: "" or None = no event)
SENSES: list[tuple[str, Spec, set[str | None]]] = [
    (
        "'Blair flew to Basra': a visit (042)",
        _clause_of(
            "Blair",
            ("flew", "fly"),
            ("to", "to", "ADP", "prep"),
            ("Basra", "Basra", "PROPN", "pobj"),
        ),
        {"042"},
    ),
    (
        "'the US is struggling with a deficit': no force",
        _clause_of(
            "US",
            ("struggling", "struggle"),
            ("with", "with", "ADP", "prep"),
            ("deficit", "deficit", "NOUN", "pobj"),
        ),
        {None, ""},
    ),
    (
        "'troops clashed with rebels': force (190)",
        _clause_of(
            "troops",
            ("clashed", "clash"),
            ("with", "with", "ADP", "prep"),
            ("rebels", "rebel", "NOUN", "pobj"),
        ),
        {"190"},
    ),
    (
        "'policies were striking a chord': no force",
        _clause_of("policies", ("striking", "strike"), ("chord", "chord", "NOUN", "dobj")),
        {None, ""},
    ),
    (
        "'the party demonstrated that it can win': no protest",
        [
            ("party", "party", "NOUN", "nsubj", 1),
            ("demonstrated", "demonstrate", "VERB", "ROOT", 1),
            ("that", "that", "SCONJ", "mark", 4),
            ("it", "it", "PRON", "nsubj", 4),
            ("win", "win", "VERB", "ccomp", 1),
        ],
        {None, ""},
    ),
    (
        "'police charged a man': legal action (173)",
        _clause_of(
            "police",
            ("charged", "charge"),
            ("a", "a", "DET", "det"),
            ("man", "man", "NOUN", "dobj"),
        ),
        {"173"},
    ),
    (
        "'Russia charged the US': an accusation (112)",
        _clause_of("Russia", ("charged", "charge"), ("US", "US", "PROPN", "dobj")),
        {"112"},
    ),
    (
        "'NASA awarded contracts': economic cooperation (061)",
        _clause_of("NASA", ("awarded", "award"), ("contracts", "contract", "NOUN", "dobj")),
        {"061"},
    ),
    (
        "'Noem launched the campaign': no appeal",
        _clause_of(
            "Noem",
            ("launched", "launch"),
            ("the", "the", "DET", "det"),
            ("campaign", "campaign", "NOUN", "dobj"),
        ),
        {None, ""},
    ),
    (
        "'Russia launched a military campaign against Ukraine': force (190)",
        _clause_of(
            "Russia",
            ("launched", "launch"),
            ("a", "a", "DET", "det"),
            ("military", "military", "ADJ", "amod"),
            ("campaign", "campaign", "NOUN", "dobj"),
            ("against", "against", "ADP", "prep"),
            ("Ukraine", "Ukraine", "PROPN", "pobj"),
        ),
        {"190"},
    ),
    (
        "'Iran declined to confirm the report': decline comment (011)",
        [
            ("Iran", "Iran", "PROPN", "nsubj", 1),
            ("declined", "decline", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3),
            ("confirm", "confirm", "VERB", "xcomp", 1),
            ("the", "the", "DET", "det", 5),
            ("report", "report", "NOUN", "dobj", 3),
        ],
        {"011"},
    ),
    (
        "'he ruined the economy': figurative, no force",
        _clause_of("he", ("ruined", "ruin"), ("economy", "economy", "NOUN", "dobj")),
        {None, ""},
    ),
    (
        "'TCI fuelled speculation': no threat of force",
        _clause_of("TCI", ("fuelled", "fuel"), ("speculation", "speculation", "NOUN", "dobj")),
        {None, ""},
    ),
    (
        "'the US imposed tariffs': sanctions (163)",
        _clause_of("US", ("imposed", "impose"), ("tariffs", "tariff", "NOUN", "dobj")),
        {"163"},
    ),
    (
        "'China lifted tariffs': easing sanctions (085)",
        _clause_of("China", ("lifted", "lift"), ("tariffs", "tariff", "NOUN", "dobj")),
        {"085"},
    ),
    (
        "'the Fed eased rates': no concession",
        _clause_of("Fed", ("eased", "ease"), ("rates", "rate", "NOUN", "dobj")),
        {None, ""},
    ),
    (
        "'Israel eased restrictions': 080",
        _clause_of("Israel", ("eased", "ease"), ("restrictions", "restriction", "NOUN", "dobj")),
        {"080"},
    ),
    (
        "'Iran loosened its dependence': no concession",
        _clause_of("Iran", ("loosened", "loosen"), ("dependence", "dependence", "NOUN", "dobj")),
        {None, ""},
    ),
    (
        "'China relaxed restrictions': 081",
        _clause_of("China", ("relaxed", "relax"), ("restrictions", "restriction", "NOUN", "dobj")),
        {"081"},
    ),
    (
        "'Kenya improved services': no cooperation",
        _clause_of("Kenya", ("improved", "improve"), ("services", "service", "NOUN", "dobj")),
        {None, ""},
    ),
    (
        "'the party has declined': fell off, refused nothing",
        [
            ("party", "party", "NOUN", "nsubj", 2),
            ("has", "have", "AUX", "aux", 2),
            ("declined", "decline", "VERB", "ROOT", 2),
        ],
        {None, ""},
    ),
    (
        "'Iran declined the invitation': a refusal",
        _clause_of(
            "Iran", ("declined", "decline"), THE, ("invitation", "invitation", "NOUN", "dobj")
        ),
        {"120"},
    ),
    (
        "'Harris meets the requirement': no meeting",
        _clause_of(
            "Harris", ("meets", "meet"), THE, ("requirement", "requirement", "NOUN", "dobj")
        ),
        {None, ""},
    ),
    (
        "'Xi met Putin': a meeting",
        _clause_of("Xi", ("met", "meet"), ("Putin", "Putin", "PROPN", "dobj")),
        {"040"},
    ),
    (
        "'Canada held a general election': no interaction",
        _clause_of(
            "Canada",
            ("held", "hold"),
            ("a", "a", "DET", "det"),
            ("general", "general", "ADJ", "amod"),
            ("election", "election", "NOUN", "dobj"),
        ),
        {None, ""},
    ),
    (
        "'Iran increased cooperation with the navies': cooperation, not mobilisation",
        _clause_of(
            "Iran",
            ("increased", "increase"),
            ("cooperation", "cooperation", "NOUN", "dobj"),
            ("with", "with", "ADP", "prep"),
            ("navies", "navy", "NOUN", "pobj"),
        ),
        {"050"},
    ),
    (
        "'Biden held a press conference': a statement, not a consultation",
        _clause_of(
            "Biden",
            ("held", "hold"),
            ("a", "a", "DET", "det"),
            ("press", "press", "NOUN", "compound"),
            ("conference", "conference", "NOUN", "dobj"),
        ),
        {"010"},
    ),
    (
        "'Soleimani took part in the attacks': nothing by itself",
        _clause_of(
            "Soleimani",
            ("took", "take"),
            ("part", "part", "NOUN", "dobj"),
            ("in", "in", "ADP", "prep"),
            ("attacks", "attack", "NOUN", "pobj"),
        ),
        {None, "", "010"},
    ),
    (
        "'the army entered Tamer according to state media': no treaty through 'accord'",
        [
            ("army", "army", "NOUN", "nsubj", 1),
            ("entered", "enter", "VERB", "ROOT", 1),
            ("Tamer", "Tamer", "PROPN", "dobj", 1),
            ("according", "accord", "VERB", "prep", 1),
            ("to", "to", "ADP", "prep", 3),
            ("media", "media", "NOUN", "pobj", 4),
        ],
        {None, ""},
    ),
    (
        "'the government announced new lockdown measures': no threat",
        _clause_of(
            "government",
            ("announced", "announce"),
            ("new", "new", "ADJ", "amod"),
            ("lockdown", "lockdown", "NOUN", "compound"),
            ("measures", "measure", "NOUN", "dobj"),
        ),
        {None, "", "010"},
    ),
    (
        "'police prevented the demonstration': a restriction of political freedoms",
        _clause_of(
            "police",
            ("prevented", "prevent"),
            ("the", "the", "DET", "det"),
            ("demonstration", "demonstration", "NOUN", "dobj"),
        ),
        {"1721"},
    ),
    (
        "'Iran fired missiles at US troops': force aimed at them",
        [
            ("Iran", "Iran", "PROPN", "nsubj", 1),
            ("fired", "fire", "VERB", "ROOT", 1),
            ("missiles", "missile", "NOUN", "dobj", 1),
            ("at", "at", "ADP", "prep", 1),
            ("US", "US", "PROPN", "compound", 5),
            ("troops", "troop", "NOUN", "pobj", 3),
        ],
        {"190"},
    ),
    (
        "'police fired tear gas at protesters': violent repression",
        [
            ("police", "police", "NOUN", "nsubj", 1),
            ("fired", "fire", "VERB", "ROOT", 1),
            ("tear", "tear", "NOUN", "compound", 3),
            ("gas", "gas", "NOUN", "dobj", 1),
            ("at", "at", "ADP", "prep", 1),
            ("protesters", "protester", "NOUN", "pobj", 4),
        ],
        {"175"},
    ),
    (
        "'Qatar mediated talks': mediation, not yielding",
        _clause_of("Qatar", ("mediated", "mediate"), ("talks", "talk", "NOUN", "dobj")),
        {"045"},
    ),
    (
        "'the company fired the manager': no force",
        _clause_of(
            "company",
            ("fired", "fire"),
            ("the", "the", "DET", "det"),
            ("manager", "manager", "NOUN", "dobj"),
        ),
        {None, "", "160"},
    ),
    (
        "'the council disbanded its police force': no relations reduced",
        _clause_of(
            "council",
            ("disbanded", "disband"),
            ("its", "its", "PRON", "poss"),
            ("police", "police", "NOUN", "compound"),
            ("force", "force", "NOUN", "dobj"),
        ),
        {None, ""},
    ),
    (
        "'the junta disbanded the army': demobilization",
        _clause_of(
            "junta",
            ("disbanded", "disband"),
            ("the", "the", "DET", "det"),
            ("army", "army", "NOUN", "dobj"),
        ),
        {"0873"},
    ),
]


@pytest.mark.parametrize(("case", "spec", "codes"), SENSES, ids=[c[0][:40] for c in SENSES])
def test_verb_senses_of_the_defaults_review(
    verbs: VerbDictionary, case: str, spec: Spec, codes: set[str | None]
) -> None:
    ps = parsed(spec)
    verb = next(t.i for t in ps.tokens if t.dep == "ROOT")
    m = verbs.match(ps.tokens, verb)
    assert (m.code if m is not None else None) in codes, case


@pytest.mark.parametrize(
    ("verb", "lemma", "code"),
    [("pressured", "pressure", "100"), ("urged", "urge", "020"), ("demanded", "demand", "100")],
)
def test_asking_someone_not_to_act_is_still_the_appeal_or_demand(
    verbs: VerbDictionary, verb: str, lemma: str, code: str
) -> None:
    # "officials pressured Russia not to invade Ukraine": a demand (CAMEO 10), not
    # coercion (IMPEL's 170); 'urged ... not to' keeps the appeal
    ps = parsed(
        [
            ("Officials", "official", "NOUN", "nsubj", 1),
            (verb, lemma, "VERB", "ROOT", 1),
            ("Russia", "Russia", "PROPN", "dobj", 1),
            ("not", "not", "PART", "neg", 5),
            ("to", "to", "PART", "aux", 5),
            ("invade", "invade", "VERB", "xcomp", 1),
            ("Ukraine", "Ukraine", "PROPN", "dobj", 5),
        ]
    )
    m = verbs.match(ps.tokens, 1)
    assert m is not None and m.code == code


def test_warning_what_another_might_do_is_no_threat(verbs: VerbDictionary) -> None:
    # "Trump warned that Biden could destroy the growth ."
    ps = parsed(
        [
            ("Trump", "Trump", "PROPN", "nsubj", 1),
            ("warned", "warn", "VERB", "ROOT", 1),
            ("that", "that", "SCONJ", "mark", 5),
            ("Biden", "Biden", "PROPN", "nsubj", 5),
            ("could", "could", "AUX", "aux", 5),
            ("destroy", "destroy", "VERB", "ccomp", 1),
            ("the", "the", "DET", "det", 7),
            ("growth", "growth", "NOUN", "dobj", 5),
        ]
    )
    m = verbs.match(ps.tokens, 1)
    # not framed as a threat of the destruction: the bare 'warn', which codes only
    # against an actor warned (none here)
    assert m is not None and m.frame == "" and m.inner is None
    assert m.form.needs_actor_target


def test_moderating_a_debate_is_no_coercion_without_an_actor_restrained(
    verbs: VerbDictionary,
) -> None:
    # "Tobin moderated both debates ." (defaults_review.tsv: SUPPRESS moderate)
    ps = parsed(
        _clause_of(
            "Tobin",
            ("moderated", "moderate"),
            ("both", "both", "DET", "det"),
            ("debates", "debate", "NOUN", "dobj"),
        )
    )
    m = verbs.match(ps.tokens, 1)
    assert m is not None and m.pattern is None and m.form.needs_actor_target


def test_searching_codes_only_through_the_dictionarys_patterns(verbs: VerbDictionary) -> None:
    # "Biden searched for a running mate ." (defaults_review.tsv: SEARCH search)
    ps = parsed(
        _clause_of(
            "Biden",
            ("searched", "search"),
            ("for", "for", "ADP", "prep"),
            ("mate", "mate", "NOUN", "pobj"),
        )
    )
    m = verbs.match(ps.tokens, 1)
    assert m is None  # 090 only through a pattern ('searched for arms')


@pytest.mark.parametrize(
    ("subject", "verb", "obj", "code"),
    [
        # accord_verbs.tsv APPREHEND catch: * FIRE: was 171 Seize or damage property
        ("roof", ("caught", "catch"), "fire", None),
        # EXPLAIN_VERBAL announce: * DEAL: was 060 Engage in material cooperation; a deal
        # announced is an agreement reached
        ("Trump", ("announced", "announce"), "deal", "030"),
    ],
)
def test_accords_corrections_of_cameo_2_patterns(
    verbs: VerbDictionary, subject: str, verb: tuple[str, str], obj: str, code: str | None
) -> None:
    # "The roof caught fire .", "Trump announced the deal ."
    ps = parsed(_clause_of(subject, verb, (obj, obj, "NOUN", "dobj")))
    m = verbs.match(ps.tokens, 1)
    assert (m.code if m is not None else None) == code


@pytest.mark.parametrize(
    ("inner", "lemma", "code"), [("leave", "leave", None), ("help", "help", "033")]
)
def test_an_intent_to_leave_is_no_intent_to_cooperate(
    verbs: VerbDictionary, inner: str, lemma: str, code: str | None
) -> None:
    # "Johnson plans to <inner> the union ." (leaving codes nothing; helping is aid, 033)
    ps = parsed(
        [
            ("Johnson", "Johnson", "PROPN", "nsubj", 1),
            ("plans", "plan", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3),
            (inner, lemma, "VERB", "xcomp", 1),
            ("the", "the", "DET", "det", 5),
            ("union", "union", "NOUN", "dobj", 3),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    m = verbs.match(ps.tokens, 1)
    assert (m.code if m is not None else None) == code


def _admitted(subject: tuple[str, str, str], verb: tuple[str, str]) -> list[Any]:
    # "Iran admitted <subject> had <verb> the jet ."
    return [
        ("Iran", "Iran", "PROPN", "nsubj", 1),
        ("admitted", "admit", "VERB", "ROOT", 1),
        (subject[0], subject[1], subject[2], "nsubj", 4),
        ("had", "have", "AUX", "aux", 4),
        (verb[0], verb[1], "VERB", "ccomp", 1),
        ("down", "down", "ADP", "prt", 4),
        ("the", "the", "DET", "det", 7),
        ("jet", "jet", "NOUN", "dobj", 4),
        (".", ".", "PUNCT", "punct", 1),
    ]


@pytest.mark.parametrize(
    ("subject", "code"),
    [
        (("it", "it", "PRON"), "015"),  # its own act: claims responsibility
        (("Russia", "Russia", "PROPN"), None),  # another's act: no admission of its own
    ],
)
def test_admitting_ones_own_act_claims_responsibility(
    verbs: VerbDictionary, subject: tuple[str, str, str], code: str | None
) -> None:
    ps = parsed(_admitted(subject, ("shot", "shoot")))
    m = verbs.match(ps.tokens, 1)
    assert (m.code if m is not None and m.frame == "admit" else None) == code
    assert verbs.match(ps.tokens, 4) is not None  # the shooting down stays an event


def _insisted(clause: list[tuple[str, str, str, str, str]]) -> list[Any]:
    # "Britain insisted <clause> ."
    rows: list[Any] = [
        ("Britain", "Britain", "PROPN", "nsubj", 1),
        ("insisted", "insist", "VERB", "ROOT", 1),
    ]
    for text, lemma, pos, dep, _tag in clause:
        rows.append((text, lemma, pos, dep, 4 if dep != "ccomp" else 1))
    rows.append((".", ".", "PUNCT", "punct", 1))
    return rows


@pytest.mark.parametrize(
    ("clause", "demands"),
    [
        # 'insisted Iran release the sailors': a mandate (bare subjunctive)
        (
            [
                ("that", "that", "SCONJ", "mark", ""),
                ("Iran", "Iran", "PROPN", "nsubj", ""),
                ("release", "release", "VERB", "ccomp", "VB"),
                ("sailors", "sailor", "NOUN", "dobj", ""),
            ],
            True,
        ),
        # 'insisted the EU must act': an obligation
        (
            [
                ("the", "the", "DET", "det", ""),
                ("EU", "EU", "PROPN", "nsubj", ""),
                ("act", "act", "VERB", "ccomp", "VB"),
                ("must", "must", "AUX", "aux", ""),
            ],
            True,
        ),
        # 'insisted its plans were affordable': a fact asserted
        (
            [
                ("its", "its", "PRON", "poss", ""),
                ("plans", "plan", "NOUN", "nsubj", ""),
                ("were", "be", "AUX", "ccomp", "VBD"),
                ("affordable", "affordable", "ADJ", "acomp", ""),
            ],
            False,
        ),
        # 'insisted it must act': a course Britain sets itself, no demand on another
        (
            [
                ("it", "it", "PRON", "nsubj", "PRP"),
                ("must", "must", "AUX", "aux", "MD"),
                ("act", "act", "VERB", "ccomp", "VB"),
            ],
            False,
        ),
        # 'insisted we must act': the speaker's own side
        (
            [
                ("we", "we", "PRON", "nsubj", "PRP"),
                ("must", "must", "AUX", "aux", "MD"),
                ("act", "act", "VERB", "ccomp", "VB"),
            ],
            False,
        ),
        # 'insisted they must act': others (Britain is no 'they')
        (
            [
                ("they", "they", "PRON", "nsubj", "PRP"),
                ("must", "must", "AUX", "aux", "MD"),
                ("act", "act", "VERB", "ccomp", "VB"),
            ],
            True,
        ),
    ],
)
def test_insisting_demands_only_a_mandate(
    verbs: VerbDictionary, clause: list[tuple[str, str, str, str, str]], demands: bool
) -> None:
    tags = {k: tag for k, (*_, tag) in enumerate(clause, start=2) if tag}
    ps = tagged(parsed(_insisted(clause)), tags)
    m = verbs.match(ps.tokens, 1)
    assert (m is not None and m.code[:2] == "10") is demands


def test_insisting_alone_demands_nothing(verbs: VerbDictionary) -> None:
    # '"A literate population," insisted Mr Sener, "will make a positive impact"': the
    # quote is no mandate; bare 'insist' codes only through its frame or patterns
    ps = parsed(
        [
            ("insisted", "insist", "VERB", "ROOT", 0),
            ("Sener", "Sener", "PROPN", "nsubj", 0),
            (".", ".", "PUNCT", "punct", 0),
        ]
    )
    assert verbs.match(ps.tokens, 0) is None


@pytest.mark.parametrize(
    ("rest", "code"),
    [
        # 'the embargo applied to China': no request; 'applied for membership': 020
        ([("to", "to", "ADP", "prep"), ("China", "China", "PROPN", "pobj")], None),
        ([("for", "for", "ADP", "prep"), ("membership", "membership", "NOUN", "pobj")], "020"),
    ],
)
def test_applying_codes_only_what_is_applied_for(
    verbs: VerbDictionary, rest: list[tuple[str, str, str, str]], code: str | None
) -> None:
    rows: list[Any] = [
        ("Turkey", "Turkey", "PROPN", "nsubj", 1),
        ("applied", "apply", "VERB", "ROOT", 1),
    ]
    for k, (text, word, pos, dep) in enumerate(rest, start=2):
        rows.append((text, word, pos, dep, 1 if dep == "prep" else k - 1))
    rows.append((".", ".", "PUNCT", "punct", 1))
    m = verbs.match(parsed(rows).tokens, 1)
    assert (m.code if m is not None else None) == code


def test_insisting_on_something_demands_it(verbs: VerbDictionary) -> None:
    # CAMEO 1.1b3's 1043 example: 'FDD insisted on its demands that ...'
    ps = parsed(
        [
            ("FDD", "FDD", "PROPN", "nsubj", 1),
            ("insisted", "insist", "VERB", "ROOT", 1),
            ("on", "on", "ADP", "prep", 1),
            ("its", "its", "PRON", "poss", 4),
            ("demands", "demand", "NOUN", "pobj", 2),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    m = verbs.match(ps.tokens, 1)
    assert m is not None and m.code == "100"


def test_calling_for_an_investigation_is_an_appeal_not_an_investigation(
    verbs: VerbDictionary,
) -> None:
    # 'The Tories called for an inquiry': the caller asks; CAMEO.2.0's 090 had it investigate
    ps = parsed(
        [
            ("Tories", "Tories", "PROPN", "nsubj", 1),
            ("called", "call", "VERB", "ROOT", 1),
            ("for", "for", "ADP", "prep", 1),
            ("an", "an", "DET", "det", 4),
            ("inquiry", "inquiry", "NOUN", "pobj", 2),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    m = verbs.match(ps.tokens, 1)
    assert m is not None and m.code == "020"
