"""Step 2 of the flow: a fetched page (HTML bytes) -> Extracted text, title, date, page type, canonical URL. No NLP, no database."""
