"""Crawling on several machines through Redis (scrapy-redis): `clusterfeeds
worker` fetches and extracts pages, `clusterfeeds crawl --redis` seeds the start
requests and is the one writer that stores what the workers found into SQLite.

Redis holds, under ``clusterfeeds:``: each source's request queue and duplicate
filter (scrapy-redis), its outputs (items and problems, for the writer) and the
counters the writer's crawl row needs, the requests each worker holds
(``leases:<worker>``) and its heartbeat (``alive:<worker>``), and each host's
next free moment (politeness shared by the workers)."""
