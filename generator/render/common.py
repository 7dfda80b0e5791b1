"""Small pieces every page renderer uses: escaping, links between pages, labels, edit links.

Safety rule: every content string goes through ``esc`` (for HTML) or ``md_text`` (for Markdown)
exactly once, at the place where it is put into a page. Content never becomes markup.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date, timedelta
from urllib.parse import quote, urlencode

from generator.content import Entry
from generator.i18n import DEFAULT_LANGUAGE, t
from generator.models import Ontwikkelplaats
from generator.schedule import long_date
from generator.site import SiteConfig, SiteContext

STALE_AFTER = timedelta(days=365)
_MD_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")  # what Python-Markdown (with tables) lets a backslash escape
# Direction embeddings, overrides and isolates (U+202A-E, U+2066-9): an unclosed one in a name would
# reorder the page text after it. Validation refuses them; pages, maps and flyers drop them.
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def no_bidi_controls(text: str) -> str:
    return text.translate(_BIDI_CONTROLS)


def esc(text: object) -> str:
    """HTML-escape a content value (quotes included, so it is safe in attributes too)."""
    return html.escape(no_bidi_controls(str(text)), quote=True)


def md_text(text: str) -> str:
    """Content for a Markdown line (a heading, a table cell): HTML-escaped, specials backslashed, one line."""
    escaped = html.escape(no_bidi_controls(str(text)), quote=False)
    return _MD_SPECIALS.sub(r"\\\1", escaped).replace("\r", " ").replace("\n", " ")


def safe_url(url: str | None) -> str | None:
    """Only http(s) addresses become links (validation refuses others; this is the second fence)."""
    if url and re.match(r"^https?://[^\s<>\"']+$", url, re.IGNORECASE):
        return url
    return None


def external_link(url: str | None) -> str:
    target = safe_url(url)
    if target is None:
        return esc(url or "")
    return f'<a href="{esc(target)}" rel="nofollow noopener">{esc(target)}</a>'


def front_matter(title: str, **extra: object) -> str:
    """YAML front matter; JSON strings are valid YAML scalars, so any title is safe."""
    fields = {key: no_bidi_controls(value) if isinstance(value, str) else value for key, value in {"title": title, **extra}.items()}
    return "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items()) + "---\n\n"


def page_url(path: str) -> str:
    """The URL (relative to the language root) of a page path like ``buurt/binnenstad``."""
    if path in {"", "index"}:
        return ""
    return path.removesuffix("/index") + "/"


def href(from_path: str, to_path: str) -> str:
    """A relative link between two pages of the same language (directory URLs)."""
    depth = page_url(from_path).count("/")
    return "../" * depth + page_url(to_path) or "./"


def asset_href(from_path: str, lang: str, asset: str) -> str:
    """A link to a language-independent file in the site root, such as ``flyers/x.pdf``."""
    depth = page_url(from_path).count("/") + (0 if lang == DEFAULT_LANGUAGE else 1)
    return "../" * depth + asset


FLYER_FOLDER = "flyers"


def flyer_href(slug: str, lang: str) -> str:
    """The flyer of a buurt in one language, relative to the site root (``flyers/<slug>.<lang>.pdf``)."""
    return f"{FLYER_FOLDER}/{slug}.{lang}.pdf"


def text_in(tekst: dict[str, str] | None, lang: str) -> tuple[str, bool]:
    """The text in ``lang`` if present, else Dutch; the flag says it fell back to Dutch."""
    if not tekst:
        return "", False
    if lang in tekst:
        return tekst[lang], False
    return tekst["nl"], lang != DEFAULT_LANGUAGE


def text_html(tekst: dict[str, str] | None, lang: str) -> str:
    """Escaped text; a Dutch fallback is marked with ``lang="nl"`` and a short notice."""
    text, fallback = text_in(tekst, lang)
    if not fallback:
        return esc(text)
    return f'<span lang="nl" dir="ltr">{esc(text)}</span> <small class="sk-nl-only">({esc(t(lang, "only_dutch"))})</small>'


def is_stale(place: Ontwikkelplaats, today: date) -> bool:
    return today - place.laatst_gecontroleerd > STALE_AFTER


def place_labels(place: Ontwikkelplaats, today: date, lang: str) -> list[tuple[str, str]]:
    """(css class, text) of the warnings a resident must see before relying on a place."""
    labels = []
    if place.voorbeeld:
        labels.append(("sk-label-voorbeeld", t(lang, "label_example")))
    if place.status == "tijdelijk gesloten":
        labels.append(("sk-label-gesloten", t(lang, "label_closed")))
    if place.status == "gestopt":
        labels.append(("sk-label-gestopt", t(lang, "label_stopped")))
    if is_stale(place, today):
        labels.append(("sk-label-oud", t(lang, "label_stale", date=long_date(place.laatst_gecontroleerd, lang))))
    return labels


def labels_html(place: Ontwikkelplaats, today: date, lang: str) -> str:
    return "".join(f'<span class="sk-label {cls}">{esc(text)}</span> ' for cls, text in place_labels(place, today, lang))


NEARBY_MINUTES = 15  # "in de buurt": places of other buurten within this many minutes at normal pace


def nearby(site: SiteContext, buurt_slug: str, limit: float = NEARBY_MINUTES) -> list[Entry[Ontwikkelplaats]]:
    """Places outside the buurt within ``limit`` walking minutes at normal pace, nearest first."""
    found = []
    for entry in site.content.plaatsen.values():
        minutes = site.enriched.minutes_from_buurt(buurt_slug, entry.slug, "normaal")
        if entry.model.buurt != buurt_slug and minutes is not None and minutes <= limit:
            found.append((minutes, entry.slug, entry))
    return [entry for _, _, entry in sorted(found, key=lambda item: item[:2])]


def edit_url(config: SiteConfig, content_path: str) -> str:
    return f"{config.repo_url}/edit/{config.branch}/{content_path}"


def report_url(config: SiteConfig, page_title: str, page_link: str, content_path: str) -> str:
    """A new GitHub issue from the form "Er klopt iets niet", prefilled with page and file."""
    query = urlencode(
        {"template": "er-klopt-iets-niet.yml", "title": f"Klopt niet: {page_title}", "pagina": page_link, "bestand": content_path},
        quote_via=quote,
    )
    return f"{config.repo_url}/issues/new?{query}"


def edit_block(config: SiteConfig, lang: str, page_title: str, page_path: str, content_paths: list[str]) -> str:
    """The "Bewerk deze gegevens" and "Klopt er iets niet?" links at the foot of a generated page."""
    page_link = config.site_url + ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + page_url(page_path)
    edits = " · ".join(
        f'<a href="{esc(edit_url(config, path))}" rel="nofollow">{esc(t(lang, "edit_data"))}</a>' for path in content_paths
    )
    report = f'<a href="{esc(report_url(config, page_title, page_link, content_paths[0]))}" rel="nofollow">{esc(t(lang, "report_problem"))}</a>'
    return f'\n<div class="sk-edit" markdown="0"><p>{edits} · {report}</p></div>\n'
