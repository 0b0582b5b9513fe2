"""Which source speaks for a page: the order of trust between sources, and the
host a URL names (each source's own hosts are declared by its spider)."""

from __future__ import annotations

from urllib.parse import urlsplit

# When several sources announce one event or call, its entry links to the page
# of the first of them in this order and takes its title and summary from it
# (feeds/load.py): the agencies that run the programmes and events, then the
# programmes' and networks' own sites, then the platforms that gather what
# others announce. Sources not listed (TOML sources) come after every listed one.
TRUST_ORDER = (
    "eufunding",
    "innovasjonnorge",
    "parp",
    "mita",  # the EU's and national agencies
    "eeagrants",
    "interreg",
    "gocluster",  # programmes' and ministries' sites
    "clusterexcellencedenmark",
    "clustero",  # cluster networks
    "eccp",  # a platform of others' announcements
)


def host_of(url: str | None) -> str | None:
    """The URL's host; None for what is not a URL (or is a malformed one)."""
    try:
        return urlsplit(url).hostname if isinstance(url, str) else None
    except ValueError:  # "http://[::1" and the like, as a hostile page may give
        return None
