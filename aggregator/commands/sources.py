"""`clusterfeeds sources`"""

import json

from aggregator.commands.failures import EXIT_OK, EXIT_SOURCE_FAILED
from spiders.registry import skipped_source_files, source_facts

HELP = (
    "List the sources with their country, languages, time zone, kinds and start URLs "
    "(exit 1 if a source file was skipped)."
)


def add_arguments(parser):
    parser.add_argument("--json", action="store_true", help="one JSON object per source")


def run(args) -> int:
    for source in source_facts():
        facts = {
            "name": source.name,
            "title": source.title,
            "homepage": source.homepage,
            "country": source.country,
            "languages": list(source.languages),
            "timezone": source.timezone,
            "kinds": list(source.kinds),
            "start_urls": list(source.start_urls),
        }
        if args.json:
            print(json.dumps(facts, ensure_ascii=False))
            continue
        print(
            f"{source.name}: {source.title} <{source.homepage}>\n  country {source.country}, languages "
            f"{', '.join(source.languages)}, time zone {source.timezone}, kinds "
            f"{', '.join(source.kinds)}"
        )
        for url in source.start_urls:
            print(f"  {url}")
    # Each skipped file has been logged on standard error with its reason.
    return EXIT_SOURCE_FAILED if skipped_source_files() else EXIT_OK
