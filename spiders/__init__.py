"""One Scrapy spider per source. Spiders only crawl and extract raw fields;
dates stay text until the pipelines read them."""
