"""YAML actor files (``--actors file.yaml``): the same fields as the CSV format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.coding.kb import ActorKB, RoleSpan
from accord.coding.kb.files import read_yaml
from accord.errors import UsageError

D = dt.date

COUNTRIES = (
    "iso3,name,aliases,adjectives,demonyms,capitals,seats\n"
    "FRA,France,,French,,Paris,\n"
    "RUS,Russia,,Russian,,Moscow,Kremlin\n"
)

GOOD = """\
# extra actors for a test
- name: Jane Placeholder
  names: [Jane Placeholder, Placeholder]
  kind: person
  country: FRA
  roles:
    - code: FRAGOV
      start: 2030-01-15
      end: 2032-06
    - {code: FRALEG, start: 2033}
- names: [Zorblaxian Front, ZF]
  code: ZZZREB
  role: REB
- names: [bakers, baker]
  kind: agent
  role: BUS
- name: Old Kremlin
  names: the Kremlin
  kind: capital
  code: RUSELI
"""


def small_kb(text: str, origin: str = "mine.yaml") -> ActorKB:
    """The YAML file over a two-country base: fast, and nothing else to match."""
    return ActorKB.from_sources(
        [("countries.csv", "countries", COUNTRIES, False), (origin, "actors", text, False)],
        "test",
    )


def resolve(kb: ActorKB, phrase: str, date: dt.date) -> str | None:
    entry = kb.lookup(phrase, date)
    return entry.code if entry is not None else None


def test_a_person_is_government_only_within_the_dates() -> None:
    kb = small_kb(GOOD)
    assert resolve(kb, "Placeholder", D(2030, 1, 14)) == "FRAELI"  # before: home country + ELI
    assert resolve(kb, "Placeholder", D(2030, 1, 15)) == "FRAGOV"  # start is inclusive
    assert resolve(kb, "Jane Placeholder", D(2032, 5, 31)) == "FRAGOV"
    assert resolve(kb, "Placeholder", D(2032, 6, 1)) == "FRAELI"  # end (2032-06) is exclusive
    assert resolve(kb, "Placeholder", D(2040, 1, 1)) == "FRALEG"  # open end
    assert kb.history("Jane Placeholder") == (
        RoleSpan("FRAGOV", D(2030, 1, 15), D(2032, 6, 1)),
        RoleSpan("FRALEG", D(2033, 1, 1), None),
    )
    entry = kb.lookup("Placeholder", D(2031, 1, 1))
    assert entry is not None
    assert (entry.country, entry.role, entry.name, entry.kind) == (
        "FRA",
        "GOV",
        "Jane Placeholder",
        "person",
    )


def test_groups_agents_and_places() -> None:
    kb = small_kb(GOOD)
    group = kb.lookup("ZF", None)
    assert group is not None
    assert (group.code, group.role, group.kind, group.name) == (
        "ZZZREB",
        "REB",
        "group",
        "Zorblaxian Front",
    )
    assert kb.agent_role("bakers") == "BUS"
    assert kb.agent_role("baker") == "BUS"
    kremlin = kb.lookup("the Kremlin", None)
    assert kremlin is not None and (kremlin.code, kremlin.kind) == ("RUSELI", "capital")


def test_yaml_and_csv_files_build_the_same_actors() -> None:
    csv_text = (
        "pattern,code,country,role,name,kind,start,end\n"
        "Jane Placeholder|Placeholder,,FRA,,Jane Placeholder,person,,\n"
        ",FRAGOV,,,Jane Placeholder,person,2030-01-15,2032-06\n"
        ",FRALEG,,,Jane Placeholder,person,2033,\n"
        "Zorblaxian Front|ZF,ZZZREB,,REB,Zorblaxian Front,,,\n"
        "bakers|baker,,,BUS,bakers,agent,,\n"
        "the Kremlin,RUSELI,,,Old Kremlin,capital,,\n"
    )
    from_yaml = small_kb(GOOD)
    from_csv = small_kb(csv_text, "mine.csv")
    for date in (D(2029, 1, 1), D(2031, 1, 1), D(2035, 1, 1)):
        for phrase in ("Jane Placeholder", "Placeholder", "ZF", "the Kremlin", "Paris"):
            assert from_yaml.lookup(phrase, date) == from_csv.lookup(phrase, date)
    assert len(from_yaml) == len(from_csv)


def test_a_person_with_a_code_keeps_an_explicit_home_country() -> None:
    kb = small_kb("- {name: Ana Pereira, kind: person, country: FRA, code: IGOUNO}\n")
    entry = kb.lookup("Ana Pereira", None)
    assert entry is not None and entry.code == "IGOUNO"


def test_single_name_and_plain_year_dates() -> None:
    kb = small_kb(
        "- name: Ruler Example\n"
        "  kind: person\n"
        "  roles:\n"
        "    - {code: RUSGOV, start: 2001, end: '2004-03'}\n"
    )
    assert resolve(kb, "Ruler Example", D(2000, 12, 31)) == "RUSELI"  # country from the code
    assert resolve(kb, "Ruler Example", D(2001, 1, 1)) == "RUSGOV"  # 2001: from 1 January
    assert resolve(kb, "Ruler Example", D(2004, 2, 29)) == "RUSGOV"
    assert resolve(kb, "Ruler Example", D(2004, 3, 1)) == "RUSELI"  # '2004-03': to 1 March


def test_an_empty_file_adds_nothing() -> None:
    assert list(read_yaml("", "empty.yaml")) == []
    assert list(read_yaml("# nothing yet\n", "empty.yaml")) == []


def test_load_takes_yaml_by_its_name(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yml"
    extra.write_text(GOOD, encoding="utf-8")
    base = ActorKB.load()
    kb = ActorKB.load([extra])
    assert kb.version != base.version and kb.version.startswith(base.version)
    assert resolve(kb, "Placeholder", D(2031, 1, 1)) == "FRAGOV"
    assert resolve(kb, "the Kremlin", D(2031, 1, 1)) == "RUSELI"  # overrides the packaged seat
    assert resolve(kb, "Beijing", D(2031, 1, 1)) == "CHNGOV"  # the rest is untouched


# -- errors name the file and the entry ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "- name: X\n  kind: person\n  roles:\n    - {code: FRAGOV, start: 2020-5-x}\n",
            "entry 1 ('X'), role 1: bad date '2020-5-x'",
        ),
        (
            "- {name: A, code: FRAGOV}\n"
            "- name: B\n  kind: person\n  roles:\n    - {code: FRAGOV, start: 2020-02-30}\n",
            "entry 2 ('B'), line 5: bad date '2020-02-30'",
        ),
        (
            "- name: X\n  kind: person\n  roles:\n"
            "    - {code: FRAGOV, start: 2020-01-01 10:00:00}\n",
            "entry 1 ('X'), role 1: bad date",
        ),
        ("- {name: X, kind: group}\n", "entry 1 ('X'): missing code"),
        (
            "- name: X\n  kind: person\n  roles:\n    - {start: 2020}\n",
            "entry 1 ('X'), role 1: missing code",
        ),
        (
            "- {name: X, code: FRAGOV, alias: Y}\n",
            "entry 1 ('X'): unknown field 'alias'; fields are name, names, kind",
        ),
        (
            "- name: X\n  roles:\n    - {code: FRAGOV, since: 2020}\n",
            "entry 1 ('X'), role 1: unknown field 'since'; fields are code, role, start, end",
        ),
        ("- {name: X, code: FRAGOV, kind: alien}\n", "entry 1 ('X'): unknown kind 'alien'"),
        ("- {name: X, code: FRAGOV, role: XYZ}\n", "entry 1 ('X'): unknown role 'XYZ'"),
        ("- {code: FRAGOV}\n", "entry 1: needs names (or a name)"),
        ("- {name: X, code: FRAGOV, country: NO}\n", "entry 1 ('X'): 'country' must be text"),
        ("- {names: [A, 7], code: FRAGOV}\n", "entry 1: 'names' must be a list of text"),
        ("- {names: ['A|B'], code: FRAGOV}\n", "a name may not contain '|'"),
        ("- {name: X, code: FRAGOV, roles: FRAGOV}\n", "entry 1 ('X'): 'roles' must be a list"),
        ("- just a name\n", "entry 1: want a mapping of fields"),
        ("name: X\ncode: FRAGOV\n", "want a list of actors at the top level"),
        ("- {name: X, code: [FRAGOV\n", "not valid YAML: line 2"),
    ],
)
def test_errors_name_the_file_and_the_entry(text: str, message: str) -> None:
    with pytest.raises(UsageError) as info:
        small_kb(text, "/data/mine.yaml")
    assert info.value.origin == "/data/mine.yaml"
    assert message in info.value.message
    assert str(info.value).startswith("/data/mine.yaml: ")


def test_load_reports_errors_in_a_user_yaml_file_as_usage_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {name: X, code: FRAGOV, alias: Y}\n", encoding="utf-8")
    with pytest.raises(UsageError) as info:
        ActorKB.load([bad])
    assert info.value.origin == str(bad)
    assert "unknown field 'alias'" in info.value.message
