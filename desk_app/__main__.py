"""Entry point: ``desk-app`` and ``python -m desk_app``.

With no command it starts the window; the window (``ui``) is imported only then, so the
command line never loads Qt.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from desk_app.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
