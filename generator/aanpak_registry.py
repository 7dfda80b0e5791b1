"""Content kinds beyond buurten and ontwikkelplaatsen (for example the figures of the approach).

Kept apart so the loader does not import every later stage's model.
"""

from __future__ import annotations

from pydantic import BaseModel


def extra_kinds() -> dict[str, type[BaseModel]]:
    return {}
