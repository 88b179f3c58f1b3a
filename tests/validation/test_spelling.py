"""The "did you mean" spelling gives difflib's answer exactly (it is only faster)."""

from __future__ import annotations

import difflib
import random
import string

import pytest

from nip.parameters._validation import schemas
from nip.parameters._validation.spelling import close_match

KEYS = sorted({key for group in schemas.group_names(schemas.CURRENT_VERSION)
               for definition in schemas.load_group(schemas.CURRENT_VERSION, group).get("$defs", {}).values()
               for key in definition.get("properties", {})})
KEYS += ["vanilla_ppo", "solo_agent", "pure_text_ei", "debate", "", "a", "é", "日本", "aaaa", "abab"]


def _misspelt(word: str, rng: random.Random) -> str:
    letters = list(word)
    for _ in range(rng.randint(0, 4)):
        at = rng.randrange(len(letters) + 1)
        roll = rng.random()
        if roll < 0.3 and letters:
            del letters[min(at, len(letters) - 1)]
        elif roll < 0.6:
            letters.insert(at, rng.choice(string.ascii_lowercase + "_é"))
        elif letters:
            letters[min(at, len(letters) - 1)] = rng.choice(string.ascii_lowercase)
    return "".join(letters)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(4))
def test_the_same_answer_as_difflib(seed):
    rng = random.Random(seed)
    found = 0
    for _ in range(5_000):
        options = rng.sample(KEYS, rng.randint(0, 40))
        if options and rng.random() < 0.7:
            word = _misspelt(rng.choice(options), rng)
        else:
            word = "".join(rng.choice("abcde_") for _ in range(rng.randint(0, 15)))
        if rng.random() < 0.01:
            word *= 40  # 200 letters and more: difflib ignores the most frequent ones
        expected = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
        assert close_match(word, options) == (expected[0] if expected else None), (word, options)
        found += bool(expected)
    assert found > 2_000


def test_ties_go_to_the_option_difflib_picks():
    options = ["ab", "ba", "ac", "ca"]
    for word in ["a", "aa", "abc", "cab", "b"]:
        expected = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
        assert close_match(word, options) == (expected[0] if expected else None)
