"""`clusterfeeds serve`"""

from pathlib import Path

from aggregator.commands.common import usage_error
from aggregator.commands.failures import EXIT_OK
from aggregator.serve import IDLE_TIMEOUT, MAX_CONNECTIONS, make_server

HELP = "Serve the published folder over HTTP (feed content types, ETag, 304s)."


def add_arguments(parser):
    parser.add_argument("--out", type=Path, default=Path("public"), help="the published folder")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--idle-timeout",
        type=float,
        default=IDLE_TIMEOUT,
        metavar="SECONDS",
        help=f"close a connection silent this long (default: {IDLE_TIMEOUT})",
    )
    parser.add_argument(
        "--max-connections",
        type=int,
        default=MAX_CONNECTIONS,
        metavar="N",
        help=f"answer 503 to connections past this many at once (default: {MAX_CONNECTIONS})",
    )


def run(args) -> int:
    if args.idle_timeout <= 0 or args.max_connections < 1:
        raise usage_error("serve: --idle-timeout and --max-connections must be positive")
    try:
        server = make_server(args.out, args.host, args.port, args.idle_timeout, args.max_connections)
    except OSError as error:
        raise usage_error(f"serve: {error}") from None
    print(f"Serving {args.out.resolve()} at http://{args.host}:{server.server_address[1]}/ (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK
