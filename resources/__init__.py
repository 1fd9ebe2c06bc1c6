"""Package data of Conv1D Explorer, installed as ``app.resources``: example sessions (``examples/``),
compiled translations (``i18n/``) and the bundled CJK font with its licence (``fonts/``)."""
