"""The outlet lexicon (``lexicons/outlets.csv``): outlet names as written in bylines, title suffixes and datelines.

``outlet`` is the canonical name, ``alias`` one way of writing it, and the
optional ``domain`` a web host the outlet publishes under (to tell an
outlet's own site from a site that republished its text). Names compare
through the lexicon: an alias in any case stands for its canonical outlet
(:meth:`OutletLexicon.canonical`, :meth:`OutletLexicon.same_outlet`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analysis.lexicons.load import read_lexicon


@dataclass(frozen=True)
class OutletLexicon:
    """Outlet names as they appear in bylines, title suffixes and datelines."""

    by_alias: dict[str, str]
    domains: dict[str, str]
    written: dict[str, tuple[str, ...]] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # outlet -> its country, as outlets.csv writes it

    @classmethod
    def load(cls, path: str | Path | None = None) -> "OutletLexicon":
        frame = read_lexicon("outlets", path, required=("outlet", "alias"))
        by_alias = {o.strip().lower(): o for o in frame["outlet"]}
        by_alias.update({a.strip().lower(): o for a, o in zip(frame["alias"], frame["outlet"])})
        written: dict[str, tuple[str, ...]] = {}
        for alias in frame["alias"]:
            key = alias.strip().lower()
            written[key] = written.get(key, ()) + (alias.strip(),)
        domains = {}
        if "domain" in frame:
            domains = {d.strip().lower(): o for d, o in zip(frame["domain"], frame["outlet"]) if d.strip()}
        countries = {}
        if "country" in frame:
            countries = {o: str(c).strip() for o, c in zip(frame["outlet"], frame["country"]) if str(c).strip()}
        return cls(by_alias, domains, written, countries)

    def outlet_for(self, name: str) -> str | None:
        """The outlet an alias names (any case), else None."""
        return self.by_alias.get(name.strip().lower())

    def written_aliases(self) -> dict[str, tuple[str, ...]]:
        """Lower-case alias -> the ways the lexicon writes it ("armenpress" -> ("Armenpress", "ARMENPRESS"))."""
        return self.written

    def canonical(self, name: str | None) -> str | None:
        """The canonical outlet a name stands for: via the aliases (any case), else the name itself, trimmed."""
        if name is None or not str(name).strip():
            return None
        return self.outlet_for(str(name)) or str(name).strip()

    def same_outlet(self, a: str | None, b: str | None) -> bool:
        """``a`` and ``b`` name one outlet (canonical names equal in any case); two missing names agree."""
        a, b = self.canonical(a), self.canonical(b)
        return (a or "").lower() == (b or "").lower()

    def outlet_for_host(self, host: str) -> str | None:
        """The outlet whose domain the web host is (or is under), else None."""
        host = host.lower().removeprefix("www.")
        for domain, outlet in self.domains.items():
            if host == domain or host.endswith("." + domain):
                return outlet
        return None

    def owns_host(self, outlet: str, host: str) -> bool | None:
        """True/False when the lexicon knows the outlet's domains, else None."""
        known = {d for d, o in self.domains.items() if o == outlet}
        if not known:
            return None
        host = host.lower().removeprefix("www.")
        return any(host == d or host.endswith("." + d) for d in known)


@lru_cache(maxsize=None)
def outlets() -> OutletLexicon:
    """The project's outlet lexicon, read once."""
    return OutletLexicon.load()
