"""tools/warm.py, run before a talk, visits every page in both languages and views without an error."""

import subprocess
import sys

from core.paths import ROOT
from ui.pages import ALL_PAGES


def test_warm_visits_every_page_without_error(server_url):
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "warm.py"), server_url], capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    visits = [line for line in done.stdout.splitlines() if line.startswith(server_url)]
    assert len(visits) == 4 * len(ALL_PAGES) and not any("ERROR" in line for line in visits)
