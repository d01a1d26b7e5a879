"""Hand-made events for model-free unit tests: actors known only by their CAMEO codes."""

from __future__ import annotations

import dataclasses
from typing import Any

from accord.model import Actor, DateSource, Event, Evidence, Mode, Place

_FROM_CODE = "from the code"


def actor(code: str, country: str | None = _FROM_CODE) -> Actor:
    """An actor whose text is its code; country and role read off the code ('USAGOV' is
    USA, GOV; 'IGOUNO' and '---COP' have no country) unless ``country`` is given."""
    if country == _FROM_CODE:
        country = None if code.startswith(("IGO", "---")) else code[:3]
    role = code[3:6] or None
    return Actor(text=code, code=code, country=country, role=role, name=None, span=(0, 1))


def event(
    source: str,
    target: str | None,
    cameo: str = "010",
    *,
    plover: str | None = None,
    mode: Mode = Mode.ASSERTED,
    sentence: str = "s",
    place: tuple[str, str | None] | None = None,
    **over: Any,
) -> Event:
    """An event from ``source`` to ``target`` (codes) with ``cameo``; any other field of
    the record can be set by name."""
    base = Event(
        doc_id="doc",
        event_id=f"{source}-{target}-{cameo}",
        sentence_index=0,
        sentence=sentence,
        sentence_span=(0, len(sentence)),
        date=None,
        date_precision=None,
        date_source=DateSource.NONE,
        source=actor(source),
        target=actor(target) if target else None,
        cameo=cameo,
        cameo_name="",
        plover=plover,
        plover_mode=None,
        plover_context=None,
        quad_class=0,
        goldstein=0.0,
        mode=mode,
        location=Place(place[0], place[1], None, None) if place else None,
        confidence=1.0,
        evidence=Evidence(trigger="t", trigger_span=(0, 1), rule="test"),
    )
    return dataclasses.replace(base, **over)
