"""What the benchmark scripts share: running one side in a fresh interpreter, so that its peak memory and its
imports are its own."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fresh_side(cmd: list[str], env: dict[str, str] | None = None) -> dict | str:
    """Run ``cmd`` (a script's own ``--side`` mode) from the repository root; the JSON object on the last line of
    its output, or the last line of its error when it failed."""
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        return lines[-1] if lines else f"exit code {done.returncode}"
    return json.loads(done.stdout.strip().splitlines()[-1])
