"""Which country a bare role word takes (accord.coding.placement)."""

from __future__ import annotations

from accord.coding.placement import PRIVATE, Placement


def test_the_police_take_the_story_place_before_the_sentence_or_document_country() -> None:
    p = Placement(story="GBR", sentence="USA", document="USA")
    assert p.country_for("COP") == ("GBR", "story")


def test_a_private_person_takes_the_sentence_country_then_the_story_place() -> None:
    # 'Police arrested a 36-year-old Cheltenham man': a story set in Oxfordshire whose
    # stolen artwork is named 'America' (the document's country)
    assert Placement(story="GBR", document="USA").country_for(PRIVATE) == ("GBR", "story")
    both = Placement(story="GBR", sentence="KOR", document="USA")
    assert both.country_for(PRIVATE) == ("KOR", "sentence")
    # a person the text names is not placed by the story: a name travels further
    named = Placement(story="GBR", document="USA").country_for(PRIVATE, named=True)
    assert named == ("USA", "document")


def test_a_place_the_sentence_names_comes_first_for_local_roles() -> None:
    p = Placement(place="FRA", story="GBR", document="USA")
    assert p.country_for(PRIVATE) == ("FRA", "place")
    assert p.country_for("COP") == ("FRA", "place")


def test_no_country_anywhere_places_nothing() -> None:
    assert Placement().country_for(PRIVATE) is None
    assert Placement(story="GBR").country_for("GOV") is None


def test_a_named_private_person_takes_the_document_country_before_the_sentence() -> None:
    # 'Prosecutors in Sweden dropped an investigation into Julian Assange', 'Dr Williams
    # criticised the government over its case for war (in Iraq)': the place or country the
    # sentence names is what is done to them, not where they are from
    p = Placement(place="SWE", sentence="SWE", document="GBR")
    assert p.country_for(PRIVATE, named=True) == ("GBR", "document")
    assert p.country_for(PRIVATE) == ("SWE", "place")  # 'a man' is where the sentence is
    assert Placement(home="USA", sentence="IRQ").country_for(PRIVATE, named=True) == (
        "USA",
        "dateline",
    )
    # with neither, the sentence's country is all there is
    assert Placement(sentence="IRQ").country_for(PRIVATE, named=True) == ("IRQ", "sentence")
