"""CJK place labels need a CJK font (fonts-noto-cjk, installed by `make deps`)."""
import pytest
from PySide6.QtGui import QFontDatabase


@pytest.mark.parametrize("system", [QFontDatabase.WritingSystem.SimplifiedChinese,
                                    QFontDatabase.WritingSystem.Japanese,
                                    QFontDatabase.WritingSystem.Korean])
def test_a_font_for_each_cjk_script_is_installed(qapp, system):
    assert QFontDatabase.families(system), f"no font for {system.name}: install fonts-noto-cjk"
