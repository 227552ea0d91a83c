"""Sources in the forms English news wires and national outlets use to cite them.

Each case: a short passage, the words the source's name must contain (any
order, case ignored), its side, and the sentence whose content it is credited
with (default: the last sentence of the passage).

Judgement calls: a news agency a speaker talks *to* ("told Reuters", "in an
interview with Al Jazeera") is not the source; an agency *quoting* someone
("X, quoted by TASS, said") is not the source either: the speaker is. A
capital ("Baku", "Yerevan", "Moscow", "Ankara") speaks for its government.
"""

from __future__ import annotations

import re

import pytest

from analysis.nlp.attribution import find_attributions
from analysis.nlp.sentences import split_sentences

CASES = [
    # (text, words in source, side)
    # told <outlet / reporters / a news conference>
    ("Armenian Prime Minister Nikol Pashinyan told Reuters that the army was holding its positions.",
     "Pashinyan", "armenian"),
    ("Hikmet Hajiyev told AFP that Armenian forces had shelled Ganja overnight.",
     "Hajiyev", "azerbaijani"),
    ("Azerbaijani presidential aide Hikmet Hajiyev told reporters in Baku that 19 civilians had died.",
     "Hikmet Hajiyev", "azerbaijani"),
    ("Zohrab Mnatsakanyan told a news conference in Moscow that Yerevan was ready for talks.",
     "Mnatsakanyan", "armenian"),
    ("Russian Foreign Minister Sergei Lavrov told a news conference that both sides had agreed to a truce.",
     "Lavrov", "third_party"),
    ("Turkish President Recep Tayyip Erdogan told lawmakers in Ankara that Turkey would back Azerbaijan.",
     "Erdogan", "third_party"),
    # statements, social media
    ("Shushan Stepanyan said in a statement on Facebook that Azerbaijani drones had been shot down.",
     "Shushan Stepanyan", "armenian"),
    ("Armenian Defence Ministry spokeswoman Shushan Stepanyan wrote on Facebook that the front line held.",
     "Shushan Stepanyan", "armenian"),
    ("Hikmet Hajiyev wrote on Twitter that Stepanakert was firing at civilian areas.",
     "Hajiyev", "azerbaijani"),
    ("Pashinyan wrote on Facebook that the decision had been extremely painful.",
     "Pashinyan", "armenian"),
    ("Aliyev tweeted that the Azerbaijani army had liberated several villages.",
     "Aliyev", "azerbaijani"),
    ("In a statement released by the Armenian Defence Ministry, the military said four servicemen had died.",
     "Armenian Defence Ministry", "armenian"),
    ("In a statement released by the Azerbaijani Defense Ministry, officials said the town was under control.",
     "Azerbaijani Defense Ministry", "azerbaijani"),
    ("The Azerbaijani Foreign Ministry said in a statement that the attack was a war crime.",
     "Azerbaijani Foreign Ministry", "azerbaijani"),
    # quoted by an agency
    ("Kremlin spokesman Dmitry Peskov, quoted by TASS, said Moscow was concerned by the fighting.",
     "Peskov", "third_party"),
    ("Maria Zakharova, quoted by RIA Novosti, said the ceasefire had to be observed.",
     "Zakharova", "third_party"),
    ("Arayik Harutyunyan was quoted as saying that the town of Shushi was lost.",
     "Harutyunyan", "armenian"),
    ("Ilham Aliyev was quoted by Azertac as saying that the army would not stop.",
     "Aliyev", "azerbaijani"),
    # spokespersons, press services, offices
    ("A spokesperson for the Armenian Defence Ministry, Shushan Stepanyan, said the attack had been repelled.",
     "Shushan Stepanyan", "armenian"),
    ("A spokesman for the Azerbaijani Defense Ministry, Vagif Dargahli, said Armenian forces shelled Tartar.",
     "Vagif Dargahli", "azerbaijani"),
    ("The Azerbaijani Defense Ministry's press service reported that the shelling continued overnight.",
     "Azerbaijani Defense Ministry's press service", "azerbaijani"),
    ("The press service of the Armenian Defense Ministry reported heavy fighting in the south.",
     "press service", "armenian"),
    ("Pashinyan's office said the prime minister had spoken to Putin by phone.",
     "Pashinyan's office", "armenian"),
    ("Aliyev's office said the president had received the OSCE envoys.",
     "Aliyev's office", "azerbaijani"),
    ("Erdogan's spokesman told reporters that Ankara stood by Baku.",
     "Erdogan's spokesman", "third_party"),
    ("Putin's spokesman Dmitry Peskov told reporters that Russia was not taking sides.",
     "Peskov", "third_party"),
    # television, interviews
    ("Nikol Pashinyan said on state television that the situation was difficult.",
     "Pashinyan", "armenian"),
    ("Ilham Aliyev said in a televised address to the nation that Shusha had been taken.",
     "Aliyev", "azerbaijani"),
    ("In an interview with Al Jazeera, Hikmet Hajiyev said Armenia had targeted civilians.",
     "Hajiyev", "azerbaijani"),
    ("In an interview with the BBC, Arayik Harutyunyan said the region's capital was under fire.",
     "Harutyunyan", "armenian"),
    # officials by place, sides, capitals
    ("Officials in Stepanakert said the city had been shelled through the night.",
     "Officials in Stepanakert", "armenian"),
    ("Officials in Baku said an Armenian missile hit Ganja.",
     "Officials in Baku", "azerbaijani"),
    ("The Azerbaijani side claimed that Armenian troops had retreated.",
     "Azerbaijani side", "azerbaijani"),
    ("The Armenian side said it had lost no positions.",
     "Armenian side", "armenian"),
    ("Baku accused Yerevan of shelling civilian areas in Tartar.",
     "Baku", "azerbaijani"),
    ("Yerevan denied that its forces had fired on Ganja.",
     "Yerevan", "armenian"),
    ("Moscow urged both sides to stop the fighting.",
     "Moscow", "third_party"),
    ("Ankara said it would support Azerbaijan by all means.",
     "Ankara", "third_party"),
    ("Tehran warned that shells falling on Iranian territory were unacceptable.",
     "Tehran", "third_party"),
    # third parties: mediators, rights groups
    ("The OSCE Minsk Group co-chairs said they condemned the attacks on civilians.",
     "OSCE Minsk Group co-chairs", "third_party"),
    ("Human Rights Watch said Azerbaijan had used cluster munitions in Stepanakert.",
     "Human Rights Watch", "third_party"),
    ("Amnesty International reported that Armenian forces had used cluster munitions in Barda.",
     "Amnesty International", "third_party"),
    ("The International Committee of the Red Cross said civilians were suffering on both sides.",
     "Red Cross", "third_party"),
    ("UN Secretary-General Antonio Guterres urged an immediate ceasefire.",
     "Guterres", "third_party"),
    ("The U.S. State Department said it was alarmed by reports of strikes on civilian areas.",
     "State Department", "third_party"),
    # unnamed sources, residents
    ("A local resident told Al Jazeera that the shelling had started at dawn in Ganja.",
     "resident", None),
    ("A Ganja resident told AFP that his house had been destroyed.",
     "Ganja resident", "azerbaijani"),
    ("A Stepanakert resident told Reuters that people were sleeping in basements.",
     "Stepanakert resident", "armenian"),
    ("Diplomatic sources told Interfax that the talks would resume in Moscow.",
     "sources", None),
]

PASSAGES = [
    # (text, words in source, side, sentence index)
    ("Armenian Defence Ministry spokeswoman Shushan Stepanyan said the front was calm. "
     "She added that Azerbaijani forces had withdrawn.",
     "Shushan Stepanyan", "armenian", 1),
    ("Azerbaijan's Defense Ministry said Armenian forces shelled Tartar. "
     "The ministry added that two civilians were wounded.",
     "ministry", "azerbaijani", 1),
    ("Hikmet Hajiyev said Ganja had been hit by a ballistic missile. "
     "He said the attack was a war crime.",
     "Hikmet Hajiyev", "azerbaijani", 1),
    ("Artsakh presidential spokesperson Vahram Poghosyan said Stepanakert was shelled. "
     "“The enemy is targeting civilians,” he said.",
     "Vahram Poghosyan", "armenian", 1),
    ("Arayik Harutyunyan said on Facebook: “The enemy is at the gates of Shushi. "
     "We will fight to the end.”",
     "Harutyunyan", "armenian", 1),
    ("“We will not give up our land. Our soldiers are holding the line,” Pashinyan "
     "told parliament.",
     "Pashinyan", "armenian", 0),
    ("The Armenian Defense Ministry said fighting continued. "
     "Azerbaijan's Defence Ministry, meanwhile, said its forces had taken two villages.",
     "Azerbaijan's Defence Ministry", "azerbaijani", 1),
    ("Dmitry Peskov said Russia would honour its treaty with Armenia. "
     "Peskov added that the treaty did not cover Nagorno-Karabakh.",
     "Peskov", "third_party", 1),
]


def _words(name: str) -> set[str]:
    return set(re.findall(r"[a-z0-9.\-]+", name.lower().replace("’", "'").replace("'s", "")))


def _check(text, words, side, index):
    sentences = split_sentences(text)
    if index is None:
        index = len(sentences) - 1
    found = find_attributions(text, sentences)
    here = [a for a in found if a.sentence_index == index]
    want = _words(words)
    hits = [a for a in here if want <= _words(a.source)]
    assert hits, f"no source with {sorted(want)} in sentence {index}: {[(a.source, a.side, a.kind) for a in found]}"
    assert any(a.side == side for a in hits), [(a.source, a.side) for a in hits]


@pytest.mark.parametrize("text, words, side", CASES, ids=[c[0][:50] for c in CASES])
def test_source_and_side(text, words, side):
    _check(text, words, side, None)


@pytest.mark.parametrize("text, words, side, index", PASSAGES, ids=[p[0][:50] for p in PASSAGES])
def test_source_across_sentences(text, words, side, index):
    _check(text, words, side, index)


@pytest.mark.parametrize("text, outlet", [
    ("Armenian Prime Minister Nikol Pashinyan told Reuters that the army was holding its positions.", "Reuters"),
    ("In an interview with Al Jazeera, Hikmet Hajiyev said Armenia had targeted civilians.", "Al Jazeera"),
    ("Kremlin spokesman Dmitry Peskov, quoted by TASS, said Moscow was concerned by the fighting.", "TASS"),
])
def test_the_outlet_spoken_to_is_not_the_source(text, outlet):
    assert all(outlet not in a.source for a in find_attributions(text))


def test_talks_as_a_noun_is_not_a_contact():
    found = find_attributions("Ceasefire talks stalled, diplomats said on Monday.")
    assert [(a.source, a.kind) for a in found] == [("diplomats", "said")]
