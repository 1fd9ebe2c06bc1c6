"""Entry point: ``python -m app`` / ``conv1d-explorer``.

``conv1d-explorer`` alone opens the window; ``conv1d-explorer SUBCOMMAND`` runs
the command line (export, examples, code, summary); ``--screenshot FILE.png``
renders the window as it would open and exits.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from app.cli import SUBCOMMANDS

    if args and args[0] in SUBCOMMANDS:
        from app.cli import main as cli_main

        return cli_main(args)
    from app.gui import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
