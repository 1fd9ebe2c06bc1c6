"""What the user does: editing, files, classroom, predict, themes, the tour, stacks, the language menu."""
