"""Coreference scores over one shared set of mentions: MUC, B³, CEAF-e and CoNLL F1.

``key`` and ``response`` map each mention (any hashable) to a cluster label; both must
cover the same mentions (callers restrict them first). Definitions as in the CoNLL-2012
scorer: MUC counts links (Vilain et al. 1995), B³ averages per-mention precision and recall
(Bagga & Baldwin 1998), CEAF-e aligns clusters one-to-one maximising the entity similarity
phi4 = 2|K∩R| / (|K|+|R|) (Luo 2005); CoNLL F1 is the mean of the three F1s.
"""
from __future__ import annotations

from collections import defaultdict

Scores = tuple[float, float, float]


def clusters_of(assignment: dict) -> list[frozenset]:
    """{mention: label} -> clusters, in a stable order (sorted by their smallest mention)."""
    groups: dict = defaultdict(set)
    for mention, label in assignment.items():
        groups[label].add(mention)
    return sorted((frozenset(g) for g in groups.values()), key=lambda g: min(map(repr, g)))


def muc(key: list[frozenset], response: list[frozenset]) -> Scores:
    r_num, r_den = _muc_side(key, response)
    p_num, p_den = _muc_side(response, key)
    return _prf(p_num / p_den if p_den else 0.0, r_num / r_den if r_den else 0.0)


def _muc_side(gold, other) -> tuple[int, int]:
    """(links of ``gold`` that ``other`` keeps, links of ``gold``)."""
    where = {m: i for i, c in enumerate(other) for m in c}
    num = sum(len(c) - len({where.get(m, ("alone", m)) for m in c}) for c in gold)
    den = sum(len(c) - 1 for c in gold)
    return num, den


def b_cubed(key: list[frozenset], response: list[frozenset]) -> Scores:
    key_of = {m: c for c in key for m in c}
    resp_of = {m: c for c in response for m in c}
    mentions = sorted(key_of, key=repr)
    if not mentions:
        return 0.0, 0.0, 0.0
    r = sum(len(key_of[m] & resp_of[m]) / len(key_of[m]) for m in mentions) / len(mentions)
    p = sum(len(key_of[m] & resp_of[m]) / len(resp_of[m]) for m in mentions) / len(mentions)
    return _prf(p, r)


def ceaf_e(key: list[frozenset], response: list[frozenset]) -> Scores:
    total = sum(_best_alignment(key, response, comp) for comp in _components(key, response))
    p = total / len(response) if response else 0.0
    r = total / len(key) if key else 0.0
    return _prf(p, r)


def conll(key_map: dict, response_map: dict) -> dict[str, Scores]:
    key, response = clusters_of(key_map), clusters_of(response_map)
    out = {"MUC": muc(key, response), "B3": b_cubed(key, response), "CEAF-e": ceaf_e(key, response)}
    out["CoNLL"] = (0.0, 0.0, sum(s[2] for s in out.values()) / 3)
    return out


def _phi4(k: frozenset, r: frozenset) -> float:
    return 2 * len(k & r) / (len(k) + len(r))


def _components(key, response):
    """Groups of (key indices, response indices) connected by shared mentions: the
    alignment is solved per group, which keeps the assignment problems small."""
    owner = {m: i for i, c in enumerate(response) for m in c}
    parent = list(range(len(key)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    first_key_of: dict[int, int] = {}
    for i, c in enumerate(key):
        for m in c:
            j = owner.get(m)
            if j is None:
                continue
            if j in first_key_of:
                parent[find(i)] = find(first_key_of[j])
            else:
                first_key_of[j] = i
    groups: dict[int, tuple[list, set]] = {}
    for i in range(len(key)):
        groups.setdefault(find(i), ([], set()))[0].append(i)
    for j, i in first_key_of.items():
        groups[find(i)][1].add(j)
    return [(ks, sorted(rs)) for ks, rs in groups.values() if rs]


def _best_alignment(key, response, component) -> float:
    ks, rs = component
    weights = [[_phi4(key[i], response[j]) for j in rs] for i in ks]
    return max_weight_matching(weights)


def max_weight_matching(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one assignment of rows to columns (Hungarian
    algorithm on costs = -weights, padded to a square matrix)."""
    n = max(len(weights), len(weights[0]) if weights else 0)
    if n == 0:
        return 0.0
    cost = [[-(weights[i][j] if i < len(weights) and j < len(weights[i]) else 0.0) for j in range(n)]
            for i in range(n)]
    inf = float("inf")
    u, v, p, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return -sum(cost[p[j] - 1][j - 1] for j in range(1, n + 1) if p[j])


def _prf(p: float, r: float) -> Scores:
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
