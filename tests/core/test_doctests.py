"""Every docstring example in conv_core runs and passes (also collected by --doctest-modules)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import conv_core

# Subpackages included (conv_core.stack.layers is "stack.layers").
MODULES = sorted(m.name.removeprefix("conv_core.") for m in pkgutil.walk_packages(conv_core.__path__, "conv_core."))


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests_pass(name: str) -> None:
    module = importlib.import_module(f"conv_core.{name}")
    flags = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
    result = doctest.testmod(module, optionflags=flags, verbose=False)
    assert result.failed == 0


@pytest.mark.parametrize(
    "name", ["derivation", "shapes", "legacy", "initializers", "receptive", "conv", "padding", "trace"]
)
def test_module_has_examples(name: str) -> None:
    module = importlib.import_module(f"conv_core.{name}")
    tests = doctest.DocTestFinder().find(module)
    assert sum(len(t.examples) for t in tests) >= 2
