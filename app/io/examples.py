"""The built-in examples: sessions shipped in ``resources/examples``."""

from __future__ import annotations

import json
from pathlib import Path

from app.io.session import Session, SessionError, load_session
from app.paths import RESOURCES

__all__ = ["EXAMPLES_DIR", "example_names", "example_title", "load_example"]

EXAMPLES_DIR = RESOURCES / "examples"
# The order a teacher meets them in; any other shipped file follows alphabetically.
_ORDER = ("classroom", "seed-ones", "seed-embedding", "odd-same", "causal-dilated")


def example_names() -> list[str]:
    names = sorted(p.stem for p in EXAMPLES_DIR.glob("*.json"))
    return [n for n in _ORDER if n in names] + [n for n in names if n not in _ORDER]


def example_path(name: str) -> Path:
    path = EXAMPLES_DIR / f"{name}.json"
    if name not in example_names():
        raise SessionError(f"no example named {name!r}; try one of: {', '.join(example_names())}")
    return path


def load_example(name: str) -> Session:
    return load_session(example_path(name))


def example_title(name: str, language: str = "en") -> str:
    """The example's one-line title in ``language`` (English as fallback)."""
    data = json.loads(example_path(name).read_text(encoding="utf-8"))
    title = data.get("title", {})
    if isinstance(title, str):
        return title
    return str(title.get(language) or title.get("en") or name)
