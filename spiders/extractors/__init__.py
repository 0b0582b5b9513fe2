"""Page extractors: plain functions of (URL, HTML) with no Scrapy import.

Each source module exposes ``extract(url, html) -> Extraction``; tests call it
directly on snapshot pages.
"""
