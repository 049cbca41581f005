"""Scrapy settings for newsmon crawls: every default in one place.

`scrapy.cfg` points here so `scrapy shell URL` uses the same settings when debugging a page.
"""

BOT_NAME = "newsmon"
SPIDER_MODULES = ["spiders"]
USER_AGENT = "newsmon/0.1 (+media monitoring of regional news; contact: see sources.yml owner)"

# Politeness: obey robots.txt, throttle per outlet (download_slot = source name).
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 10.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

# Faults: retry 5xx and timeouts, follow redirects, never hang on one slow outlet.
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_TIMEOUT = 30
REDIRECT_ENABLED = True
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024

# Keep to Scrapy's own scheduler and dupefilter, so the frontier can later be shared across
# machines with scrapy-redis by setting SCHEDULER / DUPEFILTER_CLASS alone.
DUPEFILTER_CLASS = "scrapy.dupefilters.RFPDupeFilter"

ITEM_PIPELINES = {
    "pipeline.scrapy_pipelines.CanonicalPipeline": 100,
    "pipeline.scrapy_pipelines.ExtractPipeline": 300,
    "pipeline.scrapy_pipelines.TagPipeline": 500,
    "pipeline.scrapy_pipelines.StorePipeline": 900,
}

LOG_LEVEL = "WARNING"
TELNETCONSOLE_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"

# newsmon's own settings, filled by newsmon/crawl.py for each run.
NEWSMON_DB_PATH = "newsmon.db"
NEWSMON_SOURCES: list = []
NEWSMON_SINCE = None
NEWSMON_RUN_ID = 0
NEWSMON_USER_DIR = "."
