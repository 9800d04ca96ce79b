"""Character-level diff of two normalised texts: align sentences first, then diff the characters
inside the sentences that changed.

1. Both texts are cut into sentences after 。！？；：） and paragraph breaks. The cut depends
   only on the text, so line wrapping or a different paragraph layout on one side does not
   change it.
2. The two sentence sequences are diffed with diff-match-patch's Myers diff (each distinct
   sentence stands for one character, its "line mode"): an exact, minimal alignment, right on
   repeated passages, and cheap because there are ~40 times fewer sentences than characters.
3. Each run of changed sentences is diffed character by character (diff-match-patch again),
   then tidied with its semantic clean-up so that a rewritten clause reads as one replacement
   rather than a scatter of coincidentally equal characters. Runs too large to diff whole
   (long rewrites, where Myers is quadratic) are first paired sentence by sentence by
   similarity, and only the pairs are diffed by character.

The result is a list of ``(op, text)`` with op -1 (deleted from a), 0 (equal), 1 (inserted in
b); the deleted and equal texts concatenate to ``a``, the inserted and equal ones to ``b``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from diff_match_patch import diff_match_patch

Op = tuple[int, str]
DELETE, EQUAL, INSERT = -1, 0, 1

#: What ends a sentence: the cut of ``sentences`` and the bounds ``diff`` trims its common
#: start and end back to, which must agree.
_ENDS = "。！？；：）\u2029"
_SENTENCE = re.compile(f"[^{_ENDS}]*[{_ENDS}]|[^{_ENDS}]+")
_CLAUSE = re.compile(r"[^，、,]*[，、,]|[^，、,]+")
#: A run of changed sentences is diffed whole when the Myers diff is cheap: its cost grows
#: with the length times the number of differences, estimated as (len a + len b)² times the
#: share of character bigrams the two do not have in common. Above, sentences are paired first.
WHOLE_BUDGET = 400_000
#: Sentences less alike than this (Dice coefficient of their character bigrams) are not paired.
PAIRING = 0.35
#: Beyond this many sentence pairs to score, a run is reported as one replacement.
PAIRING_LIMIT = 40_000


def _engine() -> diff_match_patch:
    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # exact and deterministic: never a time-dependent result
    return engine


def sentences(text: str) -> list[str]:
    return _SENTENCE.findall(text)


def diff(a: str, b: str) -> list[Op]:
    """The character diff of ``a`` and ``b``."""
    engine = _engine()
    # The common start and end, cut back to whole sentences so the middle is aligned as
    # sentences too (a passage moved next to one ending alike must not lose its "。").
    prefix = engine.diff_commonPrefix(a, b)
    prefix = max(a.rfind(end, 0, prefix) for end in _ENDS) + 1
    suffix = engine.diff_commonSuffix(a[prefix:], b[prefix:])
    start = len(a) - suffix
    while suffix and start > prefix and a[start - 1] not in _ENDS:
        start += 1
        suffix -= 1
    middle = _Changes(engine)
    middle.diff(a[prefix:len(a) - suffix], b[prefix:len(b) - suffix])
    return merge([(EQUAL, a[:prefix]), *middle.ops, (EQUAL, a[len(a) - suffix:])])


class _Changes:
    """Collects the ops of a diff: equal sentences as they come, changed ones in runs that
    are diffed by character when the next equal sentence closes them."""

    def __init__(self, engine: diff_match_patch):
        self.engine = engine
        self.ops: list[Op] = []
        self.equal: list[str] = []
        self.deleted: list[str] = []
        self.inserted: list[str] = []

    def keep(self, tokens: Sequence[str]) -> None:
        if self.deleted or self.inserted:
            self.ops.extend(_changed(self.engine, self.deleted, self.inserted))
            self.deleted, self.inserted = [], []
        self.equal.extend(tokens)

    def change(self, deleted: Sequence[str], inserted: Sequence[str]) -> None:
        if self.equal:
            self.ops.append((EQUAL, "".join(self.equal)))
            self.equal = []
        self.deleted.extend(deleted)
        self.inserted.extend(inserted)

    def diff(self, a: str, b: str) -> None:
        tokens_a, tokens_b = sentences(a), sentences(b)
        codes = {token: _code(index)
                 for index, token in enumerate(dict.fromkeys([*tokens_a, *tokens_b]))}
        encoded_a = "".join(map(codes.__getitem__, tokens_a))
        encoded_b = "".join(map(codes.__getitem__, tokens_b))
        ia = ib = 0
        for anchor_a, anchor_b in [*anchors(tokens_a, tokens_b),
                                   (len(tokens_a), len(tokens_b))]:
            if anchor_a > ia or anchor_b > ib:  # Myers between anchors
                for op, encoded in self.engine.diff_main(encoded_a[ia:anchor_a],
                                                         encoded_b[ib:anchor_b], False):
                    count = len(encoded)
                    if op == EQUAL:
                        self.keep(tokens_a[ia:ia + count])
                        ia, ib = ia + count, ib + count
                    elif op == DELETE:
                        self.change(tokens_a[ia:ia + count], ())
                        ia += count
                    else:
                        self.change((), tokens_b[ib:ib + count])
                        ib += count
            if anchor_a < len(tokens_a):
                self.keep(tokens_a[anchor_a:anchor_a + 1])
            ia, ib = anchor_a + 1, anchor_b + 1
        self.keep(())
        if self.equal:
            self.ops.append((EQUAL, "".join(self.equal)))


def anchors(tokens_a: Sequence[str], tokens_b: Sequence[str]) -> list[tuple[int, int]]:
    """Sentences that certainly correspond, as (index in a, index in b), increasing in both.

    As in patience diff: a sentence found once in a and once in b pairs with itself; a
    passage repeated word for word, found as often in a as in b, pairs its k-th copy in a with
    its k-th copy in b. The longest chain of such pairs in order on both sides (patience
    sorting) anchors the alignment; Myers diffs the stretches between anchors. Real reports
    are mostly unique sentences, so this is patience diff; on repeated text it keeps the cost
    of the sentence alignment linear instead of growing with length × differences.
    """
    where_a: dict[str, list[int]] = {}
    where_b: dict[str, list[int]] = {}
    for index, token in enumerate(tokens_a):
        where_a.setdefault(token, []).append(index)
    for index, token in enumerate(tokens_b):
        where_b.setdefault(token, []).append(index)
    pairs = sorted(pair for token, seen in where_a.items()
                   if len(where_b.get(token, ())) == len(seen)
                   for pair in zip(seen, where_b[token], strict=True))
    # longest increasing subsequence of the b indexes, in a order (patience sorting)
    tails: list[int] = []  # tails[k]: the pair ending the best chain of length k + 1
    ends: list[int] = []  # ends[k]: its b index
    previous: list[int] = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        k = bisect_left(ends, j)
        if k:
            previous[index] = tails[k - 1]
        if k == len(tails):
            tails.append(index)
            ends.append(j)
        else:
            tails[k], ends[k] = index, j
    chain: list[tuple[int, int]] = []
    at = tails[-1] if tails else -1
    while at >= 0:
        chain.append(pairs[at])
        at = previous[at]
    return chain[::-1]


def _code(index: int) -> str:
    """A private character standing for the ``index``-th distinct sentence."""
    code = 0x100 + index
    return chr(code if code < 0xD800 else code + 0x800)  # never a surrogate


def _changed(engine: diff_match_patch, run_a: Sequence[str], run_b: Sequence[str]) -> list[Op]:
    a, b = "".join(run_a), "".join(run_b)
    if not a or not b:
        return [(DELETE, a)] if a else [(INSERT, b)] if b else []
    prefix = engine.diff_commonPrefix(a, b)
    suffix = engine.diff_commonSuffix(a[prefix:], b[prefix:])
    middle_a, middle_b = a[prefix:len(a) - suffix], b[prefix:len(b) - suffix]
    cost = (len(middle_a) + len(middle_b)) ** 2 * (1 - similarity(middle_a, middle_b))
    if cost <= WHOLE_BUDGET:
        ops = engine.diff_main(a, b, False)
        engine.diff_cleanupSemantic(ops)
        return [(op, text) for op, text in ops]
    return _paired(engine, run_a, run_b)


def _paired(engine: diff_match_patch, run_a: Sequence[str], run_b: Sequence[str]) -> list[Op]:
    """Pair the sentences of a long changed run in order, by similarity, and diff the pairs."""
    if len(run_a) * len(run_b) > PAIRING_LIMIT:
        return [(DELETE, "".join(run_a)), (INSERT, "".join(run_b))]
    if len(run_a) == 1 and len(run_b) == 1:
        # One long sentence on each side: pair its clauses instead.
        clauses_a, clauses_b = _CLAUSE.findall(run_a[0]), _CLAUSE.findall(run_b[0])
        if len(clauses_a) == 1 and len(clauses_b) == 1:
            return [(DELETE, run_a[0]), (INSERT, run_b[0])]
        return _paired(engine, clauses_a, clauses_b)
    pairs = pair(run_a, run_b)
    if not pairs:
        return [(DELETE, "".join(run_a)), (INSERT, "".join(run_b))]
    ops: list[Op] = []
    ia = ib = 0
    for pa, pb in pairs:
        ops.extend(_changed(engine, run_a[ia:pa], run_b[ib:pb]))
        ops.extend(_changed(engine, run_a[pa:pa + 1], run_b[pb:pb + 1]))
        ia, ib = pa + 1, pb + 1
    ops.extend(_changed(engine, run_a[ia:], run_b[ib:]))
    return ops


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(max(len(text) - 1, 1))}


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the sets of the two texts' character bigrams (1.0 = the same)."""
    ba, bb = _bigrams(a), _bigrams(b)
    total = len(ba) + len(bb)
    return 2 * len(ba & bb) / total if total else 1.0


def pair(run_a: Sequence[str], run_b: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs (i, j), increasing in both, that maximise the total similarity of paired
    sentences; sentences less alike than ``PAIRING`` stay unpaired."""
    grams_a = [_bigrams(t) for t in run_a]
    grams_b = [_bigrams(t) for t in run_b]
    sizes_b = [len(g) for g in grams_b]
    m, n = len(run_a), len(run_b)
    best = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(m - 1, -1, -1):
        grams, size_a = grams_a[i], len(grams_a[i])
        row, below = best[i], best[i + 1]
        for j in range(n - 1, -1, -1):
            score = 2 * len(grams & grams_b[j]) / (size_a + sizes_b[j] or 1)
            matched = below[j + 1] + score if score >= PAIRING else -1.0
            row[j] = max(below[j], row[j + 1], matched)
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < m and j < n:
        if best[i][j] == best[i + 1][j]:
            i += 1
        elif best[i][j] == best[i][j + 1]:
            j += 1
        else:
            pairs.append((i, j))
            i += 1
            j += 1
    return pairs


def merge(ops: list[Op]) -> list[Op]:
    """Drop empty operations and join neighbours of the same kind; within a change, the
    deletion comes before the insertion."""
    merged: list[Op] = []
    pending = {DELETE: [], INSERT: []}  # type: dict[int, list[str]]

    def flush() -> None:
        for op in (DELETE, INSERT):
            if pending[op]:
                merged.append((op, "".join(pending[op])))
                pending[op] = []

    for op, text in ops:
        if not text:
            continue
        if op == EQUAL:
            flush()
            if merged and merged[-1][0] == EQUAL:
                merged[-1] = (EQUAL, merged[-1][1] + text)
            else:
                merged.append((EQUAL, text))
        else:
            pending[op].append(text)
    flush()
    return merged
