"""Region tagger: the gazetteer of federal subjects and towns, and which subjects an article is about."""
