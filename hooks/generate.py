"""MkDocs hook: generate the pages from content/ before MkDocs collects the docs folder.

mkdocs-static-i18n runs MkDocs' build once per language with the same config; the generator
runs only on the first of those builds (the module is loaded anew with each config, so
`mkdocs serve` regenerates after every edit of a YAML file).
"""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from generator.build import ContentError, build
from generator.geo import GeoDataError
from generator.geocode import GeocodeCacheError
from generator.site import SiteConfig

log = logging.getLogger("mkdocs.hooks.generate")
_generated_for: set[int] = set()


def on_pre_build(config: MkDocsConfig) -> None:
    if id(config) in _generated_for:
        return
    _generated_for.add(id(config))
    project = Path(config.config_file_path).parent
    extra = config.extra.get("sociale_kaart", {})
    site_config = SiteConfig(
        repo_url=extra["repo"].rstrip("/"),
        site_url=config.site_url or "/",
        branch=extra.get("branch", "main"),
    )
    # Tests and benchmarks pin "today" so the week agenda and freshness labels are reproducible.
    today = date.fromisoformat(os.environ["SOCIALE_KAART_TODAY"]) if os.environ.get("SOCIALE_KAART_TODAY") else None
    try:
        result = build(project / "content", Path(config.docs_dir), site_config, today=today)
    except (ContentError, GeoDataError, GeocodeCacheError) as exc:
        raise Abort(str(exc)) from None
    for warning in result.warnings:
        log.info("inhoud: %s:%s: %s", warning.file, warning.line, warning.message())
    log.info("sociale kaart: %d bestanden gemaakt, %d gewijzigd", len(result.files), result.written)
