"""The abbreviation check looks at a short window before each dot (linear-time splitting)."""

from analysis.nlp.sentences import split_sentences


def test_abbreviation_far_into_a_long_text():
    text = "Shelling went on. " * 300 + "Lt. Gen. Hasanov met Sen. Smith in Baku. Talks ended."
    tail = [s.text for s in split_sentences(text)][-2:]
    assert tail == ["Lt. Gen. Hasanov met Sen. Smith in Baku.", "Talks ended."]


def test_long_word_before_a_dot_is_not_an_initial():
    text = "It was " + "a" * 60 + "s. Then it ended."
    assert len(split_sentences(text)) == 2
