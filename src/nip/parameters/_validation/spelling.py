"""The near spelling behind "did you mean ...?": difflib's answer, without difflib's cost per option.

`difflib.get_close_matches(word, options, n=1, cutoff=0.6)` scores every option with a
`SequenceMatcher` (after two cheap upper bounds of the score), and keeps the best. The matcher is
the expensive part, so here it runs only where it can change the answer: each option first gets
upper bounds of its score (from the lengths and the letters the words share, counted in C), and the
options are then scored best bound first, stopping at the first whose bound cannot beat the best
score found; an option that still might is bounded once more, by the longest common subsequence of
the two words, before it is scored. The scores are difflib's (its matching algorithm, run here
without the bookkeeping its other uses need), so the answer is the same, tie-breaks included
(tests/validation/test_spelling.py compares the two on thousands of misspellings).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["close_match"]

CUTOFF = 0.6  # difflib's default: how similar a word must be to count as a near spelling


def close_match(word: str, options: Iterable[str]) -> str | None:
    """`difflib.get_close_matches(word, options, n=1, cutoff=0.6)`: its one match, or None."""
    size = len(word)
    without_word: dict[int, None] | None = None
    bounded: list[tuple[float, str]] = []
    for option in options:
        count = len(option)
        length = size + count
        if length and 2.0 * min(size, count) / length < CUTOFF:  # difflib's first bound: lengths
            continue
        if without_word is None:
            without_word = dict.fromkeys(map(ord, word))
        # The option's letters that occur in the word: at least as many as the two share.
        shared = count - len(option.translate(without_word))
        bound = _ratio(shared, length)
        if bound >= CUTOFF:
            bounded.append((bound, option))
    if not bounded:
        return None
    bounded.sort(reverse=True)
    best: tuple[float, str] | None = None
    masks: dict[str, int] = {}
    positions: dict[str, list[int]] = {}
    for bound, option in bounded:
        if best is not None and (bound, option) < best:
            break  # neither this option nor any after it can score higher
        if not masks:
            masks, positions = _letters(word)
        # a tighter bound before scoring: the matcher finds no more than a common subsequence
        length = size + len(option)
        bound = _ratio(_common_subsequence(option, masks), length)
        if bound < CUTOFF or (best is not None and (bound, option) < best):
            continue
        if size < _AUTOJUNK_FROM:
            score = _ratio(_matched(option, positions, size), length)
        else:  # difflib then ignores the word's most frequent letters: its own matcher
            score = _difflib_ratio(option, word)
        if score >= CUTOFF and (best is None or (score, option) > best):
            best = (score, option)
    return None if best is None else best[1]


def _difflib_ratio(option: str, word: str) -> float:
    from difflib import SequenceMatcher  # (only for a word this long)

    return SequenceMatcher(None, option, word).ratio()


_AUTOJUNK_FROM = 200  # difflib's autojunk heuristic applies to a word this long or longer


def _matched(a: str, positions: dict[str, list[int]], size: int) -> int:
    """How many letters `SequenceMatcher(None, a, word).get_matching_blocks()` matches, for a word
    without junk (shorter than `_AUTOJUNK_FROM`): difflib's algorithm, without its bookkeeping.
    The longest block common to both ranges (earliest in `a`, then in the word), then the same on
    each side of it."""
    total = 0
    ranges = [(0, len(a), 0, size)]
    while ranges:
        alo, ahi, blo, bhi = ranges.pop()
        besti, bestj, bestsize = alo, blo, 0
        ending: dict[int, int] = {}  # word index -> length of the common run ending there
        for i in range(alo, ahi):
            here: dict[int, int] = {}
            for j in positions.get(a[i], ()):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = here[j] = ending.get(j - 1, 0) + 1
                if k > bestsize:
                    besti, bestj, bestsize = i - k + 1, j - k + 1, k
            ending = here
        if bestsize:
            total += bestsize
            if alo < besti and blo < bestj:
                ranges.append((alo, besti, blo, bestj))
            if besti + bestsize < ahi and bestj + bestsize < bhi:
                ranges.append((besti + bestsize, ahi, bestj + bestsize, bhi))
    return total


def _ratio(matches: int, length: int) -> float:
    return 2.0 * matches / length if length else 1.0  # difflib's own formula, for equal floats


def _letters(word: str) -> tuple[dict[str, int], dict[str, list[int]]]:
    """Each letter of `word` -> the bit set of its positions, and the list of them."""
    masks: dict[str, int] = {}
    positions: dict[str, list[int]] = {}
    for index, letter in enumerate(word):
        masks[letter] = masks.get(letter, 0) | 1 << index
        positions.setdefault(letter, []).append(index)
    return masks, positions


def _common_subsequence(a: str, masks: dict[str, int]) -> int:
    """The length of the longest common subsequence of `a` and the word of `masks`, bit-parallel:
    a few integer operations per letter of `a` (Allison and Dix's algorithm)."""
    row = 0
    for letter in a:
        x = masks.get(letter, 0) | row
        row = x & ((x - ((row << 1) | 1)) ^ x)
    return row.bit_count()
