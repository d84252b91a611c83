"""Ctrl-C during a pooled run: the workers are terminated, the yielded results stay."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPT = """
import sys
from newsgraph.ingest.records import article_from_record
from tests.scale.scale_fixtures import sample_records
from newsgraph.scale.pool import analyze_parallel

if __name__ == "__main__":
    base = [article_from_record(r) for r in sample_records()]
    arts = (b.model_copy(update={"id": f"{b.id}#{i}"}) for i in range(10_000) for b in base)
    done = 0
    try:
        for result in analyze_parallel(arts, workers=2, batch_size=2):
            done += 1
            print("result", done, flush=True)
    except KeyboardInterrupt:
        import multiprocessing as mp
        print("interrupted after", done, "alive", len(mp.active_children()), flush=True)
        sys.exit(130)
"""


@pytest.mark.timeout(300)
def test_ctrl_c_terminates_the_workers(tmp_path: Path) -> None:
    script = tmp_path / "run.py"
    script.write_text(SCRIPT, encoding="utf-8")
    here = Path(__file__).resolve().parent
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(here.parents[1] / "src"), str(here), env.get("PYTHONPATH", "")]
    )
    proc = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=env,
        start_new_session=True,
    )  # fmt: skip
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert first.startswith("result 1"), first
    # Ctrl-C reaches the whole foreground process group, workers included.
    os.killpg(proc.pid, signal.SIGINT)
    started = time.monotonic()
    rest, _ = proc.communicate(timeout=60)
    assert time.monotonic() - started < 30
    assert proc.returncode == 130
    last = rest.strip().splitlines()[-1]
    assert last.startswith("interrupted after") and last.endswith("alive 0"), last
