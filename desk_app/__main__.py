"""Entry point: ``desk-app`` and ``python -m desk_app``.

The only module below ``ui`` that imports it, and only inside ``main()`` (as Electrum loads
its GUI): the command line itself never loads Qt.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from desk_app.cli import main as cli_main

    def gui(ctx) -> int:
        from ui.app import run

        return run(ctx)

    def smoke(data_dir) -> int:
        from ui.smoke import run_smoke

        return run_smoke(data_dir)

    return cli_main(argv, gui=gui, smoke=smoke)


if __name__ == "__main__":
    sys.exit(main())
