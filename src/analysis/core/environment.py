"""``environment.yml`` for conda and Binder users, generated from ``requirements.lock``.

Conda gives Python and pip; pip then installs exactly the versions the lock
pins, so a conda or Binder run gives the same tables and report ids as a
``make setup`` one. ``make lock`` regenerates both files; a test fails when
they drift.
"""

from __future__ import annotations

import sys
from pathlib import Path

from analysis.core import config

HEADER = """# Generated from requirements.lock by `make lock` (python -m analysis.core.environment): do not edit.
# For conda and Binder users: conda provides Python and pip, pip installs the exact versions of the lock,
# so reports rendered here carry the same report ids as a `make setup` environment.
# tests/test_project.py fails when this file drifts from the lock.
"""


def pins(lock_text: str) -> list[str]:
    """The ``name==version`` lines of a lock file, in its order."""
    return [line.strip() for line in lock_text.splitlines() if line.strip() and not line.startswith("#")]


def environment_yml(lock_text: str, python: str = f"{sys.version_info.major}.{sys.version_info.minor}") -> str:
    """The environment file pinning what ``lock_text`` pins, and this Python's minor version."""
    lines = [HEADER.rstrip(), "name: warcov", "channels:", "  - conda-forge", "dependencies:",
             f"  - python={python}", "  - pip", "  - pip:"]
    lines += [f"      - {pin}" for pin in pins(lock_text)]
    lines.append("      - -e .")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Write ``environment.yml`` beside the lock."""
    target = config.ROOT / "environment.yml"
    target.write_text(environment_yml(config.LOCK_FILE.read_text(encoding="utf-8")), encoding="utf-8")
    print(target)


if __name__ == "__main__":
    main()
