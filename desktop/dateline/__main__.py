"""``python -m dateline`` and the PyInstaller bundle's entry point."""
import multiprocessing
import sys

from dateline.cli import main

if __name__ == "__main__":
    # A frozen bundle re-runs this file in worker processes (extract --jobs N with a spawn
    # start method); freeze_support() turns those runs into workers instead of new apps.
    multiprocessing.freeze_support()
    sys.exit(main())
