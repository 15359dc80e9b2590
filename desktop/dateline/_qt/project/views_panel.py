"""The saved views dock: a list of named snapshots, and Previous/Next to step through them.

The panel only shows names and asks, through signals, for a view to be saved, shown,
renamed or removed; the project controller owns the views themselves.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ViewsPanel(QWidget):
    save_requested = Signal(str)          # name for a snapshot of the current view
    show_requested = Signal(int)          # index of the view to return to
    rename_requested = Signal(int, str)
    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("savedViewsList")
        self.list.itemActivated.connect(lambda item: self.show_view(self.list.row(item)))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.hint = QLabel("No saved views. Set up the map, timeline and filters, then "
                           "“Save view” to come back to it or to tell a story step by step.")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton("Save view…")
        self.save_button.clicked.connect(self.ask_save)
        self.prev_button = QPushButton("◀ Previous")
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QPushButton("Next ▶")
        self.next_button.clicked.connect(lambda: self.step(+1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.set_names([])

    def set_names(self, names: list[str], current: int | None = None) -> None:
        """Show the views' names (in narrative order); ``current`` stays highlighted."""
        self.list.blockSignals(True)
        self.list.clear()
        for i, name in enumerate(names):
            item = QListWidgetItem(f"{i + 1}. {name}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip("Double-click to return to this view")
            self.list.addItem(item)
        if current is not None and 0 <= current < len(names):
            self.list.setCurrentRow(current)
        self.list.blockSignals(False)
        self.hint.setVisible(not names)
        self._update_buttons()

    def names(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())]

    def current(self) -> int:
        return self.list.currentRow()

    def show_view(self, index: int) -> None:
        if 0 <= index < self.list.count():
            self.list.setCurrentRow(index)
            self._update_buttons()
            self.show_requested.emit(index)

    def step(self, delta: int) -> None:
        """The next (or previous) view of the narrative; from none selected, the first."""
        count = self.list.count()
        if not count:
            return
        row = self.list.currentRow()
        self.show_view(0 if row < 0 else min(max(row + delta, 0), count - 1))

    def ask_save(self) -> None:
        name, ok = QInputDialog.getText(self, "Save view", "Name of this view:",
                                        text=f"View {self.list.count() + 1}")
        if ok and name.strip():
            self.save_requested.emit(name.strip())

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        self.prev_button.setEnabled(count > 0 and row > 0)
        self.next_button.setEnabled(count > 0 and row < count - 1)

    def _menu(self, pos) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        row = self.list.row(item)
        menu = QMenu(self)
        menu.addAction("Show", lambda: self.show_view(row))
        menu.addAction("Rename…", lambda: self._rename(row))
        menu.addAction("Remove", lambda: self.remove_requested.emit(row))
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def _rename(self, row: int) -> None:
        old = self.names()[row]
        name, ok = QInputDialog.getText(self, "Rename view", "Name:", text=old)
        if ok and name.strip() and name.strip() != old:
            self.rename_requested.emit(row, name.strip())
