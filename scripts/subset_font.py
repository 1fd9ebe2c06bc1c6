#!/usr/bin/env python3
"""Build the bundled CJK font subset: resources/fonts/NotoSansCJKsc-Conv1D-Subset.otf.

A build step, not a runtime dependency: it needs ``fonttools`` (``pip install fonttools``)
and the full Noto Sans CJK font, which it takes from (first found):

1. ``--source FILE`` (a NotoSansCJK-Regular.ttc / NotoSansCJKsc-Regular.otf);
2. ``/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc`` (Debian/Ubuntu ``fonts-noto-cjk``);
3. a Debian package fetched with ``apt-get download fonts-noto-cjk`` (no root needed)
   and unpacked with ``dpkg-deb -x`` into a temporary folder.

The subset keeps Latin (ASCII), CJK and full-width punctuation, the 3,755 level-1
characters of GB 2312 (common Simplified Chinese), the 5,401 level-1 characters of
Big5 (common Traditional Chinese), and every character used by the translations
(``resources/i18n/*.ts``), the examples and the app's source (code comments the code
panel shows).  The result is about 3 MB.  The font is licensed under the SIL Open
Font License 1.1 (``resources/fonts/OFL.txt``); see docs/i18n.md.

Rerun after translations change: ``python scripts/subset_font.py``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts" / "NotoSansCJKsc-Conv1D-Subset.otf"
FAMILY = "Noto Sans CJK SC Conv1D Subset"
SYSTEM_TTC = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SC_INDEX = 2  # face number of "Noto Sans CJK SC" inside NotoSansCJK-Regular.ttc

EXTRA_RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 (×, ·, °)
    (0x2010, 0x2027),  # dashes, quotes, ellipsis, bullet
    (0x2190, 0x21FF),  # arrows (→)
    (0x2200, 0x22FF),  # maths operators (≤, ≥, ×)
    (0x2460, 0x24FF),  # enclosed numbers
    (0x25A0, 0x25FF),  # geometric shapes (▶, ■)
    (0x3000, 0x303F),  # CJK punctuation
    (0xFF01, 0xFF5E),  # full-width forms
)


def _double_byte(encoding: str, lead: range, trail: list[int]) -> set[str]:
    out: set[str] = set()
    for hi in lead:
        for lo in trail:
            try:
                ch = bytes([hi, lo]).decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\u4e00" <= ch <= "\u9fff":
                out.add(ch)
    return out


def common_hanzi() -> set[str]:
    """GB 2312 level 1 (rows 16-55) and Big5 level 1 (0xA440-0xC67E)."""
    gb = _double_byte("gb2312", range(0xB0, 0xD8), list(range(0xA1, 0xFF)))
    big5 = _double_byte("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
    return gb | big5


def project_characters() -> set[str]:
    chars: set[str] = set()
    patterns = ("resources/i18n/*.ts", "resources/examples/*.json", "app/**/*.py", "docs/*.md", "README.md")
    for pattern in patterns:
        for path in ROOT.glob(pattern):
            chars |= set(path.read_text(encoding="utf-8"))
    return {c for c in chars if ord(c) >= 0x80}


def character_set() -> set[str]:
    chars = common_hanzi() | project_characters()
    for lo, hi in EXTRA_RANGES:
        chars |= {chr(c) for c in range(lo, hi + 1)}
    return chars


def _find_source(explicit: str | None, tmp: Path) -> tuple[Path, int]:
    if explicit:
        path = Path(explicit)
        return path, (SC_INDEX if path.suffix.lower() == ".ttc" else 0)
    if SYSTEM_TTC.exists():
        return SYSTEM_TTC, SC_INDEX
    print("subset_font: fetching fonts-noto-cjk with apt-get download ...", file=sys.stderr)
    subprocess.run(["apt-get", "download", "fonts-noto-cjk"], cwd=tmp, check=True)
    deb = next(tmp.glob("fonts-noto-cjk_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp / "x")], check=True)
    return tmp / "x" / SYSTEM_TTC.relative_to("/"), SC_INDEX


def build(source: Path, index: int, out: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(source), fontNumber=index)
    options = subset.Options()
    options.name_IDs = ["*"]  # keep copyright, licence and URL records
    options.name_languages = ["*"]
    options.hinting = False
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    chars = character_set()
    subsetter.populate(unicodes=sorted(ord(c) for c in chars))
    subsetter.subset(font)
    # A modified font gets its own family name (OFL §3 courtesy, and no clash with an
    # installed full Noto Sans CJK SC).
    name = font["name"]
    for record in list(name.names):
        if record.nameID in (1, 4, 16):
            name.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            name.setName(FAMILY.replace(" ", ""), 6, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            name.setName(f"{FAMILY};subset", 3, record.platformID, record.platEncID, record.langID)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))
    print(f"{out.relative_to(ROOT)}: {len(chars)} characters, {out.stat().st_size / 1e6:.2f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", help="a NotoSansCJK-Regular.ttc or NotoSansCJKsc-Regular.otf")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        source, index = _find_source(args.source, Path(tmp))
        build(source, index, Path(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
