"""A page's extraction on a worker thread with a time limit, so that the event
loop, and with it every other source's crawl, goes on whatever one page costs."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Overrun(Exception):
    """The work went on past its time limit."""


async def in_thread(function: Callable[..., T], *args, seconds: float, name: str) -> T:
    """function(*args) on a daemon thread of its own; Overrun after ``seconds``.
    A Python thread cannot be stopped: one that overruns is left to finish, its
    result is dropped, and as a daemon it never keeps the process from ending."""
    loop = asyncio.get_running_loop()
    outcome: asyncio.Future = loop.create_future()

    def settle(result, error: Exception | None) -> None:
        if outcome.done():  # given up on already
            return
        if error is None:
            outcome.set_result(result)
        else:
            outcome.set_exception(error)

    def work() -> None:
        try:
            result, error = function(*args), None
        except Exception as exception:
            result, error = None, exception
        try:
            loop.call_soon_threadsafe(settle, result, error)
        except RuntimeError:  # the loop has closed: nobody waits any more
            pass

    threading.Thread(target=work, name=name, daemon=True).start()
    try:
        return await asyncio.wait_for(outcome, seconds)
    except TimeoutError:
        if outcome.cancelled():  # by wait_for; else the function raised it
            raise Overrun(f"took over {seconds:g} s") from None
        raise
