"""Following an extractor's links through the snapshot, as a crawl would."""


def reachable(snapshot, extract, start_urls) -> set[str]:
    """Every URL reached from ``start_urls`` by following links and next pages."""
    seen, queue = set(), list(start_urls)
    while queue:
        url = queue.pop()
        if url not in seen:
            seen.add(url)
            extraction = extract(url, snapshot.read(url))
            queue += extraction.links + [extraction.next_page] * bool(extraction.next_page)
    return seen


def links_found(snapshot, extract, urls) -> set[str]:
    """Every link and next page that the extractor finds on the pages of ``urls``."""
    found = set()
    for url in urls:
        extraction = extract(url, snapshot.read(url))
        found.update(extraction.links + [extraction.next_page] * bool(extraction.next_page))
    return found
