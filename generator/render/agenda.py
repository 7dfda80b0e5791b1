"""The city agenda (every activity by weekday, with filters) and the home page.

Without JavaScript the agenda is a complete list grouped by weekday; ``assets/js/kaart.js``
hides items that do not match the chosen filters and keeps the choice in the URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from generator.content import Entry
from generator.i18n import t
from generator.languages import language_name
from generator.models import DAGEN, THEMAS, Activiteit, Ontwikkelplaats
from generator.render.common import esc, front_matter, href, md_text, text_html
from generator.render.pages import activity_html, day_heading, place_link, section, stadsdelen, time_range, wijken
from generator.schedule import week_agenda, weekday_name
from generator.site import OutputFile, SiteContext, page_file

AGENDA = "agenda/index"


@dataclass(frozen=True)
class Listing:
    entry: Entry[Ontwikkelplaats]
    activity: Activiteit

    @property
    def days(self) -> list[str]:
        """Weekdays the activity falls on; one-off dates count on their weekday."""
        found: list[str] = []
        for when in self.activity.wanneer:
            found += when.dag or [DAGEN[d.weekday()] for d in when.datum or []]
        return sorted(set(found), key=DAGEN.index)

    @property
    def themes(self) -> list[str]:
        return list(self.activity.themas or self.entry.model.themas)

    @property
    def languages(self) -> list[str]:
        return list(self.activity.talen or self.entry.model.talen)


def listings(site: SiteContext) -> list[Listing]:
    """Every activity of a place that is not stopped, in a stable order."""
    return [
        Listing(entry, activity)
        for entry in sorted(site.content.plaatsen.values(), key=lambda e: e.model.naam)
        if entry.model.status != "gestopt"
        for activity in entry.model.activiteiten
    ]


def data_attributes(listing: Listing) -> str:
    access = listing.entry.model.toegankelijkheid
    attrs = {
        "thema": " ".join(listing.themes),
        "dag": " ".join(listing.days),
        "taal": " ".join(listing.languages),
        "kosten": "gratis" if listing.activity.kosten == "gratis" else "betaald",
        "rolstoel": access.rolstoel,
        "rollator": access.rollator,
    }
    return " ".join(f'data-{key}="{esc(value)}"' for key, value in attrs.items())


def filter_form(site: SiteContext, lang: str, items: list[Listing]) -> str:
    """The filter controls; hidden until JavaScript makes them work."""
    langs = sorted({code for item in items for code in item.languages})

    def select(name: str, label: str, options: list[tuple[str, str]]) -> str:
        opts = f'<option value="">{esc(t(lang, "filter_all"))}</option>' + "".join(
            f'<option value="{esc(value)}">{esc(text)}</option>' for value, text in options
        )
        return f'<label>{esc(label)} <select name="{name}">{opts}</select></label>'

    controls = [
        select("dag", t(lang, "filter_day"), [(d, weekday_name(i, lang)) for i, d in enumerate(DAGEN)]),
        select("thema", t(lang, "filter_theme"), [(th, t(lang, "theme_" + th)) for th in THEMAS]),
        select("taal", t(lang, "filter_language"), [(code, language_name(code, lang)) for code in langs]),
        select("kosten", t(lang, "filter_cost"), [("gratis", t(lang, "cost_free"))]),
        select("toegankelijk", t(lang, "filter_access"), [("rolstoel", t(lang, "access_rolstoel")), ("rollator", t(lang, "access_rollator"))]),
    ]
    return (
        f'<form class="sk-filters" data-sk-filter hidden aria-label="{esc(t(lang, "filters"))}">'
        + "".join(controls)
        + f'<p class="sk-count" aria-live="polite" data-sk-count data-template="{esc(t(lang, "filter_count"))}"></p></form>'
    )


def render_agenda(site: SiteContext, lang: str) -> OutputFile:
    items = listings(site)
    title = t(lang, "agenda_title")
    out = [front_matter(title, description=t(lang, "agenda_intro")), f"# {md_text(title)}\n\n"]
    out.append(f'<p class="sk-lead" markdown="0">{esc(t(lang, "agenda_intro"))}</p>\n\n')
    out.append(f'<div markdown="0">{filter_form(site, lang, items)}</div>\n')
    for index, day in enumerate(DAGEN):
        on_day = [item for item in items if day in item.days]
        rows = "".join(
            f'<li class="sk-act" {data_attributes(item)}>{activity_html(item.activity, lang)}<br>'
            f"{place_link(site, AGENDA, item.entry, lang)}</li>"
            for item in on_day
        )
        body = f'<ul class="sk-acts" data-sk-list>{rows}</ul>' if rows else f"<p>{esc(t(lang, 'nothing_today'))}</p>"
        out.append(section(weekday_name(index, lang).capitalize(), f'<div class="sk-day-block" data-day="{day}">{body}</div>'))
    return OutputFile(page_file(AGENDA, lang), "".join(out))


def buurt_finder(site: SiteContext, lang: str) -> str:
    """Find your buurt: a name box (with JavaScript) and the full list by stadsdeel and wijk (always)."""
    names = "".join(f'<option value="{esc(e.model.naam)}" data-href="{href("index", "buurt/" + slug)}"></option>' for slug, e in sorted(site.content.buurten.items()))
    box = (
        f'<form class="sk-find" data-sk-find hidden role="search"><label for="sk-find-input">{esc(t(lang, "find_buurt_label"))}</label> '
        f'<input id="sk-find-input" list="sk-buurten" autocomplete="off"><datalist id="sk-buurten">{names}</datalist>'
        f'<button type="submit">{esc(t(lang, "go"))}</button></form>'
    )
    groups = []
    for stadsdeel in stadsdelen(site):
        inner = []
        for wijk in wijken(site):
            if not any(b.stadsdeel == stadsdeel.naam for b in wijk.buurten):
                continue
            links = ", ".join(f'<a href="{href("index", "buurt/" + b.slug)}">{esc(b.naam)}</a>' for b in wijk.buurten)
            inner.append(f'<p><a href="{href("index", wijk.path)}"><strong>{esc(wijk.naam)}</strong></a>: {links}</p>')
        groups.append(f'<details><summary>{esc(stadsdeel.naam)}</summary>{"".join(inner)}</details>')
    return box + '<div class="sk-stadsdelen">' + "".join(groups) + "</div>"


def today_html(site: SiteContext, lang: str) -> str:
    """What is on today in the whole city (the full week is on the agenda and the buurt pages)."""
    items = [((e, a), a.wanneer) for e in site.content.plaatsen.values() if e.model.status == "actief" for a in e.model.activiteiten]
    monday = site.today - timedelta(days=site.today.weekday())
    today = week_agenda(items, monday)[site.today]
    heading = f'<p class="sk-day"><strong>{esc(day_heading(site.today, lang))}</strong></p>'
    more = f'<p><a class="md-button" href="{href("index", AGENDA)}">{esc(t(lang, "whole_agenda"))}</a></p>'
    if not today:
        return heading + f"<p>{esc(t(lang, 'nothing_today'))}</p>" + more
    lines = "".join(
        f'<li><span class="sk-time">{esc(time_range(occ, lang))}</span> '
        f"<strong>{text_html(act.naam, lang)}</strong> — {place_link(site, 'index', entry, lang)}</li>"
        for (entry, act), occ in today
    )
    return heading + f'<ul class="sk-week">{lines}</ul>' + more


def render_home(site: SiteContext, lang: str) -> OutputFile:
    title = t(lang, "site_title")
    out = [front_matter(title, description=t(lang, "home_intro")), f"# {md_text(title)}\n\n"]
    out.append(f'<p class="sk-lead" markdown="0">{esc(t(lang, "home_intro"))}</p>\n')
    links = [("agenda/index", "nav_agenda"), ("vinder/index", "nav_finder"), ("kaart/index", "nav_map"), ("meedoen", "nav_join")]
    buttons = "".join(f'<a class="md-button" href="{href("index", path)}">{esc(t(lang, key))}</a> ' for path, key in links)
    out.append(f'\n<p class="sk-buttons" markdown="0">{buttons}</p>\n')
    out.append(section(t(lang, "find_buurt"), buurt_finder(site, lang)))
    out.append(section(t(lang, "today_title"), today_html(site, lang)))
    themes = "".join(f'<li><a href="{href("index", "thema/" + th)}">{esc(t(lang, "theme_" + th))}</a></li>' for th in THEMAS)
    out.append(section(t(lang, "themes"), f'<ul class="sk-themes">{themes}</ul>'))
    return OutputFile(page_file("index", lang), "".join(out))


def render_agenda_and_home(site: SiteContext) -> list[OutputFile]:
    return [f for lang in site.config.languages for f in (render_agenda(site, lang), render_home(site, lang))]


