"""Home's parts: the tour as its first call to action, the stock page's "who fell" chart in compact
form, and the argument's steps, each linked to its page. Figures come from the models the stock page
and the tour use (``core.headlines``, ``ui.stocks_view``); nothing is worked out here."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core import stocks
from core.formatting import fmt_date
from ui import pages
from ui import stocks_view as view
from ui.charts import Export, build_named, show
from ui.cite import quiet_source
from ui.i18n import prose, t
from ui.memo import cached
from ui.stocks_charts import drawdown_template

TOUR_KEY = "home_tour"  # its container's class (st-key-home_tour): the link is drawn as a primary button
# (ui/chrome.py STYLE): a link keeps its address and the language, a button would need a rerun to switch
STEPS_KEY = "home_steps"
FIGURES_KEY = "home_figures"  # the headline cards: a label wraps in a narrow card ("エヌビディア：ショック後…" was cut)


def tour_link(count: int) -> None:
    """The guided tour, as the page's one primary action."""
    with st.container(key=TOUR_KEY):
        pages.link("talk", label=t("home.tour", count=count), icon=":material/play_arrow:")


def who_fell(
    prices: pd.DataFrame,
    companies: pd.DataFrame,
    dates: pd.DataFrame,
    sources: pd.DataFrame,
    base: str,
    window: str,
    lang: str,
) -> None:
    """The stock page's drawdown bars at the article's window, for the article's companies (the tour's
    chart too), compact: what the line above it says, the chart with its alt text, a one-line source
    (the citations in its tooltip) and the stock page. ``base``, ``window``: the figure models' texts
    of the base close's day and of the window (``market_figures``' ``base``, ``story_figures``'
    ``shock_window``)."""
    shock = cached(stocks.shock_dates, dates)
    tickers = tuple(cached(stocks.chart_tickers, companies))
    summary = view.bars_summary(shock.base, shock.start, shock.end, tickers, lang)
    st.markdown(t("home.chart.title", base=base, window=window))
    line, details = quiet_source(sources, *cached(stocks.price_sources, prices, tickers), "SVE")
    show(
        build_named(
            drawdown_template,
            cached(view.bar_rows, shock.base, shock.start, shock.end, tickers, lang),
            summary["groups"],
            view.bar_titles(),
            compact=True,
            style=True,
        ),
        summary["alt"],
        export=Export(
            "home",
            "who-fell",
            t("stocks.bars_title"),
            details,
            fmt_date(shock.end, lang, "medium"),  # as the stock page dates its chart
            {"name": "company", "group_name": "group", "pct": "change_pct", "note": "note"},
        ),
    )
    with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
        st.caption(line, help=details, width="content")
        pages.link("stocks", label=t("home.chart.link"))


def argument_steps(fields: dict[str, str]) -> None:
    """The argument in the pages' order, a numbered step each (``step_<page id>`` in home.md) with a
    link to its page; a page that does not exist has no step."""
    steps = [p for p in pages.available() if prose("home", f"step_{p.id}")]
    # one container, its links under their step's text and a step's space after them (ui/chrome.py
    # STYLE): a container a step cost a first load about a millisecond of server time
    with st.container(key=STEPS_KEY, gap="small"):
        for number, p in enumerate(steps, start=1):
            st.markdown(f"{number}. {prose('home', f'step_{p.id}', **fields)}")
            pages.link(p.id)
