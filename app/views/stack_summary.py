"""The stack window's summary table as a Qt model: one row per layer, as ``model.summary()`` prints it.

The window turns each ``LayerRow`` into a :class:`SummaryRow` (translated texts
and tooltip); this model only serves them to a ``QTableView``, so the table
updates by resetting the model, never by rebuilding widgets.  A model with
branches, merges or several inputs gets Keras's "Connected to" column (the
sixth); a chain has five columns, as Keras prints no such column for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.views.colors import TEXT_ON_PALE, Theme

__all__ = ["CONNECTED_COLUMN", "SUMMARY_COLUMNS", "SummaryModel", "SummaryRow"]

SUMMARY_COLUMNS = 5  # layer (type), output shape, param #, receptive field, jump
CONNECTED_COLUMN = 5  # "Connected to", shown for graphs only
_NUMERIC = (2, 3, 4)  # param #, receptive field and jump are right-aligned

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SummaryRow:
    """One layer's line: the cell texts (five, or six with "Connected to"), its tooltip and whether Keras
    refused it."""

    cells: tuple[str, ...]
    tip: str = ""
    failed: bool = False


class SummaryModel(QAbstractTableModel):
    """Read-only rows of the stack summary; a refused layer's row is tinted with the theme's error fill."""

    def __init__(self, theme: Theme, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SummaryRow] = []
        self._headers: list[str] = [""] * SUMMARY_COLUMNS
        self._columns = SUMMARY_COLUMNS
        self.theme = theme

    # ------------------------------------------------------------------ filling
    def set_rows(self, rows: list[SummaryRow], columns: int = SUMMARY_COLUMNS) -> None:
        """Replace every row; ``columns`` is 5, or 6 with "Connected to"."""
        self.beginResetModel()
        self._rows = list(rows)
        self._columns = columns
        self.endResetModel()

    def set_headers(self, headers: list[str]) -> None:
        """Every header, "Connected to" included (shown only with six columns)."""
        self._headers = list(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self._columns - 1)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self._columns - 1))

    def rows(self) -> list[SummaryRow]:
        return list(self._rows)

    # ------------------------------------------------------------------ QAbstractTableModel
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column] if column < len(row.cells) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tip or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if row.failed and role == Qt.ItemDataRole.BackgroundRole:
            return QColor(self.theme.error_fill)
        if row.failed and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(TEXT_ON_PALE)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < min(self._columns, len(self._headers)) else None
        return None
