"""Languages and the bundled CJK font: which language, its translators, and fonts that render it.

The UI speaks English (the source language), Simplified Chinese (``zh_CN``) and
Traditional Chinese (``zh_TW``).  Every user-visible string goes through Qt's
translation system (``self.tr`` / ``QCoreApplication.translate``); the compiled
catalogues live in ``resources/i18n/conv1d_explorer_<lang>.qm`` and are rebuilt by
``scripts/update_translations.py`` (docs/i18n.md).

Installing a translator makes Qt send ``QEvent.LanguageChange`` to every widget;
widgets re-set their texts in ``changeEvent``.  :func:`set_language` is the one
place that swaps translators.

A bare Linux has no CJK font (DESIGN.md §3), so :func:`load_bundled_font` adds
the OFL-licensed Noto Sans CJK SC subset in ``resources/fonts`` and makes it the
fallback for Han characters.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from app.io.translatable import Translate, untranslated
from app.paths import RESOURCES
from app.state.settings import app_settings

__all__ = [
    "FONT_FAMILY",
    "FONT_PATH",
    "I18N_DIR",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "current_language",
    "ensure_language",
    "load_bundled_font",
    "normalize_language",
    "offscreen",
    "qm_path",
    "remember_language",
    "saved_language",
    "set_language",
    "startup_language",
    "system_language",
    "translator",
    "ts_path",
    "with_cjk_fallback",
]

LANGUAGES = ("en", "zh_CN", "zh_TW")
# Each language named in itself, so a reader can find theirs whatever the UI language is.
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文", "zh_TW": "繁體中文"}
I18N_DIR = RESOURCES / "i18n"
CATALOG = "conv1d_explorer"
FONT_PATH = RESOURCES / "fonts" / "NotoSansCJKsc-Conv1D-Subset.otf"
FONT_FAMILY = "Noto Sans CJK SC Conv1D Subset"
SETTINGS_KEY = "ui/language"

_installed: list[QTranslator] = []
_current = "en"
_font_family: str | None = None



def normalize_language(code: str | None) -> str | None:
    """``"zh-Hant"``, ``"zh_TW.UTF-8"``, ``"zh-hk"`` -> ``"zh_TW"``; ``"zh"`` -> ``"zh_CN"``; unknown -> None.

    >>> [normalize_language(c) for c in ("en_US", "zh", "zh-Hant-TW", "zh_HK", "zh_SG", "fr", None)]
    ['en', 'zh_CN', 'zh_TW', 'zh_TW', 'zh_CN', None, None]
    """
    if not code:
        return None
    c = code.split(".")[0].replace("-", "_").lower()
    if c in ("c", "posix") or c.startswith("en"):
        return "en"
    if c.startswith("zh"):
        parts = set(c.split("_")[1:])
        return "zh_TW" if parts & {"tw", "hk", "mo", "hant"} else "zh_CN"
    return None


def system_language(locale: QLocale | None = None) -> str:
    """The UI language the system locale asks for (English when it is neither Chinese nor English).

    >>> [system_language(QLocale(name)) for name in ("zh_HK", "zh_CN", "de_DE")]
    ['zh_TW', 'zh_CN', 'en']
    """
    loc = QLocale.system() if locale is None else locale
    if loc.language() == QLocale.Language.Chinese:
        traditional = loc.script() == QLocale.Script.TraditionalChineseScript or loc.territory() in (
            QLocale.Country.Taiwan,
            QLocale.Country.HongKong,
            QLocale.Country.Macau,
        )
        return "zh_TW" if traditional else "zh_CN"
    return "en"


def saved_language() -> str | None:
    value = app_settings().value(SETTINGS_KEY)
    lang = normalize_language(str(value)) if value else None
    return lang if lang in LANGUAGES else None


def remember_language(lang: str) -> None:
    settings = app_settings()
    settings.setValue(SETTINGS_KEY, lang)
    settings.sync()


def startup_language(requested: str | None = None) -> str:
    """``--lang`` first, then the remembered choice, then the system locale."""
    return normalize_language(requested) or saved_language() or system_language()


def ts_path(lang: str) -> Path:
    return I18N_DIR / f"{CATALOG}_{lang}.ts"


def qm_path(lang: str) -> Path:
    return I18N_DIR / f"{CATALOG}_{lang}.qm"


def current_language() -> str:
    return _current


def set_language(lang: str) -> bool:
    """Install the translators for ``lang`` (removing the previous ones).

    Qt then sends ``LanguageChange`` to every widget.  Returns False (and keeps
    English) when ``lang`` is unknown or its catalogue is missing.
    """
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    lang = normalize_language(lang) or "en"
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    ours = QTranslator(app)
    ok = ours.load(str(qm_path(lang)))
    if ok and lang != "en":
        # Qt's own strings (standard buttons, file dialogs), when Qt ships them.
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            QCoreApplication.installTranslator(qt)
            _installed.append(qt)
    if ok:  # English's catalogue holds only the plural forms ("%n filter" / "%n filters")
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
    elif lang != "en":
        lang = "en"
    else:
        ok = True  # English reads its source text (plurals then show "(s)")
    _current = lang
    QLocale.setDefault(QLocale(lang if lang != "en" else "en_US"))
    return ok


def ensure_language() -> None:
    """Install the current language's catalogue if nothing has yet (code that runs without
    :func:`set_language`, e.g. a command that draws a picture): English plurals need it."""
    if not _installed and QCoreApplication.instance() is not None:
        set_language(_current)


@cache
def _catalogue(lang: str) -> QTranslator | None:
    translator = QTranslator()
    return translator if translator.load(str(qm_path(lang))) else None


def translator(lang: str) -> Translate:
    """``(context, text) -> text in lang`` from the compiled catalogue, whatever the UI language is.

    For text produced in a language other than the interface's (``conv1d-explorer code
    --lang zh_TW``, which needs no QApplication).  Untranslated text stays English.

    >>> translator("zh_CN")("Codegen", "Run the layer.")
    '运行该层。'
    """
    catalogue = _catalogue(normalize_language(lang) or "en") if lang != "en" else None
    if catalogue is None:
        return untranslated

    def translate(context: str, text: str) -> str:
        return catalogue.translate(context, text) or text

    return translate


def load_bundled_font() -> str | None:
    """Register the bundled CJK subset once; make it the fallback for Han script.

    Returns the family name, or None when the font file is missing or Qt rejects it.
    """
    global _font_family
    if _font_family is not None:
        return _font_family
    if QGuiApplication.instance() is None or not FONT_PATH.exists():
        return None
    font_id = QFontDatabase.addApplicationFont(str(FONT_PATH))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    family = families[0]
    # Put it after the default family, so every QFont() (menus, pyqtgraph text, exported
    # images and PDFs) finds the glyphs even where fontconfig knows no CJK font.  The
    # first family must be a real one (QFontInfo resolves "Sans Serif" to e.g. "DejaVu
    # Sans"), or Qt would skip it and draw Latin text with the CJK font too.
    QGuiApplication.setFont(_append_family(QGuiApplication.font(), family))
    _font_family = family
    return family


def _append_family(font: QFont, family: str) -> QFont:
    out = QFont(font)
    resolved = QFontInfo(font).family()
    fams = [f for f in (resolved, *font.families()) if f and f != family]
    out.setFamilies([*dict.fromkeys(fams), family])
    return out


def with_cjk_fallback(font: QFont) -> QFont:
    """``font`` with the bundled CJK family appended (for widgets that set their own family)."""
    family = load_bundled_font()
    if family and family not in font.families():
        return _append_family(font, family)
    return font


def offscreen() -> bool:
    """True when Qt draws without a screen (tests, --screenshot, CI)."""
    app = QGuiApplication.instance()
    platform = QGuiApplication.platformName() if app is not None else os.environ.get("QT_QPA_PLATFORM", "")
    return platform in ("offscreen", "minimal")
