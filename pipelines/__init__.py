"""Item pipelines, in the order Scrapy runs them (ITEM_PIPELINES in aggregator/settings.py):

clean.py (check the item's fields, clean its text) → normalize.py (dates) →
places.py (the venue's city and country) → classify.py (the status the page states) → topics.py (topic tags) →
store.py (the upsert into SQLite, with dedupe.py finding what is the same thing, and
coverage.py counting the share of items with each field, for the crawl's row).

``pipelines.dates`` is the date engine; it knows nothing of Scrapy.
"""
