"""The frozen build's entry script (``build.spec``): ``DeskApp`` and ``DeskApp-debug`` run
exactly what ``desk-app`` runs from a checkout (``desk_app.__main__.main``).

``--smoke-test`` (``ui.smoke``: the checks of an installed build, also its start-up and
memory probes) is dispatched here, before the command line, so that every build can test
itself whatever the command-line parser of its version knows.
"""

import sys


def _run() -> int:
    argv = sys.argv[1:]
    if "--smoke-test" in argv:
        from ui.smoke import main as smoke_main

        return smoke_main([a for a in argv if a != "--smoke-test"])
    from desk_app.__main__ import main

    return main()


if __name__ == "__main__":
    sys.exit(_run())
