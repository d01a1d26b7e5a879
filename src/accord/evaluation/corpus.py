"""False events on news with no politics in it: a corpus measure, not a gold set.

Every event accord prints for a sports, entertainment or technology article is almost
surely false. On the articles of the chosen categories, :func:`evaluate_nonpolitical`
reports events per 1,000 words (words: the title and text split on whitespace, as the
corpus README counts them) and the number of violent events (CAMEO roots 18, 19, 20),
overall and per category. Both are held by the eval gate as ceilings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from accord.coding.ontology import VIOLENT_ROOTS
from accord.evaluation.documents import event_line
from accord.evaluation.inputs import DocumentCoder, Scope
from accord.evaluation.reference import event_root
from accord.evaluation.results import DocumentOutcome, EvalReport, Figure, GroupScore, headline_from
from accord.model import Document

DEFAULT_CATEGORIES: tuple[str, ...] = ("sport", "entertainment", "tech")


def count_words(title: str | None, text: str) -> int:
    """Words of an article as the corpus READMEs count them: title plus text, split on
    whitespace."""
    return len(f"{title or ''} {text}".split())


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    words: int
    category: str | None

    @classmethod
    def of(cls, doc: Document) -> Article:
        category = doc.metadata.get("category")
        return cls(doc.id, count_words(doc.title, doc.text), str(category) if category else None)


@dataclass(frozen=True, slots=True)
class Corpus:
    """A news corpus read for a corpus measure: its articles' ids, sizes and categories."""

    name: str
    """The file's stem, e.g. 'bbc_news'; the prefix of its gate keys."""
    path: str
    digest: str
    articles: tuple[Article, ...]


def _figures(articles: int, words: int, events: int, violent: int) -> tuple[Figure, ...]:
    rate = 1000 * events / words if words else None
    return (
        Figure("articles", "articles scored", float(articles), count=True),
        Figure("words", "words (title + text, split on whitespace)", float(words), count=True),
        Figure("events", "events printed (all false)", float(events), count=True),
        Figure(
            "events_per_1000_words",
            "events per 1,000 words",
            rate,
            f"{events} events in {words} words",
        ),
        Figure(
            "violent_events",
            "violent events (CAMEO roots 18, 19, 20)",
            float(violent),
            f"{violent} of {events} events",
            count=True,
        ),
    )


def evaluate_nonpolitical(
    corpus: Corpus,
    coder: DocumentCoder,
    categories: Sequence[str] = DEFAULT_CATEGORIES,
    scope: Scope | None = None,
) -> EvalReport:
    """Code the articles of ``categories`` (within ``scope``) and count the events printed."""
    chosen = scope or Scope()
    wanted = set(categories)
    of_category = [a for a in corpus.articles if a.category in wanted]
    in_half = [a for a in of_category if chosen.in_half(a.id)]
    articles = [a for a in in_half if chosen.exclusion(a.id) is None]
    coded = coder([a.id for a in articles])
    outcomes: list[DocumentOutcome] = []
    by_category: dict[str, list[int]] = {c: [0, 0, 0, 0] for c in categories}
    for a in articles:
        events = coded.events.get(a.id, ())
        violent = sum(1 for e in events if event_root(e) in VIOLENT_ROOTS)
        tally = by_category[a.category or ""]
        for i, n in enumerate((1, a.words, len(events), violent)):
            tally[i] += n
        outcomes.append(
            DocumentOutcome(
                a.id,
                False,
                len(events),
                printed=tuple(f"{a.id}: {event_line(e, 90)}" for e in events),
                error=coded.errors.get(a.id),
            )
        )
    totals = [sum(t[i] for t in by_category.values()) for i in range(4)]
    groups = [
        GroupScore(
            key="all",
            label="articles of " + ", ".join(categories),
            n_records=totals[0],
            n_errors=sum(1 for o in outcomes if o.error is not None),
            figures=_figures(*totals),
        )
    ]
    groups += [
        GroupScore(
            key=c,
            label=f"category {c}",
            n_records=t[0],
            n_errors=sum(
                1 for o, a in zip(outcomes, articles, strict=True) if o.error and a.category == c
            ),
            figures=_figures(*t),
        )
        for c, t in by_category.items()
    ]
    headlines = tuple(
        h
        for h in (
            headline_from(groups[0], "events_per_1000_words", "false events per 1,000 words"),
            headline_from(groups[0], "violent_events", "violent events (roots 18-20, all false)"),
        )
        if h is not None
    )
    notes = [
        f"{len(of_category)} article(s) of {', '.join(categories)} in {corpus.path}; "
        "every event printed for them counts as false"
    ]
    excluded = len(in_half) - len(articles)
    if excluded:
        notes.append(f"{excluded} article(s) not evaluated by the project")
    if chosen.half is not None:
        other = len(of_category) - len(in_half)
        notes.append(f"{chosen.half} half only: {other} article(s) of the other half left out")
    return EvalReport(
        set_name=corpus.name,
        path=corpus.path,
        digest=corpus.digest,
        kind="corpus",
        family="nonpolitical",
        n_records=len(of_category),
        n_not_evaluated=excluded,
        include_all_modes=False,
        headlines=headlines,
        groups=tuple(groups),
        notes=tuple(notes),
        half=chosen.half,
        n_other_half=len(of_category) - len(in_half),
        documents=tuple(outcomes),
    )
