"""Read-only list tables of the desk views: one row per visit, compact, coloured cells."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ui.naming import named

__all__ = ["list_table", "table_item"]


def list_table(headers: Sequence[str], name: str) -> QTableWidget:
    """A table of whole rows that nobody edits, rows one line of text high (a day of visits
    fits on a small screen), columns as wide as their contents."""
    table = named(QTableWidget(0, len(headers)), name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def table_item(
    text: str, visit_id: str, colour: str | None = None, *, bold: bool = False
) -> QTableWidgetItem:
    """A cell carrying its visit's id (``Qt.UserRole``), in ``colour`` and bold if asked."""
    item = QTableWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, visit_id)
    if colour is not None:
        item.setForeground(QColor(colour))
    if bold:
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
    return item
