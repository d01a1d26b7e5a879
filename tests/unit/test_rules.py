"""The coder's declared rules (coding.rules, coding.ruleset) on hand-built parses: no model.

Each test builds a sentence, the knowledge-base mentions in it and a candidate, runs one
rule (or the runner) and checks its verdict.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

import pytest

from accord.coding.actor_records import ActorRef, Mention, Party, Told
from accord.coding.actors import SentenceActors
from accord.coding.lexicon import table
from accord.coding.mentions import credible
from accord.coding.noun_rules import noun_echo, protest_in_passing
from accord.coding.patterns import children_of
from accord.coding.political import actor_class
from accord.coding.roles import roles_with
from accord.coding.rules import (
    Candidate,
    Clause,
    Drop,
    Rule,
    SentenceDate,
    Verdict,
    rule,
    run_rules,
)
from accord.coding.ruleset import (
    RULES,
    TARGET_RULES,
    allegation,
    answered_act,
    approval_needs_actor,
    attack_noun_agent,
    attack_referred,
    authorized_force,
    background_date,
    call_needs_counterpart,
    caption,
    civilian_protest,
    commitment,
    consult_needs_counterpart,
    contest_of_a_past_year,
    cooperation_needs_partner,
    counterpart,
    crowd_clash,
    crowd_repression,
    crowd_violence,
    dated_pluperfect,
    domestic_target,
    during_a_past_war,
    event_date,
    future_date,
    general_passive,
    habitual_perfect,
    hazard_emergency,
    instrument,
    licensed_default,
    means_target,
    mishap_inquiry,
    modality,
    naming_use,
    newsgathering,
    noun_tagged_as_verb,
    object_dated_long_ago,
    placed_source,
    plan_needs_counterpart,
    political_source,
    position_needs_actor,
    predicate_actor,
    quoted_speaker,
    ranked_harm,
    refused_dismissal,
    since_long_ago,
    sport_teams,
    stance_description,
    standing_position,
    told_with_a_birth,
    travel_at_home,
    unarmed_retreat,
    unattributed_violence,
    verbal_attack,
    verbal_defense,
    verbal_support,
)
from accord.coding.sentence_dates import told_years_back
from accord.coding.sentence_events import dedupe, outlived
from accord.coding.statement_rules import (
    agreed_view,
    evaluation,
    question_about,
    statement_content,
    suggested_fact,
)
from accord.coding.target_rules import opens_pair
from accord.coding.verbs import VerbDictionary
from accord.model import DatePrecision, DateSource, Mode, ParsedSentence
from tests.unit.events import actor, event
from tests.unit.parsing import Entry, parsed, tagged, with_entities

PUB = dt.date(2020, 11, 2)


def _clause(
    ps: ParsedSentence,
    mentions: list[Mention] = (),  # type: ignore[assignment]
    *,
    pair: tuple[Party, Party] | None = None,
    pair_age: int | None = None,
    attacker: Party | None = None,
) -> Clause:
    children = children_of(ps.tokens)
    return Clause(
        tokens=ps.tokens,
        children=children,
        actors=SentenceActors(ps.tokens, mentions, children),
        mentions=mentions,
        dates={},
        sentence_date=SentenceDate(PUB, DatePrecision.DAY, DateSource.PUBLICATION),
        place=None,
        home=None,
        publication=PUB,
        include_all_modes=False,
        include_statements=False,
        frames_reframe=lambda code, frame: code,
        pair=pair,
        pair_age=pair_age,
        attacker=attacker,
    )


def _ref(head: int, code: str, country: str | None, role: str | None, kind: str) -> ActorRef:
    return ActorRef(head, head, head + 1, code, country, role, None, kind)


# "Police arrested a man in Leeds." / "Critics savaged the film."
ARREST = parsed(
    [
        ("Police", "police", "NOUN", "nsubj", 1),
        ("arrested", "arrest", "VERB", "ROOT", 1),
        ("a", "a", "DET", "det", 3),
        ("man", "man", "NOUN", "dobj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
)


def _candidate(**kw: object) -> Candidate:
    base = Candidate("verb", 1, "173", "verb:APPREHEND:arrest")
    return dataclasses.replace(base, **kw)  # type: ignore[arg-type]


# -- the machinery ---------------------------------------------------------------------


def test_a_rule_declares_only_known_candidate_fields() -> None:
    with pytest.raises(ValueError, match="unknown candidate fields"):
        Rule("bad", frozenset({"verb"}), ("colour",), (), lambda c, cl: c)


def test_the_runner_records_what_each_rule_changed_and_stops_at_a_drop() -> None:
    @rule("set_code", ["verb"], writes=["code"])
    def set_code(c: Candidate, cl: Clause) -> Candidate | Drop:
        return dataclasses.replace(c, code="174")

    @rule("drop_it", ["verb"])
    def drop_it(c: Candidate, cl: Clause) -> Candidate | Drop:
        return Drop("because")

    @rule("never", ["verb"])
    def never(c: Candidate, cl: Clause) -> Candidate | Drop:  # pragma: no cover - not reached
        raise AssertionError("ran after a drop")

    out = run_rules(_candidate(), _clause(ARREST), [set_code, drop_it, never])
    assert out.dropped == Drop("because")
    assert out.candidate.code == "174"
    assert [(s.rule, s.verdict) for s in out.steps] == [
        ("set_code", "set code"),
        ("drop_it", "dropped: because"),
    ]


def test_rules_apply_only_to_their_trigger_kinds() -> None:
    noun = dataclasses.replace(_candidate(), kind="noun")
    verb_only = [r for r in RULES if r.kinds == frozenset({"verb"})]
    out = run_rules(noun, _clause(ARREST), verb_only)
    assert out.dropped is None and out.steps == ()


def test_every_rule_has_a_name_and_a_docstring_and_names_are_unique() -> None:
    names = [r.name for r in (*RULES, *TARGET_RULES)]
    assert len(names) == len(set(names))
    for r in (*RULES, *TARGET_RULES):
        assert r.doc, r.name


# -- background_date -------------------------------------------------------------------


def _dated(d: dt.date, precision: DatePrecision, source: DateSource) -> Candidate:
    return _candidate(date=SentenceDate(d, precision, source))


B, F = background_date, future_date


@pytest.mark.parametrize(
    ("date_rule", "date", "precision", "source", "mode"),
    [
        (B, dt.date(2007, 1, 1), DatePrecision.YEAR, DateSource.TEXT, Mode.BACKGROUND),
        (B, dt.date(2020, 1, 1), DatePrecision.MONTH, DateSource.TEXT, Mode.BACKGROUND),
        (B, dt.date(2020, 10, 8), DatePrecision.DAY, DateSource.TEXT, Mode.ASSERTED),
        (B, dt.date(2020, 1, 1), DatePrecision.YEAR, DateSource.TEXT, Mode.ASSERTED),
        (B, dt.date(2007, 1, 1), DatePrecision.DAY, DateSource.PUBLICATION, Mode.ASSERTED),
        (F, dt.date(2020, 11, 3), DatePrecision.DAY, DateSource.TEXT, Mode.FUTURE),
        (F, dt.date(2020, 12, 1), DatePrecision.MONTH, DateSource.TEXT, Mode.FUTURE),
        (F, dt.date(2020, 11, 1), DatePrecision.MONTH, DateSource.TEXT, Mode.ASSERTED),
        (F, PUB, DatePrecision.DAY, DateSource.TEXT, Mode.ASSERTED),
        (F, dt.date(2021, 1, 1), DatePrecision.YEAR, DateSource.TEXT, Mode.ASSERTED),
        (F, dt.date(2020, 11, 3), DatePrecision.DAY, DateSource.PUBLICATION, Mode.ASSERTED),
    ],
)
def test_dated_too_early_is_background_and_after_publication_future(
    date_rule: Rule, date: dt.date, precision: DatePrecision, source: DateSource, mode: Mode
) -> None:
    got = date_rule.apply(_dated(date, precision, source), _clause(ARREST))
    assert isinstance(got, Candidate) and got.mode is mode


@pytest.mark.parametrize(
    ("date", "precision", "mode"),
    [
        (dt.date(2017, 1, 1), DatePrecision.YEAR, Mode.BACKGROUND),
        (dt.date(1989, 10, 1), DatePrecision.MONTH, Mode.BACKGROUND),
        (None, None, Mode.ASSERTED),
    ],
)
def test_an_undated_story_recalls_what_it_writes_the_year_of(
    date: dt.date | None, precision: DatePrecision | None, mode: Mode
) -> None:
    # an undated story: 'the case was dropped in 2017', 'in October 1989 the Court of
    # Appeal quashed the sentences' are background; an act it gives no date stays
    undated = dataclasses.replace(_clause(ARREST), publication=None)
    cand = _dated(date, precision, DateSource.TEXT) if date else _candidate()
    got = background_date.apply(cand, undated)
    assert isinstance(got, Candidate) and got.mode is mode


@pytest.mark.parametrize(
    ("when", "mode"),
    [
        (["last", "year"], Mode.BACKGROUND),
        (["two", "years", "ago"], Mode.BACKGROUND),
        (["a", "year", "ago"], Mode.BACKGROUND),
        (["last", "week"], Mode.ASSERTED),  # within the story's own time
        (["this", "year"], Mode.ASSERTED),
    ],
)
def test_an_undated_story_recalls_what_it_tells_a_year_back(when: list[str], mode: Mode) -> None:
    # 'Police arrested a man <when> .' in a story with no date of its own
    rows = [(t.text, t.lemma, t.pos, t.dep, t.head) for t in ARREST.tokens[:-1]]
    n = len(rows)
    if when[-1] == "ago":
        rows += [
            (when[0], when[0], "NUM" if when[0] != "a" else "DET", "nummod", n + 1),
            (when[1], "year", "NOUN", "npadvmod", n + 2),
            ("ago", "ago", "ADV", "advmod", 1),
        ]
    else:
        rows += [
            (when[0], when[0], "ADJ", "amod", n + 1),
            (when[1], when[1], "NOUN", "npadvmod", 1),
        ]
    ps = parsed([*rows, (".", ".", "PUNCT", "punct", 1)])
    # the coder's clause for a story with no date: the date finder's expressions, attached
    # to the verb they govern, resolved against any day (sentence_dates.told_years_back)
    back = told_years_back(ps)
    undated = dataclasses.replace(_clause(ps), publication=None, told_years_back=back)
    got = background_date.apply(_candidate(), undated)
    assert isinstance(got, Candidate) and got.mode is mode
    assert (1 in back) is (mode is Mode.BACKGROUND)
    dated = background_date.apply(_candidate(), _clause(ps))  # a dated story: its own date
    assert isinstance(dated, Candidate) and dated.mode is Mode.ASSERTED


@pytest.mark.parametrize(
    ("verb", "tag", "dep", "targeted"),
    [
        ("using", "VBG", "advcl", True),  # the means is the act: on whom the clause acts
        ("using", "VBG", "ROOT", False),  # not a participle of another verb
        ("holding", "VBG", "advcl", False),  # not a verb of using
    ],
)
def test_means_target(verb: str, tag: str, dep: str, targeted: bool) -> None:
    """'Police cleared protesters using gas.'"""
    head = 4 if dep == "ROOT" else 1
    ps = tagged(
        parsed(
            [
                ("Police", "police", "NOUN", "nsubj", 1),
                ("cleared", "clear", "VERB", "ROOT" if dep != "ROOT" else "advcl", head),
                ("protesters", "protester", "NOUN", "dobj", 1),
                (
                    verb,
                    verb.removesuffix("ing") if verb == "using" else "hold",
                    "VERB",
                    dep,
                    1 if dep != "ROOT" else 3,
                ),
                ("gas", "gas", "NOUN", "dobj", 3),
                (".", ".", "PUNCT", "punct", 1),
            ]
        ),
        {3: tag},
    )
    ps = dataclasses.replace(
        ps,
        tokens=tuple(
            dataclasses.replace(t, lemma="use") if t.text == "using" else t for t in ps.tokens
        ),
    )
    mentions = [
        Mention(0, 1, Entry("SRBCOP", "SRB", "COP", "police", "agent")),
        Mention(2, 3, Entry("SRBOPP", "SRB", "OPP", "protesters", "agent")),
    ]
    src = _ref(0, "SRBCOP", "SRB", "COP", "agent")
    cand = dataclasses.replace(_candidate(code="175"), trigger=3, sources=(src,))
    got = means_target.apply(cand, _clause(ps, mentions))
    assert isinstance(got, Candidate)
    assert [t.code for t in got.targets] == (["---OPP"] if targeted else [])


# "<subject> attacked <object> ."
def _attacked(subject: str, obj: str) -> ParsedSentence:
    return parsed(
        [
            (subject.capitalize(), subject.rstrip("s"), "NOUN", "nsubj", 1),
            ("attacked", "attack", "VERB", "ROOT", 1),
            (obj, obj.rstrip("s"), "NOUN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )


_SERB = {"protesters": "SRBOPP", "police": "SRBCOP", "rebels": "SRBREB", "civilians": "SRBCVL"}


@pytest.mark.parametrize(
    ("subject", "obj", "code2", "code"),
    [
        ("protesters", "police", None, "145"),  # a protest turned violent (CAMEO 145)
        ("police", "protesters", None, "175"),  # repression of dissent (CAMEO 175)
        ("protesters", "police", "190", "190"),  # a clash both sides wage stays a fight
        ("rebels", "police", None, "190"),  # armed groups fight
        ("police", "civilians", None, "190"),  # not a crowd of protesters
    ],
)
def test_crowd_violence_and_repression(
    subject: str, obj: str, code2: str | None, code: str
) -> None:
    ps = _attacked(subject, obj)
    src = _ref(0, _SERB[subject], "SRB", _SERB[subject][3:], "agent")
    tgt = _ref(2, _SERB[obj], "SRB", _SERB[obj][3:], "agent")
    words = VerbDictionary.load()
    match = words.match(ps.tokens, 1, children_of(ps.tokens))
    assert match is not None
    match = dataclasses.replace(match, code="190", code2=code2)
    cand = _candidate(code="190", match=match, sources=(src,), targets=(tgt,))
    clause = _clause(ps)
    for r in (crowd_violence, crowd_repression):
        got = r.apply(cand, clause)
        assert isinstance(got, Candidate)
        cand = got
    assert cand.code == code


def test_a_crowd_damaging_property_riots() -> None:
    # "Protesters attacked police ." coded as damage to property (1712): a riot (145)
    ps = _attacked("protesters", "police")
    src = _ref(0, "SRBOPP", "SRB", "OPP", "agent")
    cand = _candidate(code="1712", sources=(src,))
    got = crowd_violence.apply(cand, _clause(ps))
    assert isinstance(got, Candidate) and got.code == "145"
    police = _ref(2, "SRBCOP", "SRB", "COP", "agent")
    seized = _candidate(code="1711", sources=(police,))
    assert crowd_violence.apply(seized, _clause(ps)) is seized  # the police: no riot


@pytest.mark.parametrize(
    ("subject", "obj", "code", "back"),
    [
        ("protesters", "police", "145", "175"),  # "protesters clashed with police"
        ("police", "protesters", "175", "145"),  # "police clashed with protesters"
        ("rebels", "police", "190", None),  # armed parties fight: the pattern's pair stays
        ("police", "civilians", "190", None),  # not a crowd of protesters
    ],
)
def test_a_clash_of_a_crowd_with_the_police_is_riot_and_repression(
    subject: str, obj: str, code: str, back: str | None
) -> None:
    ps = _attacked(subject, obj)
    src = _ref(0, _SERB[subject], "SRB", _SERB[subject][3:], "agent")
    tgt = _ref(2, _SERB[obj], "SRB", _SERB[obj][3:], "agent")
    match = VerbDictionary.load().match(ps.tokens, 1, children_of(ps.tokens))
    assert match is not None
    match = dataclasses.replace(match, code="190", code2="190")
    cand = _candidate(code="190", match=match, sources=(src,), targets=(tgt,))
    got = crowd_clash.apply(cand, _clause(ps))
    assert isinstance(got, Candidate)
    assert (got.code, got.reverse) == (code, back)
    one_way = dataclasses.replace(cand, match=dataclasses.replace(match, code2=None))
    assert crowd_clash.apply(one_way, _clause(ps)) is one_way  # no clash both sides wage


@pytest.mark.parametrize(
    ("role", "code"),
    [("PTY", "080"), ("LEG", "080"), ("MIL", "0874"), ("GOV", "0874"), (None, "0874")],
)
def test_a_withdrawal_by_those_with_no_forces_is_yielding(role: str | None, code: str) -> None:
    ps = _attacked("party", "candidate")
    src = _ref(0, "THA" + (role or ""), "THA", role, "agent" if role else "country")
    got = unarmed_retreat.apply(_candidate(code="0874", sources=(src,)), _clause(ps))
    assert isinstance(got, Candidate) and got.code == code


def _fisheries(dispute_tag: str, subject: bool = False) -> tuple[Candidate, Clause]:
    """'... ending its fisheries dispute with partners', 'dispute' tagged as a verb whose
    'its' the parser hung on 'fisheries' (or, with ``subject``, 'they dispute ...')."""
    ps = parsed(
        [
            ("ending", "end", "VERB", "ROOT", 0),
            ("its", "its", "PRON", "poss", 2),
            ("fisheries", "fishery", "NOUN", "dobj", 0),
            ("dispute", "dispute", "VERB", "advcl", 0),
            ("with", "with", "ADP", "prep", 3),
            ("partners", "partner", "NOUN", "pobj", 4),
        ]
    )
    if subject:
        ps = dataclasses.replace(
            ps,
            tokens=tuple(
                dataclasses.replace(t, text="they", lemma="they", pos="PRON", dep="nsubj", head=3)
                if t.i == 5
                else t
                for t in ps.tokens
            ),
        )
    ps = tagged(ps, {3: dispute_tag})
    cand = dataclasses.replace(_candidate(code="110"), trigger=3)
    return cand, _clause(ps)


def test_a_subjectless_verb_after_a_determined_noun_is_a_noun_compound() -> None:
    for tag in ("VB", "VBP"):
        cand, clause = _fisheries(tag)
        assert isinstance(noun_tagged_as_verb.apply(cand, clause), Drop)
    cand, clause = _fisheries("VBD")  # a past tense: a verb
    assert noun_tagged_as_verb.apply(cand, clause) is cand
    cand, clause = _fisheries("VBP", subject=True)  # it has a subject: a verb
    assert noun_tagged_as_verb.apply(cand, clause) is cand


def _declared(cause: str) -> ParsedSentence:
    """'The governor declared an emergency with the <cause> approaching .'"""
    return parsed(
        [
            ("The", "the", "DET", "det", 1),
            ("governor", "governor", "NOUN", "nsubj", 2),
            ("declared", "declare", "VERB", "ROOT", 2),
            ("an", "an", "DET", "det", 4),
            ("emergency", "emergency", "NOUN", "dobj", 2),
            ("with", "with", "ADP", "prep", 2),
            ("the", "the", "DET", "det", 7),
            (cause, cause, "NOUN", "nsubj", 8),
            ("approaching", "approach", "VERB", "pcomp", 5),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )


def test_a_state_of_emergency_against_a_storm_is_no_interaction() -> None:
    governor = _ref(1, "USAGOV", "USA", "GOV", "agent")
    cand = _candidate(code="1724", trigger=2, sources=(governor,))
    assert isinstance(hazard_emergency.apply(cand, _clause(_declared("storm"))), Drop)
    assert hazard_emergency.apply(cand, _clause(_declared("unrest"))) is cand
    curfew = _candidate(code="1723", trigger=2, sources=(governor,))
    assert hazard_emergency.apply(curfew, _clause(_declared("storm"))) is curfew


def _approved(obj: str, lemma: str) -> tuple[Candidate, Clause]:
    """'Soleimani approved the <obj> .' as the dictionary codes it (080, block ALLOW)."""
    ps = parsed(
        [
            ("Soleimani", "Soleimani", "PROPN", "nsubj", 1),
            ("approved", "approve", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            (obj, lemma, "NOUN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    match = VerbDictionary.load().match(ps.tokens, 1, children_of(ps.tokens))
    assert match is not None and match.form.block == "ALLOW"
    src = _ref(0, "IRNMIL", "IRN", "MIL", "person")
    return _candidate(code="080", match=match, sources=(src,)), _clause(ps)


def test_approving_a_use_of_force_is_no_yielding() -> None:
    cand, clause = _approved("attacks", "attack")
    assert isinstance(authorized_force.apply(cand, clause), Drop)
    cand, clause = _approved("request", "request")
    assert authorized_force.apply(cand, clause) is cand


def _launched_before(close: str | None, mark: str) -> ParsedSentence:
    """'[<close>] <mark> the jet crashed, Iran launched missiles targeting troops.'"""
    rows: list[tuple[str, str, str, str, int]] = []
    if close:
        rows.append((close, close.lower().rstrip("s"), "NOUN", "npadvmod", 1))
    at = len(rows)
    rows += [
        (mark, mark, "SCONJ", "mark", at + 3),
        ("the", "the", "DET", "det", at + 2),
        ("jet", "jet", "NOUN", "nsubj", at + 3),
        ("crashed", "crash", "VERB", "advcl", at + 6),
        (",", ",", "PUNCT", "punct", at + 6),
        ("Iran", "Iran", "PROPN", "nsubj", at + 6),
        ("launched", "launch", "VERB", "ROOT", at + 6),
        ("missiles", "missile", "NOUN", "dobj", at + 6),
        ("targeting", "target", "VERB", "acl", at + 7),
        ("troops", "troop", "NOUN", "dobj", at + 8),
        (".", ".", "PUNCT", "punct", at + 6),
    ]
    return tagged(parsed(rows), {at + 8: "VBG"})


WEDNESDAY = SentenceDate(dt.date(2020, 10, 28), DatePrecision.DAY, DateSource.TEXT)


@pytest.mark.parametrize(
    ("close", "mark", "verb", "dated"),
    [
        ("Hours", "before", "launched", True),  # 'hours before the jet crashed on Wednesday'
        ("Hours", "before", "targeting", True),  # a participle on the object: same time
        (None, "before", "launched", False),  # a bare 'before' may be days away
        (None, "when", "launched", True),  # 'when' puts it at the same time
    ],
)
def test_event_date_from_a_temporal_clause(
    close: str | None, mark: str, verb: str, dated: bool
) -> None:
    ps = _launched_before(close, mark)
    crashed = next(t.i for t in ps.tokens if t.text == "crashed")
    trigger = next(t.i for t in ps.tokens if t.text == verb)
    clause = dataclasses.replace(_clause(ps), dates={crashed: WEDNESDAY})
    got = event_date.apply(dataclasses.replace(_candidate(code="190"), trigger=trigger), clause)
    assert isinstance(got, Candidate)
    assert got.date == (WEDNESDAY if dated else clause.sentence_date)


def test_an_undated_verb_takes_the_date_of_a_clause_conjoined_after_it() -> None:
    # "A jury convicted him , and he received a sentence in 2016 ."
    ps = parsed(
        [
            ("A", "a", "DET", "det", 1),
            ("jury", "jury", "NOUN", "nsubj", 2),
            ("convicted", "convict", "VERB", "ROOT", 2),
            ("him", "he", "PRON", "dobj", 2),
            (",", ",", "PUNCT", "punct", 2),
            ("and", "and", "CCONJ", "cc", 2),
            ("he", "he", "PRON", "nsubj", 7),
            ("received", "receive", "VERB", "conj", 2),
            ("a", "a", "DET", "det", 9),
            ("sentence", "sentence", "NOUN", "dobj", 7),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )
    long_ago = SentenceDate(dt.date(2016, 1, 1), DatePrecision.YEAR, DateSource.TEXT)
    clause = dataclasses.replace(_clause(ps), dates={7: long_ago})
    got = event_date.apply(dataclasses.replace(_candidate(code="116"), trigger=2), clause)
    assert isinstance(got, Candidate) and got.date == long_ago
    # a date of the verb's own wins; a clause conjoined before it dates nothing
    own = dataclasses.replace(clause, dates={2: WEDNESDAY, 7: long_ago})
    got = event_date.apply(dataclasses.replace(_candidate(code="116"), trigger=2), own)
    assert isinstance(got, Candidate) and got.date == WEDNESDAY
    got = event_date.apply(dataclasses.replace(_candidate(code="116"), trigger=7), _clause(ps))
    assert isinstance(got, Candidate) and got.date == clause.sentence_date


@pytest.mark.parametrize(
    ("tag", "modal", "code"),
    [
        ("VBD", None, "010"),  # 'suggested the driver lost control': a view of what happened
        ("VB", "should", "020"),  # 'suggested the driver should stop': an appeal
        ("VB", None, "020"),  # 'suggested the driver stop'
        ("VB", "would", "010"),  # 'suggested the driver would stop': a prediction, a view
        ("VBZ", None, "010"),  # 'suggested the driver stops': what is, in the present
    ],
)
def test_suggested_fact(tag: str, modal: str | None, code: str) -> None:
    rows = [
        ("Russia", "Russia", "PROPN", "nsubj", 1),
        ("suggested", "suggest", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3),
        ("driver", "driver", "NOUN", "nsubj", 5 if modal else 4),
    ]
    if modal:
        rows.append((modal, modal, "AUX", "aux", 5))
    verb = len(rows)
    rows += [("stop", "stop", "VERB", "ccomp", 1), (".", ".", "PUNCT", "punct", 1)]
    ps = tagged(parsed(rows), {verb: tag, **({4: "MD"} if modal else {})})
    got = suggested_fact.apply(_candidate(code="020"), _clause(ps))
    assert isinstance(got, Candidate) and got.code == code


@pytest.mark.parametrize(("aux", "tag", "code"), [("is", "VBZ", "010"), ("be", "VB", "020")])
def test_a_suggestion_of_what_is_going_on_is_a_view(aux: str, tag: str, code: str) -> None:
    """'suggested that NASA is using SLS too little': a view; 'suggested that NASA be
    using ...' (the base form) puts forward what is to be done."""
    rows = [
        ("Russia", "Russia", "PROPN", "nsubj", 1),
        ("suggested", "suggest", "VERB", "ROOT", 1),
        ("NASA", "NASA", "PROPN", "nsubj", 4),
        (aux, "be", "AUX", "aux", 4),
        ("using", "use", "VERB", "ccomp", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
    ps = tagged(parsed(rows), {3: tag, 4: "VBG"})
    got = suggested_fact.apply(_candidate(code="020"), _clause(ps))
    assert isinstance(got, Candidate) and got.code == code


def _had_met(adverb: str | None) -> ParsedSentence:
    """'They had [<adverb>] met.'"""
    rows = [("They", "they", "PRON", "nsubj", 2), ("had", "have", "AUX", "aux", 2)]
    rows.append(("met", "meet", "VERB", "ROOT", 2))
    if adverb:
        rows.insert(2, (adverb, adverb, "ADV", "advmod", 3))
        rows = [(w, lemma, pos, dep, 3 if h == 2 else h) for w, lemma, pos, dep, h in rows]
    ps = parsed([*rows, (".", ".", "PUNCT", "punct", len(rows) - 1)])
    tokens = tuple(dataclasses.replace(t, tag="VBN") if t.lemma == "meet" else t for t in ps.tokens)
    return dataclasses.replace(ps, tokens=tokens)


@pytest.mark.parametrize(
    ("adverb", "days_before", "precision", "mode"),
    [
        (None, 4, DatePrecision.DAY, Mode.ASSERTED),  # 'On last Thursday, they had met'
        (None, None, None, Mode.BACKGROUND),  # no day of its own: a scene set
        (None, 400, DatePrecision.DAY, Mode.BACKGROUND),  # a day long before the story
        (None, 4, DatePrecision.MONTH, Mode.BACKGROUND),
        ("previously", 4, DatePrecision.DAY, Mode.BACKGROUND),
    ],
)
def test_dated_pluperfect(
    adverb: str | None, days_before: int | None, precision: DatePrecision | None, mode: Mode
) -> None:
    ps = _had_met(adverb)
    verb = next(t.i for t in ps.tokens if t.lemma == "meet")
    clause = _clause(ps)
    if days_before is not None and precision is not None:
        when = SentenceDate(PUB - dt.timedelta(days=days_before), precision, DateSource.TEXT)
        clause = dataclasses.replace(clause, dates={verb: when})
    cand = dataclasses.replace(_candidate(code="040"), trigger=verb, mode=Mode.BACKGROUND)
    got = dated_pluperfect.apply(cand, clause)
    assert isinstance(got, Candidate) and got.mode is mode


def _allowed_since(point: str, pos: str) -> ParsedSentence:
    """'China has allowed it since <point>.'"""
    return parsed(
        [
            ("China", "China", "PROPN", "nsubj", 2),
            ("has", "have", "AUX", "aux", 2),
            ("allowed", "allow", "VERB", "ROOT", 2),
            ("it", "it", "PRON", "dobj", 2),
            ("since", "since", "ADP", "prep", 2),
            (point, point.lower(), pos, "pobj", 4),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )


@pytest.mark.parametrize(
    ("point", "pos", "mode"),
    [
        ("1997", "NUM", Mode.BACKGROUND),  # a state lasting since long before the story
        ("2020", "NUM", Mode.ASSERTED),  # since earlier this year: news
        ("Monday", "PROPN", Mode.ASSERTED),
    ],
)
def test_since_long_ago(point: str, pos: str, mode: Mode) -> None:
    got = since_long_ago.apply(
        dataclasses.replace(_candidate(code="080"), trigger=2), _clause(_allowed_since(point, pos))
    )
    assert isinstance(got, Candidate) and got.mode is mode


def _born_then(year: str, aux: bool = False) -> ParsedSentence:
    """'Born in <year>, he visited Paris.' (with aux: 'Having been born ...')"""
    spec = [
        ("Born", "bear", "VERB", "advcl", 5),
        ("in", "in", "ADP", "prep", 0),
        (year, year, "NUM", "pobj", 1),
        (",", ",", "PUNCT", "punct", 5),
        ("he", "he", "PRON", "nsubj", 5),
        ("visited", "visit", "VERB", "ROOT", 5),
        ("Paris", "Paris", "PROPN", "dobj", 5),
        (".", ".", "PUNCT", "punct", 5),
    ]
    if aux:
        spec = [
            ("was", "be", "AUX", "auxpass", 1),
            *[(w, lm, p, d, h + 1) for w, lm, p, d, h in spec],
        ]
    return tagged(parsed(spec), {1 if aux else 0: "VBN"})


@pytest.mark.parametrize(
    ("year", "aux", "mode"),
    [
        ("1942", False, Mode.BACKGROUND),  # a life story
        (str(PUB.year), False, Mode.ASSERTED),  # born this year: news
        ("1942", True, Mode.ASSERTED),  # a birth told with its own auxiliary
    ],
)
def test_an_act_told_with_a_birth_long_ago_is_background(year: str, aux: bool, mode: Mode) -> None:
    ps = _born_then(year, aux)
    verb = 6 if aux else 5
    got = told_with_a_birth.apply(
        dataclasses.replace(_candidate(code="042"), trigger=verb), _clause(ps)
    )
    assert isinstance(got, Candidate) and got.mode is mode


def _challenged_for(year: str, noun: str) -> ParsedSentence:
    """'He challenged Obama for the <year> <noun>.'"""
    return parsed(
        [
            ("He", "he", "PRON", "nsubj", 1),
            ("challenged", "challenge", "VERB", "ROOT", 1),
            ("Obama", "Obama", "PROPN", "dobj", 1),
            ("for", "for", "ADP", "prep", 1),
            ("the", "the", "DET", "det", 6),
            (year, year, "NUM", "nummod", 6),
            (noun, noun.rstrip("s"), "NOUN", "pobj", 3),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )


@pytest.mark.parametrize(
    ("year", "noun", "mode"),
    [
        ("2012", "nomination", Mode.BACKGROUND),  # a contest of a past year: a career
        (str(PUB.year), "nomination", Mode.ASSERTED),  # this year's contest: news
        ("2015", "deal", Mode.ASSERTED),  # a year on what the act is about dates nothing
    ],
)
def test_an_act_in_a_contest_of_a_past_year_is_background(year: str, noun: str, mode: Mode) -> None:
    cand = dataclasses.replace(_candidate(code="110"), trigger=1)
    got = contest_of_a_past_year.apply(cand, _clause(_challenged_for(year, noun)))
    assert isinstance(got, Candidate) and got.mode is mode


def _in_the_war(prep: str, words: list[str]) -> ParsedSentence:
    """'Israel seized the Golan <prep> the <words...> War .' (the words before 'War' are
    its name: ['1967', 'Six', '-', 'Day'], ['Cold'])."""
    war = 6 + len(words)
    return parsed(
        [
            ("Israel", "Israel", "PROPN", "nsubj", 1),
            ("seized", "seize", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("Golan", "Golan", "PROPN", "dobj", 1),
            (prep, prep, "ADP", "prep", 1),
            ("the", "the", "DET", "det", war),
            *[(w, w, "NUM" if w.isdigit() else "PROPN", "compound", war) for w in words],
            ("War", "war", "PROPN", "pobj", 4),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )


@pytest.mark.parametrize(
    ("prep", "words", "publication", "mode"),
    [
        ("in", ["1967", "Six", "-", "Day"], PUB, Mode.BACKGROUND),  # the year its name gives
        ("during", ["Second", "World"], PUB, Mode.BACKGROUND),  # past_wars.tsv
        ("during", ["Cold"], None, Mode.BACKGROUND),  # ended by 1991: past for undated news
        ("in", ["Iraq"], dt.date(2004, 5, 1), Mode.ASSERTED),  # not over in 2004
        ("in", ["Iraq"], None, Mode.ASSERTED),  # an undated story may be of its time
        ("in", ["Trade"], PUB, Mode.ASSERTED),  # a war of no known end: news
        ("after", ["Cold"], PUB, Mode.ASSERTED),  # after the war is not in it
    ],
)
def test_an_act_in_a_war_that_ended_before_the_story_is_background(
    prep: str, words: list[str], publication: dt.date | None, mode: Mode
) -> None:
    cand = _candidate(code="192")
    clause = dataclasses.replace(_clause(_in_the_war(prep, words)), publication=publication)
    got = during_a_past_war.apply(cand, clause)
    assert isinstance(got, Candidate) and got.mode is mode


def test_a_war_after_the_comma_closing_a_participle_is_the_acts() -> None:
    # 'Israel seized the Golan , seen as Syrian , in the Cold War .': the parser hangs the
    # phrase on the participle
    ps = parsed(
        [
            ("Israel", "Israel", "PROPN", "nsubj", 1),
            ("seized", "seize", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("Golan", "Golan", "PROPN", "dobj", 1),
            (",", ",", "PUNCT", "punct", 1),
            ("seen", "see", "VERB", "advcl", 1),
            ("as", "as", "ADP", "prep", 5),
            ("Syrian", "Syrian", "ADJ", "pobj", 6),
            (",", ",", "PUNCT", "punct", 5),
            ("in", "in", "ADP", "prep", 5),
            ("the", "the", "DET", "det", 12),
            ("Cold", "Cold", "PROPN", "compound", 12),
            ("War", "war", "PROPN", "pobj", 9),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    tokens = tuple(dataclasses.replace(t, tag="VBN") if t.i == 5 else t for t in ps.tokens)
    clause = dataclasses.replace(_clause(ps), tokens=tokens)
    got = during_a_past_war.apply(_candidate(code="192"), clause)
    assert isinstance(got, Candidate) and got.mode is Mode.BACKGROUND


def _named_as(prep: str, year: str) -> ParsedSentence:
    """'Widodo named Wiranto <prep> minister in <year>.' ('as': what the act makes of its
    object; 'of': what the object is accused of)."""
    return parsed(
        [
            ("Widodo", "Widodo", "PROPN", "nsubj", 1),
            ("named", "name", "VERB", "ROOT", 1),
            ("Wiranto", "Wiranto", "PROPN", "dobj", 1),
            (prep, prep, "ADP", "prep", 1),
            ("minister", "minister", "NOUN", "pobj", 3),
            ("in", "in", "ADP", "prep", 4),
            (year, year, "NUM", "pobj", 5),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )


@pytest.mark.parametrize(
    ("prep", "year", "own_date", "mode"),
    [
        ("as", "2016", False, Mode.BACKGROUND),  # made minister in 2016
        ("as", "2020", False, Mode.ASSERTED),  # this year: news
        ("of", "2016", False, Mode.ASSERTED),  # the year of what the object is charged with
        ("as", "2016", True, Mode.ASSERTED),  # the act's own date decides
        ("at", "2016", False, Mode.BACKGROUND),  # the occasion: 'at the elections in 2016'
        ("at", "2020", False, Mode.ASSERTED),
    ],
)
def test_object_dated_long_ago(prep: str, year: str, own_date: bool, mode: Mode) -> None:
    cand = _candidate(code="060")
    if own_date:
        cand = dataclasses.replace(cand, date=SentenceDate(PUB, DatePrecision.DAY, DateSource.TEXT))
    got = object_dated_long_ago.apply(cand, _clause(_named_as(prep, year)))
    assert isinstance(got, Candidate) and got.mode is mode


@pytest.mark.parametrize(
    ("year", "mark", "mode"),
    [
        ("mid-2016", "after", Mode.BACKGROUND),  # as old as the appointment it led to
        ("2016", "when", Mode.BACKGROUND),
        ("mid-2020", "after", Mode.ASSERTED),  # this year: news
        ("2016", "because", Mode.ASSERTED),  # not a clause of time
    ],
)
def test_a_temporal_clause_of_an_act_dated_long_ago_is_as_old(
    year: str, mark: str, mode: Mode
) -> None:
    # 'Widodo named Wiranto as minister in <year> <mark> Luhut resigned .'
    rows = _named_as("as", year).tokens
    spec = [(t.text, t.lemma, t.pos, t.dep, t.head) for t in rows[:-1]]
    spec[6] = (year, year, "NOUN" if "-" in year else "NUM", "pobj", 5)
    spec += [
        (mark, mark, "SCONJ", "mark", 9),
        ("Luhut", "Luhut", "PROPN", "nsubj", 9),
        ("resigned", "resign", "VERB", "advcl", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
    cand = dataclasses.replace(_candidate(code="083"), trigger=9)
    got = object_dated_long_ago.apply(cand, _clause(parsed(spec)))
    assert isinstance(got, Candidate) and got.mode is mode


def _has_done(verb: str, lemma: str, adverb: str | None) -> ParsedSentence:
    """'Johnson has [<adverb>] <verb> it .'"""
    rows = [
        ("Johnson", "Johnson", "PROPN", "nsubj", 3),
        ("has", "have", "AUX", "aux", 3),
        (adverb or "also", adverb or "also", "ADV", "advmod", 3),
        (verb, lemma, "VERB", "ROOT", 3),
        ("it", "it", "PRON", "dobj", 3),
        (".", ".", "PUNCT", "punct", 3),
    ]
    return tagged(parsed(rows), {1: "VBZ", 3: "VBN"})


@pytest.mark.parametrize(
    ("verb", "lemma", "adverb", "first", "mode"),
    [
        ("stated", "state", "repeatedly", False, Mode.BACKGROUND),  # a record of statements
        ("criticized", "criticize", "long", True, Mode.BACKGROUND),  # even in the lead
        ("criticized", "criticize", None, False, Mode.ASSERTED),  # a recent act
        ("supported", "support", None, False, Mode.BACKGROUND),  # a stance held
        ("supported", "support", None, True, Mode.ASSERTED),  # the lead's news
        ("remained", "remain", None, False, Mode.BACKGROUND),  # 'troops have remained': a presence
    ],
)
def test_habitual_perfect(
    verb: str, lemma: str, adverb: str | None, first: bool, mode: Mode
) -> None:
    clause = dataclasses.replace(_clause(_has_done(verb, lemma, adverb)), first=first)
    got = habitual_perfect.apply(dataclasses.replace(_candidate(code="051"), trigger=3), clause)
    assert isinstance(got, Candidate) and got.mode is mode


def _advocates(subject: str, tag: str) -> ParsedSentence:
    """'<subject> advocates lower taxes.' with the verb's tag set."""
    ps = parsed(
        [
            (subject, subject.lower(), "NOUN", "nsubj", 1),
            ("advocates", "advocate", "VERB", "ROOT", 1),
            ("lower", "low", "ADJ", "amod", 3),
            ("taxes", "tax", "NOUN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    tokens = tuple(dataclasses.replace(t, tag=tag) if t.i == 1 else t for t in ps.tokens)
    return dataclasses.replace(ps, tokens=tokens)


@pytest.mark.parametrize(
    ("subject", "tag", "first", "mode"),
    [
        ("party", "VBZ", False, Mode.BACKGROUND),  # a position the party holds
        ("party", "VBD", False, Mode.ASSERTED),  # 'advocated': an act
        ("party", "VBZ", True, Mode.ASSERTED),  # the story's lead
        ("We", "VBP", False, Mode.ASSERTED),  # said by the speaker: a statement made
    ],
)
def test_standing_position(subject: str, tag: str, first: bool, mode: Mode) -> None:
    clause = dataclasses.replace(_clause(_advocates(subject, tag)), first=first)
    got = standing_position.apply(_candidate(code="020"), clause)
    assert isinstance(got, Candidate) and got.mode is mode


def _appointed(aux: str, tag: str) -> ParsedSentence:
    """'The leader <aux> appointed by the King.' with the auxiliary's tag set."""
    ps = parsed(
        [
            ("The", "the", "DET", "det", 1),
            ("leader", "leader", "NOUN", "nsubjpass", 3),
            (aux, "be", "AUX", "auxpass", 3),
            ("appointed", "appoint", "VERB", "ROOT", 3),
            ("by", "by", "ADP", "agent", 3),
            ("the", "the", "DET", "det", 6),
            ("King", "King", "PROPN", "pobj", 4),
            (".", ".", "PUNCT", "punct", 3),
        ]
    )
    tags = {2: tag, 3: "VBN"}
    tokens = tuple(dataclasses.replace(t, tag=tags.get(t.i, t.tag)) for t in ps.tokens)
    return dataclasses.replace(ps, tokens=tokens)


@pytest.mark.parametrize(
    ("aux", "tag", "first", "mode"),
    [
        ("is", "VBZ", False, Mode.BACKGROUND),  # a rule: how the leader is appointed
        ("was", "VBD", False, Mode.ASSERTED),  # an act
        ("is", "VBZ", True, Mode.ASSERTED),  # the story's lead
    ],
)
def test_general_passive(aux: str, tag: str, first: bool, mode: Mode) -> None:
    clause = dataclasses.replace(_clause(_appointed(aux, tag)), first=first)
    got = general_passive.apply(dataclasses.replace(_candidate(code="060"), trigger=3), clause)
    assert isinstance(got, Candidate) and got.mode is mode


def _did_not(verb: str, lemma: str, pending: bool) -> ParsedSentence:
    """'Lam did not (yet) <verb> to the demands .'"""
    words = [
        ("Lam", "Lam", "PROPN", "nsubj", 3),
        ("did", "do", "AUX", "aux", 3),
        ("not", "not", "PART", "neg", 3),
        (verb, lemma, "VERB", "ROOT", 3),
        ("to", "to", "ADP", "prep", 3),
        ("demands", "demand", "NOUN", "pobj", 4),
    ]
    if pending:
        words.insert(3, ("yet", "yet", "ADV", "advmod", 4))
        words = [
            (w, lm, p, d, h + 1 if h >= 3 and i != 3 else h)
            for i, (w, lm, p, d, h) in enumerate(words)
        ]
    return parsed(words)


@pytest.mark.parametrize(
    ("verb", "lemma", "pending", "mode"),
    [
        ("accede", "accede", False, Mode.ASSERTED),  # a refusal to yield
        ("accede", "accede", True, Mode.NEGATED),  # 'not yet': still pending
        ("travel", "travel", False, Mode.NEGATED),  # no yielding verb: nothing happened
    ],
)
def test_not_yielding_to_demands_is_a_refusal(
    verb: str, lemma: str, pending: bool, mode: Mode
) -> None:
    ps = _did_not(verb, lemma, pending)
    trigger = next(t.i for t in ps.tokens if t.dep == "ROOT")
    cand = dataclasses.replace(_candidate(code="081"), trigger=trigger, mode=Mode.NEGATED)
    got = commitment.apply(cand, _clause(ps))
    assert isinstance(got, Candidate) and got.mode is mode
    assert (got.rule.endswith("+refusal")) is (mode is Mode.ASSERTED)


# -- political_source ------------------------------------------------------------------


def test_role_traits_come_from_the_role_table() -> None:
    known = {"armed", "speaks", "protests", "local", "home", "domestic", "group", "-"}
    for role, (_, _, traits) in table("actor_roles.tsv", lower=False).items():
        assert set(traits.split(",")) <= known, role
    assert {"MIL", "COP", "REB"} <= roles_with("armed") and "CVL" not in roles_with("armed")
    assert "PTY" in roles_with("speaks") and "MIL" not in roles_with("speaks")
    assert "EDU" in roles_with("protests") and "BUS" not in roles_with("protests")
    # a role placed by the sentence's place is placed by the one country it names too
    assert roles_with("local") <= roles_with("domestic")
    assert "COP" in roles_with("local") and "GOV" not in roles_with("local")


@pytest.mark.parametrize(
    ("ref", "cls"),
    [
        (_ref(0, "GBRCOP", "GBR", "COP", "agent"), "state"),
        (_ref(0, "IGOUNO", None, None, "igo"), "political"),
        (_ref(0, "GBRPTY", "GBR", "PTY", "agent"), "political"),
        (_ref(0, "GBRMED", "GBR", "MED", "agent"), "society"),
        (_ref(0, "IRLELI", "IRL", "ELI", "person"), "society"),  # "Irish actor ..."
        (dataclasses.replace(_ref(0, "USAELI", "USA", "ELI", "person"), listed=True), "political"),
    ],
)
def test_actor_classes(ref: ActorRef, cls: str) -> None:
    assert actor_class(ref) == cls


def test_a_media_source_with_no_state_in_sight_is_no_event() -> None:
    media = _ref(0, "GBRMED", "GBR", "MED", "agent")
    got = political_source.apply(_candidate(code="111", sources=(media,)), _clause(ARREST))
    assert isinstance(got, Drop)


def test_a_society_source_addressing_the_state_is_an_event() -> None:
    media = _ref(0, "GBRMED", "GBR", "MED", "agent")
    court = _ref(3, "GBRJUD", "GBR", "JUD", "agent")
    cand = _candidate(code="111", sources=(media,), targets=(court,))
    assert political_source.apply(cand, _clause(ARREST)) is cand


def test_only_the_political_sources_of_several_are_kept() -> None:
    police = _ref(0, "GBRCOP", "GBR", "COP", "agent")
    firm = _ref(0, "GBRBUS", "GBR", "BUS", "agent")
    got = political_source.apply(_candidate(sources=(police, firm)), _clause(ARREST))
    assert isinstance(got, Candidate) and got.sources == (police,)


def test_a_government_holding_a_rally_is_no_protest_and_its_words_code_nothing_else() -> None:
    government = _ref(0, "USAGOV", "USA", "GOV", "agent")
    got = civilian_protest.apply(_candidate(code="141", sources=(government,)), _clause(ARREST))
    assert isinstance(got, Drop) and got.consumes


def test_people_and_legislators_protest() -> None:
    for role in ("CVL", "LEG", "OPP"):
        crowd = _ref(0, "GBR" + role, "GBR", role, "agent")
        cand = _candidate(code="141", sources=(crowd,))
        assert civilian_protest.apply(cand, _clause(ARREST)) is cand
    police = _ref(0, "GBRCOP", "GBR", "COP", "agent")
    cand = _candidate(code="173", sources=(police,))
    assert civilian_protest.apply(cand, _clause(ARREST)) is cand  # only demonstrations
    soldiers = _ref(0, "GBRMIL", "GBR", "MIL", "agent")
    cordon = _candidate(code="144", sources=(soldiers,))  # 'cordoned off the roads'
    assert civilian_protest.apply(cordon, _clause(ARREST)) is cordon


# -- target rules ----------------------------------------------------------------------


def test_an_untargeted_act_in_a_sentence_naming_no_other_country_is_domestic() -> None:
    police = _ref(0, "GBRCOP", "GBR", "COP", "agent")
    got = domestic_target.apply(_candidate(sources=(police,)), _clause(ARREST))
    assert isinstance(got, Candidate)
    (target,) = got.targets
    assert (target.code, target.kind) == ("GBR", "implied")
    assert got.rule.endswith("+domestic")


def test_no_domestic_target_when_the_sentence_names_another_country() -> None:
    police = _ref(0, "GBRCOP", "GBR", "COP", "agent")
    france = Mention(3, 4, Entry("FRA", "FRA", None, "France", "country"))
    cand = _candidate(sources=(police,))
    assert domestic_target.apply(cand, _clause(ARREST, [france])) is cand


def test_a_country_named_inside_the_sources_own_phrase_is_no_counterpart() -> None:
    # "Kurt Volker, the US special envoy for Ukraine negotiations, resigned": the span
    # [0, 3) names the source; a country inside it does not keep the act from home.
    envoy = ActorRef(0, 0, 3, "USAGOV", "USA", "GOV", None, "person")
    ukraine = Mention(2, 3, Entry("UKR", "UKR", None, "Ukraine", "country"))
    got = domestic_target.apply(_candidate(sources=(envoy,)), _clause(ARREST, [ukraine]))
    assert isinstance(got, Candidate) and [t.code for t in got.targets] == ["USA"]
    outside = Mention(3, 4, Entry("UKR", "UKR", None, "Ukraine", "country"))
    cand = _candidate(sources=(envoy,))
    assert domestic_target.apply(cand, _clause(ARREST, [outside])) is cand


def test_a_consultation_never_takes_its_sources_own_country_as_target() -> None:
    minister = _ref(0, "IRNGOV", "IRN", "GOV", "agent")
    cand = _candidate(code="046", sources=(minister,))
    assert domestic_target.apply(cand, _clause(ARREST)) is cand
    # nor does the intent to meet ('the Senate was set to meet on Wednesday')
    intent = _candidate(code="036", sources=(minister,))
    assert domestic_target.apply(intent, _clause(ARREST)) is intent


def test_no_domestic_target_in_the_report_of_the_sources_bilateral_call() -> None:
    xi = _ref(0, "CHNGOV", "CHN", "GOV", "person")
    pair = (Party("CHNGOV", "CHN", "GOV", "Xi"), Party("USAGOV", "USA", "GOV", "Trump"))
    cand = _candidate(code="010", sources=(xi,))
    assert domestic_target.apply(cand, _clause(ARREST, pair=pair, pair_age=2)) is cand
    # a crowd's riot is against its own country's authorities all the same
    crowd = _ref(0, "USAOPP", "USA", "OPP", "agent")
    riot = _candidate(code="145", sources=(crowd,))
    got = domestic_target.apply(riot, _clause(ARREST, pair=pair, pair_age=2))
    assert isinstance(got, Candidate) and [t.code for t in got.targets] == ["USA"]


def _subject_verb_the_object(subject: str, verb: tuple[str, str], obj: str) -> ParsedSentence:
    """'<Subject> <verb> the <object> .', the subject a proper noun."""
    return parsed(
        [
            (subject, subject, "PROPN", "nsubj", 1),
            (*verb, "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            (obj, obj.rstrip("s"), "NOUN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )


def test_approval_of_no_actor_is_a_position_not_an_event() -> None:
    # "Carroll backed the overturn ." / "Morell praised Mendez ." (Mendez unknown)
    ps = _subject_verb_the_object("Carroll", ("backed", "back"), "overturn")
    carroll = _ref(0, "USAPTY", "USA", "PTY", "person")
    cand = _candidate(code="050", sources=(carroll,))
    assert isinstance(approval_needs_actor.apply(cand, _clause(ps)), Drop)
    named = dataclasses.replace(
        ps,
        tokens=tuple(
            dataclasses.replace(t, text="Mendez", lemma="Mendez", pos="PROPN", ent_type="PERSON")
            if t.i == 3
            else t
            for t in ps.tokens
        ),
    )
    assert approval_needs_actor.apply(cand, _clause(named)) is cand
    aimed = _candidate(
        code="051", sources=(carroll,), targets=(_ref(3, "USA", "USA", None, "country"),)
    )
    assert approval_needs_actor.apply(aimed, _clause(ps)) is aimed
    defended = _candidate(code="052", sources=(carroll,))
    assert approval_needs_actor.apply(defended, _clause(ps)) is defended


def test_material_cooperation_needs_a_partner() -> None:
    # "NASA awarded the contracts ." / "NASA awarded Russia the contracts ."
    ps = _subject_verb_the_object("NASA", ("awarded", "award"), "contracts")
    nasa = _ref(0, "USAGOV", "USA", "GOV", "group")
    alone = _candidate(code="061", sources=(nasa,))
    assert isinstance(cooperation_needs_partner.apply(alone, _clause(ps)), Drop)
    partner = _candidate(
        code="061", sources=(nasa,), targets=(_ref(3, "RUS", "RUS", None, "country"),)
    )
    assert cooperation_needs_partner.apply(partner, _clause(ps)) is partner
    statement = _candidate(code="010", sources=(nasa,))
    assert cooperation_needs_partner.apply(statement, _clause(ps)) is statement
    # a partner the sentence names, though no argument gave it ('French and Egyptian
    # warships launched war games'): kept
    egypt = Mention(3, 4, Entry("EGY", "EGY", None, "Egypt", "country"))
    assert cooperation_needs_partner.apply(alone, _clause(ps, [egypt])) is alone


# "La Riva blamed capitalism ." / "Biden criticized the move ."
BLAMED_IDEA = parsed(
    [
        ("La Riva", "La Riva", "PROPN", "nsubj", 1),
        ("blamed", "blame", "VERB", "ROOT", 1),
        ("capitalism", "capitalism", "NOUN", "dobj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
)
CRITICIZED_MOVE = parsed(
    [
        ("Biden", "Biden", "PROPN", "nsubj", 1),
        ("criticized", "criticize", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3),
        ("move", "move", "NOUN", "dobj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
)


def test_a_position_on_an_idea_aimed_at_home_is_no_event() -> None:
    la_riva = _ref(0, "USAPTY", "USA", "PTY", "person")
    home = ActorRef(0, 0, 0, "USA", "USA", None, None, "implied")
    blamed = _candidate(
        code="112", sources=(la_riva,), targets=(home,), rule="verb:ACCUSE:blame+domestic"
    )
    assert isinstance(position_needs_actor.apply(blamed, _clause(BLAMED_IDEA)), Drop)
    # the same act aimed at a named actor, or not by the domestic rule, stays
    undirected = dataclasses.replace(blamed, targets=(), rule="verb:ACCUSE:blame")
    assert position_needs_actor.apply(undirected, _clause(BLAMED_IDEA)) is undirected
    # a lawsuit is against someone the text may leave unnamed
    sued = dataclasses.replace(blamed, code="115")
    assert position_needs_actor.apply(sued, _clause(BLAMED_IDEA)) is sued
    # an object that is an entity (a person, an organisation) names an actor
    named = dataclasses.replace(BLAMED_IDEA, tokens=with_entities(BLAMED_IDEA, [(2, 3, "ORG")]))
    assert position_needs_actor.apply(blamed, _clause(named)) is blamed
    # 'criticized the move': a definite act the story told, by someone
    moved = dataclasses.replace(blamed, code="111", rule="verb:CRITICIZE:criticize+domestic")
    assert position_needs_actor.apply(moved, _clause(CRITICIZED_MOVE)) is moved
    # 'denounced the conclusions of the summit': what is of a summit is its parties' act
    summit = parsed(
        [
            ("Turkey", "Turkey", "PROPN", "nsubj", 1),
            ("denounced", "denounce", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("conclusions", "conclusion", "NOUN", "dobj", 1),
            ("of", "of", "ADP", "prep", 3),
            ("the", "the", "DET", "det", 6),
            ("summit", "summit", "NOUN", "pobj", 4),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    assert position_needs_actor.apply(moved, _clause(summit)) is moved
    idea = dataclasses.replace(
        summit,
        tokens=tuple(
            dataclasses.replace(t, text="nationalization", lemma="nationalization")
            if t.i == 6
            else t
            for t in summit.tokens
        ),
    )
    assert isinstance(position_needs_actor.apply(moved, _clause(idea)), Drop)


def test_a_position_with_no_object_is_left_to_other_rules() -> None:
    # "Fifteen Democrats defected ." has no object: nothing says it is about an idea
    ps = parsed(
        [
            ("Democrats", "Democrats", "PROPN", "nsubj", 1),
            ("defected", "defect", "VERB", "ROOT", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    dems = _ref(0, "USAPTY", "USA", "PTY", "group")
    home = ActorRef(0, 0, 0, "USA", "USA", None, None, "implied")
    cand = _candidate(code="120", sources=(dems,), targets=(home,), rule="verb:x:defect+domestic")
    assert position_needs_actor.apply(cand, _clause(ps)) is cand


def test_an_appeal_after_a_call_addresses_the_other_party() -> None:
    xi = _ref(0, "CHNGOV", "CHN", "GOV", "person")
    pair = (Party("CHNGOV", "CHN", "GOV", "Xi"), Party("USAGOV", "USA", "GOV", "Trump"))
    got = counterpart.apply(
        _candidate(code="020", sources=(xi,)), _clause(ARREST, pair=pair, pair_age=1)
    )
    assert isinstance(got, Candidate) and [t.code for t in got.targets] == ["USAGOV"]
    stale = _candidate(code="020", sources=(xi,))
    assert counterpart.apply(stale, _clause(ARREST, pair=pair, pair_age=20)) is stale


# -- credible mentions -----------------------------------------------------------------

OSBOURNE = parsed(
    [
        ("Sharon", "Sharon", "PROPN", "compound", 1),
        ("Osbourne", "Osbourne", "PROPN", "nsubj", 2),
        ("said", "say", "VERB", "ROOT", 2),
    ]
)


def _with_entities(ps: ParsedSentence, person: set[int]) -> ParsedSentence:
    tokens = tuple(
        dataclasses.replace(t, ent_type="PERSON") if t.i in person else t for t in ps.tokens
    )
    return dataclasses.replace(ps, tokens=tokens)


def test_a_first_name_that_matches_a_leaders_surname_is_not_the_leader() -> None:
    ps = _with_entities(OSBOURNE, {0, 1})
    sharon = Mention(0, 1, Entry("ISRGOV", "ISR", "GOV", "Ariel Sharon", "person"))
    assert credible(ps.tokens, [sharon], {}) == []


def test_a_bare_surname_of_a_former_official_needs_an_earlier_full_mention() -> None:
    ps = parsed([("Evans", "Evans", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1)])
    evans = Mention(0, 1, Entry("AUSELI", "AUS", "ELI", "Gareth Evans", "person"))
    assert credible(ps.tokens, [evans], {}) == []
    seen = {"evans": ActorRef(0, 0, 1, "AUSELI", "AUS", "ELI", "Gareth Evans", "person")}
    assert credible(ps.tokens, [evans], seen) == [evans]


def test_an_organisation_named_like_a_person_the_story_names_is_that_person() -> None:
    # "Michael Bloomberg said": the person, not the news company "Bloomberg"
    full = _with_entities(
        parsed(
            [
                ("Michael", "Michael", "PROPN", "compound", 1),
                ("Bloomberg", "Bloomberg", "PROPN", "nsubj", 2),
                ("said", "say", "VERB", "ROOT", 2),
            ]
        ),
        {0, 1},
    )
    company = Mention(1, 2, Entry("---MED", None, "MED", "Bloomberg", "group"))
    assert credible(full.tokens, [company], {}) == []
    # then "Bloomberg endorsed Biden": the person the story named
    bare = parsed(
        [("Bloomberg", "Bloomberg", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1)]
    )
    company = Mention(0, 1, Entry("---MED", None, "MED", "Bloomberg", "group"))
    seen = {"bloomberg": ActorRef(0, 0, 2, "USAELI", "USA", "ELI", "Michael Bloomberg", "person")}
    assert credible(bare.tokens, [company], seen) == []
    assert credible(bare.tokens, [company], {}) == [company]  # the company, named alone


def test_a_bare_surname_of_an_office_holder_is_kept() -> None:
    ps = parsed([("Trump", "Trump", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1)])
    trump = Mention(0, 1, Entry("USAGOV", "USA", "GOV", "Donald Trump", "person"))
    assert credible(ps.tokens, [trump], {}) == [trump]


# -- quoted speakers -------------------------------------------------------------------

# '" We warn the Saudis , " Saree said .'
WARN_QUOTED = parsed(
    [
        ('"', '"', "PUNCT", "punct", 8),
        ("We", "we", "PRON", "nsubj", 2),
        ("warn", "warn", "VERB", "ccomp", 8),
        ("the", "the", "DET", "det", 4),
        ("Saudis", "Saudis", "PROPN", "dobj", 2),
        (",", ",", "PUNCT", "punct", 8),
        ('"', '"', "PUNCT", "punct", 8),
        ("Saree", "Saree", "PROPN", "nsubj", 8),
        ("said", "say", "VERB", "ROOT", 8),
        (".", ".", "PUNCT", "punct", 8),
    ]
)
SAREE = Mention(7, 8, Entry("YEMREB", "YEM", "REB", "Yahya Saree", "person"))


def test_a_quoted_we_is_the_one_the_quotation_is_attributed_to() -> None:
    ps = tagged(WARN_QUOTED, {1: "PRP"})
    children = children_of(ps.tokens)
    (we,) = SentenceActors(ps.tokens, [SAREE], children).actors_at(1)
    assert (we.code, we.kind) == ("YEMREB", "pronoun")


def test_an_unquoted_we_is_nobody() -> None:
    unquoted = dataclasses.replace(
        WARN_QUOTED,
        tokens=tuple(
            dataclasses.replace(t, text="-") if t.text == '"' else t
            for t in tagged(WARN_QUOTED, {1: "PRP"}).tokens
        ),
    )
    children = children_of(unquoted.tokens)
    assert SentenceActors(unquoted.tokens, [SAREE], children).actors_at(1) == []


def _quoted_candidate(code: str, tag: str = "VBP", lemma: str = "warn") -> tuple[Candidate, Clause]:
    ps = tagged(WARN_QUOTED, {1: "PRP", 2: tag})
    ps = dataclasses.replace(
        ps,
        tokens=tuple(dataclasses.replace(t, lemma=lemma) if t.i == 2 else t for t in ps.tokens),
    )
    we = ActorRef(1, 1, 2, "YEMREB", "YEM", "REB", "Yahya Saree", "pronoun")
    cand = Candidate("verb", 2, code, "frame:threaten", sources=(we,))
    return cand, _clause(ps, [SAREE])


def test_a_speaker_warning_by_saying_so_is_an_event() -> None:
    cand, cl = _quoted_candidate("130")
    assert quoted_speaker.apply(cand, cl) is cand


def test_a_speakers_talk_of_its_own_doings_or_wishes_is_no_event() -> None:
    for code, tag, lemma in (
        ("040", "VBP", "meet"),  # 'we meet them every week'
        ("130", "VBD", "warn"),  # 'we warned them': a report, not the act of saying
        ("020", "VBP", "want"),  # 'I want them to ...'
    ):
        cand, cl = _quoted_candidate(code, tag, lemma)
        assert isinstance(quoted_speaker.apply(cand, cl), Drop), (code, tag, lemma)


def test_what_a_quoted_speaker_says_it_will_do_is_its_threat_or_intent() -> None:
    # '"We will strike the Saudis," Saree said' (the commitment rule coded the threat);
    # '"We offered to strike ..."' speaks of a past offer: no event
    def quoted(aux: str | None, rule: str) -> tuple[Candidate, Clause]:
        rows = [
            ('"', '"', "PUNCT", "punct", 9),
            ("We", "we", "PRON", "nsubj", 3),
            (aux or "then", aux or "then", "AUX" if aux else "ADV", "aux" if aux else "advmod", 3),
            ("strike", "strike", "VERB", "ccomp", 9),
            ("the", "the", "DET", "det", 5),
            ("Saudis", "Saudis", "PROPN", "dobj", 3),
            (",", ",", "PUNCT", "punct", 9),
            ('"', '"', "PUNCT", "punct", 9),
            ("Saree", "Saree", "PROPN", "nsubj", 9),
            ("said", "say", "VERB", "ROOT", 9),
            (".", ".", "PUNCT", "punct", 9),
        ]
        ps = tagged(parsed(rows), {1: "PRP", 3: "VB"})
        we = ActorRef(1, 1, 2, "YEMREB", "YEM", "REB", "Yahya Saree", "pronoun")
        cand = Candidate("verb", 3, "138", rule, sources=(we,))
        saree = Mention(8, 9, Entry("YEMREB", "YEM", "REB", "Yahya Saree", "person"))
        return cand, _clause(ps, [saree])

    cand, cl = quoted("will", "verb:PHYSICAL_CONFLICT:strike+intent")
    assert quoted_speaker.apply(cand, cl) is cand
    cand, cl = quoted(None, "verb:PHYSICAL_CONFLICT:strike+intent")
    assert isinstance(quoted_speaker.apply(cand, cl), Drop)
    cand, cl = quoted("will", "verb:PHYSICAL_CONFLICT:strike")  # not coded as committed
    assert isinstance(quoted_speaker.apply(cand, cl), Drop)


def test_a_quoted_speaker_ready_now_expresses_the_intent() -> None:
    # '"We are ready to negotiate with Israel," Abbas said': readiness in the present,
    # in its own words, is the intent (036) said; '"We were ready ..."' (past) or
    # '"We are not ready ..."' (negated) is not
    def quoted(copula: str, tag: str, negated: bool) -> tuple[Candidate, Clause]:
        rows = [
            ('"', '"', "PUNCT", "punct", 10),
            ("We", "we", "PRON", "nsubj", 2),
            (copula, "be", "AUX", "ccomp", 10),
            (
                "not" if negated else "now",
                "not" if negated else "now",
                "PART" if negated else "ADV",
                "neg" if negated else "advmod",
                2,
            ),
            ("ready", "ready", "ADJ", "acomp", 2),
            ("to", "to", "PART", "aux", 6),
            ("negotiate", "negotiate", "VERB", "xcomp", 4),
            ("with", "with", "ADP", "prep", 6),
            ("Israel", "Israel", "PROPN", "pobj", 7),
            ('"', '"', "PUNCT", "punct", 10),
            ("said", "say", "VERB", "ROOT", 10),
            (".", ".", "PUNCT", "punct", 10),
        ]
        ps = tagged(parsed(rows), {1: "PRP", 2: tag, 6: "VB"})
        we = ActorRef(1, 1, 2, "PSEGOV", "PSE", "GOV", "Mahmoud Abbas", "pronoun")
        cand = Candidate("verb", 6, "036", "pattern:COMPROMISE:* ( WITH )+intent", sources=(we,))
        return cand, _clause(ps, [])

    cand, cl = quoted("are", "VBP", negated=False)
    assert quoted_speaker.apply(cand, cl) is cand
    for copula, tag, negated in (("were", "VBD", False), ("are", "VBP", True)):
        cand, cl = quoted(copula, tag, negated)
        assert isinstance(quoted_speaker.apply(cand, cl), Drop), (copula, negated)


def test_a_named_source_is_not_the_quoted_speakers_business() -> None:
    cand, cl = _quoted_candidate("040")
    named = dataclasses.replace(
        cand, sources=(ActorRef(7, 7, 8, "YEMREB", "YEM", "REB", None, "person"),)
    )
    assert quoted_speaker.apply(named, cl) is named


# -- verbal defence --------------------------------------------------------------------

# "Pompeo defended the policy ." / "Troops defended the city ."
DEFENDED = parsed(
    [
        ("Pompeo", "Pompeo", "PROPN", "nsubj", 1),
        ("defended", "defend", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3),
        ("policy", "policy", "NOUN", "dobj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
)


def test_defending_in_words_is_052_armed_forces_protecting_a_city_stay_074() -> None:
    pompeo = _ref(0, "USAGOV", "USA", "GOV", "person")
    trump = _ref(3, "USAGOV", "USA", "GOV", "person")
    cand = _candidate(code="074", sources=(pompeo,), targets=(trump,))
    got = verbal_defense.apply(cand, _clause(DEFENDED))  # "... defending Trump's policy"
    assert isinstance(got, Candidate) and got.code == "052" and got.targets == (trump,)
    city = parsed(
        [(t.text, t.lemma, t.pos, t.dep, t.head) for t in DEFENDED.tokens[:3]]
        + [("city", "city", "NOUN", "dobj", 1)]
    )
    unarmed = verbal_defense.apply(_candidate(code="074", sources=(pompeo,)), _clause(city))
    assert isinstance(unarmed, Candidate) and unarmed.code == "052"
    army = _ref(0, "USAMIL", "USA", "MIL", "agent")
    troops = _candidate(code="074", sources=(army,))
    assert verbal_defense.apply(troops, _clause(city)) is troops
    # 'America defended President Bush': a country (it may send forces) defending a
    # person does so in words; defending a country stays military protection
    usa = _ref(0, "USA", "USA", None, "country")
    bush = _ref(3, "USAGOV", "USA", "GOV", "person")
    person = verbal_defense.apply(
        _candidate(code="074", sources=(usa,), targets=(bush,)), _clause(city)
    )
    assert isinstance(person, Candidate) and person.code == "052"
    syria = _candidate(
        code="074", sources=(usa,), targets=(_ref(3, "SYR", "SYR", None, "country"),)
    )
    assert verbal_defense.apply(syria, _clause(city)) is syria


def test_a_home_role_no_country_places_is_no_source_an_aid_agency_is() -> None:
    police = _ref(0, "---COP", None, "COP", "agent")
    assert isinstance(placed_source.apply(_candidate(sources=(police,)), _clause(ARREST)), Drop)
    agency = _ref(0, "---NGO", None, "NGO", "agent")
    cand = _candidate(code="0234", sources=(agency,))
    assert placed_source.apply(cand, _clause(ARREST)) is cand
    fictional = dataclasses.replace(_clause(ARREST), countries_named=False)
    alone = _candidate(sources=(police,))
    assert placed_source.apply(alone, fictional) is alone  # a text naming no country
    placed = _ref(0, "GBRCOP", "GBR", "COP", "agent")
    both = _candidate(sources=(police, placed))
    got = placed_source.apply(both, _clause(ARREST))
    assert isinstance(got, Candidate) and got.sources == (placed,)


# -- instruments -----------------------------------------------------------------------


def _using(subject: str, head: str, head_lemma: str, obj: str) -> ParsedSentence:
    # '<subject> <head> them using <obj>'
    ps = parsed(
        [
            (subject, subject.lower(), "NOUN", "nsubj", 1),
            (head, head_lemma, "VERB", "ROOT", 1),
            ("them", "they", "PRON", "dobj", 1),
            ("using", "use", "VERB", "advcl", 1),
            (obj, obj, "NOUN", "dobj", 3),
        ]
    )
    return tagged(ps, {3: "VBG"})


def test_using_a_weapon_in_an_attack_is_its_means_not_an_act() -> None:
    cand = _candidate(code="175", trigger=3)
    assert isinstance(
        instrument.apply(cand, _clause(_using("Troops", "killed", "kill", "missiles"))), Drop
    )


def test_using_tear_gas_to_clear_a_square_is_the_act_itself() -> None:
    cand = _candidate(code="175", trigger=3)
    assert instrument.apply(cand, _clause(_using("Police", "cleared", "clear", "gas"))) is cand


def test_it_after_a_spokespersons_said_is_the_body_spoken_for() -> None:
    # 'Houthi spokesperson Sarea said it had carried out the attack'
    ps = tagged(
        parsed(
            [
                ("Houthi", "Houthi", "PROPN", "compound", 2),
                ("spokesperson", "spokesperson", "NOUN", "compound", 2),
                ("Sarea", "Sarea", "PROPN", "nsubj", 3),
                ("said", "say", "VERB", "ROOT", 3),
                ("it", "it", "PRON", "nsubj", 6),
                ("had", "have", "AUX", "aux", 6),
                ("attacked", "attack", "VERB", "ccomp", 3),
            ]
        ),
        {4: "PRP"},
    )
    ps = _with_entities(ps, {2})
    houthi = Mention(0, 1, Entry("YEMREB", "YEM", "REB", "Houthi", "group"))
    children = children_of(ps.tokens)
    refs = SentenceActors(ps.tokens, [houthi], children).actors_at(4)
    assert [r.code for r in refs] == ["YEMREB"]


def test_it_does_not_stand_for_a_plural_subject() -> None:
    # 'Chinese officials confirmed it has killed three people' ('it': the virus)
    ps = tagged(
        parsed(
            [
                ("Chinese", "chinese", "ADJ", "amod", 1),
                ("officials", "official", "NOUN", "nsubj", 2),
                ("confirmed", "confirm", "VERB", "ROOT", 2),
                ("it", "it", "PRON", "nsubj", 5),
                ("has", "have", "AUX", "aux", 5),
                ("killed", "kill", "VERB", "ccomp", 2),
            ]
        ),
        {1: "NNS", 3: "PRP"},
    )
    china = Mention(0, 1, Entry("CHN", "CHN", None, "China", "country"))
    officials = Mention(1, 2, Entry("---GOV", None, "GOV", "officials", "agent"))
    children = children_of(ps.tokens)
    actors = SentenceActors(ps.tokens, [china, officials], children)
    assert actors.actors_at(3) == []
    assert [r.code for r in actors.actors_at(1)] == ["CHNGOV"]


# -- licensed defaults -----------------------------------------------------------------


def test_role_words_attending_is_no_visit_joint_named_parties_stay() -> None:
    ps = parsed(
        [
            ("Police", "police", "NOUN", "nsubj", 1),
            ("attended", "attend", "VERB", "ROOT", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    match = VerbDictionary.load().match(ps.tokens, 1)
    assert match is not None and match.pattern is None and match.form.needs_actor_target
    services = (_ref(0, "GBRCOP", "GBR", "COP", "agent"), _ref(0, "GBRHLH", "GBR", "HLH", "agent"))
    cand = Candidate("verb", 1, match.code, "verb:GO_SOMEWHERE:attend", match=match)
    assert isinstance(
        licensed_default.apply(dataclasses.replace(cand, sources=services), _clause(ps)), Drop
    )
    for pair in (
        (_ref(0, "FRA", "FRA", None, "country"), _ref(0, "DEU", "DEU", None, "country")),
        (_ref(0, "USAELI", "USA", "ELI", "person"), _ref(0, "USAGOV", "USA", "GOV", "pronoun")),
    ):  # 'France and Germany', 'Ambassador Bolton and I'
        joint = dataclasses.replace(cand, sources=pair)
        assert licensed_default.apply(joint, _clause(ps)) is joint


def test_what_a_statement_says_and_idioms_that_evaluate_no_one() -> None:
    def says(text: str) -> str | None:
        return evaluation(text.lower().split())

    assert says("the decision was a disgrace") == "111"
    assert says("it was not a disgrace") is None
    assert says("we thank the people of Japan") == "051"
    assert says("the economy grew thanks to rubber production") is None
    # the parser splits hyphenated words: 'anti-democratic' is met all the same
    assert says("the disruption is anti - democratic") == "111"


# -- unnamed attackers -------------------------------------------------------------------


def _stabbed(extra: str) -> ParsedSentence:
    # "A man wearing a <extra> vest stabbed people ."
    return parsed(
        [
            ("A", "a", "DET", "det", 1),
            ("man", "man", "NOUN", "nsubj", 6),
            ("wearing", "wear", "VERB", "acl", 1),
            ("a", "a", "DET", "det", 5),
            (extra, extra, "NOUN", "compound", 5),
            ("vest", "vest", "NOUN", "dobj", 2),
            ("stabbed", "stab", "VERB", "ROOT", 6),
            ("people", "people", "NOUN", "dobj", 6),
            (".", ".", "PUNCT", "punct", 6),
        ]
    )


def test_an_unnamed_person_using_force_amid_political_violence_is_an_unidentified_attacker() -> (
    None
):
    man = _ref(1, "GBRCVL", "GBR", "CVL", "agent")
    cand = _candidate(code="182", trigger=6, sources=(man,))
    got = unattributed_violence.apply(cand, _clause(_stabbed("suicide")))
    assert isinstance(got, Candidate) and [s.code for s in got.sources] == ["GBRUAF"]
    assert unattributed_violence.apply(cand, _clause(_stabbed("yellow"))) is cand


def test_a_political_actor_stabbed_by_someone_unnamed_is_assaulted_by_unidentified_forces() -> None:
    # "The minister was stabbed ." (no agent, no word of violence besides the verb)
    ps = tagged(
        parsed(
            [
                ("The", "the", "DET", "det", 1),
                ("minister", "minister", "NOUN", "nsubjpass", 3),
                ("was", "be", "AUX", "auxpass", 3),
                ("stabbed", "stab", "VERB", "ROOT", 3),
                (".", ".", "PUNCT", "punct", 3),
            ]
        ),
        {3: "VBN"},
    )
    minister = _ref(1, "GBRGOV", "GBR", "GOV", "agent")
    cand = _candidate(code="182", trigger=3, targets=(minister,))
    got = unattributed_violence.apply(cand, _clause(ps))
    assert isinstance(got, Candidate) and [s.code for s in got.sources] == ["GBRUAF"]
    assert got.rule.endswith("+unnamed-attacker")
    person = _ref(1, "GBRCVL", "GBR", "CVL", "agent")  # a private person: a crime story
    private = _candidate(code="182", trigger=3, targets=(person,))
    assert unattributed_violence.apply(private, _clause(ps)) is private


def _killed_in(modifier: str, det: str = "a") -> ParsedSentence:
    # "Five civilians were killed in a <modifier> airstrike ." (no modifier: "the airstrike")
    words = [
        ("Five", "five", "NUM", "nummod", 1),
        ("civilians", "civilian", "NOUN", "nsubjpass", 3),
        ("were", "be", "AUX", "auxpass", 3),
        ("killed", "kill", "VERB", "ROOT", 3),
        ("in", "in", "ADP", "prep", 3),
        (det, det, "DET", "det", 6 + bool(modifier)),
    ]
    if modifier:
        words.append((modifier, modifier, "ADJ", "amod", 7))
    words += [("airstrike", "airstrike", "NOUN", "pobj", 4), (".", ".", "PUNCT", "punct", 3)]
    return tagged(parsed(words), {3: "VBN"})


def test_harm_in_an_attack_is_done_by_whoever_the_attack_noun_names() -> None:
    cand = _candidate(code="190", trigger=3, rule="verb:KILL:kill")
    russian = Mention(6, 7, Entry("RUS", "RUS", None, "Russia", "country"))
    got = attack_noun_agent.apply(cand, _clause(_killed_in("Russian"), [russian]))
    assert isinstance(got, Candidate)
    assert [(s.code, s.role) for s in got.sources] == [("RUSMIL", "MIL")]  # its armed forces
    assert got.rule == "verb:KILL:kill+attack-agent"
    # a city on the attack is where it happened, not who did it ('a Las Vegas shooting')
    city = Mention(6, 7, Entry("USA", "USA", None, "Vegas", "country"))
    assert attack_noun_agent.apply(cand, _clause(_killed_in("Vegas"), [city])) is cand
    # an act that already has its source, or no violence, is left alone
    with_source = dataclasses.replace(cand, sources=(_ref(1, "SYRGOV", "SYR", "GOV", "agent"),))
    assert attack_noun_agent.apply(with_source, _clause(_killed_in("Russian"), [russian])) is (
        with_source
    )
    said = dataclasses.replace(cand, code="010")
    assert attack_noun_agent.apply(said, _clause(_killed_in("Russian"), [russian])) is said


def test_harm_in_the_attack_the_story_told_is_done_by_its_attacker() -> None:
    cand = _candidate(code="190", trigger=3)
    usa = Party("USAMIL", "USA", "MIL", None)
    got = attack_noun_agent.apply(cand, _clause(_killed_in("", "the"), attacker=usa))
    assert isinstance(got, Candidate)
    assert [(s.code, s.kind) for s in got.sources] == [("USAMIL", "implied")]
    # "an airstrike" is a new one: its attacker is not the story's last
    assert attack_noun_agent.apply(cand, _clause(_killed_in("", "an"), attacker=usa)) is cand
    assert attack_noun_agent.apply(cand, _clause(_killed_in("", "the"))) is cand


def test_an_attack_by_a_named_group_as_subject_is_the_groups_act() -> None:
    # "An ambush by Boko Haram fighters killed two soldiers ."
    ps = parsed(
        [
            ("An", "an", "DET", "det", 1),
            ("ambush", "ambush", "NOUN", "nsubj", 6),
            ("by", "by", "ADP", "prep", 1),
            ("Boko", "Boko", "PROPN", "compound", 4),
            ("Haram", "Haram", "PROPN", "compound", 5),
            ("fighters", "fighter", "NOUN", "pobj", 2),
            ("killed", "kill", "VERB", "ROOT", 6),
            ("two", "two", "NUM", "nummod", 8),
            ("soldiers", "soldier", "NOUN", "dobj", 6),
            (".", ".", "PUNCT", "punct", 6),
        ]
    )
    boko = Mention(3, 5, Entry("NGAREB", "NGA", "REB", "Boko Haram", "group"))
    fighters = Mention(5, 6, Entry("---REB", None, "REB", "fighters", "agent"))
    cand = _candidate(code="190", trigger=6)
    got = attack_noun_agent.apply(cand, _clause(ps, [boko, fighters]))
    assert isinstance(got, Candidate) and [s.code for s in got.sources] == ["NGAREB"]


def _inquiry(noun: str) -> ParsedSentence:
    # "Police investigated the <noun> ."
    return parsed(
        [
            ("Police", "police", "NOUN", "nsubj", 1),
            ("investigated", "investigate", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            (noun, noun, "NOUN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )


def test_an_inquiry_into_a_mishap_naming_no_actor_is_no_interaction() -> None:
    police = _ref(0, "USACOP", "USA", "COP", "agent")
    cand = _candidate(code="090", trigger=1, sources=(police,))
    assert isinstance(mishap_inquiry.apply(cand, _clause(_inquiry("crash"))), Drop)
    assert mishap_inquiry.apply(cand, _clause(_inquiry("corruption"))) is cand
    named = _candidate(code="090", trigger=1, sources=(police,), targets=(police,))
    assert mishap_inquiry.apply(named, _clause(_inquiry("crash"))) is named


def test_a_conversation_needs_a_counterpart() -> None:
    # "Parker spoke with Wikinews ." (the outlet is no actor)
    ps = parsed(
        [
            ("Parker", "Parker", "PROPN", "nsubj", 1),
            ("spoke", "speak", "VERB", "ROOT", 1),
            ("with", "with", "ADP", "prep", 1),
            ("Wikinews", "Wikinews", "PROPN", "pobj", 2),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    parker = _ref(0, "USAPTY", "USA", "PTY", "agent")
    lone = _candidate(code="040", trigger=1, sources=(parker,))
    assert isinstance(call_needs_counterpart.apply(lone, _clause(ps)), Drop)
    other = _ref(3, "USAGOV", "USA", "GOV", "agent")
    paired = _candidate(code="040", trigger=1, sources=(parker,), targets=(other,))
    assert call_needs_counterpart.apply(paired, _clause(ps)) is paired


def _headed_for(place: str) -> ParsedSentence:
    # "Navalny headed for <place> ."
    return parsed(
        [
            ("Navalny", "Navalny", "PROPN", "nsubj", 1),
            ("headed", "head", "VERB", "ROOT", 1),
            ("for", "for", "ADP", "prep", 1),
            (place, place, "PROPN", "pobj", 2),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )


def test_travel_to_the_travellers_own_capital_is_no_visit_a_region_or_abroad_is() -> None:
    navalny = _ref(0, "RUSOPP", "RUS", "OPP", "person")

    def verdict(place: str, code: str, country: str, kind: str) -> object:
        where = _ref(3, code, country, None, "country")
        cand = _candidate(code="042", trigger=1, sources=(navalny,), targets=(where,))
        mention = Mention(3, 4, Entry(code, country, None, place, kind))
        return travel_at_home.apply(cand, _clause(_headed_for(place), [mention]))

    assert isinstance(verdict("Moscow", "RUSGOV", "RUS", "capital"), Drop)
    assert isinstance(verdict("Russia", "RUS", "RUS", "country"), Drop)
    assert isinstance(verdict("Siberia", "RUS", "RUS", "country"), Candidate)  # a region
    assert isinstance(verdict("Berlin", "DEUGOV", "DEU", "capital"), Candidate)


def test_a_stance_participle_on_its_actor_describes_it_a_finite_verb_acts() -> None:
    # "Legislators supporting the law argued ." / "Legislators supported the law ."
    def sentence(tag: str, dep: str) -> ParsedSentence:
        rows = [
            ("Legislators", "legislator", "NOUN", "nsubj", 4 if dep == "acl" else 1),
            ("supporting", "support", "VERB", dep, 0 if dep == "acl" else 1),
            ("the", "the", "DET", "det", 3),
            ("law", "law", "NOUN", "dobj", 1),
            (
                "argued",
                "argue",
                "VERB",
                "ROOT" if dep == "acl" else "conj",
                4 if dep == "acl" else 1,
            ),
            (".", ".", "PUNCT", "punct", 4),
        ]
        return tagged(parsed(rows), {1: tag})

    legislators = _ref(0, "USALEG", "USA", "LEG", "agent")
    cand = _candidate(code="050", trigger=1, sources=(legislators,))
    assert isinstance(stance_description.apply(cand, _clause(sentence("VBG", "acl"))), Drop)
    assert stance_description.apply(cand, _clause(sentence("VBD", "ROOT"))) is cand


def _aid_to(place: str, dep: str, head: int) -> ParsedSentence:
    # "Britain promised aid to <place> ." ('to' under 'aid') or "... aid in <place> province ."
    rows = [
        ("Britain", "Britain", "PROPN", "nsubj", 1),
        ("promised", "promise", "VERB", "ROOT", 1),
        ("aid", "aid", "NOUN", "dobj", 1),
        ("to", "to", "ADP", "prep", 2),
        (place, place, "PROPN", dep, head),
    ]
    if dep != "pobj":
        rows.append(("disinformation", "disinformation", "NOUN", "pobj", 3))
    return parsed([*rows, (".", ".", "PUNCT", "punct", 1)])


def test_an_untargeted_act_is_aimed_at_the_one_other_country_its_predicate_names() -> None:
    britain = _ref(0, "GBR", "GBR", None, "country")
    mozambique = Mention(4, 5, Entry("MOZ", "MOZ", None, "Mozambique", "country"))
    cand = _candidate(code="0332", trigger=1, sources=(britain,))
    got = predicate_actor.apply(cand, _clause(_aid_to("Mozambique", "pobj", 3), [mozambique]))
    assert isinstance(got, Candidate) and [t.code for t in got.targets] == ["MOZ"]
    # a country that only qualifies a thing ('Russian disinformation') is no target
    russian = Mention(4, 5, Entry("RUS", "RUS", None, "Russia", "country"))
    qualified = _clause(_aid_to("Russian", "amod", 5), [russian])
    assert predicate_actor.apply(cand, qualified) is cand
    # nor is the subject's own country
    own = Mention(4, 5, Entry("GBR", "GBR", None, "Britain", "country"))
    assert predicate_actor.apply(cand, _clause(_aid_to("Britain", "pobj", 3), [own])) is cand
    # an international organisation (no country of its own) acts so too
    un = _ref(0, "IGOUNO", None, None, "igo")
    by_un = _candidate(code="0332", trigger=1, sources=(un,))
    got = predicate_actor.apply(by_un, _clause(_aid_to("Mozambique", "pobj", 3), [mozambique]))
    assert isinstance(got, Candidate) and [t.code for t in got.targets] == ["MOZ"]
    # a source with neither a country nor an organisation names no side to aim from
    crowd = _ref(0, "---CVL", None, "CVL", "agent")
    lone = _candidate(code="0332", trigger=1, sources=(crowd,))
    assert (
        predicate_actor.apply(lone, _clause(_aid_to("Mozambique", "pobj", 3), [mozambique])) is lone
    )


@pytest.mark.parametrize(("noun", "aimed"), [("meeting", False), ("embassy", True)])
def test_the_place_of_an_occasion_is_no_target(noun: str, aimed: bool) -> None:
    # "Britain signed the deal at a meeting in Moscow ." (Moscow is the venue) /
    # "... at an embassy in Moscow ." (an act done in another country is aimed at it)
    ps = parsed(
        [
            ("Britain", "Britain", "PROPN", "nsubj", 1),
            ("signed", "sign", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("deal", "deal", "NOUN", "dobj", 1),
            ("at", "at", "ADP", "prep", 1),
            ("a", "a", "DET", "det", 6),
            (noun, noun, "NOUN", "pobj", 4),
            ("in", "in", "ADP", "prep", 6),
            ("Moscow", "Moscow", "PROPN", "pobj", 7),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    britain = _ref(0, "GBR", "GBR", None, "country")
    moscow = Mention(8, 9, Entry("RUSGOV", "RUS", "GOV", "Russia (Moscow)", "capital"))
    cand = _candidate(code="057", trigger=1, sources=(britain,))
    got = predicate_actor.apply(cand, _clause(ps, [moscow]))
    assert isinstance(got, Candidate) and bool(got.targets) is aimed


@pytest.mark.parametrize(
    ("code", "aimed"),
    [("046", False), ("040", False), ("036", False), ("042", True), ("054", True)],
)
def test_a_meetings_venue_is_no_party_to_it(code: str, aimed: bool) -> None:
    # "EU leaders held talks in Brussels ." (the venue) / a visit paid there, or an embassy
    # opened there, is aimed at it
    ps = parsed(
        [
            ("Leaders", "leader", "NOUN", "nsubj", 1),
            ("held", "hold", "VERB", "ROOT", 1),
            ("talks", "talk", "NOUN", "dobj", 1),
            ("in", "in", "ADP", "prep", 1),
            ("Brussels", "Brussels", "PROPN", "pobj", 3),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    eu = _ref(0, "IGOEUREEC", None, None, "igo")
    brussels = Mention(4, 5, Entry("BELGOV", "BEL", "GOV", "Belgium (Brussels)", "capital"))
    cand = _candidate(code=code, trigger=1, sources=(eu,))
    got = predicate_actor.apply(cand, _clause(ps, [brussels]))
    assert isinstance(got, Candidate) and bool(got.targets) is aimed


@pytest.mark.parametrize(
    ("verb", "code", "kept"), [("branded", "111", True), ("called", "041", False)]
)
def test_a_description_that_evaluates_nothing_keeps_only_a_censuring_verbs_code(
    verb: str, code: str, kept: bool
) -> None:
    # 'Oaten <verb> the scheme a waste .': 'brand' censures by its own sense; 'call' with
    # a description that neither censures nor praises names, and is no act
    ps = parsed(
        [
            ("Oaten", "Oaten", "PROPN", "nsubj", 1),
            (verb, verb[:-2] if verb == "called" else "brand", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("scheme", "scheme", "NOUN", "dobj", 1),
            ("a", "a", "DET", "det", 5),
            ("waste", "waste", "NOUN", "dobj", 3),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    cand = _candidate(code=code, trigger=1, sources=(_ref(0, "GBRPTY", "GBR", "PTY", "person"),))
    got = naming_use.apply(cand, _clause(ps))
    assert (got is cand) if kept else isinstance(got, Drop)


def test_a_consultation_left_without_a_counterpart_is_no_event() -> None:
    minister = _ref(0, "ITAGOV", "ITA", "GOV", "agent")
    lone = _candidate(code="040", sources=(minister,))
    assert isinstance(consult_needs_counterpart.apply(lone, _clause(ARREST)), Drop)
    met = _candidate(
        code="040", sources=(minister,), targets=(_ref(3, "FRA", "FRA", None, "country"),)
    )
    assert consult_needs_counterpart.apply(met, _clause(ARREST)) is met
    appeal = _candidate(code="020", sources=(minister,))
    assert consult_needs_counterpart.apply(appeal, _clause(ARREST)) is appeal
    intent = _candidate(code="036", sources=(minister,))
    assert isinstance(consult_needs_counterpart.apply(intent, _clause(ARREST)), Drop)
    offer = _candidate(code="030", sources=(minister,))
    assert consult_needs_counterpart.apply(offer, _clause(ARREST)) is offer


def test_an_act_on_the_attack_is_aimed_at_whom_the_story_reported_attacked() -> None:
    # "The movement claimed responsibility for the attacks ."
    ps = parsed(
        [
            ("The", "the", "DET", "det", 1),
            ("movement", "movement", "NOUN", "nsubj", 2),
            ("claimed", "claim", "VERB", "ROOT", 2),
            ("responsibility", "responsibility", "NOUN", "dobj", 2),
            ("for", "for", "ADP", "prep", 3),
            ("the", "the", "DET", "det", 6),
            ("attacks", "attack", "NOUN", "pobj", 4),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )
    houthis = _ref(1, "YEMREB", "YEM", "REB", "group")
    cand = _candidate(code="015", trigger=2, sources=(houthis,))
    saudi = Party("SAUBUS", "SAU", "BUS", "Saudi Aramco")
    got = attack_referred.apply(cand, dataclasses.replace(_clause(ps), attacked=saudi))
    assert isinstance(got, Candidate) and [t.code for t in got.targets] == ["SAUBUS"]
    assert attack_referred.apply(cand, _clause(ps)) is cand  # no attack reported before
    own = Party("YEM", "YEM", None, None)  # nor one on the source's own country
    assert attack_referred.apply(cand, dataclasses.replace(_clause(ps), attacked=own)) is cand


def test_censure_of_the_attack_is_aimed_at_whoever_carried_it_out() -> None:
    # "The ministry condemned the attack ."
    ps = parsed(
        [
            ("The", "the", "DET", "det", 1),
            ("ministry", "ministry", "NOUN", "nsubj", 2),
            ("condemned", "condemn", "VERB", "ROOT", 2),
            ("the", "the", "DET", "det", 4),
            ("attack", "attack", "NOUN", "dobj", 2),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )
    ministry = _ref(1, "IRQGOV", "IRQ", "GOV", "agent")
    cand = _candidate(code="111", trigger=2, sources=(ministry,))
    struck = dataclasses.replace(
        _clause(ps),
        attacked=Party("IRNMIL", "IRN", "MIL", "Qasem Soleimani"),
        attacker=Party("USAMIL", "USA", "MIL", None),
    )
    got = attack_referred.apply(cand, struck)
    assert isinstance(got, Candidate) and [t.code for t in got.targets] == ["USAMIL"]
    # the censuring side's own forces struck: no target from the attack
    own = dataclasses.replace(struck, attacker=Party("IRQMIL", "IRQ", "MIL", None))
    assert attack_referred.apply(cand, own) is cand


def test_a_party_named_beats_a_place_named_and_a_named_counterpart_keeps_a_meeting() -> None:
    # "Arnor met in Osgiliath with Gondor ."
    ps = parsed(
        [
            ("Arnor", "Arnor", "PROPN", "nsubj", 1),
            ("met", "meet", "VERB", "ROOT", 1),
            ("in", "in", "ADP", "prep", 1),
            ("Osgiliath", "Osgiliath", "PROPN", "pobj", 2),
            ("with", "with", "ADP", "prep", 1),
            ("Gondor", "Gondor", "PROPN", "pobj", 4),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    arnor = _ref(0, "ARN", "ARN", None, "country")
    mentions = [
        Mention(3, 4, Entry("OSG", "OSG", None, "Osgiliath", "country")),
        Mention(5, 6, Entry("GON", "GON", None, "Gondor", "country")),
    ]
    cand = _candidate(code="040", trigger=1, sources=(arnor,))
    got = predicate_actor.apply(cand, _clause(ps, mentions))
    assert isinstance(got, Candidate) and [t.code for t in got.targets] == ["GON"]
    # the counterpart phrase names someone the knowledge base does not know: still a meeting
    assert consult_needs_counterpart.apply(cand, _clause(ps)) is cand


# -- sport ---------------------------------------------------------------------------------


def test_in_sport_a_team_is_no_actor_the_police_behind_an_arrest_are() -> None:
    sporting = dataclasses.replace(_clause(ARREST), sport=True)
    team = _ref(0, "GBR", "GBR", None, "country")
    assert isinstance(sport_teams.apply(_candidate(sources=(team,)), sporting), Drop)
    police = dataclasses.replace(
        _ref(0, "GEOCOP", "GEO", "COP", "implied"), start=0, end=0, basis="sentence"
    )
    cand = _candidate(sources=(police,))
    assert sport_teams.apply(cand, sporting) is cand
    crowd = dataclasses.replace(police, code="GEOOPP", role="OPP")
    assert isinstance(sport_teams.apply(_candidate(sources=(crowd,)), sporting), Drop)


def test_a_warning_of_something_no_one_does_is_no_threat() -> None:
    # "The UN warned that the toll could rise ."
    ps = tagged(
        parsed(
            [
                ("The", "the", "DET", "det", 1),
                ("UN", "UN", "PROPN", "nsubj", 2),
                ("warned", "warn", "VERB", "ROOT", 2),
                ("that", "that", "SCONJ", "mark", 7),
                ("the", "the", "DET", "det", 5),
                ("toll", "toll", "NOUN", "nsubj", 7),
                ("could", "could", "AUX", "aux", 7),
                ("rise", "rise", "VERB", "ccomp", 2),
                (".", ".", "PUNCT", "punct", 2),
            ]
        ),
        {2: "VBD", 7: "VB"},
    )
    match = VerbDictionary.load().match(ps.tokens, 2)
    assert match is not None and match.frame == "threaten" and match.inner is None
    un = _ref(1, "IGOUNO", None, None, "igo")
    cand = Candidate("verb", 2, match.code, "frame:threaten:verb:WARN:warn", match=match)
    assert isinstance(
        licensed_default.apply(dataclasses.replace(cand, sources=(un,)), _clause(ps)), Drop
    )


def _agreed(rest: list[tuple[str, str, str, str, int]]) -> ParsedSentence:
    """'Candidates agreed <rest> .': the verb at 1."""
    return parsed(
        [
            ("Candidates", "candidate", "NOUN", "nsubj", 1),
            ("agreed", "agree", "VERB", "ROOT", 1),
            *rest,
            (".", ".", "PUNCT", "punct", 1),
        ]
    )


_VACCINES_WORK = [  # 'that vaccines work'
    ("that", "that", "SCONJ", "mark", 4),
    ("vaccines", "vaccine", "NOUN", "nsubj", 4),
    ("work", "work", "VERB", "ccomp", 1),
]
_TALKS_SHOULD_RESUME = [  # 'that talks should resume'
    ("that", "that", "SCONJ", "mark", 5),
    ("talks", "talk", "NOUN", "nsubj", 5),
    ("should", "should", "AUX", "aux", 5),
    ("resume", "resume", "VERB", "ccomp", 1),
]
_WITH_THE_PLAN = [
    ("with", "with", "ADP", "prep", 1),
    ("the", "the", "DET", "det", 4),
    ("plan", "plan", "NOUN", "pobj", 2),
]
_WITH_RUSSIA = [("with", "with", "ADP", "prep", 1), ("Russia", "Russia", "PROPN", "pobj", 2)]
_TO_MEET = [("to", "to", "PART", "aux", 3), ("meet", "meet", "VERB", "xcomp", 1)]


@pytest.mark.parametrize(
    ("rest", "tags", "parties", "mentions", "code"),
    [
        (_VACCINES_WORK, {4: "VBP"}, 1, [], "010"),  # a view: a statement
        (_VACCINES_WORK, {4: "VBP"}, 2, [], "019"),  # two parties share it: accord
        (_TALKS_SHOULD_RESUME, {4: "MD", 5: "VB"}, 1, [], "030"),  # to be done: agreement
        (_WITH_THE_PLAN, {}, 1, [], "010"),  # agreeing with an idea
        (
            _WITH_RUSSIA,
            {},
            1,
            [Mention(3, 4, Entry("RUS", "RUS", None, "Russia", "country"))],
            "030",
        ),
        (_TO_MEET, {}, 1, [], "030"),  # agreeing to act
    ],
)
def test_agreeing_on_a_view_is_a_statement_or_accord_not_cooperation(
    rest: list[tuple[str, str, str, str, int]],
    tags: dict[int, str],
    parties: int,
    mentions: list[Mention],
    code: str,
) -> None:
    ps = tagged(_agreed(rest), tags)
    sources = tuple(_ref(0, f"USAPTY{i}", "USA", "PTY", "agent") for i in range(parties))
    got = agreed_view.apply(_candidate(code="030", sources=sources), _clause(ps, mentions))
    assert isinstance(got, Candidate) and got.code == code


def test_a_time_phrase_is_no_preposition_of_an_agreed_act() -> None:
    # 'Candidates agreed on Wednesday that vaccines work': a view shared (010), as without
    # the time phrase; 'on' of 'on Wednesday' is not 'agreed on a line' (an act)
    on_wednesday = [
        ("on", "on", "ADP", "prep", 1),
        ("Wednesday", "Wednesday", "PROPN", "pobj", 2),
    ]
    view = [
        (w, lemma, pos, dep, 1 if dep == "ccomp" else head + 2)
        for w, lemma, pos, dep, head in _VACCINES_WORK
    ]
    ps = _agreed([*on_wednesday, *view])
    ps = dataclasses.replace(
        ps,
        tokens=tuple(
            dataclasses.replace(t, ent_type="DATE") if t.text == "Wednesday" else t
            for t in ps.tokens
        ),
    )
    ps = tagged(ps, {6: "VBP"})
    sources = (_ref(0, "USAPTY", "USA", "PTY", "agent"),)
    got = agreed_view.apply(_candidate(code="030", sources=sources), _clause(ps))
    assert isinstance(got, Candidate) and got.code == "010"


def test_the_acts_of_one_the_headline_reports_dead_are_background() -> None:
    kb = _FakeKB({"Namibia": "country"})
    mugabe = dataclasses.replace(actor("ZWEGOV"), name="Robert Mugabe")
    geingob = dataclasses.replace(actor("NAMGOV"), name="Namibia")
    events = [
        dataclasses.replace(event("ZWEGOV", "ZWE", "030"), source=mugabe),
        dataclasses.replace(event("NAMGOV", "NAM", "018"), source=geingob),
    ]
    title = "Longtime leader of Zimbabwe Robert Mugabe dies aged 95"
    assert [e.source.name for e in outlived(events, title, kb, keep=False)] == ["Namibia"]
    kept = outlived(events, title, kb, keep=True)
    assert [e.mode for e in kept] == [Mode.BACKGROUND, Mode.ASSERTED]
    assert outlived(events, "Mugabe meets Geingob", kb, keep=False) == events
    # the one dead is the name before the word of death, or before the headline's first
    # comma: not another name ahead of it ('Mugabe aide ... dies' is not Mugabe)
    assert outlived(events, "Mugabe aide Didymus Mutasa dies aged 86", kb, keep=False) == events
    iyambo = "Robert Mugabe, former president of Zimbabwe, dies aged 95"
    assert [e.source.name for e in outlived(events, iyambo, kb, keep=False)] == ["Namibia"]
    # the victim of 'Police shoot man dead' is not the one named first
    police = dataclasses.replace(actor("GBRCOP"), name="Police")
    shot = [dataclasses.replace(event("GBRCOP", None, "173"), source=police)]
    assert outlived(shot, "Police shoot man dead in London", kb, keep=False) == shot


@dataclasses.dataclass(frozen=True)
class _FakeMatch:
    length: int
    entry: Entry


class _FakeKB:
    """Knowledge base of whole names only: name -> kind."""

    def __init__(self, kinds: dict[str, str]) -> None:
        self._kinds = kinds

    def match(self, words: Sequence[str], start: int, date: dt.date | None) -> _FakeMatch | None:
        name = " ".join(words[start:])
        kind = self._kinds.get(name)
        return (
            None
            if kind is None
            else _FakeMatch(len(words) - start, Entry(name, None, None, name, kind))
        )


def _claimed(verb: str, lemma: str, rest: list[tuple[str, str, str, str, int]]) -> ParsedSentence:
    """'Hawkins claimed Russia <verb> <rest> .'"""
    return parsed(
        [
            ("Hawkins", "Hawkins", "PROPN", "nsubj", 1),
            ("claimed", "claim", "VERB", "ROOT", 1),
            ("Russia", "Russia", "PROPN", "nsubj", 3),
            (verb, lemma, "VERB", "ccomp", 1),
            *rest,
            (".", ".", "PUNCT", "punct", 1),
        ]
    )


@pytest.mark.parametrize(
    ("verb", "lemma", "rest", "accused"),
    [
        ("rigged", "rig", [("votes", "vote", "NOUN", "dobj", 3)], True),  # an act: accusation
        ("has", "have", [("money", "money", "NOUN", "dobj", 3)], False),  # a state: none
        (
            "was",
            "be",
            [("behind", "behind", "ADP", "prep", 3), ("it", "it", "PRON", "pobj", 4)],
            True,
        ),  # a state that lays blame
    ],
)
def test_a_claim_accuses_whoever_it_says_did_something_not_how_things_are(
    verb: str, lemma: str, rest: list[tuple[str, str, str, str, int]], accused: bool
) -> None:
    ps = _claimed(verb, lemma, rest)
    match = VerbDictionary.load().match(ps.tokens, 1, children_of(ps.tokens))
    assert match is not None and match.form.block == "ALLEGE" and match.pattern is None
    russia = Mention(2, 3, Entry("RUS", "RUS", None, "Russia", "country"))
    speaker = _ref(0, "USAPTY", "USA", "PTY", "person")
    cand = Candidate("verb", 1, match.code, "verb:ALLEGE:claim", match=match, sources=(speaker,))
    got = allegation.apply(cand, _clause(ps, [russia]))
    if accused:
        assert isinstance(got, Candidate) and got.code == "112"
        assert [t.code for t in got.targets] == ["RUS"]
    else:
        assert isinstance(got, Drop)


def test_a_gerund_joined_to_a_finite_verb_shares_its_sibling_gerunds_mode() -> None:
    # 'He said Bolton broke the law and likes dropping bombs, and killing them': the
    # parser joins 'killing' to 'likes', whose first conjunct 'broke' is asserted
    ps = parsed(
        [
            ("He", "he", "PRON", "nsubj", 1),
            ("said", "say", "VERB", "ROOT", 1),
            ("Bolton", "Bolton", "PROPN", "nsubj", 3),
            ("broke", "break", "VERB", "ccomp", 1),
            ("the", "the", "DET", "det", 5),
            ("law", "law", "NOUN", "dobj", 3),
            ("and", "and", "CCONJ", "cc", 3),
            ("likes", "like", "VERB", "conj", 3),
            ("dropping", "drop", "VERB", "xcomp", 7),
            ("bombs", "bomb", "NOUN", "dobj", 8),
            (",", ",", "PUNCT", "punct", 7),
            ("and", "and", "CCONJ", "cc", 7),
            ("killing", "kill", "VERB", "conj", 7),
            ("them", "they", "PRON", "dobj", 12),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    ps = tagged(ps, {1: "VBD", 3: "VBD", 7: "VBZ", 8: "VBG", 12: "VBG"})
    got = modality.apply(dataclasses.replace(_candidate(code="190"), trigger=12), _clause(ps))
    assert isinstance(got, Candidate) and got.mode is Mode.FUTURE
    broke = modality.apply(dataclasses.replace(_candidate(code="190"), trigger=3), _clause(ps))
    assert isinstance(broke, Candidate) and broke.mode is Mode.ASSERTED


@pytest.mark.parametrize(
    ("verb", "lemma", "targeted", "kept"),
    [
        ("planned", "plan", False, False),  # 'Thailand planned to impose a curfew': a plan
        ("decided", "decide", False, False),
        ("planned", "plan", True, True),  # with someone to cooperate with
        ("promised", "promise", False, True),  # a declared intent stays
    ],
)
def test_a_plan_with_no_one_to_cooperate_with_is_no_intent_to_cooperate(
    verb: str, lemma: str, targeted: bool, kept: bool
) -> None:
    ps = parsed(
        [
            ("Thailand", "Thailand", "PROPN", "nsubj", 1),
            (verb, lemma, "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3),
            ("impose", "impose", "VERB", "xcomp", 1),
            ("a", "a", "DET", "det", 5),
            ("curfew", "curfew", "NOUN", "dobj", 3),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    thailand = _ref(0, "THA", "THA", None, "country")
    targets = (_ref(5, "MYS", "MYS", None, "country"),) if targeted else ()
    cand = Candidate(
        "verb", 1, "030", f"frame:intent:verb:INTEND:{lemma}", sources=(thailand,), targets=targets
    )
    got = plan_needs_counterpart.apply(cand, _clause(ps))
    assert isinstance(got, Candidate) is kept


def test_an_event_noun_with_no_actor_of_its_own_echoing_the_verbs_act_is_dropped() -> None:
    # 'During a riot , rioters set fire to the church .'
    ps = parsed(
        [
            ("During", "during", "ADP", "prep", 5),
            ("a", "a", "DET", "det", 2),
            ("riot", "riot", "NOUN", "pobj", 0),
            (",", ",", "PUNCT", "punct", 5),
            ("rioters", "rioter", "NOUN", "nsubj", 5),
            ("set", "set", "VERB", "ROOT", 5),
            ("fire", "fire", "NOUN", "dobj", 5),
            (".", ".", "PUNCT", "punct", 5),
        ]
    )
    implied = ActorRef(2, 0, 0, "USAOPP", "USA", "OPP", None, "implied")
    named = ActorRef(4, 4, 5, "USAOPP", "USA", "OPP", None, "agent")
    noun = Candidate("noun", 2, "145", "noun:145", sources=(implied,))
    echoed = dataclasses.replace(_clause(ps), verb_roots=frozenset({"14"}))
    assert isinstance(noun_echo.apply(noun, echoed), Drop)
    # another root, or a noun whose actor the text names, stays
    assert noun_echo.apply(noun, dataclasses.replace(echoed, verb_roots=frozenset({"19"}))) is noun
    own = dataclasses.replace(noun, sources=(named,))
    assert noun_echo.apply(own, echoed) is own


def _protest_noun(rows: list[tuple[str, str, str, str, int]], noun: int) -> Verdict:
    ps = tagged(parsed(rows), {t: "VBG" for t, r in enumerate(rows) if r[0].endswith("ing")})
    implied = ActorRef(noun, 0, 0, "USAOPP", "USA", "OPP", None, "implied")
    return protest_in_passing.apply(
        Candidate("noun", noun, "141", "noun:141", sources=(implied,)), _clause(ps)
    )


def test_a_protest_named_in_passing_is_no_report_of_one() -> None:
    # 'Protests filled the streets .': what the clause is about
    filled = [
        ("Protests", "protest", "NOUN", "nsubj", 1),
        ("filled", "fill", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3),
        ("streets", "street", "NOUN", "dobj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
    assert isinstance(_protest_noun(filled, 0), Candidate)
    # 'Trump flew above the rally .': the setting of another act
    flew = [
        ("Trump", "Trump", "PROPN", "nsubj", 1),
        ("flew", "fly", "VERB", "ROOT", 1),
        ("above", "above", "ADP", "prep", 1),
        ("the", "the", "DET", "det", 4),
        ("rally", "rally", "NOUN", "pobj", 2),
        (".", ".", "PUNCT", "punct", 1),
    ]
    assert isinstance(_protest_noun(flew, 4), Drop)
    # 'He spoke , with protests spreading .': told as going on
    spreading = [
        ("He", "he", "PRON", "nsubj", 1),
        ("spoke", "speak", "VERB", "ROOT", 1),
        (",", ",", "PUNCT", "punct", 1),
        ("with", "with", "ADP", "prep", 1),
        ("protests", "protest", "NOUN", "pobj", 3),
        ("spreading", "spread", "VERB", "acl", 4),
        (".", ".", "PUNCT", "punct", 1),
    ]
    assert isinstance(_protest_noun(spreading, 4), Candidate)
    # 'The shooting sparked riots .': what an event causes happened
    sparked = [
        ("The", "the", "DET", "det", 1),
        ("shooting", "shooting", "NOUN", "nsubj", 2),
        ("sparked", "spark", "VERB", "ROOT", 2),
        ("riots", "riot", "NOUN", "dobj", 2),
        (".", ".", "PUNCT", "punct", 2),
    ]
    assert isinstance(_protest_noun(sparked, 3), Candidate)
    # 'The shooting led to protests .'
    led = [
        ("The", "the", "DET", "det", 1),
        ("shooting", "shooting", "NOUN", "nsubj", 2),
        ("led", "lead", "VERB", "ROOT", 2),
        ("to", "to", "ADP", "prep", 2),
        ("protests", "protest", "NOUN", "pobj", 3),
        (".", ".", "PUNCT", "punct", 2),
    ]
    assert isinstance(_protest_noun(led, 4), Candidate)


def test_a_crowds_protest_naming_no_target_is_against_its_own_country() -> None:
    # 'People marched in London , protesting the exit of the UK from the EU .'
    ps = parsed(
        [
            ("People", "people", "NOUN", "nsubj", 1),
            ("marched", "march", "VERB", "ROOT", 1),
            ("in", "in", "ADP", "prep", 1),
            ("London", "London", "PROPN", "pobj", 2),
            (",", ",", "PUNCT", "punct", 1),
            ("protesting", "protest", "VERB", "advcl", 1),
            ("the", "the", "DET", "det", 7),
            ("exit", "exit", "NOUN", "dobj", 5),
            ("from", "from", "ADP", "prep", 7),
            ("the", "the", "DET", "det", 10),
            ("EU", "EU", "PROPN", "pobj", 8),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    eu = Mention(10, 11, Entry("IGOEUREEC", None, None, "European Union", "igo"))
    crowd = _ref(0, "GBRCVL", "GBR", "CVL", "agent")
    march = dataclasses.replace(_candidate(code="140", sources=(crowd,)), trigger=1)
    got = domestic_target.apply(march, _clause(ps, [eu]))
    assert isinstance(got, Candidate) and [t.code for t in got.targets] == ["GBR"]
    # an official's act in the same sentence is not made domestic
    minister = _ref(0, "GBRGOV", "GBR", "GOV", "agent")
    said = dataclasses.replace(_candidate(code="111", sources=(minister,)), trigger=1)
    assert domestic_target.apply(said, _clause(ps, [eu])) is said


def test_a_reaction_to_a_definite_act_noun_answers_whoever_did_that_act() -> None:
    # 'Iran denied the accusation .' after 'the US accused Iran ...'
    ps = parsed(
        [
            ("Iran", "Iran", "PROPN", "nsubj", 1),
            ("denied", "deny", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("accusation", "accusation", "NOUN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    iran = _ref(0, "IRNGOV", "IRN", "GOV", "country")
    us = Party("USAGOV", "USA", "GOV", "Pompeo")
    accused = Told("11", us, Party("IRNGOV", "IRN", "GOV", None))
    asked = Told("02", Party("GBRGOV", "GBR", "GOV", None), Party("IRNGOV", "IRN", "GOV", None))
    cand = dataclasses.replace(_candidate(code="016", sources=(iran,)), trigger=1)
    got = answered_act.apply(cand, dataclasses.replace(_clause(ps), told=(accused, asked)))
    assert isinstance(got, Candidate) and [t.code for t in got.targets] == ["USAGOV"]
    # an accusation aimed at someone else, or none told, leaves it to the other rules
    elsewhere = Told("11", us, Party("CHN", "CHN", None, None))
    assert answered_act.apply(cand, dataclasses.replace(_clause(ps), told=(elsewhere,))) is cand
    assert answered_act.apply(cand, _clause(ps)) is cand


def test_opposing_the_withdrawal_answers_whoever_withdrew() -> None:
    # 'The SDF opposed the withdrawal .' after 'US troops would be leaving Syria' (0356)
    ps = parsed(
        [
            ("The", "the", "DET", "det", 1),
            ("SDF", "SDF", "PROPN", "nsubj", 2),
            ("opposed", "oppose", "VERB", "ROOT", 2),
            ("the", "the", "DET", "det", 4),
            ("withdrawal", "withdrawal", "NOUN", "dobj", 2),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )
    sdf = _ref(1, "SYRREB", "SYR", "REB", "group")
    leaving = Told("03", Party("USAMIL", "USA", "MIL", None), Party("SYR", "SYR", None, None))
    cand = dataclasses.replace(_candidate(code="110", sources=(sdf,)), trigger=2)
    got = answered_act.apply(cand, dataclasses.replace(_clause(ps), told=(leaving,)))
    assert isinstance(got, Candidate) and [t.code for t in got.targets] == ["USAMIL"]
    # an act of another kind (a meeting) is no withdrawal
    met = Told("04", Party("USAMIL", "USA", "MIL", None), Party("SYR", "SYR", None, None))
    assert answered_act.apply(cand, dataclasses.replace(_clause(ps), told=(met,))) is cand


def _said_was(subject: str, adjective: str) -> ParsedSentence:
    """'Tamim said <subject> was <adjective> .'"""
    return parsed(
        [
            ("Tamim", "Tamim", "PROPN", "nsubj", 1),
            ("said", "say", "VERB", "ROOT", 1),
            (subject, subject, "PROPN", "nsubj", 3),
            ("was", "be", "AUX", "ccomp", 1),
            (adjective, adjective, "ADJ", "acomp", 3),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )


def _said_responsible(harm: str, negated: bool = False) -> ParsedSentence:
    """'Pompeo said Iran was [not] responsible for the <harm> .'"""
    words = [
        ("Pompeo", "Pompeo", "PROPN", "nsubj", 1),
        ("said", "say", "VERB", "ROOT", 1),
        ("Iran", "Iran", "PROPN", "nsubj", 3),
        ("was", "be", "AUX", "ccomp", 1),
    ]
    if negated:
        words.append(("not", "not", "PART", "neg", 3))
    r = len(words)
    words += [
        ("responsible", "responsible", "ADJ", "acomp", 3),
        ("for", "for", "ADP", "prep", r),
        ("the", "the", "DET", "det", r + 3),
        (harm, harm, "NOUN", "pobj", r + 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
    return parsed(words)


def test_words_holding_an_actor_responsible_for_a_harm_accuse_it() -> None:
    speaker = _ref(0, "USAGOV", "USA", "GOV", "person")
    bare = dataclasses.replace(_candidate(code="010", sources=(speaker,)), trigger=1)
    iran = Mention(2, 3, Entry("IRN", "IRN", None, "Iran", "country"))
    got = statement_content.apply(bare, _clause(_said_responsible("attack"), [iran]))
    assert isinstance(got, Candidate) and got.code == "112"
    assert [t.code for t in got.targets] == ["IRN"] and got.rule.endswith("+blame")
    # responsible for no harm ('for security'), or not responsible: no accusation
    duty = statement_content.apply(bare, _clause(_said_responsible("security"), [iran]))
    assert isinstance(duty, Candidate) and duty.code != "112"
    denied = statement_content.apply(bare, _clause(_said_responsible("attack", True), [iran]))
    assert isinstance(denied, Candidate) and denied.code != "112"


def test_what_reported_words_say_is_aimed_at_the_actor_they_judge_or_is_no_event() -> None:
    speaker = _ref(0, "ZWEGOV", "ZWE", "GOV", "person")
    bare = dataclasses.replace(_candidate(code="010", sources=(speaker,)), trigger=1)
    mugabe = Mention(2, 3, Entry("ZWEELI", "ZWE", "ELI", "Robert Mugabe", "person"))
    got = statement_content.apply(bare, _clause(_said_was("Mugabe", "ruthless"), [mugabe]))
    assert isinstance(got, Candidate) and got.code == "111"
    assert [t.code for t in got.targets] == ["ZWEELI"]
    # praise of no one the coder knows ('said Walter was brilliant'): still a bare statement
    unknown = statement_content.apply(bare, _clause(_said_was("Walter", "brilliant")))
    assert unknown is bare


def test_what_a_phrase_of_concession_names_is_not_aimed_at() -> None:
    # 'Britain extended the mandate despite Russia 's wish .'
    ps = parsed(
        [
            ("Britain", "Britain", "PROPN", "nsubj", 1),
            ("extended", "extend", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("mandate", "mandate", "NOUN", "dobj", 1),
            ("despite", "despite", "ADP", "prep", 1),
            ("Russia", "Russia", "PROPN", "poss", 7),
            ("'s", "'s", "PART", "case", 5),
            ("wish", "wish", "NOUN", "pobj", 4),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    britain = _ref(0, "GBR", "GBR", None, "country")
    russia = Mention(5, 6, Entry("RUS", "RUS", None, "Russia", "country"))
    cand = _candidate(code="030", trigger=1, sources=(britain,))
    assert predicate_actor.apply(cand, _clause(ps, [russia])) is cand


def test_a_states_military_force_naming_no_target_is_not_aimed_at_home() -> None:
    # 'Turkey began a military offensive .' / 'Police shot the attacker .'
    ps = parsed(
        [
            ("Turkey", "Turkey", "PROPN", "nsubj", 1),
            ("attacked", "attack", "VERB", "ROOT", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    turkey = _ref(0, "TUR", "TUR", None, "country")
    force = dataclasses.replace(_candidate(code="190", sources=(turkey,)), trigger=1)
    assert domestic_target.apply(force, _clause(ps)) is force
    police = _ref(0, "TURCOP", "TUR", "COP", "agent")
    shot = dataclasses.replace(_candidate(code="190", sources=(police,)), trigger=1)
    got = domestic_target.apply(shot, _clause(ps))
    assert isinstance(got, Candidate) and [t.code for t in got.targets] == ["TUR"]


def test_the_press_reaching_out_gathers_news() -> None:
    # "A reporter reached out to the nominee ." / "Journalists appealed to the government ."
    def said(verb: str, lemma: str) -> ParsedSentence:
        return parsed(
            [
                ("Reporters", "reporter", "NOUN", "nsubj", 1),
                (verb, lemma, "VERB", "ROOT", 1),
                ("out", "out", "ADP", "prt", 1),
                ("to", "to", "ADP", "prep", 1),
                ("Hammons", "Hammons", "PROPN", "pobj", 3),
            ]
        )

    reporter = _ref(0, "USAMED", "USA", "MED", "agent")
    reached = _candidate(code="020", sources=(reporter,))
    assert isinstance(newsgathering.apply(reached, _clause(said("reached", "reach"))), Drop)
    appealed = _clause(said("appealed", "appeal"))
    assert newsgathering.apply(reached, appealed) is reached  # a real appeal by the press
    criticized = _candidate(code="111", sources=(reporter,))
    assert newsgathering.apply(criticized, _clause(said("reached", "reach"))) is criticized
    minister = _ref(0, "USAGOV", "USA", "GOV", "agent")
    urged = _candidate(code="020", sources=(minister,))
    assert newsgathering.apply(urged, _clause(said("reached", "reach"))) is urged


# -- questions -------------------------------------------------------------------------


def _asked(prep: str, obj: str) -> tuple[Candidate, Clause]:
    """'Castor asked Morrison <prep> <obj> .'"""
    ps = parsed(
        [
            ("Castor", "Castor", "PROPN", "nsubj", 1),
            ("asked", "ask", "VERB", "ROOT", 1),
            ("Morrison", "Morrison", "PROPN", "dobj", 1),
            (prep, prep, "ADP", "prep", 1),
            (obj, obj, "NOUN", "pobj", 3),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    return Candidate("verb", 1, "020", "verb:ASK:ask"), _clause(ps)


def test_asking_about_a_topic_is_a_question_asking_for_something_a_request() -> None:
    cand, cl = _asked("about", "concerns")
    assert isinstance(question_about.apply(cand, cl), Drop)
    cand, cl = _asked("for", "help")
    assert question_about.apply(cand, cl) is cand


@pytest.mark.parametrize(
    ("mark", "end", "requested"),
    [("whether", ".", False), ("that", ".", True), ("that", "?", False)],
)
def test_asking_a_question_is_no_request(mark: str, end: str, requested: bool) -> None:
    # 'Fallon asked whether the Treasury had leaned on ONS .' / '... asked that the
    # Treasury lean on ONS .' (a request) / a quoted question ending in '?'
    ps = parsed(
        [
            ("Fallon", "Fallon", "PROPN", "nsubj", 1),
            ("asked", "ask", "VERB", "ROOT", 1),
            (mark, mark, "SCONJ", "mark", 5),
            ("the", "the", "DET", "det", 4),
            ("Treasury", "Treasury", "PROPN", "nsubj", 5),
            ("leaned", "lean", "VERB", "ccomp", 1),
            ("on", "on", "ADP", "prep", 5),
            ("ONS", "ONS", "PROPN", "pobj", 6),
            (end, end, "PUNCT", "punct", 5 if end == "?" else 1),
        ]
    )
    cand = Candidate("verb", 1, "020", "frame:appeal:verb:ASK:ask")
    got = question_about.apply(cand, _clause(ps))
    assert (got is cand) is requested


def _released(objects: list[tuple[str, str, str, str, int]], target: ActorRef) -> Verdict:
    """licensed_default on 'X released <objects> .' (the verb token 1; objects from token 2)
    with ``target`` as the candidate's target."""
    ps = parsed(
        [
            ("X", "X", "PROPN", "nsubj", 1),
            ("released", "release", "VERB", "ROOT", 1),
            *objects,
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    match = VerbDictionary.load().match(ps.tokens, 1)
    assert match is not None and match.pattern is None and match.form.needs_actor_object
    source = (_ref(0, "USAGOV", "USA", "GOV", "group"),)
    cand = Candidate("verb", 1, match.code, "verb:RELEASE:release", match=match, sources=source)
    return licensed_default.apply(dataclasses.replace(cand, targets=(target,)), _clause(ps))


def test_releasing_a_thing_from_someone_acts_on_no_actor() -> None:
    letter = [  # "... a letter from his physician"
        ("a", "a", "DET", "det", 3),
        ("letter", "letter", "NOUN", "dobj", 1),
        ("from", "from", "ADP", "prep", 3),
        ("his", "his", "PRON", "poss", 6),
        ("physician", "physician", "NOUN", "pobj", 4),
    ]
    assert isinstance(_released(letter, _ref(6, "USAHLH", "USA", "HLH", "agent")), Drop)


def test_releasing_an_actor_or_what_it_owns_acts_on_it() -> None:
    tanker = [  # "... the British tanker"
        ("the", "the", "DET", "det", 4),
        ("British", "british", "ADJ", "amod", 4),
        ("tanker", "tanker", "NOUN", "dobj", 1),
    ]
    assert not isinstance(_released(tanker, _ref(4, "GBRBUS", "GBR", "BUS", "country")), Drop)
    ship = [  # "... a ship operated by Greenpeace" (CAMEO 1.1b3's 0842 example)
        ("a", "a", "DET", "det", 3),
        ("ship", "ship", "NOUN", "dobj", 1),
        ("operated", "operate", "VERB", "acl", 3),
        ("by", "by", "ADP", "agent", 4),
        ("Greenpeace", "Greenpeace", "PROPN", "pobj", 5),
    ]
    assert not isinstance(_released(ship, _ref(6, "NGOENV", None, "ENV", "group")), Drop)


def test_a_caption_reports_no_event() -> None:
    # "This graphic shows the states where marijuana has been legalized ." / "Police
    # legalized ..." is no caption
    def sentence(subject: str, lemma: str) -> ParsedSentence:
        return parsed(
            [
                ("This", "this", "DET", "det", 1),
                (subject, lemma, "NOUN", "nsubj", 2),
                ("shows", "show", "VERB", "ROOT", 2),
                ("the", "the", "DET", "det", 4),
                ("states", "state", "NOUN", "dobj", 2),
                ("where", "where", "SCONJ", "advmod", 9),
                ("marijuana", "marijuana", "NOUN", "nsubjpass", 9),
                ("has", "have", "AUX", "aux", 9),
                ("been", "be", "AUX", "auxpass", 9),
                ("legalized", "legalize", "VERB", "relcl", 4),
                (".", ".", "PUNCT", "punct", 2),
            ]
        )

    cand = Candidate("verb", 9, "081", "verb:LEGALISE:legalize")
    assert isinstance(caption.apply(cand, _clause(sentence("graphic", "graphic"))), Drop)
    assert caption.apply(cand, _clause(sentence("report", "report"))) is cand


# -- force: who suffered, and words about a war ----------------------------------------


def _worst_hit(adverb: str, obj: bool = False) -> tuple[Candidate, Clause]:
    """'..., with Sri Lanka and Indonesia <adverb> hit [targets] .'"""
    rows = [
        ("with", "with", "ADP", "prep", 5),
        ("Sri", "Sri", "PROPN", "compound", 2),
        ("Lanka", "Lanka", "PROPN", "nsubj", 5),
        ("and", "and", "CCONJ", "cc", 2),
        ("Indonesia", "Indonesia", "PROPN", "conj", 2),
        ("hit", "hit", "VERB", "ROOT", 5),
        (adverb, adverb, "ADV", "advmod", 5),
    ]
    if obj:
        rows.append(("targets", "target", "NOUN", "dobj", 5))
    rows.append((".", ".", "PUNCT", "punct", 5))
    ps = parsed(rows)
    lanka = _ref(2, "LKA", "LKA", None, "country")
    cand = Candidate("verb", 5, "190", "verb:PHYSICAL_CONFLICT:hit", sources=(lanka,))
    return cand, _clause(ps)


def test_a_harm_ranked_by_a_superlative_tells_who_suffered_not_who_used_force() -> None:
    cand, cl = _worst_hit("worst")
    assert isinstance(ranked_harm.apply(cand, cl), Drop)
    cand, cl = _worst_hit("hard")  # 'forces hit hard': force used
    assert ranked_harm.apply(cand, cl) is cand
    cand, cl = _worst_hit("hardest", obj=True)  # 'hit targets hardest': force used
    assert ranked_harm.apply(cand, cl) is cand


def test_attacking_how_a_war_was_sold_is_words_whatever_the_object_tells() -> None:
    # "Butler attacked the way the war was sold ." (a former official, no arms)
    ps = parsed(
        [
            ("Butler", "Butler", "PROPN", "nsubj", 1),
            ("attacked", "attack", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("way", "way", "NOUN", "dobj", 1),
            ("the", "the", "DET", "det", 5),
            ("war", "war", "NOUN", "nsubjpass", 7),
            ("was", "be", "AUX", "auxpass", 7),
            ("sold", "sell", "VERB", "relcl", 3),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    butler = _ref(0, "GBRELI", "GBR", "ELI", "person")
    cand = Candidate("verb", 1, "190", "verb:PHYSICAL_CONFLICT:attack", sources=(butler,))
    got = verbal_attack.apply(cand, _clause(ps))
    assert not isinstance(got, Drop) and got.code == "111"


@pytest.mark.parametrize(
    ("code", "role", "verbal"),
    [("GBRGOV", "GOV", True), ("GBRMIL", "MIL", False)],
)
def test_a_clash_between_unarmed_speakers_is_words(code: str, role: str, verbal: bool) -> None:
    # "The leaders clashed ." (words) / "The troops clashed ." (force)
    ps = parsed(
        [
            ("The", "the", "DET", "det", 1),
            ("leaders", "leader", "NOUN", "nsubj", 2),
            ("clashed", "clash", "VERB", "ROOT", 2),
            (".", ".", "PUNCT", "punct", 2),
        ]
    )
    side = _ref(1, code, "GBR", role, "agent")
    cand = Candidate("verb", 2, "190", "verb:PHYSICAL_CONFLICT:clash", sources=(side,))
    got = verbal_attack.apply(cand, _clause(ps))
    assert not isinstance(got, Drop) and (got.code == "111") is verbal


def test_pushing_demands_only_when_an_actor_is_pushed() -> None:
    # "Labour pushed prices down ." (no actor pushed) / "... pushed the parliament ."
    ps = parsed(
        [
            ("Labour", "Labour", "PROPN", "nsubj", 1),
            ("pushed", "push", "VERB", "ROOT", 1),
            ("prices", "price", "NOUN", "dobj", 1),
            ("down", "down", "ADP", "prt", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    match = VerbDictionary.load().match(ps.tokens, 1)
    assert match is not None and match.pattern is None
    labour = (_ref(0, "GBRPTY", "GBR", "PTY", "group"),)
    cand = Candidate("verb", 1, match.code, "verb:DEMAND:push", match=match, sources=labour)
    assert isinstance(licensed_default.apply(cand, _clause(ps)), Drop)
    parliament = _ref(2, "GBRLEG", "GBR", "LEG", "agent")
    pushed = dataclasses.replace(cand, targets=(parliament,))
    assert licensed_default.apply(pushed, _clause(ps)) is pushed


@pytest.mark.parametrize(
    ("inner", "lemma", "particle", "kept"),
    [
        ("rule", "rule", "out", False),  # 'refused to rule out tax rises'
        ("deny", "deny", None, False),  # 'refused to deny claims'
        ("halt", "halt", None, True),  # 'refused to halt enrichment': a rejection
    ],
)
def test_refusing_to_deny_or_rule_out_is_no_rejection(
    inner: str, lemma: str, particle: str | None, kept: bool
) -> None:
    rows = [
        ("Brown", "Brown", "PROPN", "nsubj", 1),
        ("refused", "refuse", "VERB", "ROOT", 1),
        ("to", "to", "PART", "aux", 3),
        (inner, lemma, "VERB", "xcomp", 1),
    ]
    if particle:
        rows.append((particle, particle, "ADP", "prt", 3))
    rows += [("claims", "claim", "NOUN", "dobj", 3), (".", ".", "PUNCT", "punct", 1)]
    ps = parsed(rows)
    cand = _candidate(code="120", trigger=1, sources=(_ref(0, "GBRGOV", "GBR", "GOV", "person"),))
    got = refused_dismissal.apply(cand, _clause(ps))
    assert (got is cand) if kept else isinstance(got, Drop)


def test_a_mediation_pairs_the_mediator_with_neither_party() -> None:
    # a consultation opens a pair for the counterpart rule; a mediation (045: 'the
    # administration brokered deals between Israel and Kosovo') does not
    assert opens_pair("040") and opens_pair("042") and opens_pair("046")
    assert not opens_pair("045")
    assert not opens_pair("020")


def test_a_statement_about_a_state_is_left_out_where_its_sentence_codes_the_act() -> None:
    # 'Abbas said he was ready to negotiate with Israel': the 036, not also a 010 to Israel;
    # a 010 about Israel beside an act on someone else stays
    said = event("PSEGOV", "ISR", "010")
    said = dataclasses.replace(
        said, evidence=dataclasses.replace(said.evidence, rule="verb:SAY:say+about")
    )
    intent = dataclasses.replace(event("PSEGOV", "ISR", "036"), event_id="intent")
    assert dedupe([said, intent]) == [intent]
    other = dataclasses.replace(event("PSEGOV", "EGY", "036"), event_id="other")
    assert dedupe([said, other]) == [said, other]
    elsewhere = dataclasses.replace(intent, sentence_index=1)
    assert dedupe([said, elsewhere]) == [said, elsewhere]


def test_backing_something_said_or_a_person_is_endorsement_an_effort_stays_cooperation() -> None:
    # 'Blair backed the report' / 'Blair backed Brown': 051 Praise or endorse (CAMEO
    # 1.1b3: 'express support for ... policy, action or actor'); 'backed the effort' keeps
    # the support block's 050
    def backed(noun: str) -> ParsedSentence:
        return parsed(
            [
                ("Blair", "Blair", "PROPN", "nsubj", 1),
                ("backed", "back", "VERB", "ROOT", 1),
                ("the", "the", "DET", "det", 3),
                (noun, noun, "NOUN", "dobj", 1),
                (".", ".", "PUNCT", "punct", 1),
            ]
        )

    blair = _ref(0, "GBRGOV", "GBR", "GOV", "person")
    got = verbal_support.apply(_candidate(code="050", sources=(blair,)), _clause(backed("report")))
    assert isinstance(got, Candidate) and got.code == "051"
    brown = _ref(3, "GBRGOV", "GBR", "GOV", "person")
    person = _candidate(code="050", sources=(blair,), targets=(brown,))
    got = verbal_support.apply(person, _clause(backed("chancellor")))
    assert isinstance(got, Candidate) and got.code == "051"
    effort = _candidate(code="050", sources=(blair,))
    assert verbal_support.apply(effort, _clause(backed("effort"))) is effort
