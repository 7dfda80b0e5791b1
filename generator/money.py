"""Prices as people write them ("€ 1,50", "2 euro", "gratis"): one reader for the validator and the import.

``read_price`` returns what the model holds for ``kosten``: ``"gratis"``, ``"vrijwillige
bijdrage"`` or a ``Decimal`` amount in euros. It refuses (``ValueError``) what has no single clear
meaning: a range ("2-5 euro"), "vanaf 2 euro", an amount per month, three decimals ("1.000" may be
a thousand or one), a negative or implausibly high amount. ``amount_text`` writes an amount the
way the content files do (``3``, ``2.50``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

FREE, DONATION = "gratis", "vrijwillige bijdrage"
MAX_AMOUNT = Decimal(1000)
_WORDS = {
    "gratis": FREE,
    "kosteloos": FREE,
    "geen kosten": FREE,
    "vrijwillige bijdrage": DONATION,
    "vrije bijdrage": DONATION,
    "vrijwillige gift": DONATION,
    "vrije gift": DONATION,
}
# "€ 1,50", "1,50 euro", "EUR 2", "2,-", "€2.50 p.p.": one amount with at most two decimals.
_AMOUNT = re.compile(
    r"(?:€|eur|euro)?\s*(?P<units>\d{1,4})(?:[.,](?P<cents>\d{1,2}|-{1,2}))?\s*(?:€|eur|euro)?\s*(?:p\.\s?p\.?|per persoon)?",
    re.IGNORECASE,
)


def read_price(value: Any) -> str | Decimal:
    """What ``kosten`` holds for ``value`` as written in a file or a spreadsheet cell."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float, Decimal)):
        return _checked(Decimal(str(value)), value)
    text = " ".join(str(value).split()).lower()
    if text in _WORDS:
        return _WORDS[text]
    match = _AMOUNT.fullmatch(text)
    if not match or not any(ch.isdigit() for ch in text):
        raise ValueError(value)
    cents = match["cents"] if match["cents"] and match["cents"][0] != "-" else "0"
    return _checked(Decimal(f"{match['units']}.{cents.ljust(2, '0')}"), value)


def _checked(amount: Decimal, value: Any) -> str | Decimal:
    try:
        has_more_decimals = amount != amount.quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValueError(value) from None
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT or has_more_decimals:
        raise ValueError(value)
    return FREE if amount == 0 else amount


def amount_text(amount: Decimal) -> str:
    """An amount as the content files write it: `3`, `2.50`."""
    return f"{amount:.0f}" if amount == amount.to_integral_value() else f"{amount:.2f}"
