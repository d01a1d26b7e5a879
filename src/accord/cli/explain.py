"""Rendering for ``accord explain``: why each event was, or was not, coded."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from accord.model import Event
from accord.pipeline import Explanation

if TYPE_CHECKING:
    from accord.api import StoredExplanation

MARK = ">> "
"""Put before the stored event's trigger and after its replayed event (``--event``)."""


def render(expl: Explanation, out: TextIO) -> None:
    _render(expl, _console(out))


def render_stored(se: StoredExplanation, out: TextIO) -> None:
    """A stored event (``accord explain --db STORE --event ID``): the event as stored, its
    sentence with the trigger marked, whether the replay finds it again, then the
    explanation of the replay with the stored event's trigger and event marked."""
    console = _console(out)
    st = se.stored
    e = st.event
    console.print(
        f"[bold]stored event[/bold] {escape(e.event_id)}  document {escape(e.doc_id)}  "
        f"publication date: {st.doc_date or 'unknown'}"
    )
    if st.title:
        console.print(f"title: {escape(st.title)}")
    if st.url:
        console.print(f"url: {escape(st.url)}")
    console.print(f"sentence {e.sentence_index}: {escape(_marked(e))}")
    console.print("  [green]stored[/green] " + escape(_event_line(e)))
    if se.replayed is not None:
        console.print(
            f"replayed: found again (marked {MARK.strip()} below). The store keeps the "
            "sentence, not the article: the replay below reads it alone (as its sentence "
            "0), with the document's date and title."
        )
    else:
        console.print(
            "[yellow]replayed: not found again[/yellow]. The store keeps the sentence, not "
            "the article: the replay below reads it alone (as its sentence 0), with the "
            "document's date and title, so an event that needed the rest of the article "
            "(an actor named earlier, the dateline) does not come back; nor does one that "
            "the coder has changed since it was stored."
        )
    _render(se.explanation, console, stored=e, replayed=se.replayed)


def _console(out: TextIO) -> Console:
    return Console(file=out, width=150, emoji=False, highlight=False)


def _marked(e: Event) -> str:
    """The event's sentence with its trigger in [[ ]] (when its span points at it)."""
    text, trigger = e.sentence, e.evidence.trigger
    for start in (e.evidence.trigger_span[0], e.evidence.trigger_span[0] - e.sentence_span[0]):
        if start >= 0 and text[start : start + len(trigger)] == trigger:
            return f"{text[:start]}[[{trigger}]]{text[start + len(trigger) :]}"
    return text


def _event_line(e: Event) -> str:
    target = f"{e.target.code} ({e.target.text})" if e.target else "-"
    return (
        f"{e.source.code} ({e.source.text}) {e.cameo} "
        f"{e.cameo_name} -> {target}; {e.date} ({_value(e.date_precision)}, "
        f"{e.date_source.value}); "
        f"mode {e.mode.value}; confidence {e.confidence}; rule {e.evidence.rule}"
    )


def _render(
    expl: Explanation,
    console: Console,
    *,
    stored: Event | None = None,
    replayed: Event | None = None,
) -> None:
    doc = expl.result.doc
    console.print(f"[bold]document[/bold] {doc.id}  publication date: {doc.date or 'unknown'}")
    for ps in expl.sentences:
        i = ps.sentence.index
        console.print(f"\n[bold]sentence {i}[/bold]: {escape(ps.sentence.text)}")
        parse = " ".join(
            f"{t.text}/{t.dep}>{ps.tokens[t.head].text}" if t.head != t.i else f"{t.text}/ROOT"
            for t in ps.tokens
        )
        console.print(f"[dim]parse: {escape(parse)}[/dim]")
        mentions = [m for m in expl.mentions if m[0] == i]
        if mentions:
            console.print(
                "actors in the knowledge base: "
                + escape(
                    "; ".join(f"{text} -> {code} ({kind})" for _, text, code, kind in mentions)
                )
            )
        decisions = [d for d in expl.decisions if d.sentence_index == i]
        if decisions:
            table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
            for col in ("trigger", "kind", "coded", "code", "mode", "rule", "why", "rules applied"):
                table.add_column(col, overflow="fold")
            for d in decisions:
                mine = stored is not None and d.token == stored.evidence.trigger
                table.add_row(
                    MARK + d.token if mine else d.token,
                    d.kind,
                    "yes" if d.coded else "no",
                    d.code or "",
                    d.mode.value if d.mode else "",
                    d.rule or "",
                    d.reason,
                    "; ".join(f"{step.rule}: {step.verdict}" for step in d.steps),
                )
            console.print(table)
        for e in (e for e in expl.result.events if e.sentence_index == i):
            mark = f"  {MARK.strip()} the stored event" if e is replayed else ""
            console.print("  [green]event[/green] " + escape(_event_line(e) + mark))
        for e, why in (x for x in expl.left_out if x[0].sentence_index == i):
            console.print("  [yellow]left out[/yellow] " + escape(f"{_event_line(e)} ({why})"))
    left = f" ({len(expl.left_out)} left out)" if expl.left_out else ""
    console.print(f"\n{len(expl.result.events)} events{left}")


def _value(v: object) -> str:
    return str(getattr(v, "value", v))
