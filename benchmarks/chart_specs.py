"""Which charts a control move redraws in place, and which it rebuilds.

    .venv/bin/python benchmarks/chart_specs.py [--pages scenarios,deepseek]

Streamlit's browser code keeps a Vega view and swaps in the new rows when only a chart's data
changed (it compares the spec with the datasets' names taken out); any other change to the spec (a
domain, tick values, a sort list or a colour domain computed from the data) makes it throw the view
away and build a new one, which costs a reader tens of milliseconds per chart. For every page with a
control of its own, this moves its first control (``--all``: each of its sliders and toggles) three times (a fresh
message cache each time, so every
chart comes back whole) and prints, per redrawn chart, "data only" or the spec paths that changed.
"""

from __future__ import annotations

import argparse
import asyncio

from common import pages, streamlit_server, url_path
from st_client import StreamlitSession, move

from ui.charts import by_position, spec_changes


async def check(url: str, page, every: bool) -> list[str]:
    async with StreamlitSession(url) as s:
        first = await s.run(url_path(page))
        own = [
            (label, w)
            for label, w in first.widgets.items()
            if w["id"].rsplit("-", 1)[-1].startswith(page.prefix or "-")
        ]
        sliders = [(label, w) for label, w in own if w["type"] == "slider"]
        toggles = [(label, w) for label, w in own if w["type"] == "checkbox"]
        controls = sliders + toggles if every else (sliders or toggles)[:1]
    lines = []
    for label, w in controls:
        lines.append(f" {label} ({w['type']}):")
        lines += await _moves(url, page, w)
    return lines


async def _moves(url: str, page, w: dict) -> list[str]:
    async with StreamlitSession(url) as s:
        await s.run(url_path(page))
        runs = []
        for i in range(3):
            s.cached_hashes.clear()
            runs.append(await s.run(url_path(page), changed=move(w, i), fragment_id=w["fragment"]))
        lines = []
        for k, ((sa, na), (sb, nb)) in enumerate(zip(runs[1].charts, runs[2].charts)):
            diff = spec_changes(by_position(sa, na), by_position(sb, nb))
            lines.append(
                f"  chart {k + 1}: "
                + (
                    "data only (redrawn in place)"
                    if not diff
                    else "spec changes (view rebuilt): "
                    + "; ".join(diff[:4])
                    + (f"; … {len(diff) - 4} more" if len(diff) > 4 else "")
                )
            )
        return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", default="")
    ap.add_argument("--all", action="store_true", help="every slider and toggle, not only the first")
    args = ap.parse_args()
    with streamlit_server() as url:
        for p in pages():
            if args.pages and p.id not in args.pages.split(","):
                continue
            lines = asyncio.run(check(url, p, args.all))
            if lines:
                print(f"{p.id}:")
                print("\n".join(lines))


if __name__ == "__main__":
    main()
