"""Where an event happened (coding.location, issue 11): each placing rule on hand-built
parses, with the real gazetteer (GeoNames data, built once for the module)."""

from __future__ import annotations

from accord.coding.location import SentencePlaces, StoryPlaces, place_event, sentence_places
from accord.coding.places import Gazetteer
from accord.model import Actor, PlaceBasis
from tests.unit.parsing import parsed, with_entities


def _actor(code: str, name: str | None = None, text: str = "") -> Actor:
    return Actor(text, code, code[:3], code[3:] or None, name, (0, 0))


def _here(
    gaz: Gazetteer,
    spec: list[tuple[str, str, str, str, int]],
    ents: list[tuple[int, int, str]],
    story: StoryPlaces | None = None,
) -> SentencePlaces:
    tokens = with_entities(parsed(spec), ents)
    here = sentence_places(tokens, gaz, (), None, story if story is not None else StoryPlaces())
    assert here is not None
    return here


# "Rittenhouse, the suspect in a shooting in Kenosha, was released from a Wisconsin jail."
_RELEASED = [
    ("Rittenhouse", "Rittenhouse", "PROPN", "nsubjpass", 11),  # 0
    (",", ",", "PUNCT", "punct", 0),
    ("the", "the", "DET", "det", 3),
    ("suspect", "suspect", "NOUN", "appos", 0),
    ("in", "in", "ADP", "prep", 3),
    ("a", "a", "DET", "det", 6),
    ("shooting", "shooting", "NOUN", "pobj", 4),
    ("in", "in", "ADP", "prep", 6),
    ("Kenosha", "Kenosha", "PROPN", "pobj", 7),
    (",", ",", "PUNCT", "punct", 0),
    ("was", "be", "AUX", "auxpass", 11),
    ("released", "release", "VERB", "ROOT", 11),  # 11
    ("from", "from", "ADP", "prep", 11),
    ("a", "a", "DET", "det", 15),
    ("Wisconsin", "Wisconsin", "PROPN", "compound", 15),
    ("jail", "jail", "NOUN", "pobj", 12),
    (".", ".", "PUNCT", "punct", 11),
]


def test_a_city_or_region_naming_a_facility_is_where_it_stands(gaz: Gazetteer) -> None:
    here = _here(gaz, _RELEASED, [(8, 9, "GPE"), (14, 15, "GPE")])
    wisconsin = next(m for m in here.mentions if m.place.name == "Wisconsin")
    assert wisconsin.preposition == "from"


def test_a_release_happens_where_it_is_released_from_the_nearest_place_first(
    gaz: Gazetteer,
) -> None:
    # "in Kenosha" is governed too (through the subject's appositive), but further away
    here = _here(gaz, _RELEASED, [(8, 9, "GPE"), (14, 15, "GPE")])
    place, how = place_event(here, 11, "0841", 2, _actor("USACOP"), _actor("USACVL"))
    assert place is not None and how == "+place:sentence"
    assert (place.name, place.country, place.basis) == ("Wisconsin", "USA", PlaceBasis.SENTENCE)


def test_from_after_a_word_of_coming_does_not_place(gaz: Gazetteer) -> None:
    # "Macron returned from Paris." (the return ends elsewhere)
    spec = [
        ("Macron", "Macron", "PROPN", "nsubj", 1),
        ("returned", "return", "VERB", "ROOT", 1),
        ("from", "from", "ADP", "prep", 1),
        ("Paris", "Paris", "PROPN", "pobj", 2),
        (".", ".", "PUNCT", "punct", 1),
    ]
    here = _here(gaz, spec, [(0, 1, "PERSON"), (3, 4, "GPE")])
    assert [m.preposition for m in here.mentions] == ["from"]
    place, _ = place_event(here, 1, "042", 1, _actor("FRAGOV", "Emmanuel Macron"), None)
    assert place is None


def test_a_country_before_a_facility_names_its_owner_not_its_place(gaz: Gazetteer) -> None:
    # "Troops were attacked at a US base."
    spec = [
        ("Troops", "troop", "NOUN", "nsubjpass", 2),
        ("were", "be", "AUX", "auxpass", 2),
        ("attacked", "attack", "VERB", "ROOT", 2),
        ("at", "at", "ADP", "prep", 2),
        ("a", "a", "DET", "det", 6),
        ("US", "US", "PROPN", "compound", 6),
        ("base", "base", "NOUN", "pobj", 3),
    ]
    here = _here(gaz, spec, [(5, 6, "GPE")])
    assert [(m.place.country, m.preposition) for m in here.mentions] == [("USA", None)]


def test_an_unnamed_group_keeps_its_scene_until_the_story_moves_on(gaz: Gazetteer) -> None:
    story = StoryPlaces()
    # "Protests filled the streets in San Juan."
    spec = [
        ("Protests", "protest", "NOUN", "nsubj", 1),
        ("filled", "fill", "VERB", "ROOT", 1),
        ("streets", "street", "NOUN", "dobj", 1),
        ("in", "in", "ADP", "prep", 1),
        ("San", "San", "PROPN", "compound", 5),
        ("Juan", "Juan", "PROPN", "pobj", 3),
    ]
    here = _here(gaz, spec, [(4, 6, "GPE")], story)
    crowd = _actor("USAOPP")
    placed, _ = place_event(here, 1, "141", 3, crowd, None)
    assert placed is not None and placed.name == "San Juan"
    story.remember_events([(crowd, placed)])
    # "Protesters called for his resignation." (a call: placed only by the scene)
    call = [
        ("Protesters", "protester", "NOUN", "nsubj", 1),
        ("called", "call", "VERB", "ROOT", 1),
        ("for", "for", "ADP", "prep", 1),
        ("resignation", "resignation", "NOUN", "pobj", 2),
    ]
    here = _here(gaz, call, [], story)
    protesters = _actor("USAOPP", text="Protesters")
    place, how = place_event(here, 1, "0241", 1, protesters, _actor("USAGOV"))
    assert place is not None and place.name == "San Juan" and how == "+place:scene"
    assert place.basis is PlaceBasis.CONTEXT
    # "Officials in Washington said ..." moves the story: the crowd's scene is stale
    moved = [
        ("Officials", "official", "NOUN", "nsubj", 3),
        ("in", "in", "ADP", "prep", 0),
        ("Washington", "Washington", "PROPN", "pobj", 1),
        ("said", "say", "VERB", "ROOT", 3),
    ]
    _here(gaz, moved, [(2, 3, "GPE")], story)
    here = _here(gaz, call, [], story)
    place, _ = place_event(here, 1, "0241", 1, protesters, _actor("USAGOV"))
    assert place is None
    # a named actor keeps the scene
    named = _actor("USAGOV", "Ricardo Rossello")
    story.remember_events([(named, placed)])
    place, _ = place_event(here, 1, "010", 1, named, None)
    assert place is not None and place.name == "San Juan"


_MET = [
    ("Later", "later", "ADV", "advmod", 2),
    ("Mitsotakis", "Mitsotakis", "PROPN", "nsubj", 2),
    ("met", "meet", "VERB", "ROOT", 2),
    ("with", "with", "ADP", "prep", 2),
    ("Trump", "Trump", "PROPN", "pobj", 3),
    (".", ".", "PUNCT", "punct", 2),
]


def _washington_story(gaz: Gazetteer) -> StoryPlaces:
    """A story that said "He spoke at the Atlantic Council's Washington headquarters."."""
    story = StoryPlaces()
    spec = [
        ("He", "he", "PRON", "nsubj", 1),
        ("spoke", "speak", "VERB", "ROOT", 1),
        ("at", "at", "ADP", "prep", 1),
        ("the", "the", "DET", "det", 5),
        ("Council", "Council", "PROPN", "poss", 7),
        ("'s", "'s", "PART", "case", 4),
        ("Washington", "Washington", "PROPN", "compound", 7),
        ("headquarters", "headquarters", "NOUN", "pobj", 2),
    ]
    _here(gaz, spec, [(6, 7, "GPE")], story)
    assert story.latest["USA"].name == "Washington"
    return story


def test_a_meeting_is_where_the_story_last_placed_either_side(gaz: Gazetteer) -> None:
    story = _washington_story(gaz)
    here = _here(gaz, _MET, [(1, 2, "PERSON"), (4, 5, "PERSON")], story)
    greek, us = _actor("GRCGOV", "Kyriakos Mitsotakis"), _actor("USAGOV", "Donald Trump")
    place, how = place_event(here, 2, "040", 1, greek, us)
    assert place is not None and how == "+place:meeting"
    assert (place.name, place.country, place.basis) == ("Washington", "USA", PlaceBasis.CONTEXT)


def test_a_call_a_remote_meeting_or_a_domestic_one_is_not_placed_by_the_story(
    gaz: Gazetteer,
) -> None:
    story = _washington_story(gaz)
    greek, us = _actor("GRCGOV", "Kyriakos Mitsotakis"), _actor("USAGOV", "Donald Trump")
    # "Later Mitsotakis met with Trump by video."
    video = [*_MET[:5], ("by", "by", "ADP", "prep", 2), ("video", "video", "NOUN", "pobj", 5)]
    here = _here(gaz, video, [(1, 2, "PERSON"), (4, 5, "PERSON")], story)
    assert place_event(here, 2, "040", 1, greek, us) == (None, "")
    # "Mitsotakis spoke with Trump." (not a word of meeting)
    spoke = [(w, "speak" if w == "met" else lemma, *rest) for w, lemma, *rest in _MET]
    here = _here(gaz, spoke, [(1, 2, "PERSON"), (4, 5, "PERSON")], story)  # type: ignore[arg-type]
    assert place_event(here, 2, "040", 1, greek, us) == (None, "")
    # two sides of one country
    here = _here(gaz, _MET, [(1, 2, "PERSON"), (4, 5, "PERSON")], story)
    assert place_event(here, 2, "040", 1, _actor("USALEG", "Nancy Pelosi"), us) == (None, "")


# "Iran fired missiles at US troops in Iraqi military bases ."
_IRAQI_BASES = [
    ("Iran", "Iran", "PROPN", "nsubj", 1),  # 0
    ("fired", "fire", "VERB", "ROOT", 1),  # 1
    ("missiles", "missile", "NOUN", "dobj", 1),
    ("at", "at", "ADP", "prep", 1),
    ("US", "US", "PROPN", "compound", 5),
    ("troops", "troop", "NOUN", "pobj", 3),
    ("in", "in", "ADP", "prep", 1),  # 6
    ("Iraqi", "Iraqi", "ADJ", "amod", 9),  # 7
    ("military", "military", "ADJ", "amod", 9),
    ("bases", "basis", "NOUN", "pobj", 6),  # the lemmatiser's 'basis'
    (".", ".", "PUNCT", "punct", 1),
]


def test_a_nationality_on_ground_after_a_locative_preposition_places_the_event(
    gaz: Gazetteer,
) -> None:
    tokens = with_entities(parsed(_IRAQI_BASES), [])
    here = sentence_places(tokens, gaz, (), None, StoryPlaces(), [(7, "IRQ")])
    assert here is not None
    place, how = place_event(here, 1, "190", 4, _actor("IRN"), _actor("USAMIL"))
    assert place is not None and place.country == "IRQ" and how == "+place:sentence"
    # without the nationality nothing in the sentence places it
    bare = sentence_places(tokens, gaz, (), None, StoryPlaces())
    assert bare is not None
    assert place_event(bare, 1, "190", 4, _actor("IRN"), _actor("USAMIL"))[0] is None


def _abqaiq_story(gaz: Gazetteer) -> StoryPlaces:
    """A story that said "Drones struck a plant in Abqaiq."."""
    story = StoryPlaces()
    spec = [
        ("Drones", "drone", "NOUN", "nsubj", 1),
        ("struck", "strike", "VERB", "ROOT", 1),
        ("a", "a", "DET", "det", 3),
        ("plant", "plant", "NOUN", "dobj", 1),
        ("in", "in", "ADP", "prep", 1),
        ("Abqaiq", "Abqaiq", "PROPN", "pobj", 4),
    ]
    _here(gaz, spec, [(5, 6, "GPE")], story)
    assert story.latest["SAU"].name == "Abqaiq"
    return story


# "The Houthis said they carried out the attack ."
_CLAIMED = [
    ("The", "the", "DET", "det", 1),
    ("Houthis", "Houthis", "PROPN", "nsubj", 2),
    ("said", "say", "VERB", "ROOT", 2),
    ("they", "they", "PRON", "nsubj", 4),
    ("carried", "carry", "VERB", "ccomp", 2),  # 4
    ("out", "out", "ADP", "prt", 4),
    ("the", "the", "DET", "det", 7),
    ("attack", "attack", "NOUN", "dobj", 4),
    (".", ".", "PUNCT", "punct", 2),
]


def test_force_on_another_country_is_where_the_story_placed_its_target(gaz: Gazetteer) -> None:
    here = _here(gaz, _CLAIMED, [], _abqaiq_story(gaz))
    houthis = _actor("YEMREB", "Houthis")
    place, how = place_event(here, 4, "190", 4, houthis, _actor("SAUBUS", "Saudi Aramco"))
    assert place is not None and how == "+place:struck"
    assert (place.name, place.country, place.basis) == ("Abqaiq", "SAU", PlaceBasis.CONTEXT)
    # armed forces are struck where they are deployed, not on their country's ground
    assert place_event(here, 4, "190", 4, houthis, _actor("SAUMIL")) == (None, "")
    # nor does the story's place of another country place it
    assert place_event(here, 4, "190", 4, houthis, _actor("ARE")) == (None, "")


def test_a_meeting_is_not_placed_where_the_story_named_both_sides_places_at_once(
    gaz: Gazetteer,
) -> None:
    # "Markets fell in Washington and in Beijing." then "Later Xi met with Biden.": which
    # side hosted is not said (the answer must not hang on the order of a set)
    story = StoryPlaces()
    spec = [
        ("Markets", "market", "NOUN", "nsubj", 1),
        ("fell", "fall", "VERB", "ROOT", 1),
        ("in", "in", "ADP", "prep", 1),
        ("Washington", "Washington", "PROPN", "pobj", 2),
        ("and", "and", "CCONJ", "cc", 2),
        ("in", "in", "ADP", "conj", 2),
        ("Beijing", "Beijing", "PROPN", "pobj", 5),
    ]
    _here(gaz, spec, [(3, 4, "GPE"), (6, 7, "GPE")], story)
    assert {"USA", "CHN"} <= set(story.latest)
    here = _here(gaz, _MET, [(1, 2, "PERSON"), (4, 5, "PERSON")], story)
    chinese, us = _actor("CHNGOV", "Xi Jinping"), _actor("USAGOV", "Joe Biden")
    assert place_event(here, 2, "040", 1, chinese, us) == (None, "")
    assert place_event(here, 2, "040", 1, us, chinese) == (None, "")


# "The House issued a subpoena ."
_SUBPOENA = [
    ("The", "the", "DET", "det", 1),
    ("House", "House", "PROPN", "nsubj", 2),
    ("issued", "issue", "VERB", "ROOT", 2),
    ("a", "a", "DET", "det", 4),
    ("subpoena", "subpoena", "NOUN", "dobj", 2),
    (".", ".", "PUNCT", "punct", 2),
]


def test_a_legislatures_formal_act_at_home_is_placed_in_its_country(gaz: Gazetteer) -> None:
    here = _here(gaz, _SUBPOENA, [(1, 2, "ORG")])
    house, pompeo = _actor("USALEG"), _actor("USAGOV", "Mike Pompeo")
    place, how = place_event(here, 2, "100", 3, house, pompeo, body=True)
    assert place is not None and place.country == "USA" and place.basis is PlaceBasis.CONTEXT
    assert how == "+place:country"
    # a member's own words, a statement, an act on another country's actor: not placed
    senator = _actor("USALEG", "Ted Cruz")
    assert place_event(here, 2, "100", 3, senator, pompeo) == (None, "")
    assert place_event(here, 2, "010", 1, house, pompeo, body=True) == (None, "")
    assert place_event(here, 2, "111", 3, house, _actor("CHNGOV"), body=True) == (None, "")


def test_an_act_placed_at_its_country_takes_the_one_place_the_story_names_there() -> None:
    # "Basilashvili was arrested on Friday." (no place yet: Georgia's centre) ... "a
    # hearing in Tbilisi": the one place the story names in Georgia places the arrest
    from dataclasses import replace

    from accord.model import Evidence, Place, PlaceType
    from tests.unit.events import event

    georgia = Place("Georgia", "GEO", 42.0, 43.5, type=PlaceType.COUNTRY, basis=PlaceBasis.CONTEXT)
    tbilisi = Place("Tbilisi", "GEO", 41.69, 44.83, type=PlaceType.CITY)
    batumi = Place("Batumi", "GEO", 41.64, 41.64, type=PlaceType.CITY)
    arrest = replace(
        event("GEOCOP", "GEOCVL", "173"),
        location=georgia,
        evidence=Evidence("arrested", (0, 8), "verb:APPREHEND:arrest+place:country"),
    )
    story = StoryPlaces(finer={"GEO": [tbilisi]})
    (placed,) = story.place_ahead([arrest])
    assert placed.location is not None and placed.location.name == "Tbilisi"
    assert placed.location.basis is PlaceBasis.CONTEXT
    assert placed.evidence.rule.endswith("+place:story")
    # two places named there say too little; an event placed otherwise is left alone
    assert StoryPlaces(finer={"GEO": [tbilisi, batumi]}).place_ahead([arrest]) == [arrest]
    other = replace(arrest, evidence=Evidence("arrested", (0, 8), "verb:arrest+place:scene"))
    assert story.place_ahead([other]) == [other]
