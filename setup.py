"""Build hook: ship the notebooks, the seed articles, their gold and CITATION.cff inside the package.

Everything else is declared in pyproject.toml. The repository keeps them at
its top level (``notebooks/``, ``data/raw/`` ...); a wheel copies them into
``analysis/bundled/`` with the same relative paths, where
:mod:`analysis.core.config` finds them when no checkout is present. The list
is ``analysis.core.config.BUNDLED``, read from its source file so the build
imports none of the package's dependencies.
"""

from __future__ import annotations

import runpy
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
CONFIG = runpy.run_path(str(HERE / "src" / "analysis" / "core" / "config.py"))


def _shipped(path: Path) -> list[Path]:
    """The files under ``path`` a wheel ships: numbered notebooks only, no hidden files."""
    if path.is_file():
        return [path]
    if path.name == "notebooks":
        return sorted(path.glob(CONFIG["NOTEBOOK_PATTERN"]))
    return sorted(p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.parts[len(HERE.parts):]))


class BuildWithBundled(build_py):
    """``build_py`` that also copies :data:`analysis.core.config.BUNDLED` into ``analysis/bundled/``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):  # an editable install reads them from the checkout
            return
        target = Path(self.build_lib) / "analysis" / "bundled"
        for relative in CONFIG["BUNDLED"]:
            source = HERE / relative
            if not source.exists():
                raise SystemExit(f"setup.py: {relative} is missing; a wheel must ship it")
            for path in _shipped(source):
                copy = target / path.relative_to(HERE)
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, copy)


setup(cmdclass={"build_py": BuildWithBundled})
