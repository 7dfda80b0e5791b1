"""Screenshots of built pages in headless Chromium, to look at what residents see.

Usage: python tools/screenshot.py SITE_DIR OUT_DIR PATH [PATH …] [--width 390 --height 844]
Serves SITE_DIR on 127.0.0.1 and saves one full-page PNG per path.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--width", type=int, default=390)
    parser.add_argument("--height", type=int, default=844)
    parser.add_argument("--print", action="store_true", help="emulate print media (what a printer gets)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    server = serve(args.site)
    base = f"http://127.0.0.1:{server.server_port}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": args.width, "height": args.height}, device_scale_factor=1)
        if args.print:
            page.emulate_media(media="print")
        page.route("**/*", lambda route: route.abort() if not route.request.url.startswith(base) else route.continue_())
        for path in args.paths:
            page.goto(base + path.lstrip("/"))
            page.wait_for_timeout(300)
            name = path.strip("/").replace("/", "_") or "home"
            suffix = "-print" if args.print else ""
            page.screenshot(path=str(args.out / f"{name}{suffix}.png"), full_page=True)
            print(args.out / f"{name}{suffix}.png")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
