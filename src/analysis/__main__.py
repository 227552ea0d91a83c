"""``python -m analysis``: see :mod:`analysis.cli`."""

import os

# Arrow's system allocator from the start, before pandas loads pyarrow (see analysis.build.arrow_memory).
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

from analysis.cli import main  # noqa: E402  (after the allocator is chosen)

raise SystemExit(main())
