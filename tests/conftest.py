"""Shared fixtures: a real MkDocs build of a small fixture site, and headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURE_CONTENT = REPO / "tests" / "fixtures" / "site" / "content"
TODAY = date(2026, 11, 27)


def make_project(target: Path, content: Path = FIXTURE_CONTENT) -> Path:
    """A copy of the project's site sources around ``content`` (geo data linked, not copied)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "hooks", target / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "overrides", target / "overrides")
    shutil.copytree(REPO / "docs", target / "docs", ignore=generated_docs)
    shutil.copytree(content, target / "content", ignore=shutil.ignore_patterns("geo"))
    (target / "content" / "geo").mkdir(exist_ok=True)
    for name in ("buurten.geojson", "straten.npz", "geocode-cache.json"):
        source = content / "geo" / name if (content / "geo" / name).exists() else REPO / "content" / "geo" / name
        (target / "content" / "geo" / name).symlink_to(source)
    return target


def generated_docs(folder: str, names: list[str]) -> list[str]:
    ignored = set(Path(REPO / ".gitignore").read_text().splitlines())
    rel = Path(folder).resolve().relative_to((REPO / "docs").resolve())
    return [n for n in names if f"docs/{(rel / n).as_posix().lstrip('./')}/" in ignored or n.startswith("index") or n == ".generated-files"]


def mkdocs_build(project: Path, today: date = TODAY) -> subprocess.CompletedProcess[str]:
    # This checkout's generator first: a relative PYTHONPATH ("." from the repo root) would resolve
    # inside `project`, and the venv's editable install may point at another worktree.
    pythonpath = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH", "")]))
    env = {**os.environ, "SOCIALE_KAART_TODAY": today.isoformat(), "PYTHONPATH": pythonpath}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml")],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture content built once with the real MkDocs configuration; returns the site folder."""
    project = make_project(tmp_path_factory.mktemp("project"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(autouse=True)
def only_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never reach the internet: a connection to any host but this machine fails the test."""
    real_connect = socket.socket.connect

    def connect(sock: socket.socket, address: object) -> None:
        if isinstance(address, tuple) and address[0] not in ("127.0.0.1", "::1", "localhost"):
            raise AssertionError(f"a test tried to reach {address!r}")
        real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture(scope="session")
def served(fixture_site: Path):  # type: ignore[no-untyped-def]
    """The fixture site served on 127.0.0.1 (for browser tests)."""
    from browser_util import serve

    yield from serve(fixture_site)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    """Headless system Chromium through Playwright; skipped without it, a failure under CI."""
    if CHROMIUM is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium ontbreekt: CI moet het Debian-pakket `chromium` installeren (.ci/run)")
        pytest.skip("Chromium niet gevonden: installeer het Debian-pakket `chromium` om de browsertests te draaien")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        )
        yield browser
        browser.close()
