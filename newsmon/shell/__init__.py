"""What the commands share: the --db/--month/--format options, the output formats (table, CSV, JSON), the --region/--topic/… filters and fetching a page by URL."""
