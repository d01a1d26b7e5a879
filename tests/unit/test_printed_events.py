"""What `accord code` prints: events at or above the confidence floor
(``--min-confidence``), with a target when ``require_target`` asks for one."""

from __future__ import annotations

from accord.cli.options import _settings
from accord.config import Settings
from accord.pipeline import printed
from tests.unit.events import event


def test_events_the_coder_rates_below_the_floor_are_not_printed() -> None:
    low = event("GBRGOV", None, "020", confidence=0.23)
    high = event("GBRGOV", "USAGOV", "040", confidence=0.71)
    assert printed([low, high], Settings().replace(min_confidence=0.25)) == (high,)
    assert printed([low, high], Settings()) == (low, high)  # no floor by default


def test_a_target_is_required_only_when_asked() -> None:
    alone = event("GBRGOV", None, "111", confidence=0.7)
    assert printed([alone], Settings()) == (alone,)
    assert printed([alone], Settings().replace(require_target=True)) == ()


def test_every_command_starts_from_the_default_floor() -> None:
    # 'accord eval' scores what 'accord code' prints: the same floor unless one is given
    assert _settings(None, False).min_confidence == Settings().min_confidence
    assert _settings(None, False, min_confidence=0.4).min_confidence == 0.4
