"""Project tagger: the register of projects and quoted project names."""
