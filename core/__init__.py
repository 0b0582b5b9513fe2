"""The facts every part of clusterfeeds stands on, importing nothing of the
project: what the project is (its version and home page), the database schema
and access, the clock, problem reporting, the lock, bounds on stored values,
which source speaks for a page and the facts of the sources in code. spiders/,
pipelines/ and feeds/ import this; aggregator/ (the command on top) imports
them all."""

__version__ = "0.1.0"
HOMEPAGE = "https://github.com/clusterfeeds/clusterfeeds"
