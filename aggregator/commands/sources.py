"""`clusterfeeds sources`"""

import json

from aggregator.commands.failures import EXIT_OK, EXIT_SOURCE_FAILED
from spiders.registry import all_sources, skipped_source_files

HELP = (
    "List the sources with their country, languages, time zone, kinds and start URLs "
    "(exit 1 if a source file was skipped)."
)


def add_arguments(parser):
    parser.add_argument("--json", action="store_true", help="one JSON object per source")


def run(args) -> int:
    for spider in all_sources():
        facts = {
            "name": spider.name,
            "title": spider.title,
            "homepage": spider.homepage,
            "country": spider.country,
            "languages": list(spider.languages),
            "timezone": spider.timezone,
            "kinds": list(spider.kinds),
            "start_urls": list(spider.start_urls),
        }
        if args.json:
            print(json.dumps(facts, ensure_ascii=False))
            continue
        print(
            f"{spider.name}: {spider.title} <{spider.homepage}>\n  country {spider.country}, languages "
            f"{', '.join(spider.languages)}, time zone {spider.timezone}, kinds "
            f"{', '.join(spider.kinds)}"
        )
        for url in spider.start_urls:
            print(f"  {url}")
    # Each skipped file has been logged on standard error with its reason.
    return EXIT_SOURCE_FAILED if skipped_source_files() else EXIT_OK
