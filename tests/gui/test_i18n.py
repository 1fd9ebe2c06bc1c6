"""Translations are complete and fresh, the language switches at runtime, Chinese renders (bundled font)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QImage, QPainter

from app.i18n import languages
from app.state.settings import app_settings

ROOT = Path(__file__).resolve().parents[2]

sys.path.insert(0, str(ROOT / "scripts"))
import update_translations as ut  # noqa: E402  (a script, found through sys.path)

ZH = ("zh_CN", "zh_TW")
CATALOGUES = ("en", *ZH)  # English's holds the plural forms of the %n strings


@cache
def ts_catalog(lang: str) -> dict[tuple[str, str], str]:
    """``(context, source) -> translation`` of the finished entries of the shipped .ts file."""
    out: dict[tuple[str, str], str] = {}
    for context in ET.parse(languages.ts_path(lang)).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished"):
                out[(name, message.findtext("source") or "")] = "\n".join(ut.forms(tr))  # plural forms too
    return out


@pytest.fixture
def english_after(qtbot):
    yield
    languages.set_language("en")


# ------------------------------------------------------------------ catalogues
@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory):
    """The shipped .ts merged with the strings the code uses right now (what lupdate would write)."""
    tmp = tmp_path_factory.mktemp("ts")
    out = {}
    for lang in CATALOGUES:
        path = tmp / ut.ts_file(lang).name
        shutil.copy(ut.ts_file(lang), path)
        ut.lupdate(path, lang)
        out[lang] = path
    return out


@pytest.mark.parametrize("lang", CATALOGUES)
def test_every_string_the_code_uses_is_translated(fresh_ts, lang):
    todo = ut.unfinished(fresh_ts[lang])
    assert todo == [], f"{len(todo)} untranslated in {lang} (run scripts/update_translations.py): {todo[:5]}"


@pytest.mark.parametrize("lang", CATALOGUES)
def test_shipped_ts_has_no_unfinished_or_obsolete_entries(lang):
    text = ut.ts_file(lang).read_text(encoding="utf-8")
    for marker in ('type="unfinished"', 'type="obsolete"', 'type="vanished"'):
        assert marker not in text


@pytest.mark.parametrize("lang", CATALOGUES)
def test_qm_is_compiled_from_the_current_ts(tmp_path, lang):
    qm = tmp_path / "fresh.qm"
    ut.lrelease(ut.ts_file(lang), qm)
    assert ut.qm_file(lang).read_bytes() == qm.read_bytes(), "stale .qm: run scripts/update_translations.py"


def _fields(text: str) -> list[str]:
    return sorted(re.findall(r"\{[^{}]*\}", text))


@pytest.mark.parametrize("lang", ZH)
def test_translations_keep_placeholders_mnemonics_and_keras_names(lang):
    for (ctx, source), text in ts_catalog(lang).items():
        assert _fields(source) == _fields(text), (ctx, source, text)
        assert ("&" in source.replace("&&", "")) == ("&" in text.replace("&&", "")), (ctx, source, text)
        code_names = re.findall(r"\b(?:kernel_size|dilation_rate|use_bias|data_format|channels_(?:last|first)"
                                r"|(?:filters|strides|padding|groups|activation)(?==))", source)
        for name in code_names:
            assert name in text, f"Keras name {name!r} must stay untranslated: {source!r} -> {text!r}"


# Characters that exist only in one script: a zh_TW text must not use the simplified
# ones and a zh_CN text not the traditional ones.
_SIMPLIFIED = set("过滤输设层数据这个为时显击选择图动开关复维长宽滑窗边补组偏置运释错误读写")
_TRADITIONAL = set("過濾輸設層數據這個為時顯擊選擇圖動開關複維長寬滑窗邊補組偏置運釋錯誤讀寫")


def test_each_chinese_catalogue_stays_in_its_own_script():
    shared = _SIMPLIFIED & _TRADITIONAL
    for lang, forbidden in (("zh_CN", _TRADITIONAL - shared), ("zh_TW", _SIMPLIFIED - shared)):
        for (ctx, _source), text in ts_catalog(lang).items():
            text = text.replace("简体中文", "").replace("繁體中文", "")
            wrong = sorted(set(text) & forbidden)
            assert not wrong, f"{lang} {ctx}: {wrong} in {text!r}"


def test_terminology_follows_the_chinese_keras_docs():
    """filter / stride / padding / dilation / channel / batch use one word each, per script."""
    words = {
        "zh_CN": {"filter": "过滤器", "stride": "步长", "padding": "填充", "dilation": "膨胀率",
                  "channel": "通道", "batch": "批量"},
        "zh_TW": {"filter": "過濾器", "stride": "步長", "padding": "填充", "dilation": "膨脹率",
                  "channel": "通道", "batch": "批次"},
    }
    for lang, table in words.items():
        catalog = ts_catalog(lang)
        for english, word in table.items():
            uses = [t for (_, s), t in catalog.items()
                    if re.search(rf"\b{english}", re.sub(r"\w+_\w+|\w+=", "", s), re.I)]
            assert uses, english
            hits = sum(word in t or english in t for t in uses)
            assert hits >= 0.6 * len(uses), (lang, english, word, [t for t in uses if word not in t][:5])


def test_every_conv_core_error_code_has_a_translatable_hint():
    from app.i18n.messages import HINTS

    codes = set()
    for path in (ROOT / "conv_core").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "code" and isinstance(node.value, ast.Constant):
                codes.add(node.value.value)
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                    and any(getattr(t, "id", "") == "code" for t in node.targets)):
                codes.add(node.value.value)
    assert codes and codes <= set(HINTS), sorted(codes - set(HINTS))


def test_the_keras2_channel_axis_hint_is_translated(qtbot, english_after):
    from app.i18n.messages import error_hint
    from conv_core import Conv1DSpec, ConvError
    from conv_core.spec import check_conv_input

    with pytest.raises(ConvError) as info:
        check_conv_input(Conv1DSpec(filters=1, kernel_size=3), (1, 56))
    english = error_hint(info.value)
    assert "x.reshape(1, 56, 1)" in english and "Input((56, 1))" in english
    assert "expected conv1d_1_input to have 3 dimensions, but got array with shape (1, 56)" in english
    assert languages.set_language("zh_CN")
    chinese = error_hint(info.value)
    assert chinese != english and "通道" in chinese
    assert "x.reshape(1, 56, 1)" in chinese and "Input((56, 1))" in chinese


# ------------------------------------------------------------------ languages
def test_marked_strings_of_qt_free_code_are_in_the_catalogue(tmp_path):
    """app/io marks text with N_(context, text); the script extracts it, so lupdate keeps it translated."""
    marked = ut.marked()
    assert ("Codegen", "Run the layer.") in marked and len(marked) >= 70
    for lang in ZH:
        catalog = ts_catalog(lang)
        assert [m for m in marked if m not in catalog] == [], lang
    assert languages.translator("zh_TW")("Codegen", "Run the layer.") == "執行該層。"
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "bad.py").write_text("from app.io.translatable import N_\nX = N_('Codegen', name)\n")
    with pytest.raises(SystemExit, match=r"bad\.py:2"):
        ut.marked(tmp_path)


def test_parser_hints_are_translated_from_their_code_not_their_english(qtbot, english_after):
    """keras_code names why a layer is unreadable (hint_code); the hint comes from the catalogue."""
    import conv_core.stack as st
    from app.i18n.messages import error_hint
    from app.io.keras_code import parse_keras
    from conv_core import ConvError

    src = (
        "from keras import layers, models\n"
        "model = models.Sequential([layers.Input((20, 4)), layers.Conv1D(filters=n, kernel_size=3),\n"
        "                           layers.Dense(), layers.Conv2D(4, 3)])\n"
    )
    errors = []
    for layer in parse_keras(src).models[0].layers:
        assert isinstance(layer, st.UnsupportedLayer)
        with pytest.raises(ConvError) as info:
            layer.infer((None, 20, 4), "layer")
        errors.append(info.value)
    english = [error_hint(e) for e in errors]
    assert english == [
        "Write filters as a number or string, or define it earlier in the snippet (e.g. filters = ...).",
        "Give units, e.g. Dense(1).",
        "Its output shape and parameters are unknown, and so are those of the layers after it.",
    ]
    assert languages.set_language("zh_CN")
    chinese = [error_hint(e) for e in errors]
    for en, zh in zip(english, chinese, strict=True):
        assert zh != en and re.search(r"[\u4e00-\u9fff]", zh), zh
    assert "filters" in chinese[0] and "Dense(1)" in chinese[1]


def test_normalize_and_startup_language(monkeypatch):
    assert languages.normalize_language("zh-Hant") == "zh_TW"
    assert languages.normalize_language("zh_CN.UTF-8") == "zh_CN"
    assert languages.startup_language("zh_TW") == "zh_TW"
    languages.remember_language("zh_CN")
    assert languages.startup_language(None) == "zh_CN"
    app_settings().remove(languages.SETTINGS_KEY)
    assert languages.startup_language(None) == languages.system_language()


def _lang_menu(window):
    return window.language_menu


def test_switching_language_updates_visible_labels(window, english_after):
    menu = _lang_menu(window)
    window.state.flush()
    assert window.file_menu.title() == "&File"
    tip = window.layer_panel.arg_widgets["strides"].toolTip()
    assert menu.switch("zh_CN")
    assert window.file_menu.title() != "&File" and "文件" in window.file_menu.title()
    assert "Conv1D Explorer" in window.windowTitle()  # the product name stays
    assert "步长" in window.layer_panel.arg_widgets["strides"].toolTip() != tip
    assert "语言" in menu.menu.title()
    classroom = window.classroom
    assert "课堂" in classroom.classroom_action.text()
    title = window.diagram.input_panel.plot.titleLabel.text
    assert "输入" in title
    assert window.state.view.language == "zh_CN"
    assert languages.saved_language() == "zh_CN"  # remembered
    assert menu.actions["zh_CN"].isChecked()

    assert menu.switch("zh_TW")
    assert "檔案" in window.file_menu.title()
    assert "步長" in window.layer_panel.arg_widgets["strides"].toolTip()
    assert "輸入" in window.diagram.input_panel.plot.titleLabel.text
    assert menu.switch("en")
    assert window.file_menu.title() == "&File"
    assert window.layer_panel.arg_widgets["strides"].toolTip() == tip
    assert "課堂" not in classroom.classroom_action.text()


def test_language_menu_names_each_language_in_itself(window, english_after):
    menu = _lang_menu(window)
    assert [a.text() for a in menu.actions.values()] == ["English", "简体中文", "繁體中文"]
    menu.switch("zh_TW", remember=False)
    assert [a.text() for a in menu.actions.values()] == ["English", "简体中文", "繁體中文"]


def _menu_actions(window):
    """Every action reachable from the menu bar (submenus included), with the menu it sits in."""
    out = []
    todo = [window.menuBar()]
    while todo:
        widget = todo.pop()
        for act in widget.actions():
            if act.isSeparator():
                continue
            out.append(act)
            if act.menu() is not None:
                todo.append(act.menu())
    return out


def _sources(text: str) -> list[tuple[str, str]]:
    """The catalogue entries whose English source is ``text``."""
    return [key for key in ts_catalog("zh_CN") if key[1] == text]


def test_runtime_switch_retranslates_menus_layer_panel_and_side_panels(window, english_after):
    """en -> zh_CN -> zh_TW -> en: every text is its source translated by the active translator.

    The English texts are the sources; each widget re-sets its own texts on
    ``LanguageChange`` (no lookup of shown texts), so each must equal
    ``QCoreApplication.translate(context, source)`` for its own context in each language.
    """
    from PySide6.QtCore import QCoreApplication

    from app.io.examples import example_title

    ed, lp = window.editing, window.layer_panel
    window.state.flush()
    # Texts made with format(): (action, context, source, fields).
    formatted = {id(a): ("EditingController", "every bias = {v}", {"v": f"{v:g}"}) for v, a in ed.bias_actions.items()}
    formatted[id(ed.seed_action)] = ("EditingController", "Seed for random fills: {seed}…", {"seed": ed.seed})
    examples = {id(a): a.data() for a in window.examples_menu.actions()}
    names = {id(a) for a in window.language_menu.actions.values()}  # each language named in itself

    def owner(obj, text):
        """(context, source) of a shown English text: the one entry with that source in the object's class."""
        keys = _sources(text)
        assert keys, f"{text!r} is not a source in the catalogue"
        if len(keys) > 1:
            o, classes = obj, set()
            while o is not None:
                classes.update(c.__name__ for c in type(o).__mro__)
                o = o.parent()
            keys = [k for k in keys if k[0] in classes] or keys
            assert len({QCoreApplication.translate(*k) for k in keys}) == 1, (text, keys)
        return keys[0]

    actions = _menu_actions(window)
    plain = [a for a in actions if id(a) not in formatted and id(a) not in examples and id(a) not in names]
    menu_sources = {id(a): owner(a.menu() or a, a.text()) for a in plain}
    assert len(menu_sources) >= 40
    layer_texts = []  # (getter, (context, source))
    for name, label in lp.labels.items():
        widget = {**lp.arg_widgets, **lp.shape_widgets}[name]
        layer_texts.append((label.toolTip, ("LayerPanel", label.toolTip())))
        layer_texts.append((widget.toolTip, ("LayerPanel", widget.toolTip())))
    layer_texts += [
        (lp.labels["sample"].text, ("LayerPanel", "show sample")),
        (lp.layer_box.title, ("LayerPanel", "Conv1D layer")),
        (lp.input_box.title, ("LayerPanel", "Input shape (batch, steps, channels)")),
        (lp.code_label.toolTip, ("LayerPanel", "The layer as Keras code; select to copy.")),
    ]
    math, shapes = window.inspect.math_panel, window.inspect.shapes_panel
    cell = re.fullmatch(r"Arithmetic of y\[(\d+), (\d+), (\d+)\] \(current position\)", math.title.text())
    assert cell, math.title.text()
    export = window.diagram.scene().contextMenu[0]

    def check(lang: str) -> None:
        assert languages.current_language() == lang
        for act in plain:
            shown = act.menu().title() if act.menu() is not None else act.text()
            assert shown == QCoreApplication.translate(*menu_sources[id(act)]), (lang, menu_sources[id(act)])
        for act in actions:
            if id(act) in formatted:
                ctx, source, fields = formatted[id(act)]
                assert act.text() == QCoreApplication.translate(ctx, source).format(**fields)
            elif id(act) in examples:
                name = examples[id(act)]
                assert act.text() == f"{name} — {example_title(name, lang)}"
        for getter, key in layer_texts:
            assert getter() == QCoreApplication.translate(*key), (lang, key)
        assert shapes.title.text() == QCoreApplication.translate("ShapesPanel", "Shapes")
        assert math.symbols.text() == QCoreApplication.translate("MathPanel", "symbols")
        n, t, f = cell.groups()
        why = QCoreApplication.translate("MathPanel", "current position")
        assert math.title.text() == QCoreApplication.translate(
            "MathPanel", "Arithmetic of y[{n}, {t}, {f}] ({why})"
        ).format(n=n, t=t, f=f, why=why)
        assert export.text() == QCoreApplication.translate("GraphicsScene", "Export...")

    check("en")
    for lang in ("zh_CN", "zh_TW", "en"):
        before = [a.text() for a in plain]
        assert window.language_menu.switch(lang, remember=False)
        check(lang)
        assert [a.text() for a in plain] != before  # really switched (no text is the same in all three)
        if lang != "en":
            assert re.search(r"[\u4e00-\u9fff]", window.file_menu.title())


def test_pyqtgraph_export_entry_follows_the_language_in_every_plot(window, english_after):
    """pyqtgraph makes its scene's "Export..." once; the window re-sets it in every plot, child windows too."""
    import pyqtgraph as pg
    from PySide6.QtCore import QCoreApplication

    window.stack_actions.open_stack()
    views = window.findChildren(pg.GraphicsView)
    assert len(views) >= 2  # the diagram and the layer stack's canvas
    for lang in ("zh_CN", "zh_TW", "en"):
        assert window.language_menu.switch(lang, remember=False)
        expected = QCoreApplication.translate("GraphicsScene", "Export...")
        assert lang == "en" or expected != "Export..."
        assert [view.scene().contextMenu[0].text() for view in views] == [expected] * len(views)


def test_undo_and_redo_actions_follow_the_language(window, english_after):
    from PySide6.QtCore import QCoreApplication

    ed = window.editing
    assert ed.undo_action.text() == "Undo" and not ed.undo_action.isEnabled()
    assert ed.fill_bias(1.0) is None
    done = ed.undo_stack.undoText()
    assert ed.undo_action.text() == f"Undo {done}" and ed.undo_action.isEnabled()
    assert window.language_menu.switch("zh_CN", remember=False)
    assert ed.undo_action.text() == QCoreApplication.translate("EditingController", "Undo") + f" {done}"
    ed.undo_action.trigger()
    assert ed.redo_action.isEnabled() and not ed.undo_action.isEnabled()
    assert ed.undo_action.text() == QCoreApplication.translate("EditingController", "Undo")
    assert ed.redo_action.text().startswith(QCoreApplication.translate("EditingController", "Redo") + " ")


# ------------------------------------------------------------------ the bundled font
def _render(text: str, font: QFont) -> np.ndarray:
    img = QImage(240, 48, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setFont(font)
    p.setPen(QColor("black"))
    p.drawText(4, 36, text)
    p.end()
    return np.frombuffer(img.constBits(), np.uint8).reshape(48, 240, 4).copy()


def test_bundled_font_is_ofl_small_and_loaded(qtbot):
    assert languages.FONT_PATH.exists() and languages.FONT_PATH.stat().st_size < 6_000_000
    assert "SIL OPEN FONT LICENSE" in (languages.FONT_PATH.parent / "OFL.txt").read_text(encoding="utf-8").upper()
    family = languages.load_bundled_font()
    assert family == languages.FONT_FAMILY
    assert family in QFontDatabase.families()


def test_every_translated_character_is_in_the_bundled_font(qtbot):
    family = languages.load_bundled_font()
    metrics = QFontMetrics(QFont(family))
    chars = {c for lang in ZH for text in ts_catalog(lang).values() for c in text if ord(c) > 0x2000}
    missing = sorted(c for c in chars if not metrics.inFontUcs4(ord(c)))
    assert not missing, missing


def test_chinese_is_not_tofu_in_the_default_font(qtbot):
    languages.load_bundled_font()
    font = QFont()
    chinese = _render("卷积核 過濾器", font)
    tofu = _render("\U000f0000\U000f0001\U000f0002 \U000f0003\U000f0004\U000f0005", font)
    assert (chinese < 128).any()
    assert not np.array_equal(chinese, tofu)
    assert QFontMetrics(font).inFontUcs4(ord("卷"))


def test_zh_cn_screenshot_renders_with_the_bundled_font(tmp_path):
    out = tmp_path / "zh.png"
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([sys.executable, "-m", "app", "--screenshot", str(out), "--example", "classroom",
                        "--lang", "zh_CN", "--size", "1000x700"], capture_output=True, text=True, timeout=120,
                       env=env, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert QImage(str(out)).width() == 1000


def test_bad_lang_option_exits_2(tmp_path):
    r = subprocess.run([sys.executable, "-m", "app", "--screenshot", str(tmp_path / "x.png"), "--lang", "fr"],
                       capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert r.returncode == 2 and "--lang" in r.stderr


def test_chinese_pdf_embeds_the_bundled_font(qtbot, tmp_path):
    from PySide6.QtGui import QPdfWriter

    languages.load_bundled_font()
    path = tmp_path / "zh.pdf"
    writer = QPdfWriter(str(path))
    writer.setResolution(96)
    p = QPainter(writer)
    p.setFont(QFont())
    p.drawText(100, 100, "卷积核：过滤器")
    p.end()
    data = path.read_bytes()
    assert b"NotoSansCJKSCConv1DSubset" in data.replace(b" ", b"") or b"Conv1D" in data


# ------------------------------------------------------------------ the glossary (docs/glossary.md)
def _chinese_texts() -> list[tuple[str, str, str]]:
    """(where, English, Chinese) for every catalogue entry and every example's Chinese title and text."""
    out = [(f"{lang} {ctx}", source, text) for lang in ZH for (ctx, source), text in ts_catalog(lang).items()]
    import json

    for path in sorted((ROOT / "resources" / "examples").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for field in ("title", "description"):
            value = data.get(field)
            if isinstance(value, dict):
                out += [(f"{path.name} {field}", str(value.get("en", "")), str(value[lang]))
                        for lang in ZH if lang in value]
    return out


def _without_tuples(text: str) -> str:
    """Text with every ASCII-bracketed group removed: tuples such as (批量, 步数, 通道) keep ASCII (rule 1.3)."""
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"\([^()（）]*\)", "", text)
    return text


def test_chinese_follows_the_glossary_words_and_punctuation():
    texts = _chinese_texts()
    assert len(texts) > 1000
    cjk = r"[\u3400-\u9fff]"
    for where, source, text in texts:
        assert not re.search("抽头|抽頭|步进|步進", text), (where, text)  # tap = 卷积核位置, jump = 累计步长
        if re.search(r"\bFill\b|\bfills\b", source):
            assert "填充" not in text, (where, text)  # 填充 is padding; fill = 填入
        bare = _without_tuples(text)
        assert not re.search(r"（[^）]*, [^）]*）", bare), (where, text)  # no （批量, 步数）
        assert not re.search(cjk + r"[:;,]", bare), (where, text)  # full-width ：；， after Chinese


def test_plural_entries_have_english_forms_and_one_chinese_form():
    english = ET.parse(languages.ts_path("en")).getroot()
    plurals = {m.findtext("source"): [f.text for f in m.iter("numerusform")] for m in english.iter("message")}
    assert plurals["%n filter(s)"] == ["%n filter", "%n filters"]
    assert all(len(forms) == 2 and all("%n" in f for f in forms) for forms in plurals.values()), plurals
    for lang in ZH:
        root = ET.parse(languages.ts_path(lang)).getroot()
        chinese = {m.findtext("source"): [f.text for f in m.iter("numerusform")]
                   for m in root.iter("message") if m.get("numerus") == "yes"}
        assert chinese.keys() == plurals.keys(), lang
        assert all(len(f) == 1 and "%n" in f[0] and "(s)" not in f[0] for f in chinese.values()), chinese
