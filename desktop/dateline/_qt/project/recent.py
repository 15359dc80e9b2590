"""Recent projects, kept in QSettings (most recent first) and shown as a File submenu."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

KEY = "recentProjects"
MAX_RECENT = 8


class RecentProjects:
    def __init__(self, settings: QSettings, limit: int = MAX_RECENT):
        self.settings, self.limit = settings, limit

    def paths(self) -> list[str]:
        value = self.settings.value(KEY, [])
        if isinstance(value, str):           # QSettings (INI) gives one item as a str
            value = [value]
        return [str(p) for p in (value or []) if p]

    def add(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        self._store([path] + [p for p in self.paths() if p != path])

    def remove(self, path: str | Path) -> None:
        self._store([p for p in self.paths() if p != str(path)])

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[str]) -> None:
        self.settings.setValue(KEY, paths[: self.limit])
        self.settings.sync()

    def fill_menu(self, menu: QMenu, open_path: Callable[[str], None]) -> None:
        """The menu's entries: one per recent project (missing files greyed out)."""
        menu.clear()
        paths = self.paths()
        for n, path in enumerate(paths, start=1):
            name = Path(path).name.replace("&", "&&")   # a literal "&", not a mnemonic
            action = menu.addAction(f"&{n} {name}" if n < 10 else name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setEnabled(Path(path).is_file())
            action.triggered.connect(lambda _=False, p=path: open_path(p))
        if paths:
            menu.addSeparator()
            menu.addAction("Clear Recent Projects", self.clear)
        else:
            menu.addAction("No recent projects").setEnabled(False)
