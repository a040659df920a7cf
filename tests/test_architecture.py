"""The layering the tree promises (docs/architecture.md): the engine imports no rule and no server
code, no module imports one that imports it back, and the registry is the one table of rules."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import rules
from linter.registry import registry

ROOT = Path(__file__).resolve().parent.parent


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Every module `path` imports, at the top or inside a function (TYPE_CHECKING blocks aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    found: set[str] = set()
    here = module_name(path)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = here.split(".")[: -node.level] if path.name != "__init__.py" else here.split(".")
                base = ".".join([*package, *([base] if base else [])])
            # `from package import submodule` imports the submodule; a package's own __init__
            # runs first whatever is imported, so that is no edge of its own.
            names = {f"{base}.{alias.name}" for alias in node.names}
            found.update(names if names & known else {base})
    return found


def project_graph() -> dict[str, set[str]]:
    files = [p for pkg in ("linter", "rules", "server") for p in (ROOT / pkg).rglob("*.py")]
    modules = {module_name(p): p for p in files}
    known = set(modules)
    return {name: {m for m in imports_of(path, known) if m in known and m != name} for name, path in modules.items()}


def test_the_engine_imports_no_rule_and_no_server_module() -> None:
    offenders = {
        name: sorted(m for m in deps if m.split(".")[0] in {"rules", "server"})
        for name, deps in project_graph().items()
        if name.split(".")[0] == "linter"
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_no_import_cycles() -> None:
    graph = project_graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for dep in graph[node]:
            if dep not in index:
                visit(dep)
                low[node] = min(low[node], low[dep])
            elif dep in stack:
                low[node] = min(low[node], index[dep])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    assert cycles == []


def test_the_registry_lists_every_rule_without_importing_it() -> None:
    reg = registry()
    assert reg.codes[0] == "FL001"  # the pipeline's own rule is in the one table too
    assert set(rules.RULE_TABLE) <= set(reg.codes)
    for code in reg.codes:
        rule = reg.rule(code)  # also checks that the table's name matches the class
        assert rule.code == code and rule.explain()


def test_config_validation_does_not_import_rule_modules() -> None:
    import subprocess

    code = (
        "import sys\nfrom linter.config import known_codes\nknown_codes()\n"
        "print(sorted(m for m in sys.modules if m.startswith('rules.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_every_package_is_installed() -> None:
    """pyproject lists its packages by hand (one is mapped from extension/lib): none may be missing."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {
        module_name(init.parent / "__init__.py")
        for pkg in ("linter", "rules", "server")
        for init in (ROOT / pkg).rglob("__init__.py")
    }
    assert on_disk <= listed


def test_every_rule_class_is_in_the_registry() -> None:
    """A rule class written in rules/ but missing from RULE_TABLE would never run: none may be."""
    import importlib
    import inspect
    import pkgutil

    from linter.rule import Rule

    listed = {target for _, target in rules.RULE_TABLE.values()}
    for info in pkgutil.iter_modules(rules.__path__):
        module = importlib.import_module(f"rules.{info.name}")
        for name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__:
                assert f"{module.__name__}:{name}" in listed, f"{module.__name__}.{name} is not in RULE_TABLE"
