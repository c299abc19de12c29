"""Processing provider and algorithms of Complete Community (provider id `complete_community`)."""
