"""The code panel: the current picture as a runnable Keras, PyTorch or NumPy script, with copy buttons.

It shows :func:`app.io.codegen_transpose.generate_script` (Conv1D or Conv1DTranspose) for
``state.to_session()``; the script
rebuilds the layer with the exact weights, runs the input, and checks its output
against the one in the picture.  Comments come in the UI language.  The text is
regenerated (debounced) when the layer, the arrays or the language change, and
only while the panel is visible.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import languages
from app.i18n.messages import error_hint, last_valid_setting_text
from app.state.explorer import ExplorerState
from app.state.settings import app_settings
from conv_core import ConvError

__all__ = ["FRAMEWORKS", "CodePanel", "dock_code_panel"]

FRAMEWORKS = ("keras", "pytorch", "numpy")
_LABELS = {"keras": "Keras", "pytorch": "PyTorch", "numpy": "NumPy"}


class _CodeTab(QWidget):
    def __init__(self, framework: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.framework = framework
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.copy_button = QPushButton()
        self.copy_button.setObjectName(f"copy_{framework}")
        row.addWidget(self.copy_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName(f"code_{framework}")
        self.editor.setReadOnly(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.editor.setFont(languages.with_cjk_fallback(mono))
        layout.addWidget(self.editor, 1)


class CodePanel(QDockWidget):
    """A dock with one tab per framework; each tab has its own Copy button."""

    def __init__(
        self, state: ExplorerState, parent: QWidget | None = None, *, debounce_ms: int = 150
    ) -> None:
        super().__init__(parent)
        self.setObjectName("code_panel")
        self.state = state
        self.toggle_action: QAction | None = None  # View > Code, set by dock_code_panel
        self._last_good: dict[tuple[str, str], str] = {}  # (framework, layer kind) -> the last valid script
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        self.intro = QLabel()
        self.intro.setObjectName("code_intro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("code_tabs")
        self.code_tabs: dict[str, _CodeTab] = {}
        for fw in FRAMEWORKS:
            tab = _CodeTab(fw)
            tab.copy_button.clicked.connect(lambda _=False, f=fw: self.copy(f))
            self.tabs.addTab(tab, _LABELS[fw])  # product names: never translated
            self.code_tabs[fw] = tab
        layout.addWidget(self.tabs, 1)
        self.status = QLabel()
        self.status.setObjectName("code_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.setWidget(body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.refresh)
        self._copied_timer = QTimer(self)
        self._copied_timer.setSingleShot(True)
        self._copied_timer.setInterval(1500)
        self._copied_timer.timeout.connect(self._reset_copy_texts)
        self.tabs.currentChanged.connect(lambda _i: self.schedule())
        self.visibilityChanged.connect(self._on_visibility_changed)
        for sig in (state.traceChanged, state.transposeChanged, state.settingsChanged, state.errorChanged,
                    state.sessionLoaded, state.viewChanged):
            sig.connect(self.schedule)
        self.retranslate()

    # ----------------------------------------------------------------- texts
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Code"))
        self.setToolTip(self.tr("This picture as a script you can run."))
        self.intro.setText(
            self.tr(
                "A runnable script that rebuilds this layer with its exact weights, runs the "
                "input and checks the result against the picture (prints OK)."
            )
        )
        self.tabs.setToolTip(self.tr("Choose the framework: Keras 3, PyTorch or plain NumPy."))
        for fw, tab in self.code_tabs.items():
            self.tabs.setTabToolTip(
                self.tabs.indexOf(tab), self.tr("The script for {framework}").format(framework=_LABELS[fw])
            )
            tab.editor.setToolTip(self.tr("Read-only; select text or use Copy."))
        self._reset_copy_texts()
        self.schedule()

    def _reset_copy_texts(self) -> None:
        for fw, tab in self.code_tabs.items():
            tab.copy_button.setText(self.tr("Copy {framework} code").format(framework=_LABELS[fw]))
            tab.copy_button.setToolTip(
                self.tr("Copy the whole {framework} script to the clipboard.").format(framework=_LABELS[fw])
            )

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------- content
    @property
    def framework(self) -> str:
        return FRAMEWORKS[self.tabs.currentIndex()]

    def code(self, framework: str | None = None) -> str:
        return self.code_tabs[framework or self.framework].editor.toPlainText()

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.refresh()

    def schedule(self, *_: object) -> None:
        if self.isVisible():
            self._timer.start()

    def generate(self, framework: str) -> str:
        """The script for ``framework``; raises ConvError/ValueError when the setting is invalid."""
        from app.io.codegen_transpose import generate_script

        self.state.flush()
        return generate_script(
            self.state.to_session(),
            framework,
            language=languages.current_language(),
            translate=QCoreApplication.translate,  # the catalogue of the UI language
        )

    def refresh(self) -> None:
        """Regenerate the visible tab now (the others follow when shown)."""
        self._timer.stop()
        fw = self.framework
        tab = self.code_tabs[fw]
        error = self.state.error
        text: str
        if error is not None:
            text = self._invalid_text(error, fw)
            # the sentence every view shows ("showing the last valid setting: kernel_size=3")
            self.status.setText(last_valid_setting_text(self.state) or self.tr("No code for this setting."))
        else:
            try:
                text = self.generate(fw)
            except (ConvError, ValueError, TypeError, KeyError) as exc:
                text = self._invalid_text(exc, fw)
                self.status.setText(self.tr("No code for this setting."))
            else:
                self._last_good[(fw, self.state.layer_kind)] = text
                self.status.setText("")
        if tab.editor.toPlainText() != text:
            bar = tab.editor.verticalScrollBar()
            pos = bar.value()
            tab.editor.setPlainText(text)
            bar.setValue(pos)

    def _invalid_text(self, error: BaseException, fw: str) -> str:
        lines = ["# " + self.tr("Keras would stop here:")]
        if isinstance(error, ConvError):
            lines += ["#   " + line for line in error.keras.splitlines()]
            lines.append("# " + self.tr("Fix:") + " " + error_hint(error))
        else:
            lines.append("#   " + str(error))
        previous = self._last_good.get((fw, self.state.layer_kind))
        if previous:
            lines += ["", previous]
        return "\n".join(lines)

    def copy(self, framework: str | None = None) -> str:
        """Put the script on the clipboard and say so on the button."""
        fw = framework or self.framework
        if self._timer.isActive() and fw == self.framework:
            self.refresh()
        text = self.code(fw)
        QGuiApplication.clipboard().setText(text)
        button = self.code_tabs[fw].copy_button
        button.setText(self.tr("Copied ✓"))
        self._copied_timer.start()
        return text


SETTINGS_KEY = "ui/code_panel_visible"


def dock_code_panel(window: QMainWindow, state: ExplorerState, view_menu: QMenu) -> CodePanel:
    """A right-hand dock, hidden until View > Code (Ctrl+Shift+K) opens it; the choice is remembered.

    Hidden by default because the diagram needs the width; the layer panel already
    shows the Keras one-liner.
    """
    panel = CodePanel(state, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    panel.setVisible(bool(app_settings().value(SETTINGS_KEY, False, type=bool)))
    act = panel.toggleViewAction()
    act.setObjectName("toggle_code_panel")
    act.setShortcut("Ctrl+Shift+K")
    act.triggered.connect(lambda on: app_settings().setValue(SETTINGS_KEY, bool(on)))  # user choice only
    window.addAction(act)
    view_menu.addAction(act)
    panel.toggle_action = act
    return panel
