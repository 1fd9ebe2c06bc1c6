"""Where each layer of a model goes in a drawing: a layered (Sugiyama-style) layout, Qt-free.

A model is a directed acyclic graph: every layer reads the layers named in its
inputs.  The layout puts each layer on a *rank* (a row of the drawing), inputs
on top, every layer below all the layers it reads, so a chain is one column,
parallel branches sit side by side and a merge is centred under its branches.

The four classic steps (Sugiyama, Tagawa and Toda 1981):

1. **Ranks**: the longest path from a source (a layer that reads nothing).
2. **Dummy nodes**: an edge that skips ranks is split into a chain of narrow
   dummies, one per rank crossed, so it is routed around the boxes between.
3. **Order** within each rank: barycentre sweeps, down then up, keeping the
   order with the fewest crossings (ties keep the model's order).
4. **Positions**: each node as close as it can get to the barycentre of its
   neighbours, no two nodes of a rank closer than their half widths plus a
   gap (two greedy passes, from the left and from the right, averaged).

Units are the caller's: ``widths`` and ``heights`` per node, ``gap`` between
neighbours of a rank, ``rank_gap`` between ranks.  Everything here is pure
Python on names, so it is tested without Qt (``tests/app/test_graph_layout.py``).

>>> lay = layered_layout(["in", "a", "b", "cat"], [("in", "a"), ("in", "b"), ("a", "cat"), ("b", "cat")])
>>> lay.ranks
{'in': 0, 'a': 1, 'b': 1, 'cat': 2}
>>> lay.boxes["a"].x < lay.boxes["in"].x < lay.boxes["b"].x, lay.boxes["cat"].x == lay.boxes["in"].x
(True, True)
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Box", "Edge", "GraphLayout", "layered_layout"]

_SWEEPS = 8  # barycentre sweeps (each a pass down and a pass up); the best order wins
_DUMMY_WIDTH = 0.15  # a dummy's width, as a fraction of the narrowest real node
#: Work budgets: a model of the reader's 1,000 layers, each also read by one last merge, would need
#: half a million dummies and a billion crossing tests.  Past ``MAX_DUMMIES`` long edges are drawn
#: straight; past ``MAX_SWEEP_SEGMENTS`` the order stays the model's (no barycentre sweeps).
MAX_DUMMIES = 4000
MAX_SWEEP_SEGMENTS = 3000


@dataclass(frozen=True)
class Box:
    """A node's place: centre ``x``, ``top`` and its size (the caller's units)."""

    x: float
    top: float
    width: float
    height: float

    @property
    def left(self) -> float:
        return self.x - self.width / 2

    @property
    def right(self) -> float:
        return self.x + self.width / 2

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass(frozen=True)
class Edge:
    """An edge drawn as a polyline from the bottom centre of ``source`` to the top centre of ``target``."""

    source: str
    target: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class GraphLayout:
    """The result: a rank and a box per node, the routed edges, the order of each rank, the extent."""

    ranks: dict[str, int]
    boxes: dict[str, Box]
    edges: tuple[Edge, ...]
    order: tuple[tuple[str, ...], ...]
    width: float
    height: float

    def crossings(self) -> int:
        """Edge crossings between neighbouring ranks (dummies included): what the ordering minimises."""
        return _count_crossings(self._segments())

    def _segments(self) -> list[list[tuple[float, float]]]:
        by_rank: dict[float, list[tuple[float, float]]] = {}
        for e in self.edges:
            for (x0, y0), (x1, _y1) in zip(e.points, e.points[1:], strict=False):
                by_rank.setdefault(y0, []).append((x0, x1))
        return list(by_rank.values())


def layered_layout(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str]],
    widths: Mapping[str, float] | None = None,
    heights: Mapping[str, float] | None = None,
    *,
    gap: float = 0.25,
    rank_gap: float = 1.0,
) -> GraphLayout:
    """Lay out a directed acyclic graph in ranks, sources on top.

    Parameters
    ----------
    nodes : sequence of str
        Every node once; the order breaks ties (give the model's layer order).
    edges : sequence of (source, target)
        ``target`` reads ``source``.  Edges naming an unknown node, self loops
        and repeats are ignored; an edge that would close a cycle is drawn but
        does not rank its target (a model has none; bad input never hangs).
    widths, heights : mapping, optional
        Node sizes (default 1).
    gap, rank_gap : float
        The least space between two nodes of a rank, and between two ranks.

    Returns
    -------
    GraphLayout
        No two boxes overlap; every edge starts at its source's bottom and
        ends at its target's top.
    """
    names = list(dict.fromkeys(nodes))
    known = set(names)
    w = {n: float((widths or {}).get(n, 1.0)) for n in names}
    h = {n: float((heights or {}).get(n, 1.0)) for n in names}
    pairs = list(dict.fromkeys((s, t) for s, t in edges if s in known and t in known and s != t))
    ranks = _ranks(names, pairs)
    # 2. dummies: a long edge becomes a chain through every rank it crosses
    dummy_w = _DUMMY_WIDTH * min(w.values(), default=1.0)
    route = sum(max(ranks[t] - ranks[s] - 1, 0) for s, t in pairs) <= MAX_DUMMIES
    chains: list[tuple[str, str, list[str]]] = []
    parents: dict[str, list[str]] = {n: [] for n in names}
    children: dict[str, list[str]] = {n: [] for n in names}
    rank_of = dict(ranks)
    for k, (s, t) in enumerate(pairs):
        lo, hi = rank_of[s], rank_of[t]
        if hi <= lo or (not route and hi - lo > 1):  # a back edge (bad input), or past the budget: straight
            chains.append((s, t, []))
            continue
        path = [s]
        for r in range(lo + 1, hi):
            d = f"\0dummy{k}:{r}"
            rank_of[d] = r
            w[d], h[d] = dummy_w, 0.0
            parents[d], children[d] = [], []
            path.append(d)
        path.append(t)
        for a, b in itertools.pairwise(path):
            children[a].append(b)
            parents[b].append(a)
        chains.append((s, t, path[1:-1]))
    n_ranks = max(rank_of.values(), default=-1) + 1
    layers: list[list[str]] = [[] for _ in range(n_ranks)]
    for n in _initial_order(names, rank_of, children):
        layers[rank_of[n]].append(n)
    # 3. order: barycentre sweeps, the best order kept
    if sum(len(children[n]) for layer in layers for n in layer) <= MAX_SWEEP_SEGMENTS:
        layers = _order(layers, parents, children)
    # 4. positions
    xs = _positions(layers, parents, children, w, gap)
    tops: list[float] = []
    y = 0.0
    for layer in layers:
        tops.append(y)
        y += max((h[n] for n in layer), default=0.0) + rank_gap
    height = max(y - rank_gap, 0.0)
    boxes = {n: Box(xs[n], tops[rank_of[n]], w[n], h[n]) for n in names}
    lo_x = min((b.left for b in boxes.values()), default=0.0)
    lo_x = min([lo_x, *(xs[d] - w[d] / 2 for layer in layers for d in layer if d not in boxes)])
    boxes = {n: Box(b.x - lo_x, b.top, b.width, b.height) for n, b in boxes.items()}
    shifted = {n: x - lo_x for n, x in xs.items()}
    width = max([0.0, *(shifted[n] + w[n] / 2 for layer in layers for n in layer)])
    routed = []
    for s, t, dummies in chains:
        pts = [(boxes[s].x, boxes[s].bottom)]
        for d in dummies:
            top = tops[rank_of[d]]
            pts += [(shifted[d], top), (shifted[d], top + max(h[n] for n in layers[rank_of[d]]))]
        pts.append((boxes[t].x, boxes[t].top))
        routed.append(Edge(s, t, tuple(pts)))
    order = tuple(tuple(n for n in layer if n in boxes) for layer in layers)
    return GraphLayout({n: ranks[n] for n in names}, boxes, tuple(routed), order, width, height)


# --- 1. ranks --------------------------------------------------------------------------------------

def _ranks(names: list[str], pairs: list[tuple[str, str]]) -> dict[str, int]:
    """Longest path from a source (Kahn's order); nodes on a cycle get the rank their ranked parents give."""
    preds: dict[str, list[str]] = {n: [] for n in names}
    succs: dict[str, list[str]] = {n: [] for n in names}
    for s, t in pairs:
        preds[t].append(s)
        succs[s].append(t)
    indegree = {n: len(preds[n]) for n in names}
    rank = {n: 0 for n in names}
    ready = [n for n in names if indegree[n] == 0]
    done: set[str] = set()
    while True:
        while ready:
            n = ready.pop(0)
            done.add(n)
            for t in succs[n]:
                rank[t] = max(rank[t], rank[n] + 1)
                indegree[t] -= 1
                if indegree[t] == 0:
                    ready.append(t)
        rest = [n for n in names if n not in done]
        if not rest:
            return rank
        ready = [rest[0]]  # a cycle: break it at the first node in the model's order
        indegree[rest[0]] = 0


# --- 3. order --------------------------------------------------------------------------------------

def _initial_order(names: list[str], rank_of: Mapping[str, int], children: Mapping[str, list[str]]) -> list[str]:
    """Depth-first from the sources in the model's order: a branch's nodes stay together."""
    seen: set[str] = set()
    out: list[str] = []
    for root in names:
        if root in seen:
            continue
        todo = [root]
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n)
            out.append(n)
            todo.extend(reversed([c for c in children[n] if c not in seen]))
    out += [n for n in rank_of if n not in seen]
    return out


def _order(
    layers: list[list[str]], parents: Mapping[str, list[str]], children: Mapping[str, list[str]]
) -> list[list[str]]:
    best = [list(layer) for layer in layers]
    best_cross = _crossings_of(best, children)
    current = [list(layer) for layer in layers]
    for _ in range(_SWEEPS):
        if best_cross == 0:
            break
        for r in range(1, len(current)):
            current[r] = _by_barycentre(current[r], current[r - 1], parents)
        for r in range(len(current) - 2, -1, -1):
            current[r] = _by_barycentre(current[r], current[r + 1], children)
        cross = _crossings_of(current, children)
        if cross < best_cross:
            best, best_cross = [list(layer) for layer in current], cross
    return best


def _by_barycentre(layer: list[str], fixed: list[str], neighbours: Mapping[str, list[str]]) -> list[str]:
    pos = {n: i for i, n in enumerate(fixed)}

    def key(item: tuple[int, str]) -> tuple[float, int]:
        i, n = item
        near = [pos[m] for m in neighbours[n] if m in pos]
        return (sum(near) / len(near) if near else float(i), i)

    return [n for _, n in sorted(enumerate(layer), key=key)]


def _crossings_of(layers: list[list[str]], children: Mapping[str, list[str]]) -> int:
    segments = []
    for upper, lower in itertools.pairwise(layers):
        pos = {n: i for i, n in enumerate(lower)}
        segments.append([(float(i), float(pos[c])) for i, n in enumerate(upper) for c in children[n] if c in pos])
    return _count_crossings(segments)


def _count_crossings(segments_by_rank: Sequence[Sequence[tuple[float, float]]]) -> int:
    total = 0
    for segs in segments_by_rank:
        for i, (a0, a1) in enumerate(segs):
            for b0, b1 in segs[i + 1:]:
                if (a0 - b0) * (a1 - b1) < 0:
                    total += 1
    return total


# --- 4. positions ----------------------------------------------------------------------------------

def _positions(
    layers: list[list[str]],
    parents: Mapping[str, list[str]],
    children: Mapping[str, list[str]],
    w: Mapping[str, float],
    gap: float,
) -> dict[str, float]:
    """Each node near the barycentre of its neighbours, its rank's order kept, nothing overlapping."""
    xs: dict[str, float] = {}
    for layer in layers:  # start packed from the left
        x = 0.0
        for n in layer:
            xs[n] = x + w[n] / 2
            x += w[n] + gap
    for _ in range(4):
        for layer in layers[1:]:
            _place(layer, {n: _mean(xs, parents[n]) for n in layer}, w, gap, xs)
        for layer in reversed(layers[:-1]):
            _place(layer, {n: _mean(xs, children[n]) for n in layer}, w, gap, xs)
    for layer in layers[1:]:  # end top-down: a node sits under what it reads
        _place(layer, {n: _mean(xs, parents[n]) for n in layer}, w, gap, xs)
    return xs


def _mean(xs: Mapping[str, float], names: list[str]) -> float | None:
    return sum(xs[n] for n in names) / len(names) if names else None


def _place(
    layer: list[str], want: Mapping[str, float | None], w: Mapping[str, float], gap: float, xs: dict[str, float]
) -> None:
    """Greedy from the left and from the right towards the wanted places; the average of both is valid."""
    if not layer:
        return
    target = [xs[n] if (v := want[n]) is None else v for n in layer]
    sep = [(w[a] + w[b]) / 2 + gap for a, b in itertools.pairwise(layer)]
    left = list(target)
    for i in range(1, len(layer)):
        left[i] = max(target[i], left[i - 1] + sep[i - 1])
    right = list(target)
    for i in range(len(layer) - 2, -1, -1):
        right[i] = min(target[i], right[i + 1] - sep[i])
    for n, a, b in zip(layer, left, right, strict=True):
        xs[n] = (a + b) / 2
