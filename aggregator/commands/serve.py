"""`clusterfeeds serve`"""

from pathlib import Path

from aggregator.commands.common import EXIT_OK, usage_error
from aggregator.serve import make_server

HELP = "Serve the published folder over HTTP (feed content types, ETag, 304s)."


def add_arguments(parser):
    parser.add_argument("--out", type=Path, default=Path("public"), help="the published folder")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000)


def run(args) -> int:
    try:
        server = make_server(args.out, args.host, args.port)
    except (FileNotFoundError, OSError) as error:
        raise usage_error(f"serve: {error}")
    print(f"Serving {args.out.resolve()} at http://{args.host}:{server.server_address[1]}/ "
          "(Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK
