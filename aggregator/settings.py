"""Scrapy settings shared by ``scrapy crawl`` and the ``clusterfeeds`` command."""

from core import HOMEPAGE, __version__

BOT_NAME = "clusterfeeds"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

USER_AGENT = f"clusterfeeds/{__version__} (+{HOMEPAGE})"
ROBOTSTXT_OBEY = True

# Both open a port that runs code; an unattended cron job needs neither.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# Polite to each site, but many sites crawl side by side.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
# The default (100) halves throughput on small pages.
CONCURRENT_ITEMS = 16
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_DELAY = 0
# Seconds between two requests to one host from all the Redis workers together
# (aggregator/redis_crawl/politeness.py); CONCURRENT_REQUESTS_PER_DOMAIN is
# their shared limit too.
CLUSTERFEEDS_HOST_DELAY = 0.5
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
# Unchanged pages cost a 304 and no body; see spiders/http/cache.py and storage.py.
# `clusterfeeds` keeps the cache beside the database (<db>.httpcache).
HTTPCACHE_ENABLED = True
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.httpcache.HttpCacheMiddleware": None,
    "spiders.http.cache.RevalidatingCacheMiddleware": 900,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.http.retry.BackoffRetryMiddleware": 550,
}
HTTPCACHE_POLICY = "spiders.http.cache.RevalidatePolicy"
HTTPCACHE_STORAGE = "spiders.http.storage.SqliteCacheStorage"
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_GZIP = True
RETRY_ENABLED = True
RETRY_TIMES = 2
# Seconds before the first retry, doubled for each next one; a Retry-After
# answer counts too, within the cap.
RETRY_BACKOFF_BASE = 2.0
RETRY_BACKOFF_MAX = 60.0
REDIRECT_MAX_TIMES = 5

# Plain HTTP for live sites; routed to the replay server when a snapshot is set.
DOWNLOAD_HANDLERS = {
    "http": "spiders.replay.server.ReplayDownloadHandler",
    "https": "spiders.replay.server.ReplayDownloadHandler",
}

EXTENSIONS = {
    "spiders.progress.Progress": 500,
    "scrapy.extensions.throttle.AutoThrottle": None,
    "spiders.http.throttle.RevalidationAwareAutoThrottle": 0,
}

ITEM_PIPELINES = {
    "pipelines.clean.CleanTextPipeline": 100,
    "pipelines.normalize.NormalizeDatesPipeline": 200,
    "pipelines.places.VenuePipeline": 250,
    "pipelines.classify.ClassifyPipeline": 300,
    "pipelines.topics.TopicPipeline": 350,
    "pipelines.store.SQLiteStorePipeline": 400,
}

# clusterfeeds' own settings; the command line sets them, `scrapy crawl -s` can too.
CLUSTERFEEDS_DB = "clusterfeeds.db"
# The "today" that decides upcoming/open/closed: YYYY-MM-DD, empty for the real today.
CLUSTERFEEDS_AS_OF = ""
# A snapshot folder to crawl instead of the live sites (see aggregator/replay.py).
CLUSTERFEEDS_SNAPSHOT = ""
# Show a status line of every source's crawl (the command sets it on a terminal).
CLUSTERFEEDS_PROGRESS = False
# host:port of an already running replay server (tests start their own).
CLUSTERFEEDS_REPLAY_ADDRESS = ""
# Bounds on one page (spiders/base.py): seconds its extraction may take on a
# worker thread, pages of one source extracted at a time, and how many items
# and links it may yield. Each overrun is a problem; the crawl goes on.
CLUSTERFEEDS_PAGE_SECONDS = 30.0
CLUSTERFEEDS_EXTRACTION_THREADS = 2
CLUSTERFEEDS_PAGE_ITEMS = 500
CLUSTERFEEDS_PAGE_LINKS = 2000

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
