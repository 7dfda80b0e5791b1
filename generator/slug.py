"""Short names (slugs) for files and URLs."""

from __future__ import annotations

import re
import unicodedata

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(name: str) -> str:
    """``"Muschberg, Geestenberg"`` → ``"muschberg-geestenberg"``; ``"'t Hofke"`` → ``"t-hofke"``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def is_slug(text: str) -> bool:
    return bool(SLUG_PATTERN.match(text))
