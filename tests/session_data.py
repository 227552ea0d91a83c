"""Pytest plugin (loaded with ``-p session_data``): build the tables once per session.

The processed tables for the notebook tests (nbval) are built from the bundled
seeds into a temporary folder, exported as ``WARCOV_PROCESSED`` so the kernels
nbval starts read them there; figures go to a temporary ``WARCOV_REPORTS``.
Nothing in the working tree is written by the tests. A plugin rather than a
conftest so it also runs for ``pytest notebooks/`` alone.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from analysis.core import config

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="warcov-tests-"))


def pytest_sessionstart(session):
    from analysis.build import pipeline

    processed = _SESSION_DIR / "processed"
    pipeline.build(config.RAW_DIR, processed)
    os.environ["WARCOV_PROCESSED"] = str(processed)
    os.environ["WARCOV_REPORTS"] = str(_SESSION_DIR / "reports")
    os.environ.setdefault("MPLBACKEND", "agg")


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SESSION_DIR, ignore_errors=True)


