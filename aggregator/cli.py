"""The ``clusterfeeds`` command. Each sub-command lives in aggregator/commands/
as a module with ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``.

A failure ends in one line on standard error and the exit status that
aggregator/commands/failures.py documents; ``--verbose`` adds the traceback."""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
import traceback

from aggregator.commands.failures import Interrupted, failure_of, stopped_by_sigterm
from core import __version__

COMMANDS = (
    "run",
    "crawl",
    "publish",
    "demo",
    "sources",
    "status",
    "parse-date",
    "serve",
    "browse",
    "check",
    "record",
    "add",
    "worker",
)


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser. Given the command ``chosen`` to run, only its
    module is loaded: the others are named without their options, so a command
    that does not crawl starts without loading Scrapy."""
    parser = argparse.ArgumentParser(
        prog="clusterfeeds",
        description="Crawl cluster and innovation agencies' events and funding calls "
        "into SQLite and publish them as RSS and iCal feeds.",
    )
    parser.add_argument("--version", action="version", version=f"clusterfeeds {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        if chosen in COMMANDS and name != chosen:
            sub.add_parser(name)
            continue
        module = importlib.import_module(f"aggregator.commands.{name.replace('-', '_')}")
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        try:
            command.add_argument("--verbose", action="store_true", help="show the traceback of a failure")
        except argparse.ArgumentError:
            pass  # the command has its own --verbose, which does this too
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None, when_done=None) -> int:
    """The command's exit status; ``when_done``: the SIGTERM handler to leave
    behind (by default the one found)."""
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(next((word for word in argv if not word.startswith("-")), None)).parse_args(argv)
    try:
        with stopped_by_sigterm(afterwards=when_done):
            return args.run(args)
    except BrokenPipeError:
        # The reader (`| head`) has gone; say nothing more.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Interrupted as stop:
        print(f"clusterfeeds: {stop}", file=sys.stderr)
        return 128 + stop.signum
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        failure = failure_of(error, getattr(args, "db", None))
        if args.verbose:
            traceback.print_exc()
        print(f"clusterfeeds {args.command}: {failure}", file=sys.stderr)
        return failure.status


def console() -> None:
    """The installed ``clusterfeeds`` command, and ``python -m aggregator.cli``.

    Once the command's work is done and its status decided, SIGTERM is ignored:
    a supervisor's timeout at the last moment must not turn a finished run into
    a killed one (-15) while Scrapy's and Twisted's modules are torn down, and
    Python's own exit gives a Python handler back to the default for that time."""
    sys.exit(main(when_done=signal.SIG_IGN))


if __name__ == "__main__":
    console()
