"""Entry point: ``python -m drafter`` and the ``drafter`` console script."""

import sys

from .cli import main


def run() -> None:
    """Exit with the status main() returns."""
    sys.exit(main())


if __name__ == "__main__":
    run()
