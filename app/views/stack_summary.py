"""The stack window's summary table as a Qt model: one row per layer, as ``model.summary()`` prints it.

The window turns each ``LayerRow`` into a :class:`SummaryRow` (translated texts
and tooltip); this model only serves them to a ``QTableView``, so the table
updates by resetting the model, never by rebuilding widgets.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.views.colors import TEXT_ON_PALE, Theme

__all__ = ["SUMMARY_COLUMNS", "SummaryModel", "SummaryRow"]

SUMMARY_COLUMNS = 5  # layer (type), output shape, param #, receptive field, jump
_NUMERIC_FROM = 2  # param #, receptive field and jump are right-aligned

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SummaryRow:
    """One layer's line: the five cell texts, its tooltip and whether Keras refused it."""

    cells: tuple[str, str, str, str, str]
    tip: str = ""
    failed: bool = False


class SummaryModel(QAbstractTableModel):
    """Read-only rows of the stack summary; a refused layer's row is tinted with the theme's error fill."""

    def __init__(self, theme: Theme, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SummaryRow] = []
        self._headers: list[str] = [""] * SUMMARY_COLUMNS
        self.theme = theme

    # ------------------------------------------------------------------ filling
    def set_rows(self, rows: list[SummaryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_headers(self, headers: list[str]) -> None:
        self._headers = list(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, SUMMARY_COLUMNS - 1)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, SUMMARY_COLUMNS - 1))

    def rows(self) -> list[SummaryRow]:
        return list(self._rows)

    # ------------------------------------------------------------------ QAbstractTableModel
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else SUMMARY_COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tip or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= _NUMERIC_FROM:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if row.failed and role == Qt.ItemDataRole.BackgroundRole:
            return QColor(self.theme.error_fill)
        if row.failed and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(TEXT_ON_PALE)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < SUMMARY_COLUMNS else None
        return None
