"""The only layer that imports spaCy: it turns sentences into plain Token records."""

from accord.nlp.parser import Parser, SpacyParser, Tokenizer

__all__ = ["Parser", "SpacyParser", "Tokenizer"]
