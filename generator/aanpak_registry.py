"""Content kinds beyond buurten and ontwikkelplaatsen (for example the figures of the approach).

Kept apart so the loader does not import every later stage's model.
"""

from __future__ import annotations

from pydantic import BaseModel


def extra_kinds() -> dict[str, type[BaseModel]]:
    # One model per folder: the year files and the context file have different shapes, so the
    # context lives in its own folder next to content/aanpak/.
    from generator.aanpak import CONTEXT_KIND, YEAR_KIND, AanpakContext, AanpakJaar

    return {YEAR_KIND: AanpakJaar, CONTEXT_KIND: AanpakContext}
