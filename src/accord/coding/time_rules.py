"""The coder's rules about when: the event's own date, and what its date or tense says
about whether it is news (background, not yet happened, a standing position). Their order
among the other rules is in :mod:`accord.coding.ruleset`."""

from __future__ import annotations

import dataclasses
import datetime as dt

from accord.coding.lexicon import table, words
from accord.coding.patterns import subtree
from accord.coding.rules import Candidate, Clause, Drop, SentenceDate, Verdict, rule
from accord.coding.scene_cues import BACKGROUND_ADVS
from accord.model import DatePrecision, DateSource, Mode

BACKGROUND_DAYS = 90
"""An event the text dates this many days or more before publication is background."""


@rule("event_date", ["verb", "noun"], writes=["date"])
def event_date(c: Candidate, cl: Clause) -> Verdict:
    """The date expression governed by the trigger's verb (or by the clause it hangs from
    as an adverbial, conjoined or controlled clause, or as a participle on its object:
    'launched missiles targeting US troops'), or a temporal clause on one of them that
    puts the act at its time (:func:`_clause_time`); else the sentence's date: its main
    verb's date, or the publication date."""
    anchor = _anchor(c)
    own = None
    for _ in range(4):
        if anchor is None:
            break
        own = cl.dates.get(anchor) or _clause_time(anchor, cl)
        tok = cl.tokens[anchor]
        if own is not None or tok.head == anchor:
            break
        if tok.dep in _SAME_TIME_DEPS:
            anchor = tok.head
        elif tok.dep == "acl" and tok.tag == "VBG" and _object_of_verb(tok.head, cl):
            anchor = cl.tokens[tok.head].head  # 'missiles targeting US troops' -> 'launched'
        else:
            break
    if own is None and c.kind == "verb":
        own = _told_with(c.trigger, cl)
    return dataclasses.replace(c, date=own or cl.sentence_date)


def _anchor(c: Candidate) -> int | None:
    """The verb whose time is the act's: the trigger, or for an event named by a noun the
    verb whose clause holds it ('talks' in 'said during talks last week'), if any."""
    if c.kind == "noun":
        return c.nominal.governor if c.nominal is not None else None
    return c.trigger


def _told_with(verb: int, cl: Clause) -> SentenceDate | None:
    """The date of a clause conjoined after an undated verb, told with it as one episode
    ('a jury convicted Blankenship ..., and he received a one year prison sentence in
    2016'): the first such date."""
    for k in cl.children.get(verb, ()):
        if k > verb and cl.tokens[k].dep == "conj" and k in cl.dates:
            return cl.dates[k]
    return None


def _object_of_verb(noun: int, cl: Clause) -> bool:
    tok = cl.tokens[noun]
    return tok.dep == "dobj" and tok.head != noun and cl.tokens[tok.head].pos == "VERB"


_SAME_TIME_MARKS = words("same_time_marks.txt")
_CLOSE_TIME_WORDS = words("close_time_words.txt")


def _clause_time(verb: int, cl: Clause) -> SentenceDate | None:
    """The date of a temporal clause on the verb that puts the act at its time: 'when
    Trump visited Paris on Monday, he met Macron', 'a few hours before the jet crashed on
    Wednesday, Iran launched missiles' (same_time_marks.txt, close_time_words.txt); a
    bare 'before' or 'after' may be days away and dates nothing."""
    for k in cl.children.get(verb, ()):
        if cl.tokens[k].dep != "advcl" or k not in cl.dates:
            continue
        marks = [m for m in cl.children.get(k, ()) if cl.tokens[m].dep in ("mark", "advmod")]
        for m in marks:
            word = cl.tokens[m].text.lower()
            if word in _SAME_TIME_MARKS:
                return cl.dates[k]
            if word in ("before", "after") and any(
                cl.tokens[g].lemma.lower() in _CLOSE_TIME_WORDS for g in cl.children.get(m, ())
            ):
                return cl.dates[k]
    return None


_SAME_TIME_DEPS = frozenset({"advcl", "conj", "xcomp"})
"""A clause that shares the time of the clause it hangs from ('..., which he served as
until 2018, resigning in protest'); a reported clause (ccomp) does not: 'said on Monday
that they had met' dates the saying."""


@rule("dated_pluperfect", ["verb"], reads=["mode"], writes=["mode"])
def dated_pluperfect(c: Candidate, cl: Clause) -> Verdict:
    """The past perfect sets a scene before the news ('Iran had threatened to ...': the
    modality rule's background), except where the text gives the act a day of its own in
    the weeks before the story: 'On last Thursday, the delegations of Cyprus, Greece and
    Israel had met for their seventh trilateral summit' reports the meeting; the tense
    only orders it before what the story told first. A day long before the story, or a
    word like 'previously' (background_adverbs.txt), keeps it background."""
    pub = cl.publication
    if c.mode is not Mode.BACKGROUND or pub is None:
        return c
    tok = cl.tokens[c.trigger]
    kids = [cl.tokens[k] for k in cl.children.get(c.trigger, ())]
    if tok.tag != "VBN" or not any(k.dep == "aux" and k.text.lower() == "had" for k in kids):
        return c
    if any(k.dep in ("advmod", "npadvmod") and k.text.lower() in BACKGROUND_ADVS for k in kids):
        return c
    own = cl.dates.get(c.trigger)
    if own is None or own.date is None or own.precision is not DatePrecision.DAY:
        return c
    if not 0 <= (pub - own.date).days < BACKGROUND_DAYS:
        return c
    return dataclasses.replace(c, mode=Mode.ASSERTED)


@rule("background_date", ["verb", "noun"], reads=["date", "mode"], writes=["mode"])
def background_date(c: Candidate, cl: Clause) -> Verdict:
    """An event the story itself dates long before its publication is background, not
    news: 'In 2007, the United States labeled Soleimani a terrorist' in a 2020 story;
    'Trump said he banned travel from China in January' in November. Recent events the
    story reports (a visit a month before) stay, with their own date.

    A story with no date of its own tells its news without calendar dates ('on Tuesday'
    it cannot resolve) and writes the year of what it recalls: there an act the text
    dates with a written year is background ('In October 1989 the Court of Appeal
    quashed the sentences', 'the case was dropped in 2017'), and so is one it tells a year
    or more back ('MPs criticised Blunkett last year', 'elected two years ago'), as a dated
    story's would be; an event named by a noun is told when the verb it hangs from is
    ('discussed the plans during a trip to Moscow last year')."""
    anchor = _anchor(c)
    if (
        cl.publication is None
        and c.mode is Mode.ASSERTED
        and (
            (c.date is not None and c.date.date is not None and c.date.source is DateSource.TEXT)
            or (anchor is not None and _years_back(anchor, cl))
        )
    ):
        return dataclasses.replace(c, mode=Mode.BACKGROUND)
    dated = _text_dated(c, cl)
    if dated is None:
        return c
    when, precision, pub = dated
    old = (
        when.year < pub.year
        if precision is DatePrecision.YEAR
        else (pub - when).days >= BACKGROUND_DAYS
    )
    return dataclasses.replace(c, mode=Mode.BACKGROUND) if old else c


def _years_back(verb: int, cl: Clause) -> bool:
    """Whether the story with no date tells the act a year or more back (Clause
    told_years_back): 'criticised Blunkett last year', 'the Kremlin last year seized and
    sold' (a verb joined to another shares its time, as one in a clause of time its
    frame's)."""
    tok = cl.tokens[verb]
    verbs = [*_clause_and_its_frame(verb, cl), *([tok.head] if tok.dep == "conj" else [])]
    return any(v in cl.told_years_back for v in verbs)


@rule("future_date", ["verb", "noun"], reads=["date", "mode"], writes=["mode"])
def future_date(c: Candidate, cl: Clause) -> Verdict:
    """An event the story dates after its own publication has not happened yet: 'the next
    primary is scheduled for March 3, when both parties are to hold elections' in a
    February story. Only the text's own date counts (a day, or a month that starts after
    the story's date); a story's date is never after itself."""
    dated = _text_dated(c, cl)
    if dated is None or dated[1] is DatePrecision.YEAR:
        return c
    when, _, pub = dated
    return dataclasses.replace(c, mode=Mode.FUTURE) if when > pub else c


_SPAN_STARTS = words("span_start_prepositions.txt")
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
_OCCASION_PREPS = words("occasion_prepositions.txt")


@rule("since_long_ago", ["verb"], reads=["mode"], writes=["mode"])
def since_long_ago(c: Candidate, cl: Clause) -> Verdict:
    """An act told as running from a year before the story's own sums up a record or a
    state, not news: 'Since 1997, the Chinese government has allowed Hong Kong citizens
    ...', 'authorities seized 126 skins from 2013 to 2019', 'between 2015 and 2018 the
    court sentenced ...' (data/lexicon/span_start_prepositions.txt). A span from this
    year on ('since January', 'since Monday') stays news."""
    pub = cl.publication
    if c.mode is not Mode.ASSERTED or pub is None:
        return c
    for k in cl.children.get(c.trigger, ()):
        tok = cl.tokens[k]
        if tok.dep != "prep" or tok.text.lower() not in _SPAN_STARTS:
            continue
        years = _years(cl, k)
        if years and max(years) < pub.year:
            return dataclasses.replace(c, mode=Mode.BACKGROUND)
    return c


@rule("told_with_a_birth", ["verb"], reads=["mode"], writes=["mode"])
def told_with_a_birth(c: Candidate, cl: Clause) -> Verdict:
    """An act told in one breath with its actor's birth in a year before the story's own
    is a life story, not news: 'Born in 1942 in Tredegar to a miner father, he attended
    Lewis Boys' School', 'Born in 1930, he joined the army'. The birth is a participle on
    the act's own verb ('born' with no auxiliary of its own); a story of this year ('a
    baby born in March') stays news."""
    pub = cl.publication
    if c.mode is not Mode.ASSERTED or pub is None:
        return c
    for k in cl.children.get(c.trigger, ()):
        tok = cl.tokens[k]
        if tok.dep != "advcl" or tok.lemma.lower() != "bear" or tok.tag != "VBN":
            continue
        if any(cl.tokens[g].dep in ("aux", "auxpass") for g in cl.children.get(k, ())):
            continue
        years = [
            y for g in cl.children.get(k, ()) if cl.tokens[g].dep == "prep" for y in _years(cl, g)
        ]
        if years and max(years) < pub.year:
            return dataclasses.replace(c, mode=Mode.BACKGROUND)
    return c


_CONTEST_NOUNS = words("contest_nouns.txt")
_CONTEST_PREPS = frozenset({"for", "in", "during"})


@rule("contest_of_a_past_year", ["verb"], reads=["date", "mode"], writes=["mode"])
def contest_of_a_past_year(c: Candidate, cl: Clause) -> Verdict:
    """An act that competes in an election the text dates to a year before the story's
    own is a career told, not news: 'he challenged President Barack Obama for the
    Democratic Party's 2012 presidential nomination', 'Clinton won the 2016 primary'
    (contest_nouns.txt: the year written on the contest, the verb's object or the object
    of its 'for', 'in' or 'during'). A year on anything else the act is about does not
    date it ('Iran violated the 2015 nuclear deal'); the act's own date decides instead
    (:func:`background_date`)."""
    pub = _undated_news(c, cl)
    if pub is None:
        return c
    nouns: list[int] = []
    for k in cl.children.get(c.trigger, ()):
        tok = cl.tokens[k]
        if tok.dep in _OBJECT_DEPS:
            nouns.append(k)
        elif tok.dep == "prep" and tok.text.lower() in _CONTEST_PREPS:
            nouns += [g for g in cl.children.get(k, ()) if cl.tokens[g].dep == "pobj"]
    for n in nouns:
        if cl.tokens[n].lemma.lower() not in _CONTEST_NOUNS:
            continue
        years = [
            int(cl.tokens[m].text)
            for m in cl.children.get(n, ())
            if cl.tokens[m].dep in ("nummod", "compound", "amod", "npadvmod")
            and _is_year(cl.tokens[m].text)
        ]
        if years and max(years) < pub.year:
            return dataclasses.replace(c, mode=Mode.BACKGROUND)
    return c


def _undated_news(c: Candidate, cl: Clause) -> dt.date | None:
    """The story's date, for an asserted act the text gives no date of its own; else
    None (an act the text dates is judged by that date: :func:`background_date`)."""
    pub = cl.publication
    if c.mode is not Mode.ASSERTED or pub is None:
        return None
    if c.date is not None and c.date.source is DateSource.TEXT:
        return None
    return pub


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1000 <= int(text) <= 2999


@rule("object_dated_long_ago", ["verb", "noun"], reads=["date", "mode"], writes=["mode"])
def object_dated_long_ago(c: Candidate, cl: Clause) -> Verdict:
    """A year before the story's own said of what the act makes of its object dates the
    act: 'Widodo designated Wiranto, a former general, as the nation's security minister
    in 2016' (the parser hangs 'in 2016' on 'minister'; :func:`event_date` reads only
    dates of the verb); so does one said of the occasion the act took place at ('at the
    next elections in 2008, the MDC won a majority', occasion_prepositions.txt). Only the
    object itself, an 'as' phrase and an occasion count, with the year in an 'in' phrase
    right on them: 'accused him of a murder in 2018' (the murder's year, further down)
    stays news. The act's own date, where the text gives one, decides instead
    (:func:`background_date`). An event named by a noun is dated by a year on the noun
    itself: 'Macron's 2015 visit to China', 'the talks in 2018'."""
    pub = _undated_news(c, cl)
    if pub is None:
        return c
    if c.kind == "noun":
        old = _noun_dated_before(c.trigger, pub.year, cl)
        return dataclasses.replace(c, mode=Mode.BACKGROUND) if old else c
    for verb in _clause_and_its_frame(c.trigger, cl):
        if _object_dated_before(verb, pub.year, cl):
            return dataclasses.replace(c, mode=Mode.BACKGROUND)
    return c


_SAME_TIME_MARKS_OR_BEFORE = _SAME_TIME_MARKS | {"after"}
"""Marks of a temporal clause no later than the clause it hangs from."""


def _clause_and_its_frame(verb: int, cl: Clause) -> list[int]:
    """The verb, and the verb a temporal clause of it hangs from ('Capp was elected as
    Lord Mayor in mid-2018 after Doyle resigned': the resignation is as old)."""
    tok = cl.tokens[verb]
    marks = {
        cl.tokens[k].text.lower() for k in cl.children.get(verb, ()) if cl.tokens[k].dep == "mark"
    }
    if tok.dep == "advcl" and tok.head != verb and marks & _SAME_TIME_MARKS_OR_BEFORE:
        return [verb, tok.head]
    return [verb]


def _object_dated_before(verb: int, year: int, cl: Clause) -> bool:
    """Whether the verb's object, 'as' phrase or occasion is dated in a year before
    ``year``."""
    kids = cl.children.get(verb, ())
    nouns = [k for k in kids if cl.tokens[k].dep in _OBJECT_DEPS]
    nouns += [
        g
        for k in kids
        if cl.tokens[k].dep == "prep" and cl.tokens[k].text.lower() == "as"
        for g in cl.children.get(k, ())
        if cl.tokens[g].dep == "pobj"
    ]
    tok = cl.tokens[verb]
    held = [*kids, *(cl.children.get(tok.head, ()) if tok.dep == "conj" else ())]
    nouns += [
        g
        for k in held
        if cl.tokens[k].dep == "prep" and cl.tokens[k].text.lower() in _OCCASION_PREPS
        for g in cl.children.get(k, ())
        if cl.tokens[g].dep == "pobj"
    ]  # 'at the next elections in 2008, the MDC won a majority ... and Mugabe claimed victory'
    for n in nouns:
        for p in cl.children.get(n, ()):
            if cl.tokens[p].dep != "prep" or cl.tokens[p].text.lower() != "in":
                continue
            years = _years(cl, p)
            if years and max(years) < year:
                return True
    return False


def _noun_dated_before(noun: int, year: int, cl: Clause) -> bool:
    """Whether a year before ``year`` is written on the noun ('his 2015 visit') or in an
    'in' phrase right on it ('talks in 2018')."""
    for k in cl.children.get(noun, ()):
        tok = cl.tokens[k]
        if tok.dep in _YEAR_MODIFIER_DEPS and _is_year(tok.text) and int(tok.text) < year:
            return True
        if tok.dep == "prep" and tok.text.lower() == "in":
            years = _years(cl, k)
            if years and max(years) < year:
                return True
    return False


_YEAR_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "npadvmod"})


def _years(cl: Clause, prep: int) -> list[int]:
    """The calendar years written in a prepositional phrase ('since 1997', 'in December
    2018')."""
    out = []
    for k in subtree(cl.children, prep):
        text = cl.tokens[k].text.lower()
        for part in _YEAR_PARTS:
            text = text.removeprefix(part)  # 'mid-2018', 'early-2019'
        if _is_year(text) and (cl.tokens[k].pos == "NUM" or text != cl.tokens[k].text):
            out.append(int(text))
    return out


_YEAR_PARTS = ("mid-", "early-", "late-")


_PAST_WARS = table("past_wars.tsv")
_WAR_PREPOSITIONS = frozenset({"in", "during", "throughout"})
LAST_OLD_WAR = 1991
"""A story with no date of its own is news of accord's era: a war that ended by the Cold
War's end is past for it."""


@rule("during_a_past_war", ["verb", "noun"], reads=["mode"], writes=["mode"])
def during_a_past_war(c: Candidate, cl: Clause) -> Verdict:
    """An act the text places in a war that ended before the story's year is background:
    'Israel seized control of the territories in the 1967 Six-Day War' (the year the war's
    name gives), 'Soviet NKVD forces murdered 15,000 Polish officers during World War Two'
    (past_wars.tsv). For a story with no date of its own, a war that ended by
    :data:`LAST_OLD_WAR`. 'The prison, dubbed the Hanoi Hilton during the Vietnam War' places
    the naming, not the visit the sentence tells."""
    if c.mode is not Mode.ASSERTED:
        return c
    year = cl.publication.year if cl.publication else LAST_OLD_WAR + 1
    for p in _time_phrases(c.trigger, cl):
        if cl.tokens[p].text.lower() not in _WAR_PREPOSITIONS:
            continue
        for war in cl.children.get(p, ()):
            if cl.tokens[war].dep != "pobj" or cl.tokens[war].lemma.lower() != "war":
                continue
            ended = _war_ended(war, cl)
            if ended is not None and ended < year:
                return dataclasses.replace(c, mode=Mode.BACKGROUND)
    return c


def _time_phrases(trigger: int, cl: Clause) -> list[int]:
    """The prepositions on the trigger's clause (and its frame's), and those the parser
    hung on a participle set off by commas that come after its closing comma ('seized the
    territories, seen as parts of a future state, in the 1967 Six-Day War')."""
    out: list[int] = []
    for verb in _clause_and_its_frame(trigger, cl):
        for k in cl.children.get(verb, ()):
            tok = cl.tokens[k]
            if tok.dep == "prep":
                out.append(k)
            elif tok.dep == "advcl" and tok.tag == "VBN" and k > 0 and cl.tokens[k - 1].text == ",":
                out += [
                    g
                    for g in cl.children.get(k, ())
                    if cl.tokens[g].dep == "prep" and g > 0 and cl.tokens[g - 1].text == ","
                ]
    return out


def _war_ended(war: int, cl: Clause) -> int | None:
    """The year the war named at ``war`` ended: the year its name gives ('the 1967
    Six-Day War'), else past_wars.tsv's for its name, else None."""
    inside = sorted(subtree(cl.children, war))
    years = [int(cl.tokens[k].text) for k in inside if _is_year(cl.tokens[k].text)]
    if years:
        return max(years)
    spelled = " ".join(
        cl.tokens[k].text.lower().replace("-", " ") for k in inside if cl.tokens[k].dep != "det"
    )
    found = _PAST_WARS.get(" ".join(spelled.split()))
    return int(found[0]) if found else None


def _text_dated(c: Candidate, cl: Clause) -> tuple[dt.date, DatePrecision | None, dt.date] | None:
    """An asserted candidate's date as the text gives it (date, precision) and the
    story's publication date; None when either is missing or the date is the story's."""
    d, pub = c.date, cl.publication
    if c.mode is not Mode.ASSERTED or pub is None or d is None or d.date is None:
        return None
    if d.source is not DateSource.TEXT:
        return None
    return d.date, d.precision, pub


_POSITION_VERBS = words("position_verbs.txt")
_PERFORMATIVE_SUBJECTS = words("first_person_pronouns.txt")
_PRESENT_SIMPLE = frozenset({"VBZ", "VBP"})


@rule("standing_position", ["verb"], reads=["date", "mode"], writes=["mode"])
def standing_position(c: Candidate, cl: Clause) -> Verdict:
    """A verb of stance or provision in the simple present states a position or a habit,
    not an event: 'the party advocates states' rights', 'Turkey maintains a position
    that...', 'the government provides social benefits' (``data/lexicon/position_verbs.txt``).
    The present stays an event in a story's lead ('China backs Iran's plan'), where the
    sentence dates it ('on Monday, Russia endorses the plan') and where a speaker does it
    by saying it ('we support this resolution')."""
    tok = cl.tokens[c.trigger]
    if c.mode is not Mode.ASSERTED or cl.first or tok.tag not in _PRESENT_SIMPLE:
        return c
    if tok.lemma.lower() not in _POSITION_VERBS or c.trigger in cl.dates:
        return c
    for k in cl.children.get(c.trigger, ()):
        if cl.tokens[k].dep in ("aux", "auxpass"):
            return c
        if cl.tokens[k].dep == "nsubj" and cl.tokens[k].text.lower() in _PERFORMATIVE_SUBJECTS:
            return c
    return dataclasses.replace(c, mode=Mode.BACKGROUND)


_HABITUAL = words("habitual_adverbs.txt")
_PERFECT_AUX = frozenset({"has", "have", "'ve", "'s"})


@rule("habitual_perfect", ["verb"], reads=["date", "mode"], writes=["mode"])
def habitual_perfect(c: Candidate, cl: Clause) -> Verdict:
    """A present perfect that sums up a record states a habit or a stance, not an event
    the story reports: with an adverb of habit ('Johnson has repeatedly stated that
    Britain must leave', 'the party has long opposed it': habitual_adverbs.txt), or of a
    verb of stance outside the story's lead ('Adamowicz, 53, has supported LGBT rights':
    position_verbs.txt). The lead's perfect is the news ('Russia has backed the plan'),
    and so is one the sentence dates ('has on Monday endorsed')."""
    tok = cl.tokens[c.trigger]
    if c.mode is not Mode.ASSERTED or tok.tag != "VBN" or c.trigger in cl.dates:
        return c
    kids = [cl.tokens[k] for k in cl.children.get(c.trigger, ())]
    if not any(k.dep == "aux" and k.text.lower() in _PERFECT_AUX for k in kids):
        return c
    habitual = any(k.dep == "advmod" and k.text.lower() in _HABITUAL for k in kids)
    stance = tok.lemma.lower() in _POSITION_VERBS and not cl.first
    return dataclasses.replace(c, mode=Mode.BACKGROUND) if habitual or stance else c


@rule("stance_description", ["verb"], reads=["sources", "mode"])
def stance_description(c: Candidate, cl: Clause) -> Verdict:
    """A verb of stance as a participle on the actor it describes says who they are, not
    what they did: 'State legislators supporting the law argued ...', 'with 231 Democrats
    supporting the resolution, and 194 Republicans opposing it' (the act is the vote or
    the argument, coded from its own verb) (``data/lexicon/position_verbs.txt``)."""
    tok = cl.tokens[c.trigger]
    if c.mode is not Mode.ASSERTED or tok.tag != "VBG" or tok.lemma.lower() not in _POSITION_VERBS:
        return c
    described = tok.dep == "acl" and any(s.head == tok.head for s in c.sources)
    absolute = tok.dep == "pcomp" and cl.tokens[tok.head].text.lower() == "with"
    if not (described or absolute):  # 'with 231 Democrats supporting the resolution'
        return c
    return Drop("a stance participle describes its actor ('legislators supporting the law')")


@rule("general_passive", ["verb"], reads=["date", "mode"], writes=["mode"])
def general_passive(c: Candidate, cl: Clause) -> Verdict:
    """An act told in the simple present passive states a rule or a habit, not an event:
    'the official leader of the party ... is appointed Prime Minister by the King', 'members
    are elected for five years'. The present stays an event in the story's lead ('Xi is
    welcomed in Moscow'), where the sentence dates it, and in the perfect or progressive
    ('has been arrested', 'is being held')."""
    tok = cl.tokens[c.trigger]
    if c.mode is not Mode.ASSERTED or cl.first or tok.tag != "VBN" or c.trigger in cl.dates:
        return c
    if c.date is not None and c.date.source is DateSource.TEXT:
        return c
    aux = [k for k in cl.children.get(c.trigger, ()) if cl.tokens[k].dep in ("aux", "auxpass")]
    if len(aux) != 1 or cl.tokens[aux[0]].dep != "auxpass":
        return c
    if cl.tokens[aux[0]].tag not in _PRESENT_SIMPLE:
        return c
    return dataclasses.replace(c, mode=Mode.BACKGROUND)
