"""Toolbar filter widgets: actor/type/outlet menus and the search field (observe AppState)."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMenu, QToolButton, QWidget

from dateline._qt import theme
from dateline._qt.state import AppState

MAX_MENU_ITEMS = 40


class FilterButton(QToolButton):
    """A drop-down of checkable values bound to one frozenset field of the Selection."""

    def __init__(self, state: AppState, field: str, label: str, values_of, label_of=str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.state, self.field, self.label = state, field, label
        self.values_of, self.label_of = values_of, label_of
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self._fill)
        state.selection_changed.connect(lambda _: self._update_text())
        state.store_changed.connect(lambda _: self._update_text())
        self._update_text()

    def _fill(self) -> None:
        menu = self.menu()
        menu.clear()
        chosen = getattr(self.state.selection, self.field)
        clear = menu.addAction(f"All {self.label.lower()}")
        clear.triggered.connect(lambda: self.state.update(**{self.field: frozenset()}))
        menu.addSeparator()
        for value in self.values_of(self.state.store)[:MAX_MENU_ITEMS]:
            action = QAction(self.label_of(value), menu, checkable=True)
            action.setChecked(value in chosen)
            action.toggled.connect(lambda on, v=value: self._toggle(v, on))
            menu.addAction(action)

    def _toggle(self, value: str, on: bool) -> None:
        chosen = set(getattr(self.state.selection, self.field))
        chosen.add(value) if on else chosen.discard(value)
        self.state.update(**{self.field: frozenset(chosen)})

    def _update_text(self) -> None:
        chosen = getattr(self.state.selection, self.field)
        if not chosen:
            self.setText(f"{self.label}: all")
        elif len(chosen) == 1:
            self.setText(f"{self.label}: {self.label_of(next(iter(chosen)))}")
        else:
            self.setText(f"{self.label}: {len(chosen)}")
        self.setToolTip(f"Filter by {self.label.lower()}")


class StarredButton(QToolButton):
    """"★ Starred": only the items the user starred (``Selection.starred``)."""

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.setText("★ Starred")
        self.setCheckable(True)
        self.setToolTip("Show only starred events and statements")
        self.toggled.connect(lambda on: self.state.update(starred=on))
        state.selection_changed.connect(self._follow)

    def _follow(self, selection) -> None:
        if self.isChecked() != selection.starred:
            self.blockSignals(True)
            self.setChecked(selection.starred)
            self.blockSignals(False)


def make_filter_buttons(state: AppState, parent: QWidget) -> list[QToolButton]:
    return [
        FilterButton(state, "actors", "Actors", lambda s: s.actors, parent=parent),
        FilterButton(state, "types", "Types", lambda s: s.types, theme.type_label, parent),
        FilterButton(state, "outlets", "Outlets", lambda s: s.outlets, parent=parent),
        StarredButton(state, parent),
        # the tags in use on this store's items (the project's, resolved by the session)
        FilterButton(state, "tags", "Tags", lambda _store: list(state.marks.tags),
                     parent=parent),
    ]


class SearchField(QLineEdit):
    """Global search over summaries, actors, places and quotes (debounced while typing)."""

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.setPlaceholderText("Search events and quotes  (Ctrl+F)")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.apply)
        self.textChanged.connect(lambda _: self._timer.start())
        self.returnPressed.connect(self.apply)
        state.selection_changed.connect(self._follow)

    def apply(self) -> None:
        self._timer.stop()
        self.state.update(search=self.text())

    def _follow(self, selection) -> None:
        if selection.search != self.text() and not self._timer.isActive():
            self.setText(selection.search)
