"""The layered layout of a model graph (``app.views.graph_layout``): pure Python, no Qt."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as strat

from app.views.graph_layout import GraphLayout, layered_layout

NGRAM = (
    ["input_layer", "conv1d", "conv1d_1", "conv1d_2", "max_pooling1d", "max_pooling1d_1", "max_pooling1d_2",
     "concatenate", "dense"],
    [("input_layer", "conv1d"), ("input_layer", "conv1d_1"), ("input_layer", "conv1d_2"),
     ("conv1d", "max_pooling1d"), ("conv1d_1", "max_pooling1d_1"), ("conv1d_2", "max_pooling1d_2"),
     ("max_pooling1d", "concatenate"), ("max_pooling1d_1", "concatenate"), ("max_pooling1d_2", "concatenate"),
     ("concatenate", "dense")],
)


def assert_well_formed(lay: GraphLayout, nodes: list[str], edges: list[tuple[str, str]], gap: float) -> None:
    assert set(lay.boxes) == set(nodes)
    # no two boxes overlap (with the gap between neighbours of a rank)
    for a, b in itertools.combinations(nodes, 2):
        ba, bb = lay.boxes[a], lay.boxes[b]
        apart_x = ba.right + gap <= bb.left + 1e-9 or bb.right + gap <= ba.left + 1e-9
        apart_y = ba.bottom <= bb.top + 1e-9 or bb.bottom <= ba.top + 1e-9
        assert apart_x or apart_y, (a, b, ba, bb)
    # every box is inside the extent
    for b in lay.boxes.values():
        assert b.left >= -1e-9 and b.right <= lay.width + 1e-9 and b.bottom <= lay.height + 1e-9
    # every edge runs from its source's bottom centre to its target's top centre, downwards
    drawn = {(e.source, e.target): e for e in lay.edges}
    for s, t in dict.fromkeys(edges):
        if s == t:
            continue
        e = drawn[(s, t)]
        assert e.points[0] == (lay.boxes[s].x, lay.boxes[s].bottom)
        assert e.points[-1] == (lay.boxes[t].x, lay.boxes[t].top)
        if lay.ranks[t] > lay.ranks[s]:
            ys = [y for _, y in e.points]
            assert ys == sorted(ys)


def test_parallel_ngram_branches_sit_side_by_side_and_the_merge_under_them():
    nodes, edges = NGRAM
    lay = layered_layout(nodes, edges, gap=0.2)
    assert_well_formed(lay, nodes, edges, 0.2)
    assert [lay.ranks[n] for n in nodes] == [0, 1, 1, 1, 2, 2, 2, 3, 4]
    xs = {n: lay.boxes[n].x for n in nodes}
    # the three convolutions left to right in the model's order, each pool under its convolution
    assert xs["conv1d"] < xs["conv1d_1"] < xs["conv1d_2"]
    for conv, pool in (("conv1d", "max_pooling1d"), ("conv1d_1", "max_pooling1d_1"),
                       ("conv1d_2", "max_pooling1d_2")):
        assert xs[pool] == xs[conv]
    # the input above the middle branch, the merge and the head under it
    assert xs["input_layer"] == xs["conv1d_1"] == xs["concatenate"] == xs["dense"]
    assert lay.crossings() == 0


def test_a_chain_is_one_column():
    nodes = [f"l{i}" for i in range(6)]
    edges = list(itertools.pairwise(nodes))
    lay = layered_layout(nodes, edges, heights={"l2": 3.0}, rank_gap=0.5)
    assert len({b.x for b in lay.boxes.values()}) == 1
    assert [lay.boxes[n].top for n in nodes] == [0.0, 1.5, 3.0, 6.5, 8.0, 9.5]
    assert lay.width == 1.0 and lay.height == 10.5


def test_two_inputs_and_a_skip_connection_route_around_the_box_between():
    nodes = ["in_a", "in_b", "conv_a", "conv_b", "add", "out"]
    edges = [("in_a", "conv_a"), ("in_b", "conv_b"), ("conv_a", "add"), ("conv_b", "add"), ("in_a", "add"),
             ("add", "out")]
    lay = layered_layout(nodes, edges)
    assert_well_formed(lay, nodes, edges, 0.25)
    assert lay.ranks["in_a"] == lay.ranks["in_b"] == 0 and lay.ranks["add"] == 2
    skip = next(e for e in lay.edges if (e.source, e.target) == ("in_a", "add"))
    assert len(skip.points) == 4  # through one dummy on the rank of the convolutions
    x_dummy = skip.points[1][0]
    for conv in ("conv_a", "conv_b"):
        box = lay.boxes[conv]
        assert not box.left < x_dummy < box.right


def test_bad_input_is_laid_out_not_refused():
    # unknown names, self loops, repeats and a cycle: every known node gets a box, nothing hangs
    lay = layered_layout(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a"), ("a", "a"), ("a", "zz"),
                                           ("a", "b")])
    assert set(lay.boxes) == {"a", "b", "c"}
    assert layered_layout([], []).boxes == {}


@settings(max_examples=60, deadline=None)
@given(strat.integers(1, 12).flatmap(lambda n: strat.tuples(
    strat.just(n),
    strat.lists(strat.tuples(strat.integers(0, n - 1), strat.integers(0, n - 1)), max_size=2 * n),
    strat.lists(strat.floats(0.5, 3.0), min_size=n, max_size=n),
)))
def test_random_graphs_never_overlap(case):
    n, raw, sizes = case
    nodes = [f"n{i}" for i in range(n)]
    edges = [(nodes[min(a, b)], nodes[max(a, b)]) for a, b in raw if a != b]  # acyclic: low -> high
    lay = layered_layout(nodes, edges, widths=dict(zip(nodes, sizes, strict=True)),
                         heights=dict(zip(nodes, reversed(sizes), strict=True)), gap=0.1)
    assert_well_formed(lay, nodes, edges, 0.1)
    for s, t in edges:
        assert lay.ranks[t] > lay.ranks[s]


def test_a_huge_graph_is_laid_out_within_its_budgets():
    """1,000 layers (the reader's budget), each also read by one last merge: straight long edges, no sweeps."""
    import time

    nodes = [f"l{i}" for i in range(1000)] + ["merge"]
    edges = [*itertools.pairwise(nodes[:-1]), *((n, "merge") for n in nodes[:-1])]
    t0 = time.perf_counter()
    lay = layered_layout(nodes, edges)
    assert time.perf_counter() - t0 < 10
    assert lay.ranks["merge"] == 1000 and len(lay.edges) == len(edges)
    assert all(len(e.points) == 2 for e in lay.edges)  # drawn straight
