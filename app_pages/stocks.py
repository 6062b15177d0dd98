"""The stock reaction: who really fell after DeepSeek-R1, recomputed from daily closes."""

import streamlit as st

from core import headlines, stocks
from core.formatting import fmt_date
from ui import stocks_view as view
from ui.cards import figure_card
from ui.charts import build_named, group_label, show
from ui.cite import source_line
from ui.data import require
from ui.i18n import lang, prose, t
from ui.memo import cached
from ui.process import fragment
from ui.stocks_charts import drawdown_template, index_template
from ui.stocks_controls import url_multi_choice

L = lang()
prices, companies, events, facts, dates, sources = require("prices", "companies", "events", "facts", "dates", "sources")
days = list(view.trading_days())
day = lambda d: fmt_date(d, L, "medium")  # noqa: E731
groups = view.ticker_groups()
shock = cached(stocks.shock_dates, dates)
DEFAULT = (shock.base, *shock.window)

st.title(t("stocks.title"))
st.markdown(prose("stocks", "intro"))


def preset(end):
    st.session_state.update(s_base=DEFAULT[0], s_start=DEFAULT[1], s_end=end)


p1, p2 = st.columns(2)
p1.button(
    t("stocks.preset_article"),
    on_click=preset,
    args=(DEFAULT[2],),
    key="s_preset_a",
    help=t("stocks.preset_article_help"),
    icon=":material/restart_alt:",
    width="stretch",
)
p2.button(
    t("stocks.preset_wide", date=day(shock.article)),
    on_click=preset,
    args=(shock.article,),
    key="s_preset_w",
    help=t("stocks.preset_wide_help"),
    icon=":material/date_range:",
    width="stretch",
)
c1, c2, c3 = st.columns(3)
bounds = dict(min_value=days[0], max_value=days[-1], format="YYYY-MM-DD", bind="query-params")
asked = (
    c1.date_input(t("stocks.base"), DEFAULT[0], key="s_base", help=t("stocks.base_help"), **bounds),
    c2.date_input(t("stocks.start"), DEFAULT[1], key="s_start", help=t("stocks.start_help"), **bounds),
    c3.date_input(t("stocks.end"), DEFAULT[2], key="s_end", help=t("stocks.end_help"), **bounds),
)
asked = tuple(a or d for a, d in zip(asked, DEFAULT))
try:
    win = stocks.resolve_window(*asked, days)
except stocks.EmptyWindowError:
    st.warning(
        t("stocks.empty_window", base=day(asked[0]), start=day(asked[1]), end=day(asked[2])),
        icon=":material/event_busy:",
    )
    win = stocks.resolve_window(*DEFAULT, days)
for which, was, used in win.moved:
    st.caption(t(f"stocks.moved.{which}", asked=day(was), used=day(used)))


@fragment
def index_block(base, start, end, tickers):
    st.header(t("stocks.lines_title"))
    present = [g for g in ("gafam", "chips", "cloud", "power", "market") if any(groups[tk] == g for tk in tickers)]
    chosen = url_multi_choice(
        t("stocks.groups"),
        present,
        [g for g in present if g != "market"],
        "s_groups",
        group_label,
        help=t("stocks.groups_help"),
    )
    shown = [tk for tk in tickers if groups[tk] in chosen]
    if not shown:
        st.info(t("stocks.no_groups"), icon=":material/visibility_off:")
        return
    lines, ev = view.index_view(base, tuple(shown), L)
    titles = view.line_titles()
    show(
        build_named(
            index_template,
            cached(view.line_rows, base, start, end, tuple(shown), L, titles["window"]),
            tuple(dict.fromkeys(lines["group"])),
            not ev.empty,
            titles,
            style=True,
            table="lines",
        ),
        t("stocks.lines_alt", count=len(shown), events=len(ev), base=day(base)),
    )
    st.caption(t("stocks.lines_caption"))


@fragment  # a toggle reruns the companies' part (bars, card, lines, table), not the window's controls above
def reaction(win) -> None:
    more = st.toggle(t("stocks.more"), key="s_more", bind="query-params", help=t("stocks.more_help"))
    tickers = cached(stocks.chart_tickers, companies, more)

    st.header(t("stocks.bars_title"))
    summary = view.bars_summary(win.base, win.start, win.end, tuple(tickers), L)  # plain values, kept per window
    window = dict(base=day(win.base), start=day(win.start), end=day(win.end))
    show(
        build_named(
            drawdown_template,
            cached(view.bar_rows, win.base, win.start, win.end, tuple(tickers), L),
            summary["groups"],
            view.bar_titles(),
            style=True,
        ),
        summary["alt"],
    )
    st.markdown(summary["sentence"])
    if summary["flagged"]:
        st.caption(summary["flagged"])

    nvda = cached(headlines.nvda_record_day, prices, events, facts)
    n = nvda.texts(L, "nvda_day", "nvda_prev_day", "nvda_one_day", "nvda_value_lost")
    figure_card(
        t("stocks.nvda.label", date=n["nvda_day"]),
        n["nvda_value_lost"],
        lines=(t("stocks.nvda.detail", move=n["nvda_one_day"], prev=n["nvda_prev_day"]), t("stocks.nvda.caveat")),
        source=source_line(sources, *nvda.sources("nvda_value_lost", "nvda_one_day")),
    )

    index_block(win.base, win.start, win.end, tickers)

    st.header(t("stocks.table_title"))
    checkpoints = stocks.checkpoints(shock.article, win.base, days)
    intro = "stocks.table_intro" if "article" in checkpoints else "stocks.table_intro_late"
    st.markdown(
        t(
            intro,
            base=window["base"],
            article=day(checkpoints.get("article", shock.article)),
            last=day(checkpoints["last"]),
        )
    )
    table, config = view.recovery_arrow(win.base, win.start, win.end, tuple(tickers), checkpoints, L)
    st.dataframe(table, hide_index=True, column_config=config, width="stretch")


reaction(win)
st.info(prose("stocks", "caveat"), icon=":material/info:")
st.caption(source_line(sources, *view.price_sources(), "SVE"))
st.caption(t("stocks.events_source", count=len(events)))
