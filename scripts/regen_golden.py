"""Rewrite tests/golden/ from the current writers: run after an intended output change.

Review the diff (git diff tests/golden) before committing: the golden files are the record of
what drafter writes for every template and example answers file.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import test_golden


def main() -> None:
    """Write every golden file and delete those whose case no longer exists."""
    names = set()
    for name, build in test_golden.golden_cases():
        names.add(name)
        for suffix, text in test_golden.render_case(build).items():
            path = test_golden.GOLDEN / f"{name}{suffix}"
            old = path.read_text(encoding="utf-8") if path.exists() else None
            if old != text:
                path.write_text(text, encoding="utf-8")
                print(f"{'updated' if old is not None else 'created'} {path.relative_to(ROOT)}")
    for path in sorted(test_golden.GOLDEN.glob("*__*.*[dt]")):  # .txt, .md
        if path.name.split(".")[0] not in names:
            path.unlink()
            print(f"deleted {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
