"""clusterfeeds, the application on top: the ``clusterfeeds`` command and its
sub-commands, the crawl runner, Scrapy's settings, the source registry as the
command sees it, the feeds' web server and the bundled snapshot the demo
crawls. It imports spiders/, pipelines/, feeds/ and core/; none of them
imports it."""
