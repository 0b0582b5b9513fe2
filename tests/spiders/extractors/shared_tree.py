"""What every site extractor's tests check of the tree the spider shares."""

from lxml import etree

from spiders.extractors.tree import tree_of


def assert_reads_its_tree_as_its_html_and_leaves_it_whole(extract, url: str, html: str):
    """The spider parses a page once and hands the same tree to every reader of it."""
    root = tree_of(html)
    before = etree.tostring(root)
    assert extract(url, root) == extract(url, html), url
    assert etree.tostring(root) == before, url
