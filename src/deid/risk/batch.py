"""How many records of a batch share each record's details, and the risk that makes.

A record is hidden among the records that publish every detail it publishes (a
superset of its profile): an attacker who knows those details of a person cannot
tell which of them is theirs. ``shared_by`` counts them, the record included. The
level:

- low: no two kinds of detail, or shared by at least ``k`` records: one coarse
  detail alone (a decade of age, a sex) is shared by many people beyond the batch;
- medium: two or more kinds of detail shared by fewer than ``k`` records, or a
  distinctive event ("the only woman in", "made the news"), a small town named or the
  date of an event on record ("my son died in 2019");
- high: fewer than ``k`` and ``high`` or more kinds of detail, or one of those rare
  details with another detail.

Counting uses one posting list per detail, so a batch of n records costs about the
sum of its records' smallest posting lists, not n squared; the details are interned
once and records without any are not stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from deid.policy.ruleset import RiskPolicy
from deid.risk.profile import Item

RARE = frozenset({"DISTINCTIVE", "SMALL_PLACE", "EVENT_DATE"})  # few people share one, whatever the batch


@dataclass(frozen=True)
class Risk:
    level: str                  # low | medium | high
    types: tuple[str, ...]      # the kinds of detail that drove it, sorted
    shared_by: int              # records of the batch that publish all of them


class Batch:
    """Profiles added in pass 1 (``add``), judged once the batch is whole (``assess``)."""

    def __init__(self, policy: RiskPolicy):
        self.policy = policy
        self.count = 0
        self._ids: dict[Item, int] = {}
        self._types: list[str] = []
        self._records: dict[object, tuple[int, ...]] = {}
        self._postings: list[set[int]] = []  # per detail, the records that publish it
        self._risks: dict[object, Risk] = {}

    def add(self, key: object, items: frozenset[Item]) -> None:
        """One record's profile; ``key`` names the record (source and index)."""
        self.count += 1
        if not items:
            return
        ids = []
        for item in items:
            i = self._ids.get(item)
            if i is None:
                i = self._ids[item] = len(self._types)
                self._types.append(item[0])
                self._postings.append(set())
            ids.append(i)
        n = len(self._records)
        for i in ids:
            self._postings[i].add(n)
        self._records[key] = tuple(ids)

    def assess(self) -> None:
        postings = self._postings
        for key, ids in self._records.items():
            ids = sorted(ids, key=lambda i: len(postings[i]))  # the smallest first: the rest only narrow it
            shared = postings[ids[0]].intersection(*(postings[i] for i in ids[1:]))
            self._risks[key] = self._judge(tuple(sorted({self._types[i] for i in ids})), len(shared))

    def _judge(self, types: tuple[str, ...], shared_by: int) -> Risk:
        p = self.policy
        distinctive = bool(RARE.intersection(types))
        if shared_by >= p.k and not distinctive:
            return Risk("low", types, shared_by)
        if len(types) >= p.high or (distinctive and len(types) > 1):
            return Risk("high", types, shared_by)
        if len(types) > 1 or distinctive:
            return Risk("medium", types, shared_by)
        return Risk("low", types, shared_by)

    def risk(self, key: object) -> Risk:
        """The record's risk (low, shared by the whole batch, for one with no details)."""
        return self._risks.get(key) or Risk("low", (), self.count)
