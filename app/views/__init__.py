"""What the user sees: cells, the diagram and its highlights, the panels, the compare and stack windows."""
