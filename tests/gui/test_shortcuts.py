"""Every keyboard shortcut of the main window does one thing (Qt ignores an ambiguous one)."""

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction


def test_no_two_actions_share_a_shortcut(window):
    owners = defaultdict(list)
    for act in window.findChildren(QAction):
        if act.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
            continue
        for seq in act.shortcuts():
            if not seq.isEmpty():
                owners[seq.toString()].append(act.objectName() or act.text())
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes, clashes
