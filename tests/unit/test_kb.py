from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from accord.coding.kb import ActorEntry, ActorKB, KBMatch, RoleSpan, normalize_phrase, tokenize
from accord.errors import AccordError, UsageError

D = dt.date


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def code(kb: ActorKB, words: list[str], date: dt.date | None = None, start: int = 0) -> str | None:
    m = kb.match(words, start, date)
    return m.entry.code if m is not None else None


# -- loading and versioning ---------------------------------------------------------------


def test_load_has_a_version_and_is_immutable(kb: ActorKB) -> None:
    assert kb.version.startswith("20")
    assert len(kb) > 10_000
    with pytest.raises(AttributeError):
        kb.version = "x"  # type: ignore[misc]
    entry = kb.lookup("Russia", None)
    assert isinstance(entry, ActorEntry)
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.code = "X"  # type: ignore[misc]


# -- dated roles ----------------------------------------------------------------------------


def test_trump_is_government_only_while_in_office(kb: ActorKB) -> None:
    assert code(kb, ["Trump"], D(2019, 6, 1)) == "USAGOV"
    assert code(kb, ["Trump"], D(2022, 6, 1)) == "USAELI"
    assert code(kb, ["Trump"], D(2026, 2, 4)) == "USAGOV"
    assert code(kb, ["Donald", "Trump"], D(2010, 1, 1)) == "USAELI"
    spans = kb.history("Donald Trump")
    assert RoleSpan("USAGOV", D(2017, 1, 20), D(2021, 1, 20)) in spans


def test_biden_and_the_handover_dates(kb: ActorKB) -> None:
    assert code(kb, ["Biden"], D(2022, 6, 1)) == "USAGOV"
    assert code(kb, ["Joe", "Biden"], D(2025, 1, 19)) == "USAGOV"
    assert code(kb, ["Joe", "Biden"], D(2025, 1, 20)) == "USAELI"  # end is exclusive
    assert code(kb, ["Trump"], D(2025, 1, 20)) == "USAGOV"


def test_hong_kong_office_holders_are_hong_kongs(kb: ActorKB) -> None:
    # Phoenix codes them as China's; the HKSAR government's and the Legislative Council's
    # lists of office holders and members give their Hong Kong offices
    assert code(kb, ["Regina", "Ip"], D(2019, 10, 16)) == "HKGLEG"
    assert code(kb, ["Regina", "Ip"], D(2001, 1, 1)) == "HKGGOV"
    assert code(kb, ["Rita", "Fan"], D(2004, 1, 1)) == "HKGLEG"
    assert code(kb, ["John", "Tsang"], D(2015, 1, 1)) == "HKGGOV"


def test_long_serving_leaders(kb: ActorKB) -> None:
    assert code(kb, ["Xi", "Jinping"], D(2026, 2, 4)) == "CHNGOV"
    assert code(kb, ["Putin"], D(2026, 2, 4)) == "RUSGOV"
    assert code(kb, ["Vladimir", "Putin"], D(2001, 1, 1)) == "RUSGOV"
    assert code(kb, ["Wang", "Yi"], D(2026, 2, 4)) == "CHNGOV"
    assert code(kb, ["Sergei", "Lavrov"], D(2026, 2, 4)) == "RUSGOV"
    assert code(kb, ["Keir", "Starmer"], D(2024, 7, 5)) == "GBRGOV"
    assert code(kb, ["Keir", "Starmer"], D(2023, 1, 1)) == "GBROPP"


def test_people_of_international_organisations(kb: ActorKB) -> None:
    m = kb.match(["Antonio", "Guterres"], 0, D(2024, 1, 1))
    assert m is not None and m.entry.code == "IGOUNO" and m.entry.country is None
    assert code(kb, ["Guterres"], D(2000, 1, 1)) == "PRTGOV"
    assert code(kb, ["Jens", "Stoltenberg"], D(2020, 1, 1)) == "IGOWSTNAT"


def test_date_none_means_today(kb: ActorKB) -> None:
    assert kb.lookup("Vladimir Putin", None) == kb.lookup("Vladimir Putin", dt.date.today())


def test_shared_surname_resolves_to_the_office_holder(kb: ActorKB) -> None:
    # "Bush" names two presidents: the one in office on the date wins
    m_2003 = kb.match(["Bush"], 0, D(2003, 3, 20))
    m_1991 = kb.match(["Bush"], 0, D(1991, 1, 17))
    assert m_2003 is not None and m_2003.entry.name == "George W. Bush"
    assert m_1991 is not None and m_1991.entry.name == "George H. W. Bush"


def test_phoenix_people_cover_older_dates(kb: ActorKB) -> None:
    # from the Phoenix dictionaries (2-digit years, YYMMDD)
    assert code(kb, ["Leonid", "Kuchma"], D(2000, 1, 1)) == "UKRGOV"


# -- matching -------------------------------------------------------------------------------


def test_longest_match_takes_title_and_person(kb: ActorKB) -> None:
    words = ["Russian", "President", "Vladimir", "Putin", "said"]
    m = kb.match(words, 0, D(2026, 2, 4))
    assert m == KBMatch(4, m.entry) if m else False
    assert m is not None and m.entry.kind == "person" and m.entry.code == "RUSGOV"
    m2 = kb.match(words, 2, D(2026, 2, 4))
    assert m2 is not None and m2.length == 2 and m2.entry.name == "Vladimir Putin"
    m3 = kb.match(["French", "President", "Emmanuel", "Macron"], 0, D(2020, 1, 1))
    assert m3 is not None and m3.length == 4 and m3.entry.code == "FRAGOV"


def test_an_organisations_office_before_a_person_is_the_organisation(kb: ActorKB) -> None:
    # the text is the better witness of the office (igo_offices.txt), on any date
    for words in (
        ["U.N.", "Secretary-General", "Kofi", "Annan", "said"],
        ["NATO", "Secretary", "General", "Jens", "Stoltenberg", "said"],
    ):
        m = kb.match(words, 0, D(2026, 2, 4))
        assert m is not None and m.length == len(words) - 1
        assert m.entry.kind == "igo" and m.entry.code.startswith("IGO"), words
    # a country's envoy to the body stays the country's
    haley = kb.match(["UN", "Ambassador", "Nikki", "Haley", "said"], 0, D(2018, 1, 1))
    assert haley is not None and haley.entry.country == "USA"
    # a national title before a person is unchanged
    assert code(kb, ["Russian", "President", "Vladimir", "Putin"], D(2026, 2, 4)) == "RUSGOV"


def test_capitals_and_seats_of_power(kb: ActorKB) -> None:
    assert code(kb, ["the", "Kremlin"]) == "RUSGOV"
    assert code(kb, ["Kremlin"]) == "RUSGOV"
    assert code(kb, ["Beijing"]) == "CHNGOV"
    assert code(kb, ["the", "White", "House"]) == "USAGOV"
    assert code(kb, ["the", "Pentagon"]) == "USAMIL"
    assert code(kb, ["Downing", "Street"]) == "GBRGOV"
    assert code(kb, ["Kyiv"]) == "UKRGOV"
    assert code(kb, ["Kiev"]) == "UKRGOV"
    m = kb.match(["the", "Kremlin"], 0, None)
    assert m is not None and m.length == 2 and m.entry.kind == "capital"


def test_country_names_and_normalisation(kb: ActorKB) -> None:
    assert code(kb, ["U.S."]) == "USA"
    assert code(kb, ["US"]) == "USA"
    assert code(kb, ["U.S"]) == "USA"
    assert code(kb, ["United", "States"]) == "USA"
    m = kb.match(["China", "'s"], 0, None)
    assert m is not None and m.entry.code == "CHN" and m.length == 1
    m = kb.match(["China’s"], 0, None)
    assert m is not None and m.entry.code == "CHN" and m.length == 1
    assert code(kb, ["the", "U.S.", "-", "Russia", "treaty"]) == "USA"
    assert code(kb, ["the", "U.S.", "-", "Russia", "treaty"], start=3) == "RUS"
    assert code(kb, ["Côte", "d'Ivoire"]) == "CIV"
    assert code(kb, ["Kosovo"]) == "XKX"
    assert code(kb, ["Taiwan"]) == "TWN"


def test_acronyms_need_capitals(kb: ActorKB) -> None:
    assert kb.match(["us"], 0, None) is None
    assert kb.match(["Us"], 0, None) is None
    assert code(kb, ["WHO"]) == "IGOUNOHLHWHO"
    assert kb.match(["who"], 0, None) is None
    assert kb.match(["Who"], 0, None) is None
    assert code(kb, ["IS"]) is not None
    assert kb.match(["is"], 0, None) is None
    # proper names need a capital letter
    assert kb.match(["china"], 0, None) is None
    assert kb.match(["turkey"], 0, None) is None


def test_demonyms(kb: ActorKB) -> None:
    for word, iso in [
        ("Chinese", "CHN"),
        ("Russian", "RUS"),
        ("American", "USA"),
        ("British", "GBR"),
        ("Kazakhs", "KAZ"),
        ("Americans", "USA"),
        ("Ukrainians", "UKR"),
        ("Israeli", "ISR"),
        ("Saudi", "SAU"),
    ]:
        assert code(kb, [word]) == iso, word
    assert code(kb, ["South", "Korean"]) == "KOR"
    assert code(kb, ["North", "Korean"]) == "PRK"


@pytest.mark.parametrize(
    ("words", "prefix"),
    [
        (["UN"], "IGOUNO"),
        (["United", "Nations"], "IGOUNO"),
        (["UN", "Security", "Council"], "IGOUNO"),
        (["NATO"], "IGOWSTNAT"),
        (["SCO"], "IGO"),
        (["BRICS"], "IGO"),
        (["APEC"], "IGO"),
        (["European", "Union"], "IGOEUR"),
        (["EU"], "IGOEUR"),
        (["African", "Union"], "IGOAFRAU"),
        (["IAEA"], "IGOUNOIAE"),
        (["UNHCR"], "IGOUNO"),
        (["IMF"], "IGO"),
        (["International", "Criminal", "Court"], "IGO"),
        (["Red", "Cross"], "NGO"),
        (["Amnesty", "International"], "NGO"),
        (["Human", "Rights", "Watch"], "NGO"),
    ],
)
def test_international_organisations(kb: ActorKB, words: list[str], prefix: str) -> None:
    m = kb.match(words, 0, None)
    assert m is not None and m.entry.code.startswith(prefix), (words, m)
    assert m.length == len(words)
    assert m.entry.country is None


def test_igo_roles(kb: ActorKB) -> None:
    parliament = kb.lookup("European Parliament", None)
    assert parliament is not None and parliament.role == "LEG"
    icj = kb.lookup("International Court of Justice", None)
    assert icj is not None and icj.role == "JUD"


def test_armed_groups(kb: ActorKB) -> None:
    assert code(kb, ["Hamas"]) == "PSEREB"
    assert code(kb, ["Hezbollah"]) == "LBNREB"
    assert code(kb, ["Boko", "Haram"]) == "NGAREB"
    assert code(kb, ["al", "-", "Shabaab"]) == "SOMREB"
    assert code(kb, ["Houthis"]) == "YEMREB"
    assert code(kb, ["Wagner", "Group"]) == "RUSUAF"
    assert code(kb, ["Islamic", "State"]) is not None
    # the Taliban: insurgents in 2010, the government since August 2021
    assert code(kb, ["Taliban"], D(2010, 1, 1)) == "AFGREB"
    assert code(kb, ["the", "Taliban"], D(2023, 1, 1)) == "AFGGOV"


def test_agents(kb: ActorKB) -> None:
    assert kb.agent_role("police") == "COP"
    assert kb.agent_role("policemen") == "COP"
    assert kb.agent_role("soldiers") == "MIL"
    assert kb.agent_role("soldier") == "MIL"
    assert kb.agent_role("troops") == "MIL"
    assert kb.agent_role("rebels") == "REB"
    assert kb.agent_role("protesters") == "OPP"
    assert kb.agent_role("judge") == "JUD"
    assert kb.agent_role("lawmakers") == "LEG"
    assert kb.agent_role("students") == "EDU"
    assert kb.agent_role("journalists") == "MED"
    assert kb.agent_role("businessmen") == "BUS"
    assert kb.agent_role("doctors") == "HLH"
    assert kb.agent_role("refugees") == "REF"
    assert kb.agent_role("civilians") == "CVL"
    assert kb.agent_role("spokesman") == "GOV"
    assert kb.agent_role("foreign ministers") == "GOV"
    assert kb.agent_role("the authorities") == "GOV"
    assert kb.agent_role("xylophone") is None
    m = kb.match(["police"], 0, None)
    assert m is not None and m.entry.kind == "agent" and m.entry.code == "---COP"


def test_agent_title_case(kb: ActorKB) -> None:
    # "General" the rank, not "in general"
    assert kb.match(["general"], 0, None) is None
    m = kb.match(["General", "Mark", "Milley"], 0, D(2020, 1, 1))
    assert m is not None and m.entry.code == "USAMIL" and m.length == 3


# -- names the knowledge base knows (one name covering the whole phrase) --------------------


def named(kb: ActorKB, text: str, date: dt.date | None = None) -> str | None:
    """The code of the one knowledge-base name that spans all of ``text``, else None."""
    words = tokenize(text)
    found = kb.matches(words, date)
    if len(found) == 1 and found[0][0] == 0 and found[0][1].length == len(words):
        return found[0][1].entry.code
    return None


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("the Elysee", None, "FRAGOV"),
        ("Cairo", None, "EGYGOV"),
        ("Syrians", None, "SYR"),
        ("the Taliban", D(2015, 1, 1), "AFGREB"),
        ("Russian President Vladimir Putin", D(2026, 2, 4), "RUSGOV"),
        ("Indian Prime Minister Narendra Modi", D(2023, 1, 1), "INDGOV"),
        ("Boris Johnson", D(2026, 2, 4), "GBRELI"),
        ("Somaliland", None, "SOMPRE"),
    ],
)
def test_names(kb: ActorKB, text: str, date: dt.date | None, expected: str) -> None:
    assert named(kb, text, date) == expected, text


def test_unknown_names(kb: ActorKB) -> None:
    assert named(kb, "kittens") is None
    assert named(kb, "Jonas Fairweather") is None
    assert kb.agent_role("breakaway regions") == "PRE"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CGTN", "CHNMED"),
        ("Xinhua", "CHNMED"),
        ("the Global Times", "CHNMED"),
        ("People's Daily", "CHNMED"),
        ("RT", "RUSMED"),
        ("TASS", "RUSMED"),
        ("Sputnik", "RUSMED"),
        ("RIA Novosti", "RUSMED"),
        ("IRNA", "IRNMED"),
        ("KCNA", "PRKMED"),
        ("Anadolu Agency", "TURMED"),
        ("Al Jazeera", "QATMED"),
        ("BBC", "GBRMED"),
        ("Tsinghua University", "CHNEDU"),
        ("Peking University", "CHNEDU"),
        ("Renmin University of China", "CHNEDU"),
        ("Fudan", "CHNEDU"),
        ("Harvard", "USAEDU"),
        ("Oxford University", "GBREDU"),
        ("MGIMO", "RUSEDU"),
        ("Makerere University", "UGAEDU"),
        ("the Brookings Institution", "USAEDU"),
        ("the Bank of England", "GBRGOV"),
        ("the Reserve Bank of India", "INDGOV"),
    ],
)
def test_state_media_universities_and_central_banks(kb: ActorKB, text: str, expected: str) -> None:
    assert named(kb, text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Liberal Democratic Party", "JPNPTY"), ("Fidesz", "HUNPTY"), ("PVV", "NLDPTY")],
)
def test_parties(kb: ActorKB, text: str, expected: str) -> None:
    assert named(kb, text, D(2026, 2, 4)) == expected, text


def test_each_party_is_its_own_actor(kb: ActorKB) -> None:
    # one entry a party, its names together: 'the Tories accuse Labour' is one party of a
    # country acting on another, and an actor's name is its party's, not 'British parties'
    def party(text: str) -> str | None:
        found = kb.matches(tokenize(text), D(2005, 3, 1))
        return found[0][1].entry.name if found else None

    assert party("Tories") == party("Conservatives") == party("Conservative Party")
    assert party("Lib Dems") == party("Liberal Democrats")
    assert len({party("Labour"), party("Tories"), party("Lib Dems"), party("SNP")}) == 4
    assert party("BJP") != party("Congress Party")
    assert party("CDU") != party("SPD")
    assert party("Labour") == "Labour Party"


def test_more_role_words(kb: ActorKB) -> None:
    assert kb.agent_role("looters") == "CRM"
    assert kb.agent_role("vandals") == "CRM"
    assert kb.agent_role("jihadis") == "REB"
    assert kb.agent_role("presidential hopefuls") == "PTY"


def test_lookup_is_exact(kb: ActorKB) -> None:
    entry = kb.lookup("the Kremlin", None)
    assert entry is not None and entry.code == "RUSGOV"
    assert kb.lookup("Kremlin officials", None) is None
    assert kb.lookup("U.S.", None) is not None
    assert kb.lookup("us", None) is None


def test_tokenize_and_normalize() -> None:
    assert tokenize("Russia's U.S.-backed forces") == ["Russia's", "U.S.", "-", "backed", "forces"]
    assert normalize_phrase("Russia’s U.S.-backed forces") == (
        "russia",
        "'s",
        "us",
        "backed",
        "forces",
    )
    assert normalize_phrase("Jüri Luik") == ("juri", "luik")
    assert normalize_phrase("Jean-Luc Mélenchon") == ("jean", "luc", "melenchon")


# -- user extension files --------------------------------------------------------------------


def test_user_csv_extends_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "mine.csv"
    extra.write_text(
        "pattern,code,country,role,name,kind,start,end\n"
        "Jane Placeholder|Placeholder,FRAGOV,,,Jane Placeholder,person,2030-01-01,\n"
        "Jane Placeholder,,FRA,,Jane Placeholder,person,,\n"
        "the Kremlin,RUSELI,RUS,ELI,Old Kremlin,capital,,\n"
        "Zorblaxian Front,ZZZREB,,REB,Zorblaxian Front,group,,\n"
        "bakers|baker,,,BUS,baker,agent,,\n",
        encoding="utf-8",
    )
    base = ActorKB.load()
    kb = ActorKB.load([extra])
    assert kb.version != base.version and kb.version.startswith(base.version)
    assert code(kb, ["Jane", "Placeholder"], D(2031, 1, 1)) == "FRAGOV"
    assert code(kb, ["Placeholder"], D(2020, 1, 1)) == "FRAELI"
    assert code(kb, ["the", "Kremlin"]) == "RUSELI"  # overrides the packaged seat
    group = kb.lookup("Zorblaxian Front", None)
    assert group is not None and group.code == "ZZZREB" and group.role == "REB"
    assert group.country is None  # ZZZ is not a country code
    assert kb.agent_role("bakers") == "BUS"
    assert code(kb, ["Beijing"]) == "CHNGOV"  # the rest is untouched


def test_user_csv_errors_are_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("pattern,code\nfoo,BAR\n", encoding="utf-8")
    with pytest.raises(UsageError) as info:
        ActorKB.load([bad])
    assert info.value.origin == str(bad)
    worse = tmp_path / "worse.csv"
    worse.write_text(
        "pattern,code,country,role,name,kind,start,end\nfoo,FOOGOV,,,foo,alien,,\n",
        encoding="utf-8",
    )
    with pytest.raises(AccordError, match="kind"):
        ActorKB.load([worse])
    with pytest.raises(UsageError):
        ActorKB.load([tmp_path / "missing.csv"])
