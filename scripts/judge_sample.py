"""A judged-precision sheet from the Wikinews check half, and the tally of a filled-in one.

    .venv/bin/python scripts/judge_sample.py draw --n 100 --seed 1 --out sheet.md
    .venv/bin/python scripts/judge_sample.py tally sheet.md

``draw`` codes every article of the corpus's check half (political and non-political alike:
what users see) as ``accord code`` does, draws N of the events at random (seeded), and writes
a Markdown sheet: for each event its sentence, the sentences before and after it, the
article's title, date and address, the event's fields, and empty lines for the judgements of
``../shared/docs/judging.md`` (real, source_ok, target_ok, code_ok, date_ok, note). The sheet
starts with the Wikinews attribution (CC BY 2.5), so it may be committed; a sheet drawn from
another corpus (``--corpus``) says instead that its text is under that corpus's licence.
``tally`` reads a filled-in sheet and prints the share fully correct, as judging.md defines
it, and each field's counts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews" / "wikinews_2019_2020.jsonl"

WIKINEWS_NOTICE = """Sentences and titles quoted below are from English Wikinews (https://en.wikinews.org),
by Wikinews contributors, licensed CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/);
each item names its article's address."""

OTHER_NOTICE = """Sentences and titles quoted below are from {corpus}, under that corpus's own
licence: this sheet is for judging, not for committing unless that licence allows it."""

HEADER = """# accord judged-precision sheet

{notice} The events are accord's output ({version}).

Drawn by `scripts/judge_sample.py draw --n {n} --seed {seed} --half {half}{corpus_arg}`
from the {events} events accord printed for the {docs} articles of {corpus} in the {half} half.
Judge each item by `../shared/docs/judging.md`: fill in the answer lines, then run
`scripts/judge_sample.py tally` on this file.
"""


def draw(args: argparse.Namespace) -> int:
    from accord.api import Coder
    from accord.evaluation import half_of
    from accord.evaluation.judging import ArticleContext, draw_sample, render_sheet
    from accord.model import DocResult, Document
    from accord.text import clean_document

    corpus = Path(args.corpus)
    if not corpus.is_file():
        sys.stderr.write(f"corpus not found: {corpus}\n")
        return 2
    coder = Coder.load()
    docs = [
        d
        for d in coder.read([str(corpus)])
        if isinstance(d, Document) and (args.half == "all" or half_of(d.id) == args.half)
    ]
    events = []
    articles: dict[str, ArticleContext] = {}
    for result in coder.code_documents(docs):
        if not isinstance(result, DocResult) or result.failures:
            continue
        clean = clean_document(result.doc)
        articles[result.doc.id] = ArticleContext(
            title=clean.doc.title,
            date=clean.doc.date,
            url=result.doc.url,
            sentences=tuple(s.text for s in clean.sentences),
        )
        events.extend(result.events)
    sample = draw_sample(events, args.n, args.seed)
    wikinews = corpus.resolve() == CORPUS.resolve()
    header = HEADER.format(
        notice=WIKINEWS_NOTICE if wikinews else OTHER_NOTICE.format(corpus=corpus.name),
        corpus_arg="" if wikinews else f" --corpus {corpus.name}",
        version=coder.resources.version.split(";")[0],
        n=args.n,
        seed=args.seed,
        half=args.half,
        events=len(events),
        docs=len(docs),
        corpus=corpus.name,
    )
    text = render_sheet(sample, articles, header)
    Path(args.out).write_text(text, encoding="utf-8")
    sys.stdout.write(
        f"{len(sample)} of {len(events)} events from {len(docs)} articles -> {args.out}\n"
    )
    return 0


def tally(args: argparse.Namespace) -> int:
    from accord.evaluation.judging import format_tally, parse_sheet
    from accord.evaluation.judging import tally as count

    path = Path(args.sheet)
    judgements = parse_sheet(path.read_text(encoding="utf-8"), origin=str(path))
    sys.stdout.write(format_tally(count(judgements)))
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw", help="code the corpus half and write a sheet of N sampled events")
    d.add_argument("--n", type=int, default=100)
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--half", choices=["check", "tune", "all"], default="check")
    d.add_argument("--corpus", default=str(CORPUS))
    d.add_argument("--out", default="judging_sheet.md")
    t = sub.add_parser("tally", help="share fully correct of a filled-in sheet")
    t.add_argument("sheet")
    args = parser.parse_args(argv[1:])
    return draw(args) if args.command == "draw" else tally(args)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
