"""The translation report: per language, which texts of places and activities are Dutch only.

A job list for volunteers: each row links to the place page and to the YAML file in GitHub's web
editor, and names the exact keys (``naam``, ``omschrijving``, ``voor_wie`` …) still to translate.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.content import Entry
from generator.i18n import DEFAULT_LANGUAGE, t
from generator.languages import language_name
from generator.models import Ontwikkelplaats
from generator.render.common import edit_url, esc, front_matter, href, md_text
from generator.render.pages import section
from generator.site import OutputFile, SiteContext, page_file

REPORT = "vertalingen/index"
DEFAULT_VOOR_WIE = {"nl": "iedereen"}  # the model's default; shown through the UI string "everyone"
EXAMPLE = "naam:\n  nl: Koffie-inloop\n  en: Coffee morning\n  tr: Kahve buluşması"


@dataclass(frozen=True)
class Missing:
    """Texts of one place that have no version in one language: (item label or None, keys)."""

    entry: Entry[Ontwikkelplaats]
    items: tuple[tuple[str | None, tuple[str, ...]], ...]


def missing_keys(texts: dict[str, dict[str, str] | None], lang: str) -> tuple[str, ...]:
    return tuple(key for key, tekst in texts.items() if tekst and lang not in tekst)


def missing_in(entry: Entry[Ontwikkelplaats], lang: str) -> Missing | None:
    place = entry.model
    items: list[tuple[str | None, tuple[str, ...]]] = []
    own = missing_keys({"omschrijving": place.omschrijving, "toegankelijkheid.toelichting": place.toegankelijkheid.toelichting}, lang)
    if own:
        items.append((None, own))
    for activity in place.activiteiten:
        voor_wie = None if activity.voor_wie == DEFAULT_VOOR_WIE else activity.voor_wie
        keys = missing_keys(
            {"naam": activity.naam, "omschrijving": activity.omschrijving, "voor_wie": voor_wie, "aanmelden": activity.aanmelden}, lang
        )
        if keys:
            items.append((activity.naam["nl"], keys))
    return Missing(entry, tuple(items)) if items else None


def untranslated(site: SiteContext, lang: str) -> list[Missing]:
    entries = sorted(site.content.plaatsen.values(), key=lambda e: e.model.naam)
    return [m for m in (missing_in(e, lang) for e in entries) if m is not None]


def count(missing: list[Missing]) -> int:
    return sum(len(keys) for m in missing for _, keys in m.items)


def target_languages(site: SiteContext) -> list[str]:
    return [lang for lang in site.config.languages if lang != DEFAULT_LANGUAGE]


def summary_html(site: SiteContext, lang: str, jobs: dict[str, list[Missing]]) -> str:
    head = f'<tr><th scope="col">{esc(t(lang, "translations.language"))}</th><th scope="col">{esc(t(lang, "translations.missing_count"))}</th></tr>'
    rows = "".join(
        f'<tr><td><a href="#{code}">{esc(language_name(code, lang))}</a></td><td class="sk-num">{count(jobs[code])}</td></tr>'
        for code in target_languages(site)
    )
    return f'<table class="sk-translations-summary"><thead>{head}</thead><tbody>{rows}</tbody></table>'


def items_html(missing: Missing, lang: str) -> str:
    lines = []
    for label, keys in missing.items:
        what = esc(t(lang, "translations.the_place")) if label is None else f'<span lang="nl" dir="ltr">{esc(label)}</span>'
        codes = esc(t(lang, "schedule.separator")).join(f"<code>{esc(key)}</code>" for key in keys)
        lines.append(f"<li>{what}: {codes}</li>")
    return f'<ul>{"".join(lines)}</ul>'


def language_html(site: SiteContext, lang: str, missing: list[Missing]) -> str:
    if not missing:
        return f"<p>{esc(t(lang, 'translations.all_done'))}</p>"
    head = (
        f'<tr><th scope="col">{esc(t(lang, "place"))}</th><th scope="col">{esc(t(lang, "translations.missing"))}</th>'
        f'<th scope="col">{esc(t(lang, "translations.edit"))}</th></tr>'
    )
    rows = "".join(
        f'<tr><td><a href="{href(REPORT, "plek/" + m.entry.slug)}">{esc(m.entry.model.naam)}</a></td><td>{items_html(m, lang)}</td>'
        f'<td><a href="{esc(edit_url(site.config, f"content/ontwikkelplaatsen/{m.entry.slug}.yml"))}" rel="nofollow">{esc(t(lang, "translations.edit"))}</a></td></tr>'
        for m in missing
    )
    return f'<table class="sk-translations"><thead>{head}</thead><tbody>{rows}</tbody></table>'


def render_report(site: SiteContext, lang: str, jobs: dict[str, list[Missing]]) -> OutputFile:
    title = t(lang, "translations.title")
    out = [front_matter(title, description=t(lang, "translations.description")), f"# {md_text(title)}\n\n"]
    out.append(f'<p class="sk-lead" markdown="0">{esc(t(lang, "translations.intro"))}</p>\n')
    out.append(f'\n<pre class="sk-example" dir="ltr" markdown="0"><code>{esc(EXAMPLE)}</code></pre>\n')
    out.append(section(t(lang, "translations.summary"), summary_html(site, lang, jobs)))
    for code in target_languages(site):
        heading = f"{language_name(code, lang)} ({code})"
        out.append(f"\n## {md_text(heading)} {{: #{code} }}\n\n<div markdown=\"0\">{language_html(site, lang, jobs[code])}</div>\n")
    return OutputFile(page_file(REPORT, lang), "".join(out))


def render_translation_report(site: SiteContext) -> list[OutputFile]:
    jobs = {code: untranslated(site, code) for code in target_languages(site)}
    return [render_report(site, lang, jobs) for lang in site.config.languages]
