"""Checks of the metadata values an analyst or a file gives: publication dates, web addresses, language codes.

A manifest row, a table export's row and a page's metadata are read with
the same rules, so that a value one form refuses is refused by all: each
check returns why a value cannot be used (a sentence for a person) or None.

- dates: ``YYYY-MM-DD`` only (Python also reads ``20201017`` and
  ``2020-W42-6`` as ISO dates; a spreadsheet's reformatting should not pass
  silently), a real day, not before 1900 nor after today (``core.dates``);
- urls: ``http`` or ``https`` with a host, parseable (``javascript:`` and
  ``http://[::1`` are refused);
- languages: a BCP 47 tag as ``language`` columns use it (``en``, ``hy``,
  ``pt-BR``, ``und``).
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from analysis.core import dates

URL_SCHEMES = ("http", "https")
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_UNSAFE_URL_CHARS = re.compile(r"[\s\x00-\x1f\x7f]")


def date_problem(text: str, today: dt.date | None = None) -> str | None:
    """Why ``text`` is not a usable publication date (None when it is one): form, impossible day, window.

    The wording is :func:`analysis.core.dates.date_problem`'s and the window
    :func:`analysis.core.dates.outside_window`'s, so every form of input says
    the same thing about the same value.
    """
    problem = dates.date_problem(text)
    if problem:
        return problem
    refused = dates.outside_window(dt.date.fromisoformat(text), today=today)
    return f"{text!r}: {refused}, so no article of this corpus was published then" if refused else None


def url_problem(text: str) -> str | None:
    """Why ``text`` is not a usable web address (None when it is an http(s) url with a host)."""
    shown = repr(text[:80])
    if _UNSAFE_URL_CHARS.search(text):
        return f"{shown} holds spaces or control characters, so it is no web address"
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # raises on a port that is not a number
    except ValueError as exc:
        return f"{shown} cannot be read as a web address ({exc})"
    if parts.scheme.lower() not in URL_SCHEMES:
        return f"{shown} is not an http(s) address" + (f" (scheme {parts.scheme!r})" if parts.scheme else "")
    if not host:
        return f"{shown} names no host"
    return None


def language_problem(text: str) -> str | None:
    """Why ``text`` is not a language tag (None for ``en``, ``hy``, ``pt-BR``, ``und`` ...)."""
    if LANGUAGE_TAG.match(text):
        return None
    return f"{text[:40]!r} is not a language code such as 'en', 'hy', 'ru' or 'pt-BR' (lower-case ISO 639, then optional subtags)"
