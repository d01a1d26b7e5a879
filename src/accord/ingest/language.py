"""Is a document English? The coder reads English only: a document confidently written in
another language is skipped with a record (``skipped: language=fr``) instead of giving no
events without a word.

The language model is py3langid's (a naive Bayes model over byte n-grams; it ships inside the
package's wheel, and nothing is downloaded). A model alone takes English dense with foreign
names for another language ("Recep Tayyip Erdoğan, Mevlüt Çavuşoğlu and Hulusi Akar spoke in
Ankara" reads as Turkish), so a document is skipped only when all of these hold:

* it has at least :data:`MIN_CHARS` characters (shorter texts are left alone) and at least
  half as many letters;
* English function words ("the", "and", "said", ...) make up under :data:`ENGLISH_SHARE` of
  its words; English prose runs at 20-40%, other languages near 0, and English with many
  names or a foreign quotation well above the bar;
* the model's best guess is a language other than English, and it gives English (with
  Nigerian Pidgin and 'no language') a probability under 1 - :data:`MIN_CONFIDENCE` (its
  probability is often split between close varieties: Chinese and Wu, Arabic and Moroccan
  Arabic).

Only a sample is read (the start, middle and end, :data:`SAMPLE_CHARS` in all), so the cost is
bounded per document: well under a millisecond for most, as the English-word test decides
most English documents without the model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from accord.config import Settings
from accord.errors import OtherLanguage
from accord.model import Document, Failure

__all__ = [
    "ENGLISH_SHARE",
    "MIN_CHARS",
    "MIN_CONFIDENCE",
    "LanguageCheck",
    "Verdict",
    "skip_other_languages",
]

MIN_CHARS = 200
MIN_CONFIDENCE = 0.95
ENGLISH_SHARE = 0.03
SAMPLE_CHARS = 3000

_WORD = re.compile(r"[^\W\d_]+")
# Common English words that are not also common words of another language written in the
# Latin alphabet ("a", "in", "on", "to", "is", "was", "of", "die", "also", "over", "had",
# "will", "by", "at", "as", "do", "no", "we", "her", "just", "under", "minister" are left out
# for that reason).
_ENGLISH_WORDS = frozenset(
    {
        *("the", "and", "that", "with", "from", "said", "says", "which", "who", "whom"),
        *("whose", "would", "could", "should", "their", "they", "them", "been", "were"),
        *("this", "these", "those", "after", "before", "while", "his", "have", "has", "are"),
        *("its", "not", "but", "than", "there", "when", "what", "where", "about", "into"),
        *("because", "between", "during", "such", "other", "more"),
        *("some", "only", "very", "being", "told", "she", "our", "your", "you", "it"),
        *("year", "years", "people", "government", "country", "against"),
    }
)
# Labels the model gives to English or to no language at all ('zxx').
_NOT_FOREIGN = frozenset({"en", "pcm", "zxx"})


@dataclass(frozen=True, slots=True)
class Verdict:
    """A confident verdict that a text is not English."""

    language: str
    """The model's best guess, an ISO 639 code as py3langid names it ('fr', 'zh', 'ar')."""
    confidence: float
    """The model's probability that the text is not English."""
    chars: int
    """Characters of the text the verdict rests on (the sample)."""

    def describe(self) -> str:
        return (
            f"skipped: language={self.language} (py3langid: not English with probability "
            f"{self.confidence:.2f} on {self.chars:,} characters; the coder reads English only)"
        )


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    third = SAMPLE_CHARS // 3
    middle = len(text) // 2 - third // 2
    return "\n".join((text[:third], text[middle : middle + third], text[-third:]))


def english_share(text: str) -> float:
    """The share of the words of ``text`` that are common English words (0 with no words)."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in _ENGLISH_WORDS) / len(words)


class LanguageCheck:
    """Tells documents confidently in another language; loads the model on first need (about
    0.4 s), once per instance: build one per run, not one per document."""

    def __init__(self) -> None:
        self._identifier: Any = None

    def _model(self) -> Any:
        if self._identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return self._identifier

    def foreign(self, text: str) -> Verdict | None:
        """A :class:`Verdict` when ``text`` is confidently not English; None when it is
        English, too short to tell, or the model is unsure."""
        if len(text) < MIN_CHARS:
            return None
        sample = _sample(text)
        letters = sum(1 for ch in sample if ch.isalpha())
        if letters < MIN_CHARS // 2 or english_share(sample) >= ENGLISH_SHARE:
            return None
        ranked = self._model().rank(sample)
        language = str(ranked[0][0])
        english = sum(float(p) for label, p in ranked if label in _NOT_FOREIGN)
        if language in _NOT_FOREIGN or 1.0 - english < MIN_CONFIDENCE:
            return None
        return Verdict(language, 1.0 - english, len(sample))


def skip_other_languages(
    items: Iterable[Document | Failure], settings: Settings
) -> Iterator[Document | Failure]:
    """``items`` (as :func:`accord.ingest.iter_documents` reads them), with each document
    confidently in another language replaced by its ``language`` failure
    (``skipped: language=fr (...)``, stage ``ingest``); everything when
    ``settings.skip_non_english`` is off.

    The model (about 100 MB) is loaded only when a document needs it: English prose is
    told by its words first.
    """
    if not settings.skip_non_english:
        yield from items
        return
    check = LanguageCheck()
    for item in items:
        if isinstance(item, Document):
            verdict = check.foreign(item.text)
            if verdict is not None:
                yield Failure(
                    doc_id=item.id,
                    origin=item.origin,
                    stage="ingest",
                    code=OtherLanguage.code,
                    message=verdict.describe(),
                )
                continue
        yield item
