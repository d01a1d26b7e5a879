"""Where an event happened (issue 11, items 2 and 3): the place the trigger governs first,
then the dateline when the event's actors act there, then the story's context; landmarks
at their city; a country-level event at the country's centre with type 'country'."""

from __future__ import annotations

from typing import Any

import pytest

from accord.model import Event, Place, PlaceBasis, PlaceType

DATE = "2024-03-05"


def _placed(coder: Any, text: str, code_root: str) -> list[Place | None]:
    events: list[Event] = coder.code_text(text, date=DATE)
    found = [e.location for e in events if e.cameo.startswith(code_root)]
    assert found, [(e.cameo, e.sentence) for e in events]
    return found


@pytest.mark.parametrize(
    ("text", "root", "name", "country", "kind"),
    [
        ("Macron met Scholz in Paris on Monday.", "04", "Paris", "FRA", PlaceType.CITY),
        (
            "Modi held talks with Biden at the White House on Tuesday.",
            "04",
            "Washington",
            "USA",
            PlaceType.SITE,
        ),
        (
            "The United States launched air strikes on Caracas on Saturday.",
            "19",
            "Caracas",
            "VEN",
            PlaceType.CITY,
        ),
        (
            "Police arrested 40 protesters in the town of Kenosha on Sunday.",
            "17",
            "Kenosha",
            "USA",
            PlaceType.CITY,
        ),
        (
            "Indian officials in Kerala arrested a man on Friday.",
            "17",
            "Kerala",
            "IND",
            PlaceType.ADMIN1,
        ),
        (  # an English county in a British story, not Norfolk, Virginia
            "British police arrested a man in Norfolk on Sunday.",
            "17",
            "Norfolk",
            "GBR",
            PlaceType.ADMIN2,
        ),
        (  # the tagger takes 'Samarra' for a nationality; no nationality stands 'near'
            "A roadside bomb killed three American soldiers near Samarra on Sunday.",
            "18",
            "Sāmarrā’",
            "IRQ",
            PlaceType.CITY,
        ),
        (
            "Police arrested two men in Riverside County on Monday.",
            "17",
            "Riverside County",
            "USA",
            PlaceType.ADMIN2,
        ),
    ],
)
def test_the_place_the_trigger_governs(
    coder: Any, text: str, root: str, name: str, country: str, kind: PlaceType
) -> None:
    for place in _placed(coder, text, root):
        assert place is not None, text
        assert (place.name, place.country, place.type) == (name, country, kind)
        assert place.basis is PlaceBasis.SENTENCE


def test_a_place_inside_another_phrase_does_not_place_the_event(coder: Any) -> None:
    # the meeting in Shenzhen is what the support is for, not where it was voiced
    text = "Putin voiced support for China's hosting of the APEC meeting in Shenzhen."
    for place in _placed(coder, text, "05"):
        assert place is None or place.name != "Shenzhen"


def test_the_dateline_places_only_the_side_at_home(coder: Any) -> None:
    text = (
        "MOSCOW (Reuters) - Russian President Vladimir Putin held talks with Chinese "
        "President Xi Jinping by video link on Wednesday."
    )
    events: list[Event] = coder.code_text(text, date=DATE)
    talks = [e for e in events if e.cameo.startswith("04")]
    assert talks
    for e in talks:
        if e.source.country == "RUS":
            assert e.location is not None and e.location.name == "Moscow"
            assert e.location.basis is PlaceBasis.DATELINE
        else:
            assert e.location is None


def test_a_statement_without_a_stated_place_is_not_placed(coder: Any) -> None:
    text = "The French foreign minister criticized Iran on Monday over its nuclear programme."
    for place in _placed(coder, text, "11"):
        assert place is None


def test_a_domestic_act_without_a_place_is_at_the_country_centre(coder: Any) -> None:
    text = "Belarusian police arrested dozens of opposition activists on Sunday."
    (place, *_) = _placed(coder, text, "17")
    assert place is not None and place.country == "BLR"
    assert place.type is PlaceType.COUNTRY and place.basis is PlaceBasis.CONTEXT
    assert place.fips == "BO" and place.geonames_id is not None
    assert place.lat is not None and place.lon is not None
    # the country's centre point, not its capital's (Minsk is at 53.9 N, 27.6 E)
    assert (round(place.lat), round(place.lon)) != (54, 28)


def test_the_meetings_one_verb_tells_share_their_place(coder: Any) -> None:
    # the meeting with Trump is placed by the story (Washington); the IMF, an IGO with no
    # country of its own, was met by the same verb at the same place
    text = (
        "Greek Prime Minister Kyriakos Mitsotakis spoke at the Atlantic Council's "
        "Washington headquarters on Tuesday. Later on Tuesday Mitsotakis met with the "
        "International Monetary Fund, then with President Donald Trump."
    )
    events: list[Event] = coder.code_text(text, date=DATE)
    met = [e for e in events if e.cameo.startswith("04") and e.source.country == "GRC"]
    targets = {e.target.code[:3] if e.target else None for e in met}
    assert {"IGO", "USA"} <= targets, [(e.cameo, e.target) for e in met]
    for e in met:
        assert e.location is not None and e.location.name == "Washington", e.target
