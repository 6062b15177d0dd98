"""Take Chromium screenshots of every page, both languages, chosen widths and themes.

    .venv/bin/python tools/screenshots.py [--out shots] [--pages home,sources] [--widths 1400,1920,390]

Writes PNGs named <page>-<lang>-<width>-<theme>.png; open them to look at what changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.e2e.streamlit_server import CHROMIUM_ARGS, chromium_path, streamlit_server, wait_for_app  # noqa: E402
from ui.pages import ALL_PAGES  # noqa: E402

HEIGHT = {390: 844, 1920: 1080}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="shots")
    ap.add_argument("--pages", default="")
    ap.add_argument("--langs", default="en,ja")
    ap.add_argument("--widths", default="1400,1920")
    ap.add_argument("--themes", default="light")
    ap.add_argument("--query", default="", help="extra query string, e.g. present=1")
    ap.add_argument("--full", action="store_true", help="a tall viewport, to see the whole page")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(exist_ok=True)
    wanted = [p for p in ALL_PAGES if not args.pages or p.id in args.pages.split(",")]
    with streamlit_server() as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for theme in args.themes.split(","):
            for width in map(int, args.widths.split(",")):
                height = 3200 if args.full else HEIGHT.get(width, 900)
                ctx = browser.new_context(
                    viewport={"width": width, "height": height}, color_scheme=theme, locale="en-US"
                )
                page = ctx.new_page()
                for p in wanted:
                    for lang in args.langs.split(","):
                        path = "" if p.id == "home" else p.url
                        q = f"?lang={lang}" + (f"&{args.query}" if args.query else "")
                        page.goto(f"{url}/{path}{q}")
                        wait_for_app(page)
                        page.wait_for_timeout(600)  # let charts finish painting
                        name = out / f"{p.id}-{lang}-{width}-{theme}.png"
                        page.screenshot(path=str(name))
                        print(name)
                ctx.close()
        browser.close()


if __name__ == "__main__":
    main()
