"""Count the steps of issue 8 point 9's story, entered in Chromium as a new editor would.

    .venv/bin/python tests/benchmarks/count_steps.py

Runs tests/browser/test_story_steps.py (the flow and the counting rules are in
tests/browser/story_steps.py) and prints its figures: actions, pop-up windows, saves.
story_steps.enter_story_before is the same story on the form with inlines and pop-up
lookups (commit 899ecd0 and earlier); it measured 42 actions, 6 pop-up windows and 7
saves there (the story's one and six in pop-ups). Only the form of its time can run it.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

if __name__ == "__main__":
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-s",
            "-o",
            "addopts=-p no:cacheprovider",
            "tests/browser/test_story_steps.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    figures = [line for line in result.stdout.splitlines() if line.startswith("after:")]
    print("before: 42 actions, 6 pop-up windows, 7 saves (measured on 899ecd0)")
    print("\n".join(figures) or result.stdout[-2000:])
    sys.exit(result.returncode)
