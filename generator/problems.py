"""Problems found in content files, and how they are written for people and for GitHub.

A problem is never raised: every stage returns the problems it found, so an editor sees all of
them at once. Messages are written for buurtambassadeurs, in plain Dutch (or English with
``--lang en``); ``generator/messages.py`` holds their texts.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from generator.messages import render_message

Severity = Literal["fout", "waarschuwing"]
SEVERITY_WORD = {
    "nl": {"fout": "fout", "waarschuwing": "waarschuwing"},
    "en": {"fout": "error", "waarschuwing": "warning"},
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, at one line (1-based) and column (1-based)."""

    file: str
    line: int
    col: int
    severity: Severity
    code: str
    params: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def message(self, lang: str = "nl") -> str:
        return render_message(self.code, lang, self.params)[0]

    def hint(self, lang: str = "nl") -> str:
        return render_message(self.code, lang, self.params)[1]

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.col, self.code)


def error(file: str, line: int, col: int, code: str, /, **params: object) -> Problem:
    # Positional-only: messages may have a `{code}` placeholder (buurt_dubbel) of their own.
    return Problem(file, line, col, "fout", code, params)


def warning(file: str, line: int, col: int, code: str, /, **params: object) -> Problem:
    return Problem(file, line, col, "waarschuwing", code, params)


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    # A set first: the same problem found by two stages is shown once.
    unique = {(p.sort_key, p.severity, json.dumps(p.params, sort_keys=True, default=str)): p for p in problems}
    return sorted(unique.values(), key=lambda p: p.sort_key)


def count_line(problems: list[Problem], lang: str = "nl") -> str:
    counts = Counter(p.severity for p in problems)
    errors, warnings = counts["fout"], counts["waarschuwing"]
    if lang == "en":
        return f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    return f"{errors} {'fout' if errors == 1 else 'fouten'}, {warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}"


def files_word(count: int, lang: str) -> str:
    if lang == "en":
        return f"{count} file" + ("" if count == 1 else "s")
    return f"{count} " + ("bestand" if count == 1 else "bestanden")


def format_text(problem: Problem, lang: str = "nl") -> str:
    """``file:line:col: fout: message (hint)`` — the form editors and editors' tools know."""
    word = SEVERITY_WORD[lang][problem.severity]
    hint = problem.hint(lang)
    tail = f" ({hint})" if hint else ""
    return f"{problem.file}:{problem.line}:{problem.col}: {word}: {problem.message(lang)}{tail}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problem: Problem, lang: str = "nl") -> str:
    """A GitHub workflow command, so the problem shows on the changed line of the pull request."""
    command = "error" if problem.severity == "fout" else "warning"
    hint = problem.hint(lang)
    text = problem.message(lang) + (f" ({hint})" if hint else "")
    title = SEVERITY_WORD[lang][problem.severity].capitalize()
    props = ",".join(
        f"{key}={_escape_property(str(value))}"
        for key, value in (("file", problem.file), ("line", problem.line), ("col", problem.col), ("title", title))
    )
    return f"::{command} {props}::{_escape_data(text)}"


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def summary_markdown(problems: list[Problem], files_checked: int, lang: str = "nl") -> str:
    """The job summary of a pull-request check: a table a buurtambassadeur can read."""
    if lang == "en":
        head = f"### Content check: {files_word(files_checked, lang)}, {count_line(problems, lang)}\n\n"
        columns = "| file | line | kind | what is wrong | what to do |\n|---|---|---|---|---|\n"
    else:
        head = f"### Controle van de inhoud: {files_word(files_checked, lang)}, {count_line(problems, lang)}\n\n"
        columns = "| bestand | regel | soort | wat is er mis | wat kun je doen |\n|---|---|---|---|---|\n"
    if not problems:
        return head + ("Everything is in order.\n" if lang == "en" else "Alles is in orde.\n")
    rows = "".join(
        f"| `{_md_cell(p.file)}` | {p.line} | {SEVERITY_WORD[lang][p.severity]} "
        f"| {_md_cell(p.message(lang))} | {_md_cell(p.hint(lang))} |\n"
        for p in problems
    )
    return head + columns + rows
