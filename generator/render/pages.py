"""Buurt, place, wijk, stadsdeel and theme pages, in every site language."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from generator.content import Entry
from generator.i18n import t
from generator.languages import language_name
from generator.models import THEMAS, Activiteit, Ontwikkelplaats
from generator.render.maps import buurt_map_html, place_map_html
from generator.render.opendata import agenda_links_html
from generator.render.common import asset_href, edit_block, esc, external_link, flyer_href, front_matter, href, labels_html, md_text, nearby, text_html
from generator.schedule import babel_locale, describe, long_date, week_agenda
from generator.site import BuurtInfo, OutputFile, SiteContext, page_file
from generator.slug import slugify

PACES = ("normaal", "rustig")


@dataclass(frozen=True)
class Area:
    """A wijk or stadsdeel: its name, page path and buurten."""

    naam: str
    path: str
    buurten: tuple[BuurtInfo, ...]


def wijken(site: SiteContext) -> list[Area]:
    return _areas(site, "wijk")


def stadsdelen(site: SiteContext) -> list[Area]:
    return _areas(site, "stadsdeel")


def _areas(site: SiteContext, level: str) -> list[Area]:
    grouped: dict[str, list[BuurtInfo]] = defaultdict(list)
    for slug in site.content.buurten:
        info = site.enriched.buurt_info(slug)
        if info is not None:
            grouped[getattr(info, level)].append(info)
    return [
        Area(naam=name, path=f"{level}/{slugify(name)}", buurten=tuple(sorted(infos, key=lambda b: b.naam)))
        for name, infos in sorted(grouped.items())
    ]


def places_in(site: SiteContext, buurt_slugs: set[str]) -> list[Entry[Ontwikkelplaats]]:
    return sorted((e for e in site.content.plaatsen.values() if e.model.buurt in buurt_slugs), key=lambda e: e.model.naam)


def place_name(entry: Entry[Ontwikkelplaats]) -> str:
    return entry.model.naam


# --- pieces -------------------------------------------------------------------------------------


def activity_html(activity: Activiteit, lang: str) -> str:
    name = text_html(activity.naam, lang)
    when = "<br>".join(esc(describe(w, lang)) for w in activity.wanneer)
    # The model's default "iedereen" is a UI word, not content: show it in the reader's language.
    who = esc(t(lang, "everyone")) if activity.voor_wie == {"nl": "iedereen"} else text_html(activity.voor_wie, lang)
    parts = [
        f"<strong>{name}</strong>",
        f'<span class="sk-when">{when}</span>',
        f"{esc(cost_text(activity, lang))} · {esc(t(lang, 'for_whom'))}: {who}",
    ]
    if activity.aanmelden:
        parts.append(f"{esc(t(lang, 'sign_up'))}: {text_html(activity.aanmelden, lang)}")
    if activity.omschrijving:
        parts.append(text_html(activity.omschrijving, lang))
    return "<br>".join(parts)


def cost_text(activity: Activiteit, lang: str) -> str:
    if activity.kosten == "gratis":
        return t(lang, "cost_free")
    if activity.kosten == "vrijwillige bijdrage":
        return t(lang, "cost_voluntary")
    from babel.numbers import format_currency

    return format_currency(activity.kosten, "EUR", locale=babel_locale(lang))


def place_link(site: SiteContext, from_path: str, entry: Entry[Ontwikkelplaats], lang: str) -> str:
    labels = labels_html(entry.model, site.today, lang)
    return f'<a href="{href(from_path, "plek/" + entry.slug)}">{esc(entry.model.naam)}</a> {labels}'.strip()


def places_list(site: SiteContext, from_path: str, entries: list[Entry[Ontwikkelplaats]], lang: str) -> str:
    if not entries:
        return f"<p>{esc(t(lang, 'no_places'))}</p>"
    items = "".join(
        f'<li>{place_link(site, from_path, e, lang)}<br><small>{esc(address_line(e.model))}</small></li>' for e in entries
    )
    return f'<ul class="sk-places">{items}</ul>'


def address_line(place: Ontwikkelplaats) -> str:
    a = place.adres
    return f"{a.straat} {a.huisnummer}, {a.postcode} {a.plaats}"


def minutes_text(minutes: float | None, lang: str) -> str:
    if minutes is None:
        return "–"
    from babel.units import format_unit

    # CLDR's short unit ("12 min", "12 dk.", "12 хв", "12 د") has no plural agreement to get wrong.
    return format_unit(max(1, round(minutes)), "duration-minute", length="short", locale=babel_locale(lang))


def week_html(site: SiteContext, from_path: str, entries: list[Entry[Ontwikkelplaats]], lang: str) -> str:
    """Monday to Sunday of this week: what is on, by day, with time and place."""
    monday = site.today - timedelta(days=site.today.weekday())
    items = [
        ((e, a), a.wanneer)
        for e in entries
        if e.model.status == "actief"
        for a in e.model.activiteiten
    ]
    agenda = week_agenda(items, monday)
    rows = []
    for day, occurrences in agenda.items():
        heading = f'<h3 class="sk-day">{esc(day_heading(day, lang))}</h3>'
        if not occurrences:
            rows.append(heading + f"<p><small>{esc(t(lang, 'nothing_today'))}</small></p>")
            continue
        lines = "".join(
            f'<li><span class="sk-time">{esc(time_range(occ, lang))}</span> '
            f"<strong>{text_html(act.naam, lang)}</strong> — {place_link(site, from_path, entry, lang)}</li>"
            for (entry, act), occ in occurrences
        )
        rows.append(heading + f'<ul class="sk-week">{lines}</ul>')
    return '<div class="sk-agenda-week">' + "".join(rows) + "</div>"


def day_heading(day: date, lang: str) -> str:
    from babel.dates import format_date

    return format_date(day, "EEEE d MMMM", locale=babel_locale(lang))


def time_range(occurrence: object, lang: str) -> str:
    from generator.schedule import short_time

    return f"{short_time(occurrence.van, lang)}–{short_time(occurrence.tot, lang)}"  # type: ignore[attr-defined]


def accessibility_html(place: Ontwikkelplaats, lang: str) -> str:
    rows = "".join(
        f"<li>{esc(t(lang, 'access_' + name))}: <strong>{esc(t(lang, 'answer_' + getattr(place.toegankelijkheid, name)))}</strong></li>"
        for name in ("rolstoel", "rollator", "toilet", "gehoorlus")
    )
    note = place.toegankelijkheid.toelichting
    extra = f"<li>{text_html(note, lang)}</li>" if note else ""
    return f'<ul class="sk-access">{rows}{extra}</ul>'


def contact_html(place: Ontwikkelplaats, lang: str) -> str:
    c = place.contact
    items = []
    if c.telefoon:
        items.append(f'{esc(t(lang, "phone"))}: <a href="tel:{esc(c.telefoon.replace(" ", ""))}">{esc(c.telefoon)}</a>')
    if c.email:
        items.append(f'{esc(t(lang, "email"))}: <a href="mailto:{esc(c.email)}">{esc(c.email)}</a>')
    if c.website:
        items.append(f'{esc(t(lang, "website"))}: {external_link(c.website)}')
    if not items:
        return f"<p>{esc(t(lang, 'no_contact'))}</p>"
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def languages_text(codes: list[str], lang: str) -> str:
    from babel.lists import format_list

    return format_list([language_name(code, lang) for code in codes], locale=babel_locale(lang))


def section(title: str, body: str) -> str:
    return f"\n## {md_text(title)}\n\n<div markdown=\"0\">{body}</div>\n"


# --- pages --------------------------------------------------------------------------------------------


def render_place(site: SiteContext, entry: Entry[Ontwikkelplaats], lang: str) -> OutputFile:
    place, path = entry.model, f"plek/{entry.slug}"
    buurt = site.enriched.buurt_info(place.buurt)
    out = [front_matter(place.naam, description=t(lang, "place_description", name=place.naam))]
    out.append(f"# {md_text(place.naam)}\n\n")
    out.append(f'<div class="sk-labels" markdown="0">{labels_html(place, site.today, lang)}</div>\n')
    if place.omschrijving:
        out.append(f'\n<p class="sk-lead" markdown="0">{text_html(place.omschrijving, lang)}</p>\n')
    acts = "".join(f'<li class="sk-act">{activity_html(a, lang)}</li>' for a in place.activiteiten)
    out.append(section(t(lang, "activities"), f'<ul class="sk-acts">{acts}</ul>' if acts else f"<p>{esc(t(lang, 'no_activities'))}</p>"))
    out.append(agenda_links_html(site, "plek", entry.slug, lang, path))
    where = [f"<p>{esc(address_line(place))}</p>"]
    if buurt is not None:
        where.append(f'<p>{esc(t(lang, "in_buurt"))} <a href="{href(path, "buurt/" + place.buurt)}">{esc(buurt.naam)}</a> ({esc(buurt.wijk)})</p>')
        minutes = [site.enriched.minutes_from_buurt(place.buurt, entry.slug, pace) for pace in PACES]
        if minutes[0] is not None:
            where.append(f"<p>{esc(t(lang, 'walk_from_centre', buurt=buurt.naam, normal=minutes_text(minutes[0], lang), slow=minutes_text(minutes[1], lang)))}</p>")
    out.append(section(t(lang, "address"), "".join(where)))
    out.append(place_map_html(site, entry.slug, lang, path))
    out.append(section(t(lang, "languages_spoken"), f"<p>{esc(languages_text(place.talen, lang))}</p>"))
    out.append(section(t(lang, "accessibility"), accessibility_html(place, lang)))
    out.append(section(t(lang, "contact"), contact_html(place, lang)))
    checked = long_date(place.laatst_gecontroleerd, lang)
    out.append(f'\n<p class="sk-checked" markdown="0">{esc(t(lang, "last_checked", date=checked))}</p>\n')
    out.append(edit_block(site.config, lang, place.naam, path, [f"content/ontwikkelplaatsen/{entry.slug}.yml"]))
    return OutputFile(page_file(path, lang), "".join(out))


def render_buurt(site: SiteContext, slug: str, lang: str) -> OutputFile:
    entry = site.content.buurten[slug]
    info = site.enriched.buurt_info(slug)
    path, naam = f"buurt/{slug}", entry.model.naam
    out = [front_matter(naam, description=t(lang, "buurt_description", name=naam)), f"# {md_text(naam)}\n\n"]
    if info is not None:
        facts = [
            f'{esc(t(lang, "wijk"))}: <a href="{href(path, "wijk/" + slugify(info.wijk))}">{esc(info.wijk)}</a>',
            f'{esc(t(lang, "stadsdeel"))}: <a href="{href(path, "stadsdeel/" + slugify(info.stadsdeel))}">{esc(info.stadsdeel)}</a>',
        ]
        if info.inwoners is not None:
            facts.append(esc(t(lang, "inhabitants", n=format_int(info.inwoners, lang))))
        out.append('<p class="sk-facts" markdown="0">' + " · ".join(facts) + "</p>\n")
    if entry.model.omschrijving:
        out.append(f'\n<p class="sk-lead" markdown="0">{text_html(entry.model.omschrijving, lang)}</p>\n')
    near = nearby(site, slug)
    out.append(buurt_map_html(site, slug, lang, path, nearby=[e.slug for e in near]))
    own = places_in(site, {slug})
    out.append(section(t(lang, "places_in_buurt"), places_list(site, path, own, lang)))
    from generator.render.finder import walk_filter_html  # finder builds on the agenda, which builds on this module

    out.append(section(t(lang, "walkfilter_title"), walk_filter_html(site, slug, lang, path)))
    near_entries = own + near
    out.append(section(t(lang, "this_week"), week_html(site, path, near_entries, lang)))
    out.append(agenda_links_html(site, "buurt", slug, lang, path))
    out.append(f'\n<p class="sk-flyer" markdown="0"><a class="md-button" href="{asset_href(path, lang, flyer_href(slug, lang))}">{esc(t(lang, "flyer.print_link"))}</a></p>\n')
    out.append(section(t(lang, "wijkteam"), wijkteam_html(site, slug, lang)))
    out.append(edit_block(site.config, lang, naam, path, [f"content/buurten/{slug}.yml"]))
    return OutputFile(page_file(path, lang), "".join(out))


def format_int(value: int, lang: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=babel_locale(lang))


def wijkteam_html(site: SiteContext, slug: str, lang: str) -> str:
    team = site.content.buurten[slug].model.wijkteam
    if team is None:
        return f"<p>{esc(t(lang, 'wijkteam_unknown'))}</p>"
    lines = [f"<strong>{esc(team.naam)}</strong>"]
    if team.adres:
        lines.append(esc(team.adres))
    if team.telefoon:
        lines.append(f'{esc(t(lang, "phone"))}: <a href="tel:{esc(team.telefoon.replace(" ", ""))}">{esc(team.telefoon)}</a>')
    if team.email:
        lines.append(f'{esc(t(lang, "email"))}: <a href="mailto:{esc(team.email)}">{esc(team.email)}</a>')
    if team.website:
        lines.append(external_link(team.website))
    return "<p>" + "<br>".join(lines) + "</p>"


def render_area(site: SiteContext, area: Area, level: str, lang: str) -> OutputFile:
    title = t(lang, f"{level}_title", name=area.naam)
    out = [front_matter(title), f"# {md_text(title)}\n\n"]
    buurt_items = "".join(
        f'<li><a href="{href(area.path, "buurt/" + b.slug)}">{esc(b.naam)}</a></li>' for b in area.buurten
    )
    out.append(section(t(lang, "buurten"), f'<ul class="sk-buurten">{buurt_items}</ul>'))
    if level == "stadsdeel":
        wijk_items = "".join(
            f'<li><a href="{href(area.path, w.path)}">{esc(w.naam)}</a></li>'
            for w in wijken(site)
            if any(b.stadsdeel == area.naam for b in w.buurten)
        )
        out.append(section(t(lang, "wijken"), f"<ul>{wijk_items}</ul>"))
    out.append(section(t(lang, "places"), places_list(site, area.path, places_in(site, {b.slug for b in area.buurten}), lang)))
    return OutputFile(page_file(area.path, lang), "".join(out))


def render_theme(site: SiteContext, theme: str, lang: str) -> OutputFile:
    path = f"thema/{theme}"
    title = t(lang, "theme_" + theme)
    entries = sorted(
        (e for e in site.content.plaatsen.values() if theme in e.model.themas or any(theme in (a.themas or []) for a in e.model.activiteiten)),
        key=lambda e: e.model.naam,
    )
    out = [front_matter(title), f"# {md_text(title)}\n\n", f'<p class="sk-lead" markdown="0">{esc(t(lang, "theme_about_" + theme))}</p>\n']
    out.append(section(t(lang, "places"), places_list(site, path, entries, lang)))
    return OutputFile(page_file(path, lang), "".join(out))


def render_pages(site: SiteContext) -> list[OutputFile]:
    files: list[OutputFile] = []
    for lang in site.config.languages:
        files += [render_place(site, entry, lang) for entry in site.content.plaatsen.values()]
        files += [render_buurt(site, slug, lang) for slug in site.content.buurten]
        files += [render_area(site, area, "wijk", lang) for area in wijken(site)]
        files += [render_area(site, area, "stadsdeel", lang) for area in stadsdelen(site)]
        files += [render_theme(site, theme, lang) for theme in THEMAS]
    return files
