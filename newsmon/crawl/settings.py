"""Scrapy settings for newsmon crawls: every default in one place.

`scrapy.cfg` points here so `scrapy shell URL` uses the same settings when debugging a page.
Frontier: Scrapy's own scheduler and dupefilter. `newsmon crawl --redis URL` swaps in the shared
one (scrapy-redis with leases, newsmon/crawl/redis_worker.py: worker_settings) and a download
handler that spaces each outlet's requests across machines; docs/scale-out.md.
"""

BOT_NAME = "newsmon"
SPIDER_MODULES = ["spiders"]
USER_AGENT = "newsmon/0.1 (+media monitoring of regional news; contact: see sources.yml owner)"

# Politeness: obey robots.txt, throttle per outlet (every request has download_slot = source name,
# so outlets sharing a host but differing by port throttle apart).
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 4  # per download slot, i.e. per outlet
DOWNLOAD_DELAY = 0.25
DOWNLOAD_DELAY_JITTER = 0.5  # ±50%
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 10.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

# Faults: retry 5xx and timeouts, follow redirects, never hang on one slow outlet.
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_TIMEOUT = 30
DNS_TIMEOUT = 20
REDIRECT_ENABLED = True
REDIRECT_MAX_TIMES = 10
METAREFRESH_ENABLED = True
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 0

# Scrapy's own scheduler and dupefilter; --redis replaces them (see the module docstring).
DUPEFILTER_CLASS = "scrapy.dupefilters.RFPDupeFilter"

DOWNLOADER_MIDDLEWARES = {
    # Scrapy's offsite filter ignores ports; ours compares scheme+host+port with the source.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "spiders.middlewares.OriginOffsiteMiddleware": 50,
    # Scrapy's retries, waiting what a 429/503 asks in Retry-After (up to NEWSMON_RETRY_AFTER_MAX).
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.middlewares.RetryAfterMiddleware": 550,
}

# Items are processed concurrently per response up to this count; Scrapy starts that many asyncio
# workers for every response, and an article response carries one item (100 cost ~30% CPU).
CONCURRENT_ITEMS = 4

ITEM_PIPELINES = {
    "newsmon.crawl.pipelines.CanonicalPipeline": 100,
    "newsmon.crawl.pipelines.ExtractPipeline": 300,
    "newsmon.crawl.pipelines.TagPipeline": 500,
    "newsmon.crawl.pipelines.StorePipeline": 900,
}

EXTENSIONS = {
    "newsmon.crawl.progress.Progress": 500,
    "newsmon.crawl.timing.DownloadTime": 510,
}

LOG_LEVEL = "WARNING"
LOGSTATS_INTERVAL = 0  # newsmon.crawl.progress prints the per-source line instead
TELNETCONSOLE_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"

# newsmon's own settings, filled by newsmon/crawl/run.py for each run.
NEWSMON_DB_PATH = "newsmon.db"
NEWSMON_RETRY_AFTER_MAX = 120.0  # seconds: the longest Retry-After (429/503) waited before a retry
NEWSMON_DB_TIMEOUT = 30.0  # seconds a write waits for another process's lock before giving up
NEWSMON_SOURCES: list = []
NEWSMON_SINCE = None
NEWSMON_RUN_ID = 0
NEWSMON_USER_DIR = "."
NEWSMON_MAX_LISTING_PAGES = 50  # per source and run: a safety net, the gate stops first
NEWSMON_EXTRACT_WORKERS = -1  # extraction processes beside the reactor; -1 auto, 0 inline
# An ISO instant the pages are read as fetched at, for replaying a past night (the blind
# outlets' evaluation): dates after it are in the future, as they were that night. None: now.
NEWSMON_CRAWL_TIME = None
NEWSMON_TAG_ENABLED = True  # False stores articles untagged (benchmarks, extraction debugging)
NEWSMON_TAG_BATCH = 16  # articles tagged together: Natasha's NER costs less per text in bulk
NEWSMON_TAG_BATCH_WAIT = 0.05  # seconds an article waits for its batch to fill
NEWSMON_PROGRESS = False  # the per-source progress line on stderr; on under a TTY
NEWSMON_PROGRESS_INTERVAL = 10.0  # seconds
# Distributed crawl (--redis), docs/scale-out.md.
NEWSMON_REDIS_WAIT = 60.0  # seconds a worker waits for `newsmon store --redis` to open the night
NEWSMON_REDIS_WORKER_TTL = 30.0  # seconds without a heartbeat before a worker counts as dead
NEWSMON_REDIS_OUTLET_INTERVAL = -1.0  # seconds between one outlet's requests, all workers; -1: DOWNLOAD_DELAY
