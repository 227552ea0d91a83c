"""Dated events in the styles of many outlets: general English-news date rules.

Each case is a sentence or two as an outlet would write it, its publication
date, and every expression the schema counts as an event date with the date it
resolves to (``date`` for a day, ``(date_min, date_max)`` for a vague span).
Traps are texts with no event date at all. Day names are checked against the
2020 calendar: 27 September 2020 was a Sunday.

Judgement calls made here (docs/SCHEMA.md does not spell them out):
- A range ("September 27-28", "between Oct. 1 and Oct. 3", "from 27 September
  to 10 November", "overnight Sunday into Monday") is one expression with a
  null date and the span in date_min/date_max, as "the night of October 16-17".
- "overnight into Tuesday" is Tuesday (the night ends on it); "the night before"
  is the day before the reference date.
- "48 hours later" counts whole days; "hours later" is the reference day.
- A birth date ("born on 12 May 1998") dates no reported event.
"""

from __future__ import annotations

from datetime import date

import pytest

from analysis.nlp.temporal.expressions import find_temporal_expressions

D = date


def _got(text: str, published: date) -> dict[str, object]:
    out = {}
    for row in find_temporal_expressions(text, published):
        value = row["date"] if row["date"] is not None else (row["date_min"], row["date_max"])
        out[row["expression"]] = value
    return out


CASES = [
    # --- weekdays with parts of day --------------------------------------
    ("Azerbaijan said Armenian forces shelled Ganja late on Saturday, killing nine civilians.",
     D(2020, 10, 12), {"late on Saturday": D(2020, 10, 10)}),
    ("Explosions rocked Stepanakert on Sunday night as drones flew overhead, witnesses told Reuters.",
     D(2020, 10, 12), {"on Sunday night": D(2020, 10, 11)}),
    ("In the early hours of Monday, sirens wailed across Stepanakert, an AFP correspondent said.",
     D(2020, 10, 12), {"In the early hours of Monday": D(2020, 10, 12)}),
    ("Fighting raged overnight into Tuesday around Hadrut, Armenia's defence ministry said.",
     D(2020, 10, 13), {"overnight into Tuesday": D(2020, 10, 13)}),
    ("Shelling continued overnight Sunday into Monday despite the humanitarian truce.",
     D(2020, 10, 13), {"overnight Sunday into Monday": (D(2020, 10, 11), D(2020, 10, 12))}),
    ("On the night of Saturday to Sunday, the enemy fired rockets at Stepanakert, the Artsakh Ombudsman said.",
     D(2020, 10, 12), {"On the night of Saturday to Sunday": (D(2020, 10, 10), D(2020, 10, 11))}),
    ("A missile struck a residential area of Ganja early on Saturday, killing 13 people.",
     D(2020, 10, 17), {"early on Saturday": D(2020, 10, 17)}),
    ("On Thursday evening the Azerbaijani side again targeted civilian settlements, Armenpress reports.",
     D(2020, 10, 2), {"On Thursday evening": D(2020, 10, 1)}),
    ("On the morning of Sunday, Armenian armed forces fired on the Tartar district.",
     D(2020, 10, 4), {"On the morning of Sunday": D(2020, 10, 4)}),
    ("The talks in Moscow, which began on Friday afternoon, lasted more than ten hours, TASS reported.",
     D(2020, 10, 10), {"on Friday afternoon": D(2020, 10, 9)}),
    ("Armenian forces launched a missile attack on Barda last Sunday, Daily Sabah reported.",
     D(2020, 10, 14), {"last Sunday": D(2020, 10, 11)}),
    ("Sunday's strike on Ganja was the third on the city since the truce.",
     D(2020, 10, 20), {"Sunday's": D(2020, 10, 18)}),
    ("The Ghazanchetsots cathedral in Shushi was hit twice on Thursday, Oct. 8.",
     D(2020, 10, 9), {"on Thursday, Oct. 8": D(2020, 10, 8)}),
    ("Late Saturday night, a Scud missile hit an apartment block in Ganja.",
     D(2020, 10, 11), {"Late Saturday night": D(2020, 10, 10)}),
    ("Earlier on Sunday, Azerbaijan's defence ministry said its forces had taken Jabrayil.",
     D(2020, 10, 4), {"Earlier on Sunday": D(2020, 10, 4)}),
    ("By Monday evening, the toll had risen to 32, Armenia's defence ministry said.",
     D(2020, 10, 13), {"By Monday evening": D(2020, 10, 12)}),
    ("Fighting went on from Friday to Sunday around Fuzuli, OC Media reported.",
     D(2020, 10, 12), {"from Friday to Sunday": (D(2020, 10, 9), D(2020, 10, 11))}),
    # --- today, yesterday, last night ------------------------------------
    ("Today the enemy again shelled Martuni and Martakert, news.am reports.",
     D(2020, 10, 13), {"Today": D(2020, 10, 13)}),
    ("Yesterday afternoon Azerbaijani units fired at the village of Taghavard.",
     D(2020, 10, 13), {"Yesterday afternoon": D(2020, 10, 12)}),
    ("Stepanakert came under rocket fire late last night, Asbarez reports.",
     D(2020, 10, 16), {"late last night": D(2020, 10, 15)}),
    ("This morning, the enemy shelled the Tartar and Aghdam districts, APA reports.",
     D(2020, 10, 5), {"This morning": D(2020, 10, 5)}),
    ("Earlier today, the Artsakh State Emergency Service reported new damage in Shushi.",
     D(2020, 10, 5), {"Earlier today": D(2020, 10, 5)}),
    ("Azerbaijan's defence ministry said on Monday that Armenian forces had shelled Ganja.",
     D(2020, 10, 5), {"on Monday": D(2020, 10, 5)}),
    ("A week ago, Azerbaijan launched an offensive along the entire line of contact.",
     D(2020, 10, 4), {"A week ago": D(2020, 9, 27)}),
    # --- absolute dates in every common form -----------------------------
    ("Azerbaijani forces struck the cathedral on Oct. 8, an AP reporter saw.",
     D(2020, 10, 10), {"on Oct. 8": D(2020, 10, 8)}),
    ("Armenia said on 4 October that Stepanakert had been shelled.",
     D(2020, 10, 6), {"on 4 October": D(2020, 10, 4)}),
    ("The Azerbaijani army entered Jabrayil on October 4th, Azernews said.",
     D(2020, 10, 9), {"on October 4th": D(2020, 10, 4)}),
    ("Heavy shelling hit Stepanakert on the 4th of October, the Ombudsman said.",
     D(2020, 10, 9), {"on the 4th of October": D(2020, 10, 4)}),
    ("The ministry statement dated 2020-10-04 listed the shelled villages.",
     D(2020, 10, 6), {"2020-10-04": D(2020, 10, 4)}),
    ("On 04.10.2020 at 09:00 the enemy shelled the city of Ganja.",
     D(2020, 10, 4), {"04.10.2020": D(2020, 10, 4)}),
    ("On Sunday, 27 September, Azerbaijan launched a large-scale offensive.",
     D(2020, 10, 1), {"On Sunday, 27 September": D(2020, 9, 27)}),
    ("On Oct. 10, 2020, a humanitarian ceasefire took effect at noon.",
     D(2020, 10, 20), {"On Oct. 10, 2020": D(2020, 10, 10)}),
    ("The fighting has killed nearly 5,000 people since the September 27 offensive.",
     D(2020, 10, 21), {"September 27": D(2020, 9, 27)}),
    ("As of October 11, the Artsakh defence army had reported 532 servicemen killed.",
     D(2020, 10, 12), {"As of October 11": D(2020, 10, 11)}),
    # --- ranges ---------------------------------------------------------------
    ("Heavy fighting raged on September 27-28 along the whole front.",
     D(2020, 9, 30), {"on September 27-28": (D(2020, 9, 27), D(2020, 9, 28))}),
    ("Clashes occurred between Oct. 1 and Oct. 3 near Fuzuli, the ministry said.",
     D(2020, 10, 5), {"between Oct. 1 and Oct. 3": (D(2020, 10, 1), D(2020, 10, 3))}),
    ("Stepanakert was shelled between October 1 and 3, according to local officials.",
     D(2020, 10, 5), {"between October 1 and 3": (D(2020, 10, 1), D(2020, 10, 3))}),
    ("The war, which lasted from 27 September to 10 November, killed thousands.",
     D(2020, 11, 12), {"from 27 September to 10 November": (D(2020, 9, 27), D(2020, 11, 10))}),
    ("Armenian officials said 480 soldiers died Sept. 27-Oct. 3.",
     D(2020, 10, 5), {"Sept. 27-Oct. 3": (D(2020, 9, 27), D(2020, 10, 3))}),
    ("The deal was signed on the night of 9 to 10 November in Moscow.",
     D(2020, 11, 11), {"on the night of 9 to 10 November": (D(2020, 11, 9), D(2020, 11, 10))}),
    # --- offsets ----------------------------------------------------------------
    ("Ganja was shelled two days ago, the prosecutor general's office said.",
     D(2020, 10, 14), {"two days ago": D(2020, 10, 12)}),
    ("Ganja was hit by a missile 48 hours ago, Trend reported.",
     D(2020, 10, 12), {"48 hours ago": D(2020, 10, 10)}),
    ("On October 4, Ganja was hit. A week earlier, Tartar had been shelled.",
     D(2020, 10, 6), {"On October 4": D(2020, 10, 4), "A week earlier": D(2020, 9, 27)}),
    ("A humanitarian truce took effect on 10 October. Forty-eight hours later, it had all but collapsed.",
     D(2020, 10, 14), {"on 10 October": D(2020, 10, 10), "Forty-eight hours later": D(2020, 10, 12)}),
    ("Another truce was announced on 17 October. It was violated the following day, Baku said.",
     D(2020, 10, 20), {"on 17 October": D(2020, 10, 17), "the following day": D(2020, 10, 18)}),
    ("A missile hit Ganja on Sunday. The night before, Stepanakert had been shelled.",
     D(2020, 10, 12), {"on Sunday": D(2020, 10, 11), "The night before": D(2020, 10, 10)}),
    ("Barda was shelled on October 28. Hours later, the Armenian side denied it.",
     D(2020, 10, 30), {"on October 28": D(2020, 10, 28), "Hours later": D(2020, 10, 28)}),
    ("Hadrut fell on October 9. Three days later, Azerbaijani troops posted footage from the town.",
     D(2020, 10, 15), {"on October 9": D(2020, 10, 9), "Three days later": D(2020, 10, 12)}),
    # --- vague spans ------------------------------------------------------------
    ("A ceasefire brokered in Moscow earlier this month has failed to hold.",
     D(2020, 10, 20), {"earlier this month": (D(2020, 10, 1), D(2020, 10, 20))}),
    ("The fighting erupted late last month along the line of contact.",
     D(2020, 10, 20), {"late last month": (D(2020, 9, 20), D(2020, 9, 30))}),
    ("Last week, the foreign ministers met in Geneva with the Minsk Group co-chairs.",
     D(2020, 10, 13), {"Last week": (D(2020, 10, 5), D(2020, 10, 11))}),
    ("Azerbaijani troops pushed towards Lachin in mid-October, Eurasianet reported.",
     D(2020, 10, 25), {"in mid-October": (D(2020, 10, 10), D(2020, 10, 21))}),
    ("In recent days, fighting has intensified around Fuzuli and Jabrayil.",
     D(2020, 10, 14), {"In recent days": (D(2020, 10, 7), D(2020, 10, 14))}),
    ("Over the weekend, shelling damaged the maternity hospital in Stepanakert.",
     D(2020, 10, 12), {"Over the weekend": (D(2020, 10, 10), D(2020, 10, 11))}),
    ("In the last 48 hours, 60 soldiers were killed, the Artsakh defence army said.",
     D(2020, 10, 12), {"In the last 48 hours": (D(2020, 10, 10), D(2020, 10, 12))}),
    ("At the end of September, the first volunteers arrived from Armenia.",
     D(2020, 10, 15), {"At the end of September": (D(2020, 9, 20), D(2020, 9, 30))}),
    ("Azerbaijan regained most of the territory it lost in the 1990s in last year's war.",
     D(2021, 3, 1), {"last year": (D(2020, 1, 1), D(2020, 12, 31))}),
]


@pytest.mark.parametrize("text, published, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_event_dates(text, published, expected):
    assert _got(text, published) == expected


TRAPS = [
    "Ethnic Armenians have controlled the region since 1994.",
    "The conflict has simmered for nearly 30 years, a JAMnews analyst said.",
    "The 1994 ceasefire left the region and seven districts in Armenian hands.",
    "UN Security Council resolutions 822, 853, 874 and 884 demanded the withdrawal of forces.",
    "The briefing began at 3 p.m. local time in Baku.",
    "The Armenian Red Cross hotline operates 24/7 for displaced families.",
    "Qarabag beat Sivasspor 2-1 in the Europa League group stage.",
    "Full statement: https://www.mfa.am/en/press-releases/2020-10-04/ministry and https://en.trend.az/azerbaijan/Oct.4",
    "See https://apa.az/en/news?date=2020-10-04&id=1 for the list of damaged houses.",
    "The Sunday Times reported that Syrian fighters had been recruited; the Mail on Sunday said the same.",
    "Armenia Today reported that drones were downed, while USA Today and Russia Today cited Baku.",
    "According to Today.az, the shelling damaged 120 houses.",
    "Private Arman Hakobyan, born on 12 May 1998, was killed in the fighting.",
    "The Su-25 was downed by an F-16, Armenia said; S-300 batteries were destroyed.",
    "The 44-day war displaced tens of thousands; fighting continued for the third day.",
    "In the 1990s some 30,000 people died and a million were displaced.",
]


@pytest.mark.parametrize("text", TRAPS, ids=[t[:50] for t in TRAPS])
def test_no_event_date(text):
    assert find_temporal_expressions(text, D(2020, 10, 12)) == []


def test_name_with_today_does_not_hide_the_date():
    # The outlet name is not a date; the weekday next to it still is.
    assert _got("Armenia Today reported on Sunday that Martuni was shelled.", D(2020, 10, 12)) == {
        "on Sunday": D(2020, 10, 11)}
    # Sentence-initial "Today" is the day.
    assert _got("Today, Azerbaijani forces entered Hadrut.", D(2020, 10, 12)) == {"Today": D(2020, 10, 12)}
