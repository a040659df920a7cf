"""Configuration: discovery (closest wins), keys, validation, command-line overrides, `factlint config`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.config import Config, ConfigError, Finder, Overrides, glob_matches, settings_for

WRONG_DATE = "Andrej Karpathy announced on 12 June 2026 that he had joined Anthropic.\n"
WRONG_WEEKDAY = "Karpathy announced on Thursday that he had joined Anthropic.\n"
MINI_SHEET = """
[sheet]
id = "mini-2024"
title = "Ada Park joins Northwind"
event_date = 2024-09-10

[[sources]]
id = "m1"
outlet = "Test Wire"

[[entities]]
id = "park"
kind = "person"
name = "Ada Park"
aliases = ["Park"]
gender = "female"

[[entities]]
id = "northwind"
kind = "organisation"
name = "Northwind"

[[facts]]
id = "park-announced"
subject = "park"
relation = "announced"
value = { type = "date", date = 2024-09-10 }
cues = ["announc"]
sources = ["m1"]
"""
PARK_WRONG = "Ada Park announced on 12 October 2024 that she had joined Northwind.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def rules_found(*args: str) -> list[tuple[str, str]]:
    code, out, err = run("check", "--format", "json-lines", *args)
    assert code in (0, 1), err
    return [(Path(d["path"]).name, d["rule"]) for d in map(json.loads, out.splitlines())]


def clear_caches() -> None:
    """Config files are cached per path for the life of a process; these tests rewrite them."""
    from linter import config

    config.load_config.cache_clear()
    config._config_in_folder.cache_clear()


@pytest.fixture(autouse=True)
def fresh_caches() -> None:
    clear_caches()


# ------------------------------------------------------------------------------------ discovery


def test_closest_configuration_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.factlint]\nignore = ["FL101"]\n')
    write(tmp_path / "sub" / ".factlint.toml", "select = ['FL101']\n")
    write(tmp_path / "a.txt", WRONG_DATE)
    write(tmp_path / "sub" / "b.txt", WRONG_DATE)
    assert rules_found(str(tmp_path)) == [("b.txt", "FL101")]


def test_factlint_toml_beats_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.factlint]\nignore = ["FL101"]\n')
    write(tmp_path / ".factlint.toml", "fail-on = 'warning'\n")
    assert Finder().for_path(tmp_path / "a.md").path == (tmp_path / ".factlint.toml").resolve()


def test_pyproject_without_a_factlint_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / ".factlint.toml", "ignore = ['FL101']\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    config = Finder().for_path(tmp_path / "sub" / "a.md")
    assert config.path == (tmp_path / ".factlint.toml").resolve()


def test_isolated_and_explicit_config(tmp_path: Path) -> None:
    write(tmp_path / ".factlint.toml", "ignore = ['FL101']\n")
    other = write(tmp_path / "elsewhere" / "strict.toml", "select = ['FL102']\n")
    write(tmp_path / "a.txt", WRONG_DATE)
    assert rules_found(str(tmp_path / "a.txt")) == []
    assert rules_found("--isolated", str(tmp_path / "a.txt")) == [("a.txt", "FL101")]
    assert rules_found("--config", str(other), str(tmp_path / "a.txt")) == []


# ------------------------------------------------------------------------------------- validation


def test_unknown_key_is_one_line_naming_key_and_file(tmp_path: Path) -> None:
    config = write(tmp_path / "pyproject.toml", '[tool.factlint]\nfail_on = "warning"\n')
    write(tmp_path / "a.txt", WRONG_DATE)
    code, _, err = run("check", str(tmp_path / "a.txt"))
    assert code == 2
    assert err.count("\n") == 1
    assert "'fail_on'" in err and str(config.resolve()) in err and "did you mean 'fail-on'" in err


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("fail-on = 'fatal'", "fail-on: must be one of"),
        ("select = 'FL1'\nignore = 3", "ignore: must be a list of strings"),
        ("exclude-blockquotes = 'yes'", "exclude-blockquotes: must be true or false"),
        ("published = 'last week'", "published: 'last week' is not a date"),
        ("per-file-ignores = ['a']", "per-file-ignores: must be a table"),
        ("select = ['FL999']", "select: unknown rule code 'FL999'"),
        ("select = [", "TOML syntax"),
    ],
)
def test_bad_values_are_errors_naming_the_key(tmp_path: Path, body: str, problem: str) -> None:
    path = write(tmp_path / ".factlint.toml", body + "\n")
    write(tmp_path / "a.txt", WRONG_DATE)
    code, _, err = run("check", str(tmp_path / "a.txt"))
    assert code == 2 and problem in err and str(path.resolve()) in err, err
    assert err.count("\n") == 1


def test_broken_configured_sheet_is_a_one_line_error(tmp_path: Path) -> None:
    write(tmp_path / ".factlint.toml", "facts = ['missing.toml']\n")
    write(tmp_path / "a.txt", WRONG_DATE)
    code, _, err = run("check", str(tmp_path / "a.txt"))
    assert code == 2 and "missing.toml" in err and err.count("\n") == 1


# ------------------------------------------------------------------------------------------- keys


def test_select_extend_select_and_ignore(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", WRONG_DATE + WRONG_WEEKDAY)
    write(tmp_path / ".factlint.toml", "select = ['FL102']\nextend-select = ['FL101']\nignore = ['FL102']\n")
    assert rules_found(str(tmp_path)) == [("a.txt", "FL101")]


def test_command_line_overrides_the_file(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", WRONG_DATE + WRONG_WEEKDAY)
    write(tmp_path / ".factlint.toml", "select = ['FL101']\nfail-on = 'warning'\n")
    assert rules_found(str(tmp_path)) == [("a.txt", "FL101")]
    assert rules_found("--select", "FL102", str(tmp_path)) == [("a.txt", "FL102")]
    assert rules_found("--extend-select", "FL102", str(tmp_path)) == [("a.txt", "FL101"), ("a.txt", "FL102")]
    assert rules_found("--ignore", "FL1", str(tmp_path)) == []


def test_per_file_ignores(tmp_path: Path) -> None:
    write(tmp_path / "archive" / "2019" / "old.md", WRONG_DATE)
    write(tmp_path / "new.md", WRONG_DATE)
    write(tmp_path / "pyproject.toml", '[tool.factlint.per-file-ignores]\n"archive/**" = ["FL101"]\n')
    assert rules_found(str(tmp_path)) == [("new.md", "FL101")]


def test_exclude_prunes_walks_and_drops_named_files(tmp_path: Path) -> None:
    write(tmp_path / "drafts" / "a.md", WRONG_DATE)
    write(tmp_path / "notes.draft.md", WRONG_DATE)
    write(tmp_path / "story.md", WRONG_DATE)
    write(tmp_path / ".factlint.toml", "exclude = ['drafts/', '*.draft.md']\n")
    assert rules_found(str(tmp_path)) == [("story.md", "FL101")]
    assert rules_found(str(tmp_path / "notes.draft.md"), str(tmp_path / "story.md")) == [("story.md", "FL101")]
    code, _, err = run("check", str(tmp_path / "drafts" / "a.md"))
    assert code == 0 and "excluded by configuration" in err


def test_facts_replace_and_extend_facts_add(tmp_path: Path) -> None:
    write(tmp_path / "sheets" / "mini.toml", MINI_SHEET)
    write(tmp_path / "a.txt", PARK_WRONG + WRONG_DATE)
    write(tmp_path / ".factlint.toml", "facts = ['sheets/mini.toml']\n")
    code, out, _ = run("check", "--format", "json", str(tmp_path / "a.txt"))
    assert code == 1
    facts = [f["fact"] for f in json.loads(out)["files"][0]["findings"]]
    assert facts == ["park-announced"]
    write(tmp_path / ".factlint.toml", "extend-facts = ['sheets/mini.toml']\n")
    clear_caches()
    out = run("check", str(tmp_path / "a.txt"))[1]
    assert "m1 Test Wire" in out and "000 ChatForest" in out  # both sheets' sources are labelled
    assert out.count("FL101 [error]") == 2


def test_fail_on_warning_from_the_file(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "<!-- factlint: ignore -->\nKarpathy joined Anthropic.\n")
    assert run("check", str(tmp_path / "a.md"))[0] == 0  # FL001 is a warning
    write(tmp_path / ".factlint.toml", "fail-on = 'warning'\n")
    clear_caches()
    assert run("check", str(tmp_path / "a.md"))[0] == 1
    assert run("check", "--fail-on", "error", str(tmp_path / "a.md"))[0] == 0


def test_published_per_glob_and_front_matter(tmp_path: Path) -> None:
    yesterday = "Karpathy announced yesterday that he had joined Anthropic.\n"
    write(tmp_path / "may22" / "a.md", yesterday)
    write(tmp_path / "may20" / "b.md", yesterday)
    write(tmp_path / "may20" / "c.md", "---\ntitle: c\ndate: 2026-05-22\n---\n" + yesterday)
    write(tmp_path / ".factlint.toml", '[published]\n"may22/*" = 2026-05-22\n"may20" = "2026-05-20"\n')
    assert rules_found(str(tmp_path)) == [("c.md", "FL103"), ("a.md", "FL103")]  # may20/ walks first
    assert rules_found("--published", "2026-05-20", str(tmp_path)) == []


def test_published_for_all_files(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Karpathy announced yesterday that he had joined Anthropic.\n")
    write(tmp_path / ".factlint.toml", "published = 2026-05-22\n")
    assert rules_found(str(tmp_path)) == [("a.txt", "FL103")]


def test_glob_rules() -> None:
    from pathlib import PurePosixPath as P

    assert glob_matches("*.draft.md", P("news/x.draft.md"))
    assert glob_matches("drafts", P("news/drafts/x.md"))
    assert glob_matches("drafts/", P("drafts/x.md"))
    assert glob_matches("news/**/*.md", P("news/2026/05/x.md"))
    assert glob_matches("news/**/*.md", P("news/x.md"))
    assert not glob_matches("news/*.md", P("news/2026/x.md"))
    assert glob_matches("news", P("news/2026/x.md"))
    assert not glob_matches("*.md", P("x.txt"))
    assert glob_matches("[!x]*.txt", P("a.txt")) and not glob_matches("[!x]*.txt", P("x.txt"))


def test_settings_are_plain_data_for_workers(tmp_path: Path) -> None:
    import pickle

    config = Config(root=tmp_path, select=("FL1",), ignore=("FL103",))
    settings = settings_for(config, Overrides(extend_select=("FL001",)), tmp_path / "a.md")
    assert settings.codes == ("FL001", "FL101", "FL102")
    assert pickle.loads(pickle.dumps(settings)) == settings


def test_config_error_str_is_one_line() -> None:
    assert str(ConfigError("x.toml", "select: bad")) == "x.toml: select: bad"


# ------------------------------------------------------------------------------- factlint config


def test_config_command_prints_the_resolved_configuration(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[tool.factlint]\nselect = ["FL1"]\nignore = ["FL103"]\nfail-on = "warning"\n'
        'exclude = ["drafts"]\n[tool.factlint.per-file-ignores]\n"wire/*" = ["FL102"]\n',
    )
    code, out, _ = run("config", "--format", "json", str(tmp_path / "wire" / "a.md"))
    assert code == 0
    data = json.loads(out)
    assert data["config"] == str((tmp_path / "pyproject.toml").resolve())
    assert data["select"] == ["FL101"] and data["fail-on"] == "warning" and data["excluded"] is False
    code, out, _ = run("config", str(tmp_path / "drafts" / "x.md"))
    assert code == 0 and "pyproject.toml [tool.factlint]" in out
    assert "excluded = true" in out and 'select = ["FL101", "FL102"]' in out


def test_config_command_reports_bad_configuration(tmp_path: Path) -> None:
    write(tmp_path / ".factlint.toml", "colour = 'red'\n")
    code, _, err = run("config", str(tmp_path))
    assert code == 2 and "unknown key 'colour'" in err
