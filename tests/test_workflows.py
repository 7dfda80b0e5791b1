"""The GitHub files: workflows parse, are locked down, and run only commands that exist and work here.

The workflow steps are run for real, literally as written, in a throw-away copy of the project
with fixture content (tests/fixtures/changes/): `./dev setup` finds its stamp and does nothing,
`.venv/bin/python` is this interpreter. Steps that need the network on GitHub's runners (geocode,
apt-get) are checked with `--help` or skipped, never run against the internet.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil

from conftest import generated_docs
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import build_parser
from generator.messages import MESSAGES
from generator.site import SiteConfig

REPO = Path(__file__).resolve().parents[1]
GITHUB = REPO / ".github"
WORKFLOWS = {path.name: path for path in sorted((GITHUB / "workflows").glob("*.yml"))}
FIXTURES = REPO / "tests" / "fixtures" / "changes"
SHA_PIN = re.compile(r"^\s*(?:-\s+)?uses:\s+([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+\s*$")
GENERATOR_CALL = re.compile(r"python -m generator (\w+)((?:[ \t]+(?:\"[^\"]*\"|[^\s|;&>]+))*)")
DEV_CALL = re.compile(r"\./dev (\w+)")
# Commands the workflows call that are not in the CLI yet (none now; kept for the next one).
PENDING_COMMANDS: dict[str, str] = {}
NETWORK_COMMANDS = {"geocode"}  # needs PDOK on GitHub's runners: checked with --help only


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True


def run_steps(workflow: dict) -> list[tuple[str, dict]]:
    return [(job_id, step) for job_id, job in workflow["jobs"].items() for step in job["steps"] if "run" in step]


def generator_commands() -> set[str]:
    subparsers = next(a for a in build_parser()._actions if a.dest == "command")
    return set(subparsers.choices)


def dev_commands() -> set[str]:
    script = (REPO / "dev").read_text(encoding="utf-8")
    return set(re.findall(r"^\s+(\w+)\)", script, flags=re.MULTILINE))


# --- the files parse and say what the issue asks --------------------------------------------------


def test_expected_files_exist():
    assert set(WORKFLOWS) == {"pr.yml", "deploy.yml", "upkeep.yml"}
    for name in ("dependabot.yml", "pull_request_template.md", "ISSUE_TEMPLATE/config.yml"):
        assert (GITHUB / name).is_file(), name


@pytest.mark.parametrize("path", sorted(GITHUB.rglob("*.yml")), ids=lambda p: p.relative_to(GITHUB).as_posix())
def test_yaml_parses(path):
    assert isinstance(load(path), dict)


def test_pull_request_check_triggers_and_permissions():
    workflow = load(WORKFLOWS["pr.yml"])
    assert set(triggers(workflow)) == {"pull_request"}
    assert workflow["permissions"] == {}
    assert [job["permissions"] for job in workflow["jobs"].values()] == [{"contents": "read"}]


def test_no_workflow_uses_pull_request_target_or_secrets():
    for name, path in WORKFLOWS.items():
        text = path.read_text(encoding="utf-8")
        assert "pull_request_target" not in set(triggers(load(path))), name
        assert "secrets." not in text, name


def test_deploy_triggers_and_permissions():
    workflow = load(WORKFLOWS["deploy.yml"])
    assert triggers(workflow) == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["bouwen"]["permissions"] == {"contents": "read"}
    assert jobs["publiceren"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["publiceren"]["environment"]["name"] == "github-pages"
    uses = [step.get("uses", "") for job in jobs.values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert any("generator flyers" in step.get("run", "") for step in jobs["bouwen"]["steps"])


def test_upkeep_triggers_and_permissions():
    workflow = load(WORKFLOWS["upkeep.yml"])
    assert set(triggers(workflow)) == {"schedule", "workflow_dispatch"}
    assert len(triggers(workflow)["schedule"]) == 1  # weekly: one cron line, on one weekday
    assert triggers(workflow)["schedule"][0]["cron"].split()[2:] == ["*", "*", "1"]
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["nakijken"]["permissions"] == {"contents": "read"}  # runs project code and fetches links
    assert jobs["issues"]["permissions"] == {"issues": "write"}  # runs no project code, no checkout
    assert all("checkout" not in step.get("uses", "") for step in jobs["issues"]["steps"])


def test_every_action_is_pinned_to_a_commit_with_its_version():
    for name, path in WORKFLOWS.items():
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"^\s*(-\s+)?uses:", line):
                assert SHA_PIN.match(line), f"{name}: not pinned to a full SHA with a '# vX.Y.Z' comment: {line.strip()}"


def test_the_same_action_has_the_same_pin_everywhere():
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS.values():
        for match in filter(None, map(SHA_PIN.match, path.read_text(encoding="utf-8").splitlines())):
            pins.setdefault(match[1], set()).add(match[2])
    assert {action: len(shas) for action, shas in pins.items() if len(shas) > 1} == {}


def test_checkout_never_keeps_the_token():
    for name, path in WORKFLOWS.items():
        for job in load(path)["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, name


def test_no_expressions_inside_shell_scripts():
    # `${{ … }}` in a run: block is pasted into the script before it runs: the classic injection.
    for name, path in WORKFLOWS.items():
        for _, step in run_steps(load(path)):
            assert "${{" not in step["run"], f"{name}: {step.get('name')}"


def test_every_job_has_a_timeout():
    for name, path in WORKFLOWS.items():
        for job_id, job in load(path)["jobs"].items():
            assert isinstance(job.get("timeout-minutes"), int), f"{name}: {job_id}"


def test_dependabot_watches_pip_and_actions():
    config = load(GITHUB / "dependabot.yml")
    assert config["version"] == 2
    assert {u["package-ecosystem"] for u in config["updates"]} == {"pip", "github-actions"}


# --- every command the workflows run is a real project command -------------------------------------


def workflow_calls() -> list[tuple[str, str, str]]:
    """(workflow, command, arguments) of every `python -m generator …` and `./dev …` in a run: block."""
    calls = []
    for name, path in WORKFLOWS.items():
        for _, step in run_steps(load(path)):
            calls += [(name, f"generator {m[1]}", m[2].strip()) for m in GENERATOR_CALL.finditer(step["run"])]
            calls += [(name, f"dev {m[1]}", "") for m in DEV_CALL.finditer(step["run"])]
    return calls


def test_workflows_call_the_project_cli():
    called = {command for _, command, _ in workflow_calls()}
    assert {"dev setup", "dev build", "generator validate", "generator changes", "generator geocode",
            "generator upkeep", "generator flyers"} <= called


@pytest.mark.parametrize("workflow,command,arguments", workflow_calls(), ids=lambda v: str(v) or "-")
def test_called_command_exists(workflow, command, arguments):
    kind, name = command.split()
    if kind == "dev":
        assert name in dev_commands(), f"{workflow}: ./dev {name} is not a command of ./dev"
        return
    if name not in generator_commands():
        if name in PENDING_COMMANDS and not os.environ.get("CI_REQUIRE_ALL_COMMANDS"):
            pytest.skip(PENDING_COMMANDS[name])
        pytest.fail(f"{workflow}: python -m generator {name} is not a command")
    # The arguments the workflow passes must parse (variables replaced by a plain path).
    argv = [name, *shlex.split(re.sub(r'"?\$\w+([^"\s]*)"?', r"/tmp\1", arguments))]
    build_parser().parse_args(argv)


# --- run the workflow steps for real in a copy of the project ------------------------------------------


def make_project(tmp_path: Path, content: Path) -> tuple[Path, dict[str, str]]:
    """A throw-away checkout: the project's files, fixture content, a .venv that is this Python."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "dev", "pyproject.toml", "requirements.lock"):
        shutil.copy2(REPO / name, project / name)
    shutil.copytree(REPO / "docs", project / "docs", ignore=generated_docs)
    (project / "generator").symlink_to(REPO / "generator")
    (project / "hooks").symlink_to(REPO / "hooks")
    (project / "overrides").symlink_to(REPO / "overrides")
    shutil.copytree(content, project / "content")
    bin_dir = project / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    for tool, command in (("python", [sys.executable]), ("mkdocs", [sys.executable, "-m", "mkdocs"])):
        wrapper = bin_dir / tool
        wrapper.write_text(f"#!/bin/sh\nexec {shlex.join(command)} \"$@\"\n", encoding="utf-8")
        wrapper.chmod(0o755)
    stamp = subprocess.run("sha256sum requirements.lock pyproject.toml | sha256sum | cut -c1-16", shell=True,
                           cwd=project, capture_output=True, text=True, check=True).stdout.strip()
    (project / ".venv" / f".installed-{stamp}").touch()
    runner = tmp_path / "runner"
    runner.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "RUNNER_TEMP": str(runner),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "GITHUB_REPOSITORY": "owner/repo",
        # Nothing here may reach the internet: a dead proxy makes any attempt fail at once.
        "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "NO_PROXY": "",
        "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    return project, env


def git(project: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def run_job(workflow: str, job: str, project: Path, env: dict[str, str]) -> dict[str, subprocess.CompletedProcess]:
    """Run the job's run: steps as GitHub does (bash -eo pipefail); returns each step's result by name."""
    results = {}
    for job_id, step in run_steps(load(WORKFLOWS[workflow])):
        if job_id != job or "apt-get" in step["run"]:
            continue
        script = step["run"]
        called = {m[1] for m in GENERATOR_CALL.finditer(script)}
        if called & set(PENDING_COMMANDS) - generator_commands():
            continue  # checked (and skipped with its reason) in test_called_command_exists
        if called & NETWORK_COMMANDS:
            name = next(iter(called & NETWORK_COMMANDS))
            script = f".venv/bin/python -m generator {name} --help"
        step_env = {**env, **{k: str(v) for k, v in step.get("env", {}).items()}}
        results[step["name"]] = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=project, env=step_env, capture_output=True, text=True, timeout=300, check=False,
        )
    return results


def assert_all_passed(results: dict[str, subprocess.CompletedProcess]) -> None:
    for name, result in results.items():
        assert result.returncode == 0, f"step {name!r} failed:\n{result.stdout}\n{result.stderr}"


def test_pull_request_job_runs_here(tmp_path):
    project, env = make_project(tmp_path, FIXTURES / "before" / "content")
    git(project, env, "init", "-q")
    git(project, env, "add", "-A")
    git(project, env, "commit", "-qm", "basis")
    shutil.rmtree(project / "content")
    shutil.copytree(FIXTURES / "after" / "content", project / "content")
    git(project, env, "add", "-A")
    git(project, env, "commit", "-qm", "pull request")

    results = run_job("pr.yml", "controle", project, env)
    assert_all_passed(results)
    assert "::error" not in results["Inhoud controleren"].stdout
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "### Wat verandert er op de kaart\n\n- contactgegevens gewijzigd bij Buurtkamer De Schakel" in summary
    assert "- 2 activiteiten toegevoegd aan Taalcafé De Boog (Binnenstad): Koffie-inloop, Voorleesuurtje\n" in summary
    assert "### Controle van de inhoud: 7 bestanden, 0 fouten" in summary
    upload = next(s for s in load(WORKFLOWS["pr.yml"])["jobs"]["controle"]["steps"] if "upload-artifact" in s.get("uses", ""))
    assert (project / upload["with"]["path"] / "index.html").is_file()


def test_deploy_build_job_runs_here(tmp_path):
    project, env = make_project(tmp_path, FIXTURES / "after" / "content")
    assert_all_passed(run_job("deploy.yml", "bouwen", project, env))
    upload = next(s for s in load(WORKFLOWS["deploy.yml"])["jobs"]["bouwen"]["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert (project / upload["with"]["path"] / "index.html").is_file()


def test_upkeep_job_runs_here(tmp_path):
    project, env = make_project(tmp_path, REPO / "tests" / "fixtures" / "upkeep" / "content")
    assert_all_passed(run_job("upkeep.yml", "nakijken", project, env))
    # The fixture has websites on *.voorbeeld.nl: with the dead proxy they all count as unreachable,
    # which also proves the step checks links and carries them into the issue text.
    output = Path(env["RUNNER_TEMP"]) / "onderhoud"
    reports = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in output.glob("*.json")}
    assert set(reports) == {"centrum.json", "erp.json", "oud-woensel.json", "onbekende-wijk.json"}
    assert reports["erp.json"]["dead"] == 2
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")  # the stale counts depend on today's date
    assert summary.startswith("### Onderhoud per wijk\n\n- Centrum: ") and ", 2 dode links\n- Oud-Woensel: " in summary
    upload = next(s for s in load(WORKFLOWS["upkeep.yml"])["jobs"]["nakijken"]["steps"] if "upload-artifact" in s.get("uses", ""))
    assert upload["with"]["path"].replace("${{ runner.temp }}", env["RUNNER_TEMP"]).rstrip("/") == str(output)


def test_shipped_content_passes_the_pull_request_check():
    if not (REPO / "content").is_dir():
        pytest.skip("this checkout has no content/ folder yet; the fixture content is checked above")
    result = subprocess.run([sys.executable, "-m", "generator", "validate", "--format", "github"], cwd=REPO,
                            capture_output=True, text=True, check=False, env={**os.environ, "GITHUB_STEP_SUMMARY": ""})
    assert result.returncode == 0, result.stdout + result.stderr


# --- the github-script step that keeps one issue per wijk ---------------------------------------------


ISSUE_SCRIPT_HARNESS = r"""
const fs = require('fs');
const state = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let next = 100;
const calls = [];
const github = {
  paginate: async (fn, params) => fn(params),
  rest: { issues: {
    getLabel: async ({ name }) => { if (!state.labels.includes(name)) { const e = new Error('nf'); e.status = 404; throw e; } },
    createLabel: async ({ name }) => { calls.push(['createLabel', name]); state.labels.push(name); },
    listForRepo: async ({ labels, state: s }) => state.issues.filter((i) => i.labels.includes(labels) && (s === 'all' || i.state === s)),
    create: async ({ title, body, labels }) => { const i = { number: next++, title, body, labels, state: 'open' }; state.issues.push(i); calls.push(['create', i.number]); return { data: i }; },
    update: async ({ issue_number, body, state: s }) => { const i = state.issues.find((x) => x.number === issue_number); i.body = body; i.state = s; calls.push(['update', issue_number, s]); },
  } },
};
const context = { repo: { owner: 'o', repo: 'r' } };
const core = { info: () => {} };
(async () => {
  await (async function () { SCRIPT })();
  fs.writeFileSync(process.argv[2], JSON.stringify(state));
  console.log(JSON.stringify(calls));
})().catch((e) => { console.error(e); process.exit(1); });
"""


def run_issue_script(tmp_path: Path, reports: list[dict], state: dict) -> list:
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed: the github-script step cannot be run here")
    step = next(s for s in load(WORKFLOWS["upkeep.yml"])["jobs"]["issues"]["steps"] if "github-script" in s.get("uses", ""))
    folder = tmp_path / "onderhoud"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.json"):
        old.unlink()
    for report in reports:
        (folder / f"{report['wijk'].lower()}.json").write_text(json.dumps(report), encoding="utf-8")
    (tmp_path / "state.json").write_text(json.dumps(state), encoding="utf-8")
    (tmp_path / "harness.js").write_text(ISSUE_SCRIPT_HARNESS.replace("SCRIPT", step["with"]["script"]), encoding="utf-8")
    result = subprocess.run([node, str(tmp_path / "harness.js"), str(tmp_path / "state.json")], capture_output=True, text=True,
                            env={**os.environ, "ONDERHOUD_MAP": str(folder)}, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def report(wijk: str, stale: int, body: str) -> dict:
    return {"wijk": wijk, "title": f"Onderhoud wijk {wijk}: gegevens nakijken", "label": "onderhoud", "stale": stale, "dead": 0, "body": body}


def test_issue_script_creates_updates_and_closes_never_duplicates(tmp_path):
    state = {"labels": [], "issues": [
        {"number": 1, "title": "Onderhoud wijk Erp: gegevens nakijken", "body": "oud", "labels": ["onderhoud"], "state": "open"},
        {"number": 2, "title": "Onderhoud wijk Centrum: gegevens nakijken", "body": "oud", "labels": ["onderhoud"], "state": "closed"},
        {"number": 3, "title": "Onderhoud wijk Tongelre: gegevens nakijken", "body": "x", "labels": ["onderhoud"], "state": "open"},
    ]}
    first = [report("Erp", 2, "nieuw"), report("Centrum", 1, "weer"), report("Tongelre", 0, "alles goed"),
             report("Gestel", 1, "eerste keer"), report("Stratum", 0, "niets")]
    calls = run_issue_script(tmp_path, first, state)
    # files are read in name order: centrum, erp, gestel, stratum, tongelre
    assert calls == [["createLabel", "onderhoud"], ["update", 2, "open"], ["update", 1, "open"], ["create", 100], ["update", 3, "closed"]]
    state = json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))
    assert run_issue_script(tmp_path, first, state) == []  # the same week again: nothing to do, nothing new


# --- zizmor: the static analyser for GitHub Actions --------------------------------------------------


def zizmor_binary() -> str | None:
    candidates = [os.environ.get("ZIZMOR"), str(Path(sys.executable).parent / "zizmor"), shutil.which("zizmor")]
    return next((c for c in candidates if c and Path(c).is_file() and os.access(c, os.X_OK)), None)


def test_zizmor_finds_nothing():
    binary = zizmor_binary()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("zizmor is not installed, but CI is set: it is in the test extras and requirements.lock")
        pytest.skip("zizmor is not installed (./dev setup installs it; or set ZIZMOR=/path/to/zizmor)")
    # --offline: no GitHub API calls (tests never use the network); pedantic: also code smells.
    result = subprocess.run([binary, "--offline", "--persona=pedantic", "--no-progress", "--color=never", str(GITHUB)],
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout
