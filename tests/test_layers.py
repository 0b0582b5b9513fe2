"""Imports flow one way: the core at the bottom, spiders, pipelines and feeds on
it, the application on top. Read from the code, so it stays so."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("core", "pipelines.dates", "pipelines", "spiders", "feeds", "aggregator")
# What each part may import of the project. The date engine reads words, not
# pages; spiders borrow its month and label words, never its parsing.
ALLOWED = {
    "core": set(),
    "pipelines.dates": {"core"},
    "pipelines": {"core", "pipelines.dates"},
    "spiders": {"core", "pipelines.dates"},
    "feeds": {"core"},
    "aggregator": {"core", "pipelines.dates", "pipelines", "spiders", "feeds"},
}


def part_of(module: str) -> str | None:
    """The layer a dotted module name belongs to, the most specific first."""
    return next(
        (
            layer
            for layer in sorted(LAYERS, key=len, reverse=True)
            if module == layer or module.startswith(layer + ".")
        ),
        None,
    )


def imports() -> set[tuple[str, str, str]]:
    """(importing layer, imported layer, file) for every project import."""
    found = set()
    for layer in {layer.split(".")[0] for layer in LAYERS}:
        for file in (ROOT / layer).rglob("*.py"):
            module = ".".join(file.relative_to(ROOT).with_suffix("").parts)
            here = part_of(module)
            for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    there = part_of(name)
                    if there and there != here:
                        found.add((here, there, str(file.relative_to(ROOT))))
    return found


def test_every_import_goes_down_the_layers():
    wrong = sorted(
        f"{file}: {here} imports {there}" for here, there, file in imports() if there not in ALLOWED[here]
    )
    assert wrong == []


def test_no_two_parts_import_each_other():
    pairs = {(here, there) for here, there, _ in imports()}
    assert sorted((a, b) for a, b in pairs if (b, a) in pairs) == []


def test_the_layer_reader_sees_imports():
    # The tests above must not pass by reading nothing.
    pairs = {(here, there) for here, there, _ in imports()}
    assert {("aggregator", "spiders"), ("pipelines", "core"), ("feeds", "core")} <= pairs
