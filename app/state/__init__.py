"""The state objects of a window, the undo commands that change them, and the one settings store."""
