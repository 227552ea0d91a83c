"""The dependency rule of src/analysis, enforced (README "Architecture").

- import-linter checks the contracts in pyproject.toml ([tool.importlinter]): the
  pipeline stages core < lexicons < nlp < ingest < extract < link < build <
  evaluate < cli, report > compare > nlp beside them, compare and report never
  importing a stage, only the command line importing evaluate, and no cycles.
  The test fails with the linter's own report.
- No module imports a private (underscore) name from another module: a name that
  is shared is public. Found by reading the source (``from m import _x`` and
  ``m._x`` on an imported module).
- No function-level import of an analysis module: an import inside a function
  hides a dependency (or a cycle) from the module's head and from the linter's
  reader.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.core import config

PACKAGE = config.ROOT / "src" / "analysis"
# Dunder names that are a module's public face, not its internals.
PUBLIC_DUNDERS = {"__version__", "__name__", "__file__", "__path__", "__all__"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def sources() -> list[tuple[str, Path, ast.Module]]:
    return [(module_name(p), p, ast.parse(p.read_text(encoding="utf-8"), filename=str(p)))
            for p in sorted(PACKAGE.rglob("*.py"))]


def is_module(dotted: str) -> bool:
    path = PACKAGE.parent.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file() or path.is_dir()


def absolute(node: ast.ImportFrom, here: str, is_package: bool) -> str:
    """The module ``node`` imports from, with relative imports resolved against module ``here``."""
    if not node.level:
        return node.module or ""
    base = here.split(".")
    base = base if is_package else base[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def is_private(name: str) -> bool:
    return name.startswith("_") and name not in PUBLIC_DUNDERS


def ours(module: str) -> bool:
    return module == "analysis" or module.startswith("analysis.")


def private_uses(here: str, path: Path, tree: ast.Module) -> list[str]:
    """Private names this module takes from other analysis modules, as ``line: what``, in line order."""
    found, modules = [], {}  # modules: local name -> the analysis module it is bound to
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = absolute(node, here, is_package)
            if not ours(source):
                continue
            for alias in node.names:
                if is_private(alias.name):
                    found.append((node.lineno, f"from {source} import {alias.name}"))
                elif is_module(f"{source}.{alias.name}"):
                    modules[alias.asname or alias.name] = f"{source}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if ours(alias.name):
                    if alias.asname:
                        modules[alias.asname] = alias.name
                    else:
                        modules["analysis"] = "analysis"
                    if is_private(alias.name.rsplit(".", 1)[-1]):
                        found.append((node.lineno, f"import {alias.name}"))

    def resolve(node: ast.expr) -> str | None:
        if isinstance(node, ast.Name):
            return modules.get(node.id)
        if isinstance(node, ast.Attribute):
            parent = resolve(node.value)
            if parent and is_module(f"{parent}.{node.attr}"):
                return f"{parent}.{node.attr}"
        return None

    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and is_private(node.attr):
            owner = resolve(node.value)
            if owner and owner != here:
                found.append((node.lineno, f"{owner}.{node.attr}"))
    return [f"{line}: {what}" for line, what in sorted(set(found))]


def lazy_imports(here: str, path: Path, tree: ast.Module) -> list[str]:
    """Imports of analysis modules inside a function body, as ``line: in function: import``, in line order."""
    found = []
    is_package = path.name == "__init__.py"
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.ImportFrom) and ours(absolute(node, here, is_package)):
                found.append((node.lineno, f"in {function.name}(): from {absolute(node, here, is_package)} import "
                              + ", ".join(a.name for a in node.names)))
            elif isinstance(node, ast.Import) and any(ours(a.name) for a in node.names):
                found.append((node.lineno, f"in {function.name}(): import " + ", ".join(a.name for a in node.names)))
    return [f"{line}: {what}" for line, what in sorted(set(found))]


def test_every_package_folder_has_an_init():
    """A folder without ``__init__.py`` is a namespace package the linter cannot see into."""
    folders = sorted({p.parent for p in PACKAGE.rglob("*.py")})
    missing = [str(f.relative_to(PACKAGE.parent)) for f in folders
               if f.name != "__pycache__" and not (f / "__init__.py").is_file()]
    assert not missing, f"no __init__.py in {missing} (is it ignored by .gitignore?)"


def test_the_dependency_rule_holds():
    linter = Path(sys.executable).with_name("lint-imports")
    if not linter.exists():
        pytest.fail(f"{linter} not found: install the test extra (make setup)")
    result = subprocess.run([str(linter), "--no-cache", "--no-logo"], cwd=config.ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_private_name_is_imported_from_another_module():
    found = [f"{here}:{use}" for here, path, tree in sources() for use in private_uses(here, path, tree)]
    assert not found, "private names used across modules (make them public where shared):\n" + "\n".join(found)


def test_no_function_level_import_of_an_analysis_module():
    found = [f"{here}:{use}" for here, path, tree in sources() for use in lazy_imports(here, path, tree)]
    assert not found, "imports inside functions (move them to the module's head):\n" + "\n".join(found)


@pytest.mark.parametrize("source, private, lazy", [
    ("from analysis.nlp.attribution import _words\n", 1, 0),
    ("from analysis.nlp import quantities\nx = quantities.__doc__\ny = quantities.PATTERN\n", 1, 0),
    ("from analysis.lexicons import load as lexicons\nx = lexicons._alternation([])\n", 1, 0),
    ("import analysis.lexicons.load\nx = analysis.lexicons.load._alternation([])\n", 1, 0),
    ("from . import quantities\nx = quantities._private\n", 1, 0),
    ("from analysis import __version__\nimport re\nx = re._pattern_type\n", 0, 0),
    ("def f():\n    from analysis.core import catalog\n    import json\n    return catalog\n", 0, 1),
    ("class A:\n    def m(self):\n        from ..core import config\n", 0, 1),
])
def test_the_source_checks_find_what_they_should(source, private, lazy):
    """The two readers on small sources (as if in src/analysis/nlp/x.py): each finds its kind of use."""
    tree = ast.parse(source)
    path = PACKAGE / "nlp" / "x.py"
    assert len(private_uses("analysis.nlp.x", path, tree)) == private
    assert len(lazy_imports("analysis.nlp.x", path, tree)) == lazy
