"""Helpers for browser tests: serve a built site on 127.0.0.1 and watch what a page does."""

from __future__ import annotations

import functools
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
TILE_HOSTS = ("service.pdok.nl", "tile.openstreetmap.org")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@dataclass
class Served:
    base: str
    server: http.server.ThreadingHTTPServer


def serve(folder: Path) -> Iterator[Served]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield Served(base=f"http://127.0.0.1:{server.server_port}/", server=server)
    finally:
        server.shutdown()


@dataclass
class PageWatch:
    """Console errors, failed requests and requests that left the site, seen on one page."""

    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    tile_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def _console(seen: PageWatch, msg) -> None:  # type: ignore[no-untyped-def]
    if msg.type == "error":
        seen.console_errors.append(f"{msg.text} @ {msg.location.get('url', '')}")


def _request_failed(seen: PageWatch, request) -> None:  # type: ignore[no-untyped-def]
    # ERR_ABORTED: the page navigated away before a background request finished.
    if request.failure != "net::ERR_ABORTED" and request.url not in seen.foreign_requests:
        seen.console_errors.append(f"request failed: {request.url} ({request.failure})")


def watch(page, base: str) -> PageWatch:  # type: ignore[no-untyped-def]
    seen = PageWatch()
    page.on("console", lambda msg: _console(seen, msg))
    page.on("requestfailed", lambda req: _request_failed(seen, req))
    page.on("pageerror", lambda exc: seen.console_errors.append(str(exc)))
    page.on("dialog", lambda dialog: (seen.dialogs.append(dialog.message), dialog.dismiss()))

    def route(route) -> None:  # type: ignore[no-untyped-def]
        url = route.request.url
        if url.startswith(base) or url.startswith("data:"):
            route.continue_()
        elif any(host in url for host in TILE_HOSTS):
            seen.tile_requests.append(url)
            route.fulfill(status=204, body=b"")  # tiles are allowed, but never fetched in tests
        else:
            seen.foreign_requests.append(url)
            route.abort()

    page.route("**/*", route)
    return seen


def axe_violations(page, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:  # type: ignore[no-untyped-def]
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]
