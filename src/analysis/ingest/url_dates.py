"""The publication day a web address carries: ``/2020/10/22/``, ``/2020/oct/10/``, ``/20201009-``, ``-november-17-2020``.

News sites put the day in the path of most article addresses. When neither the
manifest, a header nor the text's own date line gives a date, the address does
(``published_basis: external``, as docs/SCHEMA.md names a date known only from
the address). A year and month without a day (``/2020/10/``) give no date, and
nor do numbers that run on into other digits (an id ``/202010221234``). Month
names are those of ``lexicons/months.csv``.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from analysis.nlp.temporal.vocabulary import month_numbers, safe_date

_YEAR = r"(?P<y>(?:19|20)\d\d)"
_DAY = r"(?P<d>0?[1-9]|[12]\d|3[01])"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, ...]:
    months = "|".join(sorted((re.escape(m) for m in month_numbers()), key=len, reverse=True))
    sep = r"[/_.-]"
    return (
        re.compile(rf"(?<!\d){_YEAR}{sep}(?P<m>0?[1-9]|1[0-2]){sep}{_DAY}(?!\d)"),  # /2020/10/22/
        re.compile(rf"(?<![^\W\d_]){_YEAR}{sep}(?P<mn>{months}){sep}{_DAY}(?!\d)", re.IGNORECASE),  # /2020/oct/10/
        re.compile(rf"(?<!\d){_YEAR}(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),  # /20201009-
        re.compile(rf"(?<![^\W\d_])(?P<mn>{months})-{_DAY}-{_YEAR}(?!\d)", re.IGNORECASE),  # -november-17-2020
    )


def url_date(url: str | None) -> dt.date | None:
    """The day in the path of ``url`` (not its host or query), or None when it names none or several."""
    if not url:
        return None
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return None
    found = set()
    for pattern in _patterns():
        for m in pattern.finditer(path):
            month = int(m.group("m")) if "m" in m.groupdict() and m.group("m") else \
                month_numbers().get(m.group("mn").lower())
            day = safe_date(int(m.group("y")), month, int(m.group("d"))) if month else None
            if day is not None:
                found.add(day)
    return found.pop() if len(found) == 1 else None
