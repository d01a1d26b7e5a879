"""Fit the confidence model (src/accord/data/calibration/confidence.json).

Usage: python scripts/calibrate.py [PLOVER_DEV_JSONL]
       (default: ../shared/gold/plover_examples_dev.jsonl)

Codes the tune half of the PLOVER dev examples (the fixed split of score_gold.py: a
record is in the check half when the sha256 of its id is odd), labels every output event
right or wrong by the whole-dyad match (source country, target country, PLOVER type; a
true positive of ``score_gold.py sentgold``), and fits a logistic regression of that
label on the event's features (accord.coding.confidence.features), with an L2 penalty
that keeps weights small on this small sample; the penalty is chosen by 5-fold
cross-validation on the tune half alone (held-out log loss, folds by record). Writes the
weights with their provenance, and prints the reliability of the new confidence on both
halves (the check half is the one to quote). The data stays in ../shared; only the fitted
numbers enter the project.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import numpy as np

from accord.api import Coder
from accord.coding.confidence import FEATURES, ConfidenceModel, features
from accord.config import Settings
from accord.evaluation import load_gold
from accord.evaluation.calibration import reliability
from accord.evaluation.reference import GoldTriple, half_of, whole_dyad_right
from accord.model import Event

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "accord" / "data" / "calibration" / "confidence.json"
PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)
FOLDS = 5


Row = tuple[Event, bool]


def labelled(coder: Coder, path: Path, half: str) -> list[Row]:
    gold = load_gold(path)
    out: list[Row] = []
    for record in gold.records:
        if half_of(record.id) != half or not record.evaluate:
            continue
        events = coder.code_text(record.text, date=record.date, doc_id=record.id)
        triples = [GoldTriple(e.source, e.target, e.code, e.plover) for e in record.events]
        out.extend(zip(events, whole_dyad_right(triples, events), strict=True))
    return out


def _xy(rows: list[Row]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[1.0, *(features(e)[f] for f in FEATURES)] for e, _ in rows])
    y = np.array([1.0 if right else 0.0 for _, right in rows])
    return x, y


def choose_penalty(rows: list[Row]) -> float:
    """The penalty with the lowest held-out log loss over FOLDS folds of records."""
    docs = sorted({e.doc_id for e, _ in rows})
    fold = {d: i % FOLDS for i, d in enumerate(docs)}
    best, best_loss = PENALTIES[0], float("inf")
    for penalty in PENALTIES:
        loss = 0.0
        for k in range(FOLDS):
            train = [r for r in rows if fold[r[0].doc_id] != k]
            test = [r for r in rows if fold[r[0].doc_id] == k]
            if not train or not test:
                continue
            w = _weights(*_xy(train), penalty)
            x, y = _xy(test)
            p = np.clip(1.0 / (1.0 + np.exp(-x @ w)), 1e-6, 1 - 1e-6)
            loss -= float(np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))
        if loss < best_loss:
            best, best_loss = penalty, loss
    return best


def fit(rows: list[Row], penalty: float) -> tuple[float, dict[str, float]]:
    w = _weights(*_xy(rows), penalty)
    return float(w[0]), {f: round(float(v), 4) for f, v in zip(FEATURES, w[1:], strict=True)}


def _weights(x: np.ndarray, y: np.ndarray, strength: float) -> np.ndarray:
    """L2-penalised logistic regression by Newton's method (the intercept unpenalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * strength
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + penalty @ w
        hess = x.T @ (x * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def report(name: str, model: ConfidenceModel, rows: list[Row]) -> None:
    rel = reliability([(model.of(e), right) for e, right in rows])
    print(f"{name}: {rel.events} events, ECE {rel.ece:.3f}" if rel.ece is not None else name)
    for b in rel.bins:
        if b.events and b.mean_confidence is not None and b.share_right is not None:
            print(
                f"  {b.low:.1f}-{b.high:.1f}: {b.events:3d} events, mean confidence "
                f"{b.mean_confidence:.2f}, right {b.share_right:.2f}"
            )


def main() -> None:
    path = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else ROOT.parent / "shared" / "gold" / ("plover_examples_dev.jsonl")
    )
    # every event the coder finds, not only those the current model rates above the
    # default --min-confidence: a model fitted on its own survivors would be biased
    coder = Coder.load(Settings().replace(min_confidence=0.0))
    tune = labelled(coder, path, "tune")
    check = labelled(coder, path, "check")
    penalty = choose_penalty(tune)
    intercept, weights = fit(tune, penalty)
    data = {
        "fitted_on": (
            f"{path.name}, tune half ({len(tune)} events, "
            f"{sum(r for _, r in tune)} right), L2 penalty {penalty} (5-fold CV), "
            f"{dt.date.today().isoformat()}, scripts/calibrate.py"
        ),
        "intercept": round(intercept, 4),
        "weights": weights,
    }
    OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    model = ConfidenceModel.from_json(data)
    report("tune half (fitted)", model, tune)
    report("check half", model, check)


if __name__ == "__main__":
    main()
