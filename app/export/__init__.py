"""Pictures of the diagram: offscreen rendering, and the PNG, SVG, PDF, GIF and MP4 writers."""
