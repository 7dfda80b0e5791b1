"""Hostile content for safety tests: what an attacker (or a careless paste) might put in a text field.

The validator refuses most of this; the renderers must be safe even when it gets through, so the
tests put these strings straight into the models (``model_copy`` skips validation).
"""

from __future__ import annotations

import dataclasses

from generator.content import Content

PAYLOADS = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "[klik hier](javascript:alert(1))",
    "</div></article><script>alert(2)</script>",
    'Naam {: onclick="alert(3)" }',
    "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "\u202eevil\u202c text with a right-to-left override",
    "x" * 3000,
    "| a | b |\n|---|---|\n| c | d |",
    "</script><script>alert(4)</script>",
    "{{ config }} {% raw %}",
    # Added for the safety gate (tests/test_safety_gate.py); appended, so the indexes above stay.
    "Taal\r\nBEGIN:VEVENT\r\nSUMMARY:nep\r\nEND:VEVENT\nX-EVIL:1",  # iCalendar line injection
    '"}, {"naam": "nep", "x": "\\u0000 \\\\ \u2028\u2029',  # JSON: quotes, escapes, JS line separators
    '<a href="javascript:alert(5)">klik</a> <iframe src="data:text/html,<script>alert(6)</script>"></iframe>',
    "\u202eevil name without a closing mark",  # an override that is never closed (U+202C)
    "\u2067isolate never closed \u202bembedding",  # isolate and embedding openers
    '<a href="https://example.org" style="position:fixed;inset:0">overlay</a>',
]

# Indexes (in PAYLOADS) of the texts the validator refuses with the error code ``markup``.
MARKUP = [0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 14, 15, 16, 17]  # 11: template syntax, refused since the maps bug
LONG = 8  # longer than the validator's limit (``tekst_te_lang``)
BIDI = [7, 15, 16]  # direction overrides, embeddings and isolates


def payload(index: int) -> str:
    return PAYLOADS[index % len(PAYLOADS)]


def hostile_text(index: int) -> dict[str, str]:
    return {"nl": payload(index), "en": payload(index + 1), "ar": payload(index + 2)}


def make_hostile(content: Content, place_slug: str, offset: int = 0) -> None:
    """Put a payload into every text field of one place, its activities and its buurt.

    ``offset`` shifts which payload lands in which field (the name is ``payload(offset)``), so
    several hostile places on one site carry different payloads in the same field.
    """
    def payload(index: int) -> str:
        return PAYLOADS[(index + offset) % len(PAYLOADS)]

    def hostile_text(index: int) -> dict[str, str]:
        return {"nl": payload(index), "en": payload(index + 1), "ar": payload(index + 2)}

    entry = content.plaatsen[place_slug]
    place = entry.model
    activities = [
        activity.model_copy(
            update={
                "naam": hostile_text(10 + i),
                "omschrijving": hostile_text(11 + i),
                "voor_wie": hostile_text(12 + i),
                "aanmelden": hostile_text(13 + i),
            }
        )
        for i, activity in enumerate(place.activiteiten)
    ]
    hostile = place.model_copy(
        update={
            "naam": payload(0),
            "organisatie": payload(1),
            "omschrijving": hostile_text(2),
            "adres": place.adres.model_copy(update={"straat": payload(3), "plaats": payload(4), "huisnummer": payload(5)}),
            "contact": place.contact.model_copy(update={"website": "javascript:alert(1)", "email": payload(6), "telefoon": payload(7)}),
            "toegankelijkheid": place.toegankelijkheid.model_copy(update={"toelichting": hostile_text(8)}),
            "activiteiten": activities,
        }
    )
    content.plaatsen[place_slug] = dataclasses.replace(entry, model=hostile)
    buurt = content.buurten[place.buurt]
    content.buurten[place.buurt] = dataclasses.replace(
        buurt, model=buurt.model.model_copy(update={"omschrijving": hostile_text(9)})
    )
