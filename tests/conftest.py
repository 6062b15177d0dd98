import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Property tests check values, never speed: no per-example deadline (a busy 2-core CI machine made
# a first example that loads a CSV look "flaky"). Speed lives in benchmarks/.
from hypothesis import settings  # noqa: E402

settings.register_profile("sve", deadline=None)
settings.load_profile("sve")

# Every chart the tests draw is checked against the Vega-Lite schema (readers' sessions skip it).
import os  # noqa: E402

os.environ.setdefault("SVE_VALIDATE_CHARTS", "1")
