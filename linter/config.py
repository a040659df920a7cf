"""Project configuration: `[tool.factlint]` in pyproject.toml or a `.factlint.toml`, found like ruff does.

For each linted file the closest configuration wins: walking up from the file's folder, the first
folder with a `.factlint.toml` (keys at the top level) or a `pyproject.toml` that has a
`[tool.factlint]` table supplies the settings (`.factlint.toml` beats pyproject.toml in the same
folder). Configurations are not merged. Globs and sheet paths are relative to the configuration's
folder. Options given on the command line override the file.

Keys (kebab-case, as in ruff):

    select = ["FL1"]                 rule codes or prefixes to run (default: all)
    extend-select = ["FL001"]        added to `select`
    ignore = ["FL103"]               removed from the selection
    per-file-ignores = {"archive/**" = ["FL101"]}
    exclude = ["drafts/", "*.draft.md"]
    facts = ["sheets/event.toml"]    replace the embedded fact sheet (one or more sheets)
    extend-facts = ["sheets/more.toml"]   lint against these as well as `facts` (or the embedded sheet)
    fail-on = "error"                lowest severity that makes the exit code 1 ("error" or "warning")
    published = 2026-05-20           the articles' date, or a table of glob -> date
    exclude-blockquotes = false      leave quoted third-party text (> lines, <blockquote>) unlinted

A glob without `/` matches any single path component (a file or folder name); a glob with `/`
matches the path from the configuration's folder, or a folder that contains the file. `**` spans
folders. Unknown keys and bad values are errors that name the key and the file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    pass

CONFIG_NAMES = (".factlint.toml", "pyproject.toml")
BUILTIN_SHEET = "<builtin>"
SEVERITIES = ("error", "warning")
KEYS = (
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "exclude",
    "facts",
    "extend-facts",
    "fail-on",
    "published",
    "exclude-blockquotes",
)


class ConfigError(Exception):
    """A configuration that cannot be used; `str()` is one line naming the file."""

    def __init__(self, path: str, problem: str) -> None:
        self.path, self.problem = path, problem
        super().__init__(f"{path}: {problem}")


class Config(NamedTuple):
    """One configuration file's settings, validated (or the defaults, when `path` is None)."""

    path: Path | None = None
    root: Path = Path()  # paths are relative to this folder; by default the current one
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    facts: tuple[str, ...] | None = None
    extend_facts: tuple[str, ...] = ()
    fail_on: str | None = None
    published: dt.date | None = None
    published_globs: tuple[tuple[str, dt.date], ...] = ()
    exclude_blockquotes: bool | None = None

    @property
    def label(self) -> str:
        """Where the settings came from, for messages."""
        if self.path is None:
            return "defaults"
        return f"{self.path} [tool.factlint]" if self.path.name == "pyproject.toml" else str(self.path)

    def relative(self, path: str | Path) -> PurePosixPath:
        """`path` relative to this configuration's folder (with `..` when outside it)."""
        absolute = os.path.abspath(path)
        return PurePosixPath(Path(os.path.relpath(absolute, self.root)).as_posix())

    def excludes(self, path: str | Path) -> bool:
        rel = self.relative(path)
        return any(glob_matches(pattern, rel) for pattern in self.exclude)

    def ignored_for(self, path: str | Path) -> tuple[str, ...]:
        rel = self.relative(path)
        return tuple(code for pattern, codes in self.per_file_ignores if glob_matches(pattern, rel) for code in codes)

    def published_for(self, path: str | Path) -> dt.date | None:
        rel = self.relative(path)
        for pattern, day in self.published_globs:
            if glob_matches(pattern, rel):
                return day
        return self.published


class Overrides(NamedTuple):
    """What the command line says; anything set here beats the configuration file."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    facts: tuple[str, ...] | None = None
    fail_on: str | None = None
    published: dt.date | None = None
    exclude_blockquotes: bool | None = None


# ------------------------------------------------------------------------------------------ globs


@lru_cache(maxsize=512)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        ch = pattern[i]
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[" and "]" in pattern[i + 2 :]:
            close = pattern.index("]", i + 2)
            body = pattern[i + 1 : close]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = close
        else:
            out.append(re.escape(ch))
        i += 1
    return re.compile("".join(out) + r"\Z")


def glob_matches(pattern: str, rel: PurePosixPath) -> bool:
    """Does `pattern` match the relative path `rel` (see the module docstring for the rules)?"""
    pattern = pattern.strip().removeprefix("./").rstrip("/")
    regex = _glob_regex(pattern)
    if "/" not in pattern:
        return any(regex.match(part) for part in rel.parts)
    parts = rel.parts
    return any(regex.match("/".join(parts[:n])) for n in range(len(parts), 0, -1))


# ---------------------------------------------------------------------------------------- loading


def _toml(path: Path) -> dict[str, Any]:
    import tomllib  # only where a configuration file exists: most cold runs find none

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"TOML syntax: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read: {exc}") from None


def _table_of(path: Path) -> dict[str, Any] | None:
    """The factlint settings of a file: a whole .factlint.toml, or pyproject's [tool.factlint]."""
    data = _toml(path)
    if path.name != "pyproject.toml":
        return data
    table = data.get("tool", {}).get("factlint") if isinstance(data.get("tool"), dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(str(path), "[tool.factlint] must be a table")
    return table


@lru_cache(maxsize=256)
def load_config(path: Path) -> Config:
    """Read and validate one configuration file (an empty pyproject section gives defaults)."""
    path = path.resolve()
    table = _table_of(path)
    return parse_config(table or {}, path)


def parse_config(table: dict[str, Any], path: Path) -> Config:
    where = f"{path} [tool.factlint]" if path.name == "pyproject.toml" else str(path)
    for key in table:
        if key not in KEYS:
            import difflib

            close = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (known keys: {', '.join(KEYS)})"
            raise ConfigError(where, f"unknown key {key!r}{hint}")
    v = _Values(table, where, path.parent)
    published, globs = v.published()
    return Config(
        path=path,
        root=path.parent,
        select=v.codes("select") if "select" in table else None,
        extend_select=v.codes("extend-select"),
        ignore=v.codes("ignore"),
        per_file_ignores=v.per_file_ignores(),
        exclude=v.strings("exclude"),
        facts=v.paths("facts") if "facts" in table else None,
        extend_facts=v.paths("extend-facts"),
        fail_on=v.choice("fail-on", SEVERITIES),
        published=published,
        published_globs=globs,
        exclude_blockquotes=v.boolean("exclude-blockquotes"),
    )


class _Values:
    """Type checks for the values of one table; every error names the key and the file."""

    def __init__(self, table: dict[str, Any], where: str, root: Path) -> None:
        self.table, self.where, self.root = table, where, root

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(self.where, f"{key}: {problem}")

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "must be a list of strings")
        return tuple(value)

    def codes(self, key: str) -> tuple[str, ...]:
        return tuple(c.strip().upper() for v in self.strings(key) for c in v.split(",") if c.strip())

    def paths(self, key: str) -> tuple[str, ...]:
        return tuple(str((self.root / p).resolve()) for p in self.strings(key))

    def choice(self, key: str, options: tuple[str, ...]) -> str | None:
        value = self.table.get(key)
        if value is not None and value not in options:
            raise self.fail(key, f"must be one of {', '.join(repr(o) for o in options)}, not {value!r}")
        return value

    def boolean(self, key: str) -> bool | None:
        value = self.table.get(key)
        if value is not None and not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def per_file_ignores(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        table = self.table.get("per-file-ignores", {})
        if not isinstance(table, dict):
            raise self.fail("per-file-ignores", "must be a table of glob = [codes]")
        out = []
        for glob, codes in table.items():
            sub = _Values({glob: codes}, self.where, self.root)
            out.append((glob, tuple(c.upper() for c in sub.strings(glob))))
        return tuple(out)

    def date(self, key: str, value: Any) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(key, f"{value!r} is not a date like 2026-05-20")

    def published(self) -> tuple[dt.date | None, tuple[tuple[str, dt.date], ...]]:
        value = self.table.get("published")
        if value is None:
            return None, ()
        if isinstance(value, dict):
            return None, tuple((glob, self.date(f"published.{glob!r}", day)) for glob, day in value.items())
        return self.date("published", value), ()


# -------------------------------------------------------------------------------------- discovery


@lru_cache(maxsize=4096)
def _config_in_folder(folder: str) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = Path(folder) / name
        if candidate.is_file() and (name != "pyproject.toml" or _table_of(candidate) is not None):
            return candidate
    return None


def find_config_file(path: str | Path) -> Path | None:
    """The configuration closest to `path` (a file or folder), walking up to the file system root."""
    start = Path(os.path.abspath(path))
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        found = _config_in_folder(str(candidate))
        if found is not None:
            return found
    return None


class Finder(NamedTuple):
    """Which configuration applies to a path: `--config FILE` for all, `--isolated` for none,
    otherwise the closest one."""

    explicit: Path | None = None
    isolated: bool = False

    def for_path(self, path: str | Path) -> Config:
        if self.isolated:
            return Config(root=Path.cwd())
        if self.explicit is not None:
            return load_config(self.explicit)
        found = find_config_file(path)
        return load_config(found) if found is not None else Config(root=Path.cwd())


# ------------------------------------------------------------------------------------ resolution


class FileSettings(NamedTuple):
    """Everything one file is linted with; plain data, so it can travel to a worker process."""

    codes: tuple[str, ...]
    sheets: tuple[str, ...] = (BUILTIN_SHEET,)
    fail_on: str = "error"
    published_override: dt.date | None = None
    published_default: dt.date | None = None
    exclude_blockquotes: bool = False
    config: str = "defaults"


def known_codes() -> tuple[str, ...]:
    from linter.registry import registry

    return registry().codes


def expand(patterns: Iterable[str], where: str, key: str) -> set[str]:
    """Codes and prefixes ('FL1' is every FL1xx, 'ALL' is everything) to the codes they name."""
    from linter.registry import SelectionError, registry

    try:
        return registry().expand(patterns)
    except SelectionError as exc:
        raise ConfigError(where, f"{key}: {str(exc).replace(' --all', '')}") from None


def selected_codes(config: Config, overrides: Overrides, path: str | Path | None) -> tuple[str, ...]:
    """ruff's order: each layer (file, then command line) may restart from its `select`, then
    adds its `extend-select` and removes its `ignore`; per-file ignores come last."""
    codes = set(known_codes())
    layers = ((config, config.label), (overrides, "command line"))
    for layer, where in layers:
        if layer.select is not None:
            codes = expand(layer.select, where, "select")
        codes |= expand(layer.extend_select, where, "extend-select")
        codes -= expand(layer.ignore, where, "ignore")
    if path is not None:
        codes -= expand(config.ignored_for(path), config.label, "per-file-ignores")
    return tuple(sorted(codes))


def settings_for(config: Config, overrides: Overrides, path: str | Path | None) -> FileSettings:
    """The settings of one file: the configuration, then the command line on top."""
    if overrides.facts is not None:
        sheets = overrides.facts
    else:
        sheets = (config.facts if config.facts is not None else (BUILTIN_SHEET,)) + config.extend_facts
    exclude_quotes = overrides.exclude_blockquotes
    if exclude_quotes is None:
        exclude_quotes = bool(config.exclude_blockquotes)
    return FileSettings(
        codes=selected_codes(config, overrides, path),
        sheets=tuple(dict.fromkeys(sheets)),
        fail_on=overrides.fail_on or config.fail_on or "error",
        published_override=overrides.published,
        published_default=config.published_for(path) if path is not None else config.published,
        exclude_blockquotes=exclude_quotes,
        config=config.label,
    )


def describe(config: Config, settings: FileSettings, path: str | None) -> dict[str, Any]:
    """The resolved configuration as plain data, for `factlint config`."""
    from linter.sheet import builtin_sheet_path

    published = settings.published_override or settings.published_default
    return {
        "path": path,
        "config": str(config.path) if config.path else None,
        "excluded": config.excludes(path) if path else False,
        "select": list(settings.codes),
        "facts": [str(builtin_sheet_path()) if p == BUILTIN_SHEET else p for p in settings.sheets],
        "fail-on": settings.fail_on,
        "published": published.isoformat() if published else None,
        "exclude-blockquotes": settings.exclude_blockquotes,
        "exclude": list(config.exclude),
        "per-file-ignores": {glob: list(codes) for glob, codes in config.per_file_ignores},
    }
