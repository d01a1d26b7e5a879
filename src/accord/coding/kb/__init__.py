"""The actor knowledge base: names of countries, capitals, organisations, armed groups,
people (with dated roles) and role words ("agents"), resolved to CAMEO-style codes.

Modules: :mod:`~accord.coding.kb.text` (normalising and tokenising),
:mod:`~accord.coding.kb.records` (entries and frozen tables),
:mod:`~accord.coding.kb.files` (the packaged and user actor files and their format),
:mod:`~accord.coding.kb.builder` (files to tables) and
:mod:`~accord.coding.kb.resolver` (:class:`ActorKB`: matching and resolution). Noun
phrases are resolved to actors by the coder (:mod:`accord.coding.actors`).
"""

from __future__ import annotations

from accord.coding.kb.records import (
    ROLES,
    ActorEntry,
    Candidate,
    KBMatch,
    RoleSpan,
    code_role,
)
from accord.coding.kb.resolver import ActorKB
from accord.coding.kb.text import normalize_phrase, tokenize

__all__ = [
    "ROLES",
    "ActorEntry",
    "ActorKB",
    "Candidate",
    "KBMatch",
    "RoleSpan",
    "code_role",
    "normalize_phrase",
    "tokenize",
]
