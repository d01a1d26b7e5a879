"""Rendering for ``accord explain``: why each event was, or was not, coded."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from accord.pipeline import Explanation


def render(expl: Explanation, out: TextIO) -> None:
    console = Console(file=out, width=150, emoji=False, highlight=False)
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
                table.add_row(
                    d.token,
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
            target = f"{e.target.code} ({e.target.text})" if e.target else "-"
            console.print(
                "  [green]event[/green] "
                + escape(
                    f"{e.source.code} ({e.source.text}) {e.cameo} "
                    f"{e.cameo_name} -> {target}; {e.date} ({_value(e.date_precision)}, "
                    f"{e.date_source.value}); "
                    f"mode {e.mode.value}; confidence {e.confidence}; rule {e.evidence.rule}"
                )
            )
    console.print(f"\n{len(expl.result.events)} events")


def _value(v: object) -> str:
    return str(getattr(v, "value", v))
