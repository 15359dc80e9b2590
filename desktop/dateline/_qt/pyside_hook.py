"""Two PySide6 start-up costs avoided: the import hook's source scan, and pyqtgraph
creating every Qt class at import.

1. A cheaper answer to PySide6's per-import question "does this module use PySide6?".

Why: once PySide6 is imported, its import hook (``shibokensupport.feature``) asks that of
every module imported afterwards, by ``inspect.getsource`` (linecache, tokenize, and the
whole source kept in ``linecache`` for good). At start-up that is ~300 modules (pyqtgraph,
our views): ~3 % of the cold start. Reading the file's bytes answers the same question
(the answer is whether the text "PySide6" occurs in the source) for a fraction of the cost.

Only the answer's cost changes: anything but a readable ``.py`` file goes to PySide's own
check, and if PySide's internals are not where we expect them nothing is changed at all.

2. ``import pyqtgraph`` without creating all ~720 classes of QtCore/QtGui/QtWidgets (see
``import_pyqtgraph``).
"""
from __future__ import annotations

import sys
import types
from pathlib import Path

_MARK = "_dateline_fast_scan"


def _fast(original):
    def mod_uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as handle:
                    return b"PySide6" in handle.read()
            except OSError:
                pass
        return original(module)
    setattr(mod_uses_pyside, _MARK, True)
    mod_uses_pyside.__wrapped__ = original
    return mod_uses_pyside


def speed_up_feature_scan() -> bool:
    """Install the cheaper check (idempotent); False when PySide's hook is not there."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if not callable(original):
        return False
    if not getattr(original, _MARK, False):
        feature._mod_uses_pyside = _fast(original)
    return True


# ------------------------------------------------------------------ pyqtgraph's Qt mirrors
_QT_MODULES = ("QtCore", "QtGui", "QtWidgets")


def _lazy_mirror(name: str, source: types.ModuleType, qt_dir: Path) -> types.ModuleType:
    """A stand-in for pyqtgraph's (empty) ``pyqtgraph.Qt.<name>`` mirror module: the
    same attributes as ``source``, each looked up on first use (PEP 562) and kept."""
    mirror = types.ModuleType(f"pyqtgraph.Qt.{name}")
    mirror.__file__ = str(qt_dir / name / "__init__.py")       # as the real one's
    mirror.__path__ = [str(qt_dir / name)]
    mirror.__package__ = mirror.__name__

    def __getattr__(attr: str):
        if attr.startswith("__"):
            raise AttributeError(attr)
        value = getattr(source, attr)           # AttributeError when PySide has none
        setattr(mirror, attr, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(dir(source)) | set(mirror.__dict__))

    mirror.__getattr__ = __getattr__
    mirror.__dir__ = __dir__
    mirror._dateline_lazy = True
    return mirror


def _empty_mirrors() -> Path | None:
    """pyqtgraph's ``Qt`` folder if its mirror modules are the empty files our stand-ins
    replace, else None (another pyqtgraph version may put code there: then it is
    imported as it comes)."""
    import importlib.util
    try:
        spec = importlib.util.find_spec("pyqtgraph")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    qt = Path(list(spec.submodule_search_locations)[0]) / "Qt"
    try:
        texts = [(qt / name / "__init__.py").read_text("utf-8") for name in _QT_MODULES]
    except (OSError, UnicodeDecodeError):
        return None
    code = any(line.strip() and not line.strip().startswith("#")
               for text in texts for line in text.splitlines())
    return None if code else qt


def import_pyqtgraph():
    """``import pyqtgraph``, about 0.14 s sooner.

    Why: PySide6 creates its Python classes lazily, on first access; pyqtgraph's
    ``Qt/__init__`` copies every attribute of QtCore, QtGui and QtWidgets into its own
    mirror modules (``_copy_attrs``: ``dir()`` + ``getattr`` of each), which creates all
    of them at start-up. Here the mirrors forward each name on first use instead, so only
    the classes actually used get created; while pyqtgraph copies, ``dir()`` of the PySide
    modules lists only the classes that already exist. Every name resolves to the same
    object as before. If pyqtgraph is already imported, or the modules are not as
    expected, this is a plain ``import pyqtgraph``.
    """
    if "pyqtgraph" in sys.modules:
        return sys.modules["pyqtgraph"]
    from PySide6 import QtCore, QtGui, QtWidgets

    sources = dict(zip(_QT_MODULES, (QtCore, QtGui, QtWidgets)))
    keys = [f"pyqtgraph.Qt.{name}" for name in _QT_MODULES]
    qt_dir = None if any(key in sys.modules for key in keys) else _empty_mirrors()
    if qt_dir is None or any(not callable(src.__dict__.get("__dir__"))
                             for src in sources.values()):
        import pyqtgraph
        return pyqtgraph
    saved = {name: src.__dict__["__dir__"] for name, src in sources.items()}
    try:
        for (name, src), key in zip(sources.items(), keys):
            src.__dir__ = (lambda d=src.__dict__: list(d))     # the classes made so far
            sys.modules[key] = _lazy_mirror(name, src, qt_dir)
        import pyqtgraph
    except BaseException:
        for key in keys:           # a failed import must not leave half-made mirrors
            sys.modules.pop(key, None)
        raise
    finally:
        for name, src in sources.items():
            src.__dir__ = saved[name]
    return pyqtgraph
