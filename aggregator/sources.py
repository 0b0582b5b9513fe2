"""The sources clusterfeeds knows: one spider class each, found by Scrapy's
spider loader so that `scrapy list` and `clusterfeeds sources` always agree."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

if TYPE_CHECKING:  # spiders.base reads the sources' hosts from here
    from spiders.base import SourceSpider

# When several sources announce one event or call, its entry links to the page
# of the first of them in this order and takes its title and summary from it
# (feeds/load.py): the agencies that run the programmes and events, then the
# programmes' and networks' own sites, then the platforms that gather what
# others announce. Sources not listed (TOML sources) come after every listed one.
TRUST_ORDER = (
    "eufunding", "innovasjonnorge", "parp", "mita",      # the EU's and national agencies
    "eeagrants", "interreg", "gocluster",               # programmes' and ministries' sites
    "clusterexcellencedenmark", "clustero",             # cluster networks
    "eccp",                                             # a platform of others' announcements
)


def project_settings(**overrides) -> Settings:
    """aggregator.settings with ``overrides`` (setting names in upper case) on top."""
    settings = Settings()
    settings.setmodule("aggregator.settings", priority="project")
    settings.update({k: v for k, v in overrides.items() if v is not None}, priority="cmdline")
    return settings


def all_sources(settings: Settings | None = None) -> list[type[SourceSpider]]:
    loader = SpiderLoader.from_settings(settings or project_settings())
    return [loader.load(name) for name in sorted(loader.list())]


def select_sources(names: list[str] | None) -> list[type[SourceSpider]]:
    """The named sources (all when none are named); an unknown name is an error."""
    known = {spider.name: spider for spider in all_sources()}
    if not names:
        return list(known.values())
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ValueError(f"unknown source(s): {', '.join(unknown)}; "
                         f"known: {', '.join(known)}")
    return [known[name] for name in names]


def source_hosts(settings: Settings | None = None) -> dict[str, tuple[str, ...]]:
    """Each source's own hosts (see SourceSpider.hosts)."""
    return {spider.name: spider.hosts for spider in all_sources(settings)}


def host_of(url: str | None) -> str | None:
    """The URL's host; None for what is not a URL (or is a malformed one)."""
    try:
        return urlsplit(url).hostname if isinstance(url, str) else None
    except ValueError:  # "http://[::1" and the like, as a hostile page may give
        return None


def skipped_source_files() -> list:
    """The source files that could not be loaded (spiders/configured.py), each with
    its path and reason; the loader has logged each already."""
    from spiders import configured  # on demand: loading reads every source file
    return configured.skipped
