"""The README's list of commands and options is the command's own: every
sub-command is listed, and every option a command takes is named there, and
no other."""

import re
from pathlib import Path

import pytest

from aggregator.cli import COMMANDS, build_parser

README = Path(__file__).resolve().parents[2] / "README.md"
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]+")


def section() -> str:
    return README.read_text(encoding="utf-8").split("## The command\n", 1)[1].split("\n## ", 1)[0]


def listed_commands() -> dict[str, set[str]]:
    """Each command of the README's block, with the options its usage names (a
    usage may go on over indented lines; three spaces begin its description)."""
    block = section().split("```", 2)[1]
    found: dict[str, set[str]] = {}
    for line in filter(str.strip, block.splitlines()):
        if line.startswith("clusterfeeds "):
            name = line.split()[1]
            found.setdefault(name, set())
        found[name] |= set(OPTION.findall(line.strip().split("   ")[0]))
    return found


def options_of(name: str) -> set[str]:
    subparsers = next(action for action in build_parser()._actions if action.choices)
    parser = subparsers.choices[name]
    return {
        option
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    }


def test_the_readme_lists_every_command_and_no_other():
    assert set(listed_commands()) == set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_the_options_the_readme_gives_a_command_are_its_own(name):
    assert listed_commands()[name] <= options_of(name)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_of_a_command_is_in_the_readme(name):
    assert options_of(name) <= set(OPTION.findall(section()))


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_s_help_says_what_it_does(name, capsys):
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args([name, "--help"])
    assert stop.value.code == 0 and "usage: clusterfeeds " + name in capsys.readouterr().out


def test_ci_runs_the_readme_s_test_command():
    readme = README.read_text(encoding="utf-8")
    command = readme.split("To run the tests:\n\n```sh\n", 1)[1].split("\n```", 1)[0]
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci.splitlines()
