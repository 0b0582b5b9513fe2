"""Item pipelines, in order: clean → normalise dates → classify → store.

``pipelines.dates`` is the date engine; it knows nothing of Scrapy.
"""
