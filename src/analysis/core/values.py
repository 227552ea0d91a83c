"""Value sets shared by every stage: the sides, and the labels shown for missing values.

Declared once here; the table schemas, the extractors and the report tables
all take them from this module (``docs/SCHEMA.md`` defines their meaning).
"""

from __future__ import annotations

# The two parties of the war (Armenia and Nagorno-Karabakh/Artsakh are armenian).
PARTIES = ("armenian", "azerbaijani")
# Whose people the victims of a claim were.
VICTIM_SIDES = (*PARTIES, "both", "other", "unspecified")
# Who gave a figure: a party, a third party, or the outlet in its own voice.
CLAIMANT_SIDES = (*PARTIES, "third_party", "outlet")
# The side of an actor (source, hedged claim-maker) in the actor lexicon.
ACTOR_SIDES = (*PARTIES, "third_party")
# The other party, for ratios and "the enemy".
OTHER_PARTY = {"armenian": "azerbaijani", "azerbaijani": "armenian"}

# Shown in report tables where an article has no outlet, so its rows stay visible.
UNKNOWN_OUTLET = "(unknown)"
# Shown as the claimant of a figure an outlet gives in its own voice.
OWN_VOICE = "(own voice)"
