"""Word lists and small tables the coder reads (see accord.coding.lexicon)."""
