"""spaCy's entity recogniser, decoded a batch of sentences at a time in numpy.

spaCy's ``ner`` component scores one transition per token with a small network and
applies it in a compiled loop. The network is cheap; the loop is not: in the spaCy
build this project installs, every look at a parser state (``StateC.B_()`` and the
like) takes and releases Python's global interpreter lock, and the BILUO validity test
looks at the state about 70 times per token. That loop was 30% of spaCy's own parser +
NER time on news text.

:class:`GreedyEntities` computes the same thing differently. The entity transition
system always consumes exactly one token per step, so step ``k`` of every sentence in a
batch is token ``k``: the states of a whole batch advance together as numpy arrays
(features, scores, which moves are valid, the move taken). What stays the model's own:
its token vectors and precomputed feature layer (``lower``), its output layer
(``upper``), its move table and the validity rules of ``BiluoPushDown`` for documents
without preset entities. Same entities as the component: tests/integration/
test_entities.py compares them at the edges of every validity rule, test_attributes.py
every annotation on news text, both against the untouched pipeline.

:meth:`GreedyEntities.compile` gives ``None`` for a component this decoder does not
model (beam search, other feature sets, no output layer, classes marked unseen); a
batch holding a preset entity is handed to the component itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

_MOVES = ("B", "I", "L", "U", "O")
"""The BILUO moves, by the index ``GreedyEntities.moves`` holds."""


@dataclass(frozen=True, slots=True)
class GreedyEntities:
    """The entity recogniser ``ner`` of a loaded pipeline, decoded in numpy."""

    component: Any
    """spaCy's ``ner`` pipe: its layers are used, and it labels batches with presets."""
    moves: np.ndarray
    """Per class: index of its move in ``_MOVES`` ('B', 'I', 'L', 'U', 'O'), -1 for any other."""
    labels: np.ndarray
    """Per class: its entity label's index in ``names``, -1 for none."""
    names: tuple[str, ...]

    @classmethod
    def compile(cls, component: Any) -> GreedyEntities | None:
        cfg = getattr(component, "cfg", {})
        model = getattr(component, "model", None)
        if model is None or cfg.get("beam_width", 1) != 1:
            return None
        try:
            lower = model.get_ref("lower")
            if lower.get_dim("nF") != 3 or not model.attrs.get("has_upper"):
                return None
            if model.attrs.get("unseen_classes"):
                return None
            moves = component.moves
            classes = [moves.get_class_name(i) for i in range(moves.n_moves)]
        except (AttributeError, KeyError, ValueError):
            return None
        names: list[str] = []
        kinds: list[int] = []
        labels: list[int] = []
        for name in classes:
            move, _, label = name.partition("-")
            kinds.append(_MOVES.index(move) if move in _MOVES else -1)
            if label:
                if label not in names:
                    names.append(label)
                labels.append(names.index(label))
            else:
                labels.append(-1)
        return cls(component, np.array(kinds), np.array(labels), tuple(names))

    def __call__(self, docs: Sequence[Any]) -> None:
        """Set the entities of ``docs`` (parsed spaCy Docs, in place)."""
        from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
        from spacy.tokens import Span

        docs = [d for d in docs if len(d)]
        if not docs:
            return
        columns = np.concatenate([d.to_array([ENT_IOB, IS_SPACE, SENT_START]) for d in docs])
        columns = columns.astype(np.int64)  # SENT_START -1 comes as the largest uint64
        if columns[:, 0].any():
            for _ in self.component.pipe(docs):  # preset entities: the component's rules
                pass
            return
        spans_of = self._decode(docs, columns[:, 1] != 0, columns[:, 2] == 1)
        for doc, spans in zip(docs, spans_of, strict=True):
            doc.set_ents(
                [Span(doc, s, e, label=self.names[k]) for s, e, k in spans], default="outside"
            )

    def _decode(
        self, docs: Sequence[Any], is_space: np.ndarray, sent_start: np.ndarray
    ) -> list[list[tuple[int, int, int]]]:
        """Each doc's entities as (start, end, label index); ``is_space`` and
        ``sent_start`` hold a flag per token of all the docs, in order."""
        model = self.component.model
        tokvecs = model.layers[0].predict(docs)
        cached = model.get_ref("lower").predict(tokvecs)  # (tokens + 1, 3, hidden, pieces)
        bias = model.get_ref("lower").get_param("b")
        upper = model.get_ref("upper")
        weights_t = upper.get_param("W").T
        upper_b = upper.get_param("b")
        lengths = np.array([len(d) for d in docs])
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1])) + 1  # +1: row 0 is padding
        order = np.argsort(-lengths, kind="stable")  # longest first: the active are a prefix
        n = lengths[order]
        first = starts[order]
        # by row of ``cached``: whitespace; the next token of its doc starts a sentence
        space = np.concatenate(([False], is_space))
        next_start = np.concatenate(([False], sent_start[1:], [False]))
        next_start[starts + lengths - 1] = False  # a doc's last token has no next
        kinds, labels = self.moves, self.labels
        labelled = labels >= 0
        b_ok, i_ok = (kinds == 0) & labelled, (kinds == 1) & labelled
        l_ok, u_ok, o_ok = (kinds == 2) & labelled, (kinds == 3) & labelled, kinds == 4
        count = len(docs)
        open_at = np.full(count, -1)  # row in ``cached`` of the open entity's first token
        open_label = np.full(count, -1)
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        for k in range(int(n[0])):
            m = int(np.count_nonzero(n > k))
            here = first[:m] + k
            entity = open_at[:m] >= 0
            features = cached[here, 0] + cached[np.where(entity, open_at[:m], 0), 1]
            features += cached[np.where(entity, here - 1, 0), 2]
            features += bias
            scores = features.max(axis=-1) @ weights_t
            scores += upper_b
            room = (n[:m] - k >= 2) & ~next_start[here]
            closed, blank = ~entity, space[here]
            same = labels[None, :] == open_label[:m, None]
            valid = (
                (b_ok & (closed & room & ~blank)[:, None])
                | (i_ok & (entity & room)[:, None] & same)
                | (l_ok & entity[:, None] & same)
                | (u_ok & (closed & ~blank)[:, None])
                | (o_ok & closed[:, None])
            )
            guess = np.where(valid, scores, -np.inf).argmax(axis=1)
            move = kinds[guess]
            begin = move == 0
            open_at[:m][begin] = here[begin]
            open_label[:m][begin] = labels[guess[begin]]
            for s in np.flatnonzero((move == 2) | (move == 3)):
                start = k if move[s] == 3 else int(open_at[s] - first[s])
                found[int(order[s])].append((start, k + 1, int(labels[guess[s]])))
            done = move == 2
            open_at[:m][done] = -1
            open_label[:m][done] = -1
        return found
