"""A run-on sentence full of cues stays linear (it was quadratic: 65 s at 20k cues)."""

from __future__ import annotations

import subprocess
import sys

RUN_ON = "import quoth.corpus.extract as e; e.extract('according to officials, ' * 20_000)"


def test_twenty_thousand_cues_in_one_sentence_finish() -> None:
    # Generous: linear work takes well under a second; the quadratic version took a minute.
    subprocess.run([sys.executable, "-c", RUN_ON], check=True, timeout=30)
