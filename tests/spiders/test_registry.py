"""The sources' facts as the commands that do not crawl read them (without
Scrapy) are those the crawl's spider classes have: one declaration each."""

from dataclasses import fields
from urllib.parse import urlsplit

import pytest

from core.sources import CODE_SOURCES, Source
from spiders.base import SourceSpider
from spiders.eufunding import EufundingSpider, search_url
from spiders.extractors import eufunding
from spiders.registry import all_sources, source_facts, source_hosts


def facts_of(spider) -> Source:
    facts = {fact.name: getattr(spider, fact.name) for fact in fields(Source)}
    return Source(**{**facts, "start_urls": tuple(spider.start_urls)})


def test_each_spider_class_has_the_facts_its_source_declares():
    declared = {source.name: source for source in source_facts()}
    spiders = {spider.name: spider for spider in all_sources()}
    assert sorted(spiders) == sorted(declared)
    for name, spider in spiders.items():
        assert facts_of(spider) == declared[name], name
    assert source_hosts() == {name: spider.hosts for name, spider in spiders.items()}


def test_every_spider_in_code_takes_its_facts_from_the_table():
    in_code = {spider.name: spider for spider in all_sources() if spider.__module__ != "spiders.configured"}
    assert sorted(in_code) == sorted(CODE_SOURCES)
    for name, spider in in_code.items():
        assert spider.source is CODE_SOURCES[name], name


def test_a_spider_cannot_declare_a_fact_its_source_declares():
    with pytest.raises(TypeError, match="title already declared by its source"):

        class Twice(SourceSpider, source=CODE_SOURCES["eccp"]):
            title = "another title"


def test_the_eu_funding_hosts_are_those_of_the_urls_its_extractor_reads():
    # The other site extractors take their hosts from the declaration itself.
    api, topics = (urlsplit(url).hostname for url in (eufunding.SEARCH_URL, eufunding.TOPIC_PAGE))
    assert CODE_SOURCES["eufunding"].hosts == (api, topics)


def test_the_funding_portal_starts_at_the_first_page_of_its_search():
    assert EufundingSpider.start_urls == [search_url(EufundingSpider.page_size, 1)]
    assert EufundingSpider.page_size == 10
