"""Step 3 of the flow: taggers that read an article's text (entities, regions, orgs, projects, topics) and fill TagResult."""
