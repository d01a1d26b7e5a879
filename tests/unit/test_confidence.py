"""Confidence: features read off an event, the packaged model, and the reliability measure."""

from __future__ import annotations

import dataclasses

from accord.coding.confidence import FEATURES, ConfidenceModel, features
from accord.evaluation.calibration import reliability
from accord.model import Actor, Event, Evidence
from tests.unit.events import event


def _event(rule: str, target_text: str | None, source_text: str = "Hungary") -> Event:
    """Hungary meets Austria, named by ``source_text`` and ``target_text`` (an empty text:
    an implied target; None: no target), coded by ``rule``."""
    src = Actor(source_text, "HUN", "HUN", None, None, (0, len(source_text)))
    tgt = None if target_text is None else Actor(target_text, "AUT", "AUT", None, None, (0, 0))
    evidence = Evidence("met", (0, 3), rule)
    return dataclasses.replace(
        event("HUN", "AUT", "040"), source=src, target=tgt, evidence=evidence
    )


def test_features_are_read_off_the_event() -> None:
    named = features(_event("pattern:MEET:12:* WITH", "Austria"))
    assert named["pattern"] == 1.0 and named["named_target"] == 1.0
    assert named["implied_target"] == 0.0 and named["state_source"] == 1.0
    implied = features(_event("verb:MEET:meet+domestic+source-country:document", ""))
    assert implied["implied_target"] == 1.0 and implied["inferred_source"] == 1.0
    assert implied["pattern"] == 0.0
    assert features(_event("verb:MEET:meet", None, "he"))["pronoun_source"] == 1.0
    assert set(named) == set(FEATURES)


def test_the_packaged_model_loads_and_scores_in_the_unit_interval() -> None:
    model = ConfidenceModel.load()
    assert model.fitted_on
    for rule, target in (("pattern:X:1:*", "Austria"), ("verb:X:x", None)):
        assert 0.0 < model.of(_event(rule, target)) < 1.0
    # a named target is evidence the dyad is whole: never less confident than none
    e = _event("verb:X:x", None)
    assert model.of(dataclasses.replace(e, target=_event("x", "Austria").target)) >= model.of(e)


def test_reliability_bins_and_expected_calibration_error() -> None:
    pairs = [(0.9, True)] * 9 + [(0.9, False)] + [(0.1, False)] * 10
    rel = reliability(pairs)
    assert rel.events == 20
    assert rel.ece is not None and abs(rel.ece - 0.05) < 1e-9  # (0.1 * 10 + 0 * 10) / 20
    full = rel.bins[-1]
    assert full.events == 10 and full.share_right == 0.9
