"""Warm a freshly started server before a talk: every page once, in both languages, in the reader's
and the presenter's view, so the first readers to open the QR link do not wait while the server
parses data files and builds charts for the first time (on this machine a room of 50 opening a
cold server waited seconds for a first page; a warm one answers in about a tenth of a second).

    .venv/bin/python tools/warm.py [http://127.0.0.1:8501 http://127.0.0.1:8502]

Give every process's own address (behind a sticky proxy each process has its own caches).
Loopback only; prints each page's time and any error.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from st_client import StreamlitSession  # noqa: E402

from ui.pages import ALL_PAGES  # noqa: E402


async def warm(url: str) -> int:
    errors = 0
    for query in ("lang=en", "lang=ja", "lang=en&present=1", "lang=ja&present=1"):
        async with StreamlitSession(url) as s:
            for page in ALL_PAGES:
                start = time.perf_counter()
                r = await s.run("" if page.id == "home" else page.url, query_string=query)
                errors += bool(r.exceptions)
                print(
                    f"{url} {query:20} {page.id:10} {(time.perf_counter() - start) * 1000:6.0f} ms"
                    + (f"  ERROR {r.exceptions[0][:80]}" if r.exceptions else "")
                )
    return errors


def main() -> int:
    urls = sys.argv[1:] or ["http://127.0.0.1:8501"]
    return 1 if sum(asyncio.run(warm(u)) for u in urls) else 0


if __name__ == "__main__":
    sys.exit(main())
