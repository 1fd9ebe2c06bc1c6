#!/usr/bin/env python3
"""Rebuild the translations: lupdate over the app's Qt modules, optional import, lrelease.

    python scripts/update_translations.py                 # refresh .ts from the code, compile .qm
    python scripts/update_translations.py --fill new.json # also import translations, then compile
    python scripts/update_translations.py --check         # exit 1 if anything is unfinished or stale

Steps (docs/i18n.md):

1. ``pyside6-lupdate`` scans every ``app/**/*.py`` that imports PySide6, plus the
   strings Qt-free modules mark with ``N_("Context", "text")`` (``app/io/translatable.py``,
   Qt's ``QT_TRANSLATE_NOOP`` idiom: :func:`marked` reads them with ``ast`` and hands
   them to lupdate as ``translate`` calls), and merges the strings into
   ``resources/i18n/conv1d_explorer_<lang>.ts``; strings no longer in the code are
   dropped (``-no-obsolete``); new ones arrive ``unfinished``.
2. ``--fill FILE.json`` imports translations: ``{"zh_CN": {"source": "译文", ...},
   "zh_TW": {...}}``; a key ``"Context|source"`` applies to one context only.  Only
   entries that are unfinished or empty are filled unless ``--overwrite``.  Then
   lupdate runs again to normalise the file.  (Qt Linguist, ``pyside6-linguist``,
   edits the same .ts files by hand.)
3. ``pyside6-lrelease`` compiles each .ts into the .qm the app loads.

Plurals are Qt's ``%n`` forms: ``self.tr("%n filter(s)", "", n)``.  English has a
catalogue too, ``conv1d_explorer_en.ts``, holding only those (``lupdate -pluralonly``)
with the two English forms (``%n filter`` / ``%n filters``); a Chinese entry has one
form (``%n 个过滤器``).  In ``--fill`` JSON a plural entry's value is a list of forms.

It needs only PyPI packages: PySide6-Essentials ships pyside6-lupdate and
pyside6-lrelease.  It prints the number of unfinished entries per language.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "zh_TW")
CATALOGUES = ("en", *LANGUAGES)  # English holds only the plural forms of the %n strings
CATALOG = "conv1d_explorer"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python, else on PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    if here.exists():
        return str(here)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"update_translations: pyside6-{name} not found (pip install PySide6-Essentials)")
    return found


def sources(root: Path = ROOT) -> list[Path]:
    """The app's modules that use Qt (and so Qt's tr())."""
    out = []
    for path in sorted((root / "app").rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        if "PySide6" in path.read_text(encoding="utf-8"):
            out.append(path)
    return out


MARKER = "N_"


def marked(root: Path = ROOT) -> list[tuple[str, str]]:
    """(context, text) of every ``N_("Context", "text")`` call under ``app/``, in source order.

    Both arguments must be string literals (the marker is read, never run); any other
    call of the marker stops the script with the file and line.
    """
    out: list[tuple[str, str]] = []
    for path in sorted((root / "app").rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if f"{MARKER}(" not in text:
            continue
        for node in ast.walk(ast.parse(text, str(path))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == MARKER):
                continue
            args = node.args
            if len(args) != 2 or node.keywords or not all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
            ):
                where = f"{path.relative_to(root)}:{node.lineno}"
                raise SystemExit(f"update_translations: {where}: write {MARKER}(\"Context\", \"text\") with literals")
            out.append((args[0].value, args[1].value))  # type: ignore[attr-defined]
    return out


#: Remark templates of the Keras-code reader: the English template is the 2nd argument of these calls.
TEMPLATE_CALLS = ("note", "make", "stop")
#: Pass-through functions whose template argument is a variable (its callers pass literals).
TEMPLATE_PASS_THROUGH = ("note", "stop", "add")


def templates(root: Path = ROOT) -> list[tuple[str, str]]:
    """(context, template) of the reader's remarks and the summary's notes, which the app translates.

    ``app/io/keras_code`` makes each remark from an English template (``self.note(line, "...", ...)``,
    ``Diagnostic.make(line, "...")``, ``self.stop(line, "...")``): context ``keras_code``.  The notes
    on summary rows are the values of ``NOTE_TEMPLATES`` in ``conv_core/stack/notes.py``: context
    ``stack``.  Both are read with ``ast``; a template that is not a literal stops the script with
    its file and line, as an ``N_`` call does.
    """
    out: list[tuple[str, str]] = []
    for path in sorted((root / "app" / "io" / "keras_code").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        passing = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name in TEMPLATE_PASS_THROUGH
                   for n in ast.walk(f)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in TEMPLATE_CALLS and len(node.args) >= 2):
                continue
            arg = node.args[1]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                out.append(("keras_code", arg.value))
            elif id(node) not in passing:
                where = f"{path.relative_to(root)}:{node.lineno}"
                raise SystemExit(f"update_translations: {where}: a remark's template must be a string literal")
    notes = root / "conv_core" / "stack" / "notes.py"
    if notes.exists():
        for node in ast.walk(ast.parse(notes.read_text(encoding="utf-8"), str(notes))):
            if (isinstance(node, ast.AnnAssign | ast.Assign) and isinstance(node.value, ast.Dict)
                    and "NOTE_TEMPLATES" in ast.unparse(node)[:40]):
                out += [("stack", v.value) for v in node.value.values
                        if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    return list(dict.fromkeys(out))


def marked_module(folder: Path, root: Path = ROOT) -> Path:
    """The marked strings (and the remark templates) as a module of ``QCoreApplication.translate`` calls,
    which lupdate reads."""
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    for context, text in [*marked(root), *templates(root)]:
        lines.append(
            f"QCoreApplication.translate({json.dumps(context, ensure_ascii=False)}, "
            f"{json.dumps(text, ensure_ascii=False)})"
        )
    path = folder / "marked_strings.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ts_file(lang: str, folder: Path = I18N) -> Path:
    return folder / f"{CATALOG}_{lang}.ts"


def qm_file(lang: str, folder: Path = I18N) -> Path:
    return folder / f"{CATALOG}_{lang}.qm"


def lupdate(ts: Path, lang: str, files: list[Path] | None = None) -> None:
    if files is None:
        with tempfile.TemporaryDirectory() as tmp:
            lupdate(ts, lang, [*sources(), marked_module(Path(tmp))])
        return
    ts.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        tool("lupdate"),
        "-silent",
        "-no-obsolete",
        "-locations",
        "none",
        *(["-pluralonly"] if lang == "en" else []),
        "-target-language",
        lang,
        *[str(f) for f in files],
        "-ts",
        str(ts),
    ]
    subprocess.run(cmd, check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT)


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation> element) for every message."""
    root = ET.parse(ts).getroot()
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            out.append((name, msg.findtext("source") or "", tr))
    return out


def forms(translation: ET.Element) -> list[str]:
    """The text of a translation: one item, or each ``<numerusform>`` of a plural entry."""
    numerus = translation.findall("numerusform")
    if numerus:
        return [f.text or "" for f in numerus]
    return [translation.text or ""]


def unfinished(ts: Path) -> list[tuple[str, str]]:
    return [
        (c, s)
        for c, s, tr in messages(ts)
        if tr.get("type") == "unfinished" or not all(f.strip() for f in forms(tr))
    ]


def fill(ts: Path, table: dict[str, str | list[str]], overwrite: bool = False) -> int:
    tree = ET.parse(ts)
    count = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            text = table.get(f"{name}|{source}", table.get(source))
            tr = msg.find("translation")
            assert tr is not None
            if text is None:
                continue
            if not overwrite and tr.get("type") != "unfinished" and all(f.strip() for f in forms(tr)):
                continue
            numerus = tr.findall("numerusform")
            if numerus:  # a %n entry: one form per slot lupdate made (2 in English, 1 in Chinese)
                values = [text] if isinstance(text, str) else list(text)
                for i, form in enumerate(numerus):
                    form.text = values[min(i, len(values) - 1)]
            else:
                tr.text = text if isinstance(text, str) else text[0]
            tr.attrib.pop("type", None)
            count += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return count


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Update .ts from the code and compile .qm (docs/i18n.md).")
    p.add_argument("--fill", metavar="FILE.json", help="import translations {lang: {source: text}}")
    p.add_argument("--overwrite", action="store_true", help="with --fill: replace finished translations too")
    p.add_argument("--check", action="store_true", help="change nothing; exit 1 if unfinished or stale")
    args = p.parse_args(argv)
    if args.check:
        bad = 0
        with tempfile.TemporaryDirectory() as tmp:
            for lang in CATALOGUES:
                fresh = Path(tmp) / ts_file(lang).name
                shutil.copy(ts_file(lang), fresh)
                lupdate(fresh, lang)
                todo = unfinished(fresh)
                qm = Path(tmp) / qm_file(lang).name
                lrelease(ts_file(lang), qm)
                stale = not qm_file(lang).exists() or qm.read_bytes() != qm_file(lang).read_bytes()
                print(f"{lang}: {len(todo)} unfinished{', .qm stale' if stale else ''}")
                for c, s in todo[:20]:
                    print(f"  [{c}] {s[:90]}")
                bad += len(todo) + stale
        return 1 if bad else 0
    table = json.loads(Path(args.fill).read_text(encoding="utf-8")) if args.fill else {}
    for lang in CATALOGUES:
        ts = ts_file(lang)
        lupdate(ts, lang)
        if lang in table:
            n = fill(ts, table[lang], overwrite=args.overwrite)
            lupdate(ts, lang)  # normalise the file lupdate's way
            print(f"{lang}: imported {n} translation(s)")
        lrelease(ts, qm_file(lang))
        todo = unfinished(ts)
        print(
            f"{lang}: {len(messages(ts))} strings, {len(todo)} unfinished"
            f" -> {qm_file(lang).relative_to(ROOT)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
