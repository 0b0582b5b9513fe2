"""A snapshot served by several processes, so that the server is not what a
benchmark measures.

The project's replay server (spiders/replay/server.py) is one Python process
with a thread per connection: at 16 connections its threads fight over one
interpreter lock, and a plain aiohttp client fetches slower at concurrency 16
than at 2. Here WORKERS processes, each an aiohttp.web server, accept on one
listening socket and answer ``GET /<host>/<path>?<query>`` (the replay server's
addressing, which the project's replay download handler speaks) with the file
``Snapshot.path_for_host_path`` names, read once and kept. No ETag, no faults:
a benchmark's first crawl needs neither.

Each worker writes a line per answer to its own log (method, target, status,
body bytes), so the benchmark counts what was served as it does with the
replay server (``requests``, in order), and the workers' CPU time is read from /proc.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

from measure import cpu_seconds_of

from spiders.replay.snapshot import Snapshot


class StaticServer:
    def __init__(self, snapshot: Snapshot, workers: int = 2):
        self.snapshot = snapshot
        self.workers = workers
        self._socket = socket.create_server(("127.0.0.1", 0), backlog=1024)
        self._logs: list[Path] = []
        self._processes: list[subprocess.Popen] = []

    @property
    def address(self) -> str:
        host, port = self._socket.getsockname()[:2]
        return f"{host}:{port}"

    def __enter__(self) -> StaticServer:
        fd = self._socket.fileno()
        for number in range(self.workers):
            log = self.snapshot.root.with_name(f"static-server-{self._socket.getsockname()[1]}-{number}.log")
            self._logs.append(log)
            worker = subprocess.Popen(
                [sys.executable, __file__, str(self.snapshot.root), str(fd), str(log)],
                pass_fds=[fd],
                stdout=subprocess.PIPE,
                text=True,
            )
            self._processes.append(worker)
        for worker in self._processes:
            if worker.stdout.readline().strip() != "ready":
                raise RuntimeError("a static server worker did not start")
        return self

    def __exit__(self, *exc) -> None:
        for worker in self._processes:
            worker.terminate()
        for worker in self._processes:
            worker.wait()
        self._socket.close()

    @property
    def requests(self) -> list[tuple[str, str, int, int]]:
        """Every answer so far, in the order given: (method, target, status, body bytes)."""
        answered = []
        for log in self._logs:
            for line in log.read_text(encoding="utf-8").splitlines():
                at, method, target, status, size = line.split(" ")
                answered.append((int(at), method, target, int(status), int(size)))
        return [answer[1:] for answer in sorted(answered)]

    def cpu_seconds(self) -> float:
        return sum(cpu_seconds_of(worker.pid) for worker in self._processes)


def serve(root: Path, fd: int, log_path: Path) -> None:
    """One worker: answer on the inherited listening socket until terminated."""
    from aiohttp import web

    snapshot = Snapshot(root)
    bodies: dict[str, bytes | None] = {}
    log = open(log_path, "a", encoding="utf-8", buffering=1)  # a line per answer, written at once

    async def answer(request: web.Request) -> web.Response:
        target = request.raw_path
        if target not in bodies:
            host, _, rest = target.lstrip("/").partition("/")
            path, _, query = ("/" + rest).partition("?")
            file = snapshot.path_for_host_path(host, path, query)
            bodies[target] = file.read_bytes() if file.is_file() else None
        body = bodies[target]
        status = 404 if body is None else 200
        kind = "text/plain" if target.endswith("/robots.txt") else "text/html"
        # The monotonic clock is the machine's: it orders the workers' answers.
        log.write(f"{time.monotonic_ns()} {request.method} {target} {status} {len(body or b'')}\n")
        return web.Response(status=status, body=body or b"", content_type=kind, charset="utf-8")

    async def announce(app: web.Application) -> None:
        print("ready", flush=True)

    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", answer)
    app.on_startup.append(announce)
    web.run_app(app, sock=socket.socket(fileno=fd), print=None, access_log=None, handle_signals=True)


if __name__ == "__main__":
    serve(Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]))
