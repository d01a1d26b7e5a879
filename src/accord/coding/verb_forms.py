"""The verb dictionary's packaged files and its compiled verb forms.

``accord/data/verbs`` holds the CAMEO.2.0 conversion, accord's own verb file, accord's review
of bare defaults and the frame tables (:data:`PACKAGED`). :func:`compile_blocks` turns the
dictionary's JSON (blocks of verb forms with patterns) into :class:`VerbForm` records and
compiled :class:`~accord.coding.patterns.Pattern` objects, with the review applied; the
matching itself is :class:`accord.coding.verbs.VerbDictionary`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from accord.coding.patterns import Pattern, Phrase, compile_slots, noted_verbs, word_phrase

__all__ = [
    "ACCORD_VERBS",
    "CONVERTED",
    "DEFAULTS_REVIEW",
    "FRAME_TABLES",
    "PACKAGED",
    "DefaultsReview",
    "VerbForm",
    "compile_blocks",
]

DEFAULTS_REVIEW = "defaults_review.tsv"
ACCORD_VERBS = "accord_verbs.tsv"
FRAME_TABLES = ("frame_verbs.tsv", "frame_codes.tsv", "action_kinds.tsv")
CONVERTED = "cameo_verbs.json"
PACKAGED = (CONVERTED, ACCORD_VERBS, DEFAULTS_REVIEW, *FRAME_TABLES)
"""The packaged files of the verb dictionary (``accord/data/verbs``)."""


@dataclass(frozen=True, slots=True)
class DefaultsReview:
    """accord's review of the dictionary (``data/verbs/defaults_review.tsv``): verb forms
    whose bare default code is not applied (block -> forms, '*' for all), forms whose
    default needs an actor as target, and patterns that code no event (block -> pattern
    texts such as '* DEAD')."""

    pattern_only: Mapping[str, frozenset[str]] = field(default_factory=dict)
    actor_target: Mapping[str, frozenset[str]] = field(default_factory=dict)
    actor_object: Mapping[str, frozenset[str]] = field(default_factory=dict)
    no_event: Mapping[str, frozenset[str]] = field(default_factory=dict)
    no_object: Mapping[str, frozenset[str]] = field(default_factory=dict)
    complement: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def parse(cls, text: str) -> DefaultsReview:
        """Tab-separated lines: block, verb form ('*' for every form) or pattern text
        (holding '*' among other words), licence ('pattern', 'actor-target',
        'actor-object', 'no-object', 'complement' or 'none'),
        reason; '#' starts a comment line."""
        found: dict[str, dict[str, set[str]]] = {
            "pattern": {},
            "actor-target": {},
            "actor-object": {},
            "none": {},
            "no-object": {},
            "complement": {},
        }
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            block, entry, licence, *_ = (part.strip() for part in line.split("\t"))
            if licence not in found:
                raise ValueError(f"defaults review line {n}: unknown licence {licence!r}")
            words = entry.split()
            pattern = "*" in words and len(words) > 1
            if pattern != (licence == "none"):
                raise ValueError(f"defaults review line {n}: 'none' is for patterns only")
            key = " ".join(words).upper() if pattern else " ".join(words).lower()
            found[licence].setdefault(block, set()).add(key)

        def frozen(d: dict[str, set[str]]) -> dict[str, frozenset[str]]:
            return {k: frozenset(v) for k, v in d.items()}

        return cls(
            frozen(found["pattern"]),
            frozen(found["actor-target"]),
            frozen(found["actor-object"]),
            frozen(found["none"]),
            frozen(found["no-object"]),
            frozen(found["complement"]),
        )


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One verb form of a dictionary block, with its default code and the licences
    accord's review sets on that default."""

    words: Phrase
    block: str
    code: str | None
    code2: str | None
    no_code: bool
    needs_actor_target: bool = False
    """Its bare default applies only when the verb acts on an identified actor (accord's
    defaults review: 'released the journalist', not 'released a statement')."""
    needs_actor_object: bool = False
    """Stricter: the actor is what the verb acts on itself, its object or passive subject
    ('released the journalist'), not one in a phrase of a thing acted on ('released a
    letter from his physician')."""
    intransitive: bool = False
    """Its bare default applies only when the verb has no direct object (accord's
    defaults review: 'protesters demonstrated', not 'demonstrated a phone')."""
    needs_complement: bool = False
    """Its bare default applies only with an object or a clausal complement ('declined
    the offer', 'declined to comment'; not 'support has declined')."""


def compile_blocks(
    data: Mapping[str, Any], review: DefaultsReview
) -> tuple[dict[str, tuple[VerbForm, ...]], dict[str, tuple[Pattern, ...]]]:
    """The dictionary JSON's verb forms (by first word, longest first) and patterns (by
    block), with accord's ``review`` of bare defaults and silenced patterns applied."""
    synsets: dict[str, tuple[Phrase, ...]] = {
        name: tuple(tuple(w for p in words for w in word_phrase(p)) for words in entries)
        for name, entries in data["synsets"].items()
    }
    forms: dict[str, list[VerbForm]] = {}
    patterns: dict[str, tuple[Pattern, ...]] = {}
    for block in data["blocks"]:
        name = block["name"]
        block_forms: list[VerbForm] = []
        reviewed = review.pattern_only.get(name, frozenset())
        licensed = review.actor_target.get(name, frozenset())
        objects = review.actor_object.get(name, frozenset())
        bare = review.no_object.get(name, frozenset())
        complemented = review.complement.get(name, frozenset())
        silenced = review.no_event.get(name, frozenset())
        for v in block["verbs"]:
            words = tuple(w for p in v["words"] for w in word_phrase(p))
            form = VerbForm(
                words=words,
                block=name,
                code=v["code"] or block["code"],
                code2=v["code2"] if v["code"] else block["code2"],
                no_code=bool(v["no_code"]) or "*" in reviewed or " ".join(words) in reviewed,
                needs_actor_target="*" in licensed
                or " ".join(words) in licensed
                or " ".join(words) in objects,
                needs_actor_object="*" in objects or " ".join(words) in objects,
                intransitive="*" in bare or " ".join(words) in bare,
                needs_complement="*" in complemented or " ".join(words) in complemented,
            )
            block_forms.append(form)
            forms.setdefault(words[0], []).append(form)
        block_verbs = {" ".join(f.words) for f in block_forms}
        compiled = []
        for p in block["patterns"]:
            named = frozenset(noted_verbs(p["verbs"], block_verbs))
            text = " ".join([*p["pre"], "*", *p["post"]])
            compiled.append(
                Pattern(
                    block=name,
                    pre=compile_slots(p["pre"], synsets),
                    post=compile_slots(p["post"], synsets),
                    code=None if text.upper() in silenced else p["code"],
                    code2=p["code2"],
                    verbs=named,
                    line=int(p["line"]),
                    text=text,
                )
            )
        patterns[name] = tuple(compiled)
    by_word = {k: tuple(sorted(v, key=lambda f: -len(f.words))) for k, v in forms.items()}
    return by_word, patterns
