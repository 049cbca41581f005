"""sources.yml: the outlets to watch, validated per source kind, and the registry of source kinds."""
