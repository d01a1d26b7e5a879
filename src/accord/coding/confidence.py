"""How likely an event is to be right: a calibrated logistic model over what the coder knows.

An event's ``confidence`` is the probability, estimated on held-apart gold, that the event
is a true positive of the whole-dyad match (source country, target country and type right;
``score_gold.py sentgold``). The model is a logistic regression over a few yes/no
features of the event (:func:`features`); its weights live in
``data/calibration/confidence.json``, fitted on the tune half of the PLOVER dev examples
by ``scripts/calibrate.py`` (which also reports the reliability on the check half).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

from accord.coding.roles import STATE_ROLES
from accord.errors import ResourceError
from accord.model import Event

__all__ = ["FEATURES", "ConfidenceModel", "features"]

FEATURES: tuple[str, ...] = (
    "pattern",
    "frame",
    "noun",
    "named_target",
    "implied_target",
    "inferred_source",
    "pronoun_source",
    "state_source",
)
"""The model's features (see :func:`features`)."""

_FILE = "confidence.json"
_PRONOUNS = frozenset(
    {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "i", "we"}
)


def features(event: Event) -> dict[str, float]:
    """What the event's record says about how it was found, 1.0 for yes and 0.0 for no
    (read from the event itself, so that any stored event can be scored again):

    * ``pattern``: a dictionary pattern or an event noun fired, not a bare verb's default;
    * ``frame``: the code comes from a framing verb over an embedded action;
    * ``noun``: the trigger is an event noun;
    * ``named_target`` / ``implied_target``: the target is named in the sentence / implied
      (the source's own country, the other party of a call);
    * ``inferred_source``: the source's country was inferred (place, dateline, story) or
      the source itself is implied (the state behind an arrest);
    * ``pronoun_source``: the source is a pronoun;
    * ``state_source``: the source is a state organ of a known country or a country.
    """
    rule = event.evidence.rule
    src, tgt = event.source, event.target
    return {
        "pattern": float("pattern:" in rule or rule.startswith("noun:")),
        "frame": float(rule.startswith("frame:")),
        "noun": float(rule.startswith("noun:") or "+noun:" in rule),
        "named_target": float(tgt is not None and bool(tgt.text)),
        "implied_target": float(tgt is not None and not tgt.text),
        "inferred_source": float("+source-country:" in rule or not src.text),
        "pronoun_source": float(src.text.lower() in _PRONOUNS),
        "state_source": float(
            src.country is not None and (src.role is None or src.role in STATE_ROLES)
        ),
    }


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """Logistic weights for :data:`FEATURES`, with where they were fitted."""

    intercept: float
    weights: Mapping[str, float]
    fitted_on: str = ""

    @classmethod
    def load(cls) -> ConfidenceModel:
        try:
            raw = (
                resources.files("accord.data.calibration")
                .joinpath(_FILE)
                .read_text(encoding="utf-8")
            )
        except (FileNotFoundError, ModuleNotFoundError) as exc:
            raise ResourceError(f"packaged confidence model missing: {exc}") from exc
        return cls.from_json(json.loads(raw))

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ConfidenceModel:
        weights = {k: float(v) for k, v in dict(data["weights"]).items()}
        unknown = set(weights) - set(FEATURES)
        if unknown:
            raise ResourceError(f"confidence model: unknown features {sorted(unknown)}")
        return cls(
            float(data["intercept"]), MappingProxyType(weights), str(data.get("fitted_on", ""))
        )

    def score(self, values: Mapping[str, float]) -> float:
        """The probability that an event with these feature values is right (2 decimals)."""
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in values.items())
        return round(1.0 / (1.0 + math.exp(-z)), 2)

    def of(self, event: Event) -> float:
        """The confidence of ``event``."""
        return self.score(features(event))
