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
]


def payload(index: int) -> str:
    return PAYLOADS[index % len(PAYLOADS)]


def hostile_text(index: int) -> dict[str, str]:
    return {"nl": payload(index), "en": payload(index + 1), "ar": payload(index + 2)}


def make_hostile(content: Content, place_slug: str) -> None:
    """Put a payload into every text field of one place, its activities and its buurt."""
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
