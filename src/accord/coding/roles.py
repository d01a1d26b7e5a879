"""CAMEO actor roles: each role's class and traits, read from ``data/lexicon/actor_roles.tsv``
(the one place the coder's knowledge about roles is written)."""

from __future__ import annotations

from accord.coding.lexicon import table

__all__ = ["POLITICAL_ROLES", "STATE_ROLES", "roles_with"]

_ROLES = table("actor_roles.tsv", lower=False)

STATE_ROLES = frozenset(role for role, (cls, *_) in _ROLES.items() if cls == "state")
"""The state and its organs (class 'state')."""
POLITICAL_ROLES = frozenset(role for role, (cls, *_) in _ROLES.items() if cls == "political")
"""Organised political actors outside the state (class 'political')."""


def roles_with(trait: str) -> frozenset[str]:
    """The roles that carry ``trait`` (the table's fourth column: 'armed', 'speaks',
    'protests', 'local', 'home', 'domestic', 'group')."""
    return frozenset(role for role, (_, _, traits) in _ROLES.items() if trait in traits.split(","))
