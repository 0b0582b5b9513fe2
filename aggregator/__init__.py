"""clusterfeeds: the application around the spiders, pipelines and feeds.

Settings, the source registry, the SQLite schema, snapshot replay and the
``clusterfeeds`` command live here.
"""

__version__ = "0.1.0"
HOMEPAGE = "https://github.com/clusterfeeds/clusterfeeds"
