"""What the extractors read of the facts a person reads on real pages.

    .venv/bin/python bench/extract_real.py DIR [--misses] [--split FILE --half tune|blind]
                                               [--ids ID ...] [--as-of YYYY-MM-DD]

DIR holds saved pages and the facts a careful reader found on each (layout in
bench/README.md and bench/real_pages.py). Each page is read by the generic
reader on every page, and by what a crawl runs on its host; "site" is the
crawl's reading on the hosts whose source has a site extractor (a router).

Per fact (kind, title, published, start, end, each deadline, opens, location,
online) it prints right / expected for each reader, and what each reader read
where the page states no such fact ("extra"). With --misses, every missed fact
of every page, per reader, and why: no item, not read, or read wrong.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_pages import Page, load, readings  # noqa: E402  (bench/ is not a package)

FACTS = ("kind", "title", "published", "start", "end", "deadline", "opens", "location", "online")
DATES = ("published", "start", "end", "opens")
READERS = ("generic", "crawl", "site")
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+(?=[,.;:!?)])")


def folded(text: str) -> str:
    """Case, accents and spacing folded: "Dąbrowie  Górniczej" reads as "dabrowie gorniczej",
    and "compétitivité : lancement" (French spacing) as "competitivite: lancement"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
    return SPACE_BEFORE_PUNCTUATION.sub("", plain)


def same_time(expected: str, got: str | None) -> bool:
    """A timed expectation (YYYY-MM-DDTHH:MM, local) needs that wall-clock minute;
    a date needs that day (a time read beside it does no harm)."""
    if not got:
        return False
    return got[:16] == expected if "T" in expected else got[:10] == expected


def title_right(expected: str, got: str | None) -> bool:
    """The expected title, with at most a little around it (a site name, a status word)."""
    want, have = folded(expected), folded(got or "")
    return want in have and len(have) <= 1.5 * len(want) + 10


def place_right(expected: str, item: dict) -> bool:
    """One of the expected spellings ("Brasov|Brașov") in the location as read, or the venue city."""
    read = " ".join(folded(item.get(field) or "") for field in ("location", "venue_city"))
    return any(folded(spelling) in read for spelling in expected.split("|"))


def own_item(page: Page, items: list[dict]) -> dict | None:
    """The page's own item: the one at the page's URL, else the first."""
    return next((item for item in items if item.get("url") == page.url), items[0] if items else None)


def score(page: Page, items: list[dict], reader: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(fact, outcome, detail) for each expected fact, outcome right / no item / not read /
    read wrong; and the facts read that the page does not state (extras)."""
    want, item = page.expected, own_item(page, items)
    results: list[tuple[str, str, str]] = []
    missing = "no item" + (" (no route for this URL)" if "no route" in reader else "")

    def judge(fact: str, right: bool, got, expected) -> None:
        if right:
            results.append((fact, "right", ""))
        elif item is None:
            results.append((fact, missing, f"expected {expected!r}"))
        elif got in (None, "", []):
            results.append((fact, "not read", f"expected {expected!r}"))
        else:
            results.append((fact, "read wrong", f"expected {expected!r}, read {got!r}"))

    if want["kind"] == "none":
        results.append(("kind", "right" if item is None else "read wrong", f"read a {item and item['kind']}"))
        return results, [f"item ({item['kind']})"] if item else []
    judge("kind", bool(item) and item["kind"] == want["kind"], item and item["kind"], want["kind"])
    if want.get("title"):
        judge(
            "title",
            bool(item) and title_right(want["title"], item["title"]),
            item and item["title"],
            want["title"],
        )
    extras = []
    for fact in DATES:
        got = item.get(fact) if item else None
        if want.get(fact):
            judge(fact, same_time(want[fact], got), got, want[fact])
        elif got:
            extras.append(fact)
    read_deadlines = [d["at"] for d in item["deadlines"]] if item else []
    for deadline in want.get("deadline") or []:
        right = any(same_time(deadline, got) for got in read_deadlines)
        judge("deadline", right, read_deadlines, deadline)
    expected_deadlines = want.get("deadline") or []
    extras += ["deadline" for got in read_deadlines if not any(same_time(d, got) for d in expected_deadlines)]
    if want.get("location"):
        got = item and (item.get("location") or item.get("venue_city"))
        judge("location", bool(item) and place_right(want["location"], item), got, want["location"])
    if want.get("online") is not None:
        got = item.get("online") if item else None
        judge("online", got == want["online"], got, want["online"])
    return results, extras


def report(pages: list[Page], scored: dict, misses: bool) -> None:
    kinds = Counter(page.expected["kind"] for page in pages)
    site_pages = sum(1 for page in pages if scored["site"].get(page.id) is not None)
    print(f"pages: {len(pages)} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    print(f"site: the {site_pages} pages on hosts of a source with a site extractor\n")
    print(f"{'fact':<10}" + "".join(f"{reader:>18}" for reader in READERS))
    for fact in (*FACTS, None):
        row = f"{fact or 'overall':<10}"
        for reader in READERS:
            outcomes = [
                o for page_results in scored[reader].values() if page_results for o in page_results[0]
            ]
            chosen = [o for o in outcomes if fact is None or o[0] == fact]
            right = sum(1 for o in chosen if o[1] == "right")
            row += (
                f"{f'{right}/{len(chosen)}':>12}{f'{100 * right / len(chosen):.0f}%' if chosen else '-':>6}"
            )
        print(row)
    print("\nextra (read where the page states no such fact):")
    for reader in READERS:
        extras = Counter(e for r in scored[reader].values() if r for e in r[1])
        print(f"  {reader:<8} " + (", ".join(f"{e} {n}" for e, n in sorted(extras.items())) or "none"))
    print("\nmisses by outcome:")
    for reader in READERS:
        outcomes = Counter(o[1] for r in scored[reader].values() if r for o in r[0] if o[1] != "right")
        print(f"  {reader:<8} " + (", ".join(f"{o} {n}" for o, n in sorted(outcomes.items())) or "none"))
    if misses:
        for page in pages:
            lines = []
            for reader in READERS:
                result = scored[reader].get(page.id)
                if result is None:
                    continue
                lines += [
                    f"  {reader:<8} {fact:<9} {outcome}: {detail}"
                    for fact, outcome, detail in result[0]
                    if outcome != "right"
                ]
                lines += [f"  {reader:<8} extra     {extra}" for extra in result[1]]
            if lines:
                print(f"\n{page.id} {page.url}\n" + "\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, metavar="DIR")
    parser.add_argument("--misses", action="store_true", help="list every missed fact per page")
    parser.add_argument("--split", type=Path, help="a JSON file of id lists by half name")
    parser.add_argument("--half", help="measure only this half of --split (e.g. tune, blind)")
    parser.add_argument("--ids", nargs="+", help="measure only these pages")
    parser.add_argument("--as-of", help="today, YYYY-MM-DD, for dates without a year (default: today)")
    args = parser.parse_args()
    pages = load(args.folder)
    chosen = set(args.ids or [])
    if args.split and args.half:
        chosen |= set(json.loads(args.split.read_text())[args.half])
    if chosen:
        pages = [page for page in pages if page.id in chosen]
    scored: dict[str, dict] = defaultdict(dict)
    for page in pages:
        for reader, reading in readings(page, args.as_of).items():
            scored[reader][page.id] = score(page, reading[0], reading[1]) if reading else None
    report(pages, scored, args.misses)


if __name__ == "__main__":
    main()
