"""Organization tagger: the registry of known organizations, their aliases and normal forms."""
