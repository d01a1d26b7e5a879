"""Event coding: ontology, actor knowledge base, verb patterns, modality, event assembly."""
