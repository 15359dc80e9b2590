"""Where Dateline's bundled resources and sample corpus live.

Resolution order: ``DATELINE_HOME`` (a checkout or bundle root), the PyInstaller
bundle folder, then the source checkout this package sits in.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def project_root() -> Path:
    env = os.environ.get("DATELINE_HOME")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return project_root() / "resources"


def data_dir() -> Path:
    return project_root() / "data"


def bundled_articles_dir() -> Path:
    return data_dir() / "articles"


def bundled_manifest() -> Path:
    return data_dir() / "manifest.csv"


def map_data_dir() -> Path:
    return resources_dir() / "map"


def cache_dir() -> Path:
    """Per-user cache (extraction results keyed by article text hash)."""
    base = os.environ.get("DATELINE_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    return root / "dateline" if not os.environ.get("DATELINE_CACHE_DIR") else root
