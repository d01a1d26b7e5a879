"""Who acts politically: the classes of actors behind the ``political_source`` rule.

Every actor falls in one class (roles and classes: ``data/lexicon/actor_roles.tsv``):

* ``state``: a country named as such ("Hungary", "Washington"), its government, military,
  police, courts, legislature, intelligence services;
* ``political``: organised political actors outside the state: parties, opposition,
  rebels and insurgents, NGOs, unions, intergovernmental organisations, and public figures
  the knowledge base lists by name (a former president: ``ELI``);
* ``society``: everyone else: business, media, scholars, civilians, celebrities ("Irish
  actor Dan O'Herlihy"), and a country word that only modifies some other head ("a
  United-States-based team of scientists").

A ``society`` actor's act is political only when it addresses the state: it names a
``state`` or ``political`` target ("students demanded the resignation of the Serbian prime
minister" once the prime minister is the target), or it is an appeal, demand, criticism,
rejection, threat or protest in a sentence that names a state actor.
"""

from __future__ import annotations

import csv
import io
from importlib import resources
from typing import Literal

from accord.coding.actor_records import ActorRef
from accord.coding.actors import SentenceActors
from accord.coding.lexicon import words
from accord.coding.roles import POLITICAL_ROLES, STATE_ROLES

__all__ = ["ADDRESSING_ROOTS", "ActorClass", "actor_class", "is_political"]

ActorClass = Literal["state", "political", "society"]


_PERSON_PRONOUNS = words("person_pronouns.txt")
ADDRESSING_ROOTS = frozenset({"02", "10", "11", "12", "13", "14"})
"""Appeals, demands, disapproval, rejection, threats and protests: what people outside
politics do to the state (CAMEO 1.1b3 roots 02, 10-14)."""


def actor_class(ref: ActorRef, actors: SentenceActors | None = None) -> ActorClass:
    """The class of an actor (module docstring); ``actors`` tells whether a bare country
    code comes from the country's own name or from a word modifying another head."""
    if ref.code.startswith(("IGO", "NGO", "IMG")):
        return "political"
    role = ref.role
    if role in STATE_ROLES:
        return "state"
    if role in POLITICAL_ROLES:
        return "political"
    if role == "ELI":
        return "political" if ref.listed else "society"
    if role is None and ref.country is None and ref.kind == "country":
        return "state" if not ref.code.startswith("---") else "society"  # a region
    if role is None and ref.country is not None:
        if ref.kind in ("person", "group") and ref.listed:
            return "political"
        if ref.kind == "country" and _names_the_country(ref, actors):
            return "state"
        if ref.kind == "implied":
            return "state"
        if ref.kind == "pronoun":
            # "it", "they": a country or body; "he", "she": a person of no known office
            return "society" if _person_pronoun(ref, actors) else "state"
    return "society"


def _names_the_country(ref: ActorRef, actors: SentenceActors | None) -> bool:
    """The country itself ('Hungary', 'the United States', 'Washington'), not a word that
    modifies another head ('a United-States-based team') nor its people ('Swedes', 'the
    American')."""
    if actors is None:
        return True
    mention = actors.mention_at(ref.head)
    if mention is None or mention.entry.kind not in ("country", "capital"):
        return False
    return actors.tokens[ref.head].text.lower() not in _PEOPLE_WORDS


def _country_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The packaged country list's words for people ('swedes', 'american'), its names of
    countries and capitals ('sweden', 'the united states', 'moscow'), and the words that
    name a nation itself, as a noun or an adjective, not its capital ('russia', 'russian',
    'us'), lower-cased. Words for people that are also a country's name ('Vatican') count
    as names only."""
    text = resources.files("accord.data.actors").joinpath("countries.csv").read_text("utf-8")
    people: set[str] = set()
    names: set[str] = set()
    nations: set[str] = set()
    for row in csv.DictReader(io.StringIO(text)):
        for column, into in (
            ("adjectives", (people, nations)),
            ("demonyms", (people,)),
            ("name", (names, nations)),
            ("aliases", (names, nations)),
            ("capitals", (names,)),
        ):
            found = [w.strip().lower() for w in (row.get(column) or "").split("|") if w]
            for group in into:
                group.update(found)
    people_only = frozenset(w for w in people - names if " " not in w)
    return people_only, frozenset(names), frozenset(nations)


def names_country_or_capital(text: str) -> bool:
    """Whether ``text`` is the name of a country or of its capital ('Russia', 'the
    United States', 'Moscow'), not of a region the knowledge base files under its
    country ('California')."""
    words = text.lower().strip()
    return words in COUNTRY_NAMES or words.removeprefix("the ") in COUNTRY_NAMES


def names_nation(text: str) -> bool:
    """Whether ``text`` names a nation by its name or adjective ('Russia', 'Russian',
    'the US'), not by its capital ('a Kabul car bombing') nor a city or region ('a Las
    Vegas drive-by shooting')."""
    words = text.lower().strip()
    return words in NATION_WORDS or words.removeprefix("the ") in NATION_WORDS


_PEOPLE_WORDS, COUNTRY_NAMES, NATION_WORDS = _country_words()
"""Demonyms and adjectives ('Swedes', 'American': as the head of a phrase they name people
of the country, not the state); names of countries and capitals; names and adjectives of
countries, lower-cased."""


def _person_pronoun(ref: ActorRef, actors: SentenceActors | None) -> bool:
    if actors is None:
        return False
    return actors.tokens[ref.head].text.lower() in _PERSON_PRONOUNS


def is_political(ref: ActorRef, actors: SentenceActors | None = None) -> bool:
    return actor_class(ref, actors) != "society"
