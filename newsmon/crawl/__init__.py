"""Scrapy glue: settings, item pipelines (thin adapters over pipeline/ and db/), workers, progress, and the crawl run itself."""
