"""CONTRIBUTING.md, the issue forms and the pull-request template say what the code does."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from generator.messages import MESSAGES
from generator.models import Activiteit, Ontwikkelplaats, Wanneer
from generator.site import SiteConfig

REPO = Path(__file__).resolve().parents[1]
GUIDE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
DUTCH = GUIDE.split("# Contributing (English)")[0]
FORMS = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml"}


def section(title: str) -> str:
    return DUTCH.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def table_rows(text: str) -> list[list[str]]:
    rows = [line.strip("|").split(" | ") for line in text.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row] for row in rows[1:]]  # without the header


def test_dutch_first_english_after():
    assert GUIDE.index("# Meedoen aan de Sociale kaart Eindhoven") < GUIDE.index("# Contributing (English)")


def test_web_editor_steps_are_named_as_github_names_them():
    for words in ("potloodje", "Commit changes…", "Create a new branch for this commit and start a pull request",
                  "Create pull request", "Files changed", "Fork this repository"):
        assert words in DUTCH, words


def test_the_check_is_called_what_the_pull_request_shows():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8"))
    shown = f"{workflow['name']} / {workflow['jobs']['controle']['name']}"
    assert f'"{shown}"' in DUTCH
    assert f"**Checks** → **{workflow['name']}**" in DUTCH


@pytest.mark.parametrize("task", ["Een activiteit toevoegen", "Een plek toevoegen", "Een tijd veranderen", "Een plek is gestopt"])
def test_the_four_tasks(task):
    assert f"### {task}\n" in DUTCH


def test_message_table_quotes_the_real_messages():
    templates = {re.sub(r"\{\w+\}", "…", texts["nl"][0]) for texts in MESSAGES.values()}
    rows = table_rows(section("Meldingen van de controle"))
    assert len(rows) >= 25
    assert [row[0] for row in rows if row[0] not in templates] == []


def test_examples_in_the_guide_are_valid_content():
    blocks = re.findall(r"```yaml\n(.*?)```", DUTCH, flags=re.DOTALL)
    place = yaml.safe_load(blocks[0])
    Ontwikkelplaats.model_validate(place)
    for activity in yaml.safe_load(blocks[1])["activiteiten"]:
        Activiteit.model_validate(activity)
    Wanneer.model_validate(yaml.safe_load(blocks[2].strip())["wanneer"])
    assert yaml.safe_load(blocks[3]) == {"status": "gestopt"}


def test_schedule_table_examples_are_valid():
    rows = table_rows(DUTCH.split("Andere schema's:", 1)[1].split("\n\n", 2)[1])
    assert len(rows) == 4
    for row in rows:
        Wanneer.model_validate(yaml.safe_load(re.search(r"`(\{.*?\})`", row[1])[1]))


def test_themas_listed_are_the_real_ones():
    from generator.models import THEMAS

    listed = re.search(r"`themas` kies je uit: (.*?)\.\n", DUTCH, flags=re.DOTALL)[1]
    assert re.findall(r"`(\w+)`", listed) == list(THEMAS)


# --- issue forms and their prefill links ---------------------------------------------------------------


def test_issue_forms_are_the_two_dutch_forms():
    assert {form["name"] for form in FORMS.values()} == {"Nieuwe plek of activiteit aanmelden", "Er klopt iets niet"}
    for form in FORMS.values():
        assert form["labels"] and form["title"] and form["description"]
        ids = [field["id"] for field in form["body"] if "id" in field]
        assert len(ids) == len(set(ids))


def text_field_ids(form: dict) -> set[str]:
    return {field["id"] for field in form["body"] if field["type"] in ("input", "textarea")}


def test_prefill_table_lists_every_text_field():
    rows = table_rows(DUTCH.split("### Links van de site naar de formulieren", 1)[1])
    documented = {row[0].strip("`"): set(re.findall(r"`(\w+)`", row[2])) for row in rows}
    assert set(documented) == set(FORMS)
    for name, form in FORMS.items():
        assert documented[name] == text_field_ids(form), name


def test_example_prefill_link_fits_the_form():
    link = re.search(r"^https://github\.com/\S+/issues/new\?\S+$", GUIDE, flags=re.MULTILINE)[0]
    assert link.startswith(SiteConfig().repo_url + "/issues/new?")
    query = parse_qs(urlsplit(link).query)
    form = FORMS[query.pop("template")[0]]
    assert query.pop("title")[0].startswith(form["title"])
    assert set(query) <= text_field_ids(form)
    assert not {"labels", "assignees"} & set(query)


def test_links_to_forms_name_existing_templates():
    for template in re.findall(r"issues/new\?template=([\w.-]+)", GUIDE):
        assert template in FORMS, template


def test_repository_links_point_to_the_configured_repository():
    texts = [GUIDE] + [p.read_text(encoding="utf-8") for p in (REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml")]
    for text in texts:
        for url in re.findall(r"https://github\.com/[\w-]+/[\w-]+", text):
            if url.startswith("https://github.com/signup"):
                continue
            assert url == SiteConfig().repo_url, url


def test_pull_request_template_has_a_short_checklist():
    template = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] ", template, flags=re.MULTILINE)
    assert 3 <= len(items) <= 6
    assert "laatst_gecontroleerd" in template and "privégegevens" in template
