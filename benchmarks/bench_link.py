"""Incident linking on places named many times: seconds and peak memory of ``link_incidents`` (issue 15).

    .venv/bin/python benchmarks/bench_link.py                       # 2,000 / 10,000 / 40,000 mentions
    .venv/bin/python benchmarks/bench_link.py --mentions 20000 --places 3

A war's corpus names a few towns in most of its events: a year of a few dozen outlets gives tens of thousands
of mentions of the capital. The events are synthetic (made here, from a small vocabulary and a seeded random
generator): ``--mentions`` mentions spread over ``--places`` places and the war's 45 days, each with a sentence
of a dozen words (some common war words, the others made up). Linking compares each mention only with those of its place in its date window, so the time
grows with the mentions times the mentions per window, not with the square of a place's mentions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_WORDS = ("shelling", "artillery", "strike", "drone", "rocket", "village", "residents", "killed", "wounded",
          "civilians", "soldiers", "positions", "attack", "ministry", "said", "overnight", "town", "houses",
          "destroyed", "hospital", "fire", "forces", "front", "line", "market", "school", "church", "bridge")


_RARE = [a + b + c + d for a in "bcdfgklmnprstvz" for b in "aeiou" for c in "bcdfgklmnprstvz" for d in "aeiou"]
"""5,625 made-up words: the rest of a sentence (digits would be masked before the comparison)."""


def synthetic_events(mentions: int, places: int, seed: int = 11):
    """An ``events`` frame of ``mentions`` located, dated mentions (see the module docstring)."""
    sys.path.insert(0, str(ROOT / "src"))
    from analysis.extract.events import events_frame

    rng = random.Random(seed)
    start = dt.date(2020, 9, 27)
    rows = []
    for i in range(mentions):
        words = [rng.choice(_WORDS) if rng.random() < 0.3 else rng.choice(_RARE) for _ in range(12)]
        day = start + dt.timedelta(days=rng.randrange(45))
        rows.append({"article_id": f"a{i // 4:06d}", "outlet": f"outlet {i % 37}", "published": day,
                     "published_basis": "byline", "expression": "on Monday", "date": day,
                     "location": f"Town {i % places}", "sentence": " ".join(words).capitalize() + " on Monday.",
                     "start": 0, "end": 9, "event_type": rng.choice(("shelling", "ceasefire", "evacuation", "prisoner exchange", "mobilization")),
                     "background": False})
    return events_frame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mentions", type=int, nargs="+", default=[2000, 10000, 40000])
    parser.add_argument("--places", type=int, default=5, help="places the mentions are spread over")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from analysis.link.incidents import link_incidents

    print(f"{'mentions':>9} {'places':>6} {'seconds':>8} {'incidents':>9} {'peak MB':>8}")
    for n in args.mentions:
        events = synthetic_events(n, args.places)
        started = time.perf_counter()
        incidents, _ = link_incidents(events)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{n:>9,} {args.places:>6} {seconds:>8.2f} {len(incidents):>9,} {peak:>8.0f}")


if __name__ == "__main__":
    main()
