"""The stock reaction: who really fell after DeepSeek-R1, recomputed from daily closes."""

import streamlit as st

from core import headlines, stocks
from core.datasets import DataError
from core.formatting import fmt_date
from ui import layout, since_view
from ui import stocks_view as view
from ui.cards import figure_card
from ui.charts import Export, build, build_named, group_label, show
from ui.cite import source_line
from ui.data import load_many, require, show_data_error
from ui.i18n import lang, prose, t
from ui.memo import cached
from ui.present import chart_font_size, lead
from ui.process import fragment
from ui.since_charts import since_chart
from ui.stocks_charts import drawdown_template, index_template
from ui.stocks_controls import url_multi_choice

L = lang()
prices, companies, events, facts, dates, sources = require("prices", "companies", "events", "facts", "dates", "sources")
# The closes after the article's data: without them (a broken file) the page keeps the article's data.
LATER = ("prices_since",)
later, broken = load_many(LATER)
for err in broken:
    show_data_error(err)
joined = not broken
if joined:
    try:
        view.closes(joined)  # the two files must fit together (no overlap, no unknown ticker)
    except DataError as err:
        show_data_error(err)
        joined = False
days = list(view.trading_days(joined))
day = lambda d: fmt_date(d, L, "medium")  # noqa: E731
groups = view.ticker_groups()
shock = cached(stocks.shock_dates, dates)
DEFAULT = {"base": shock.base, "start": shock.start, "end": shock.end}  # the article's window

st.title(t("stocks.title"))
st.markdown(prose("stocks", "intro"))


def preset(end):
    st.session_state.update(s_base=shock.base, s_start=shock.start, s_end=end)


presets = (  # the article's window, the same base widened to the article's date, and to the latest close
    ("s_preset_a", t("stocks.preset_article"), shock.end, t("stocks.preset_article_help"), ":material/restart_alt:"),
    (
        "s_preset_w",
        t("stocks.preset_wide", date=day(shock.article)),
        shock.article,
        t("stocks.preset_wide_help"),
        ":material/date_range:",
    ),
) + (
    (
        (
            "s_preset_l",
            t("since.stocks.preset_latest", date=day(max(days))),
            max(days),
            t("since.stocks.preset_latest_help"),
            ":material/update:",
        ),
    )
    if joined
    else ()
)
for col, (key, label, end, tip, icon) in zip(st.columns(len(presets)), presets):
    col.button(label, on_click=preset, args=(end,), key=key, help=tip, icon=icon, width="stretch")
bounds = dict(min_value=min(days), max_value=max(days), format="YYYY-MM-DD", bind="query-params")
asked = {
    which: col.date_input(
        t(f"stocks.{which}"), DEFAULT[which], key=f"s_{which}", help=t(f"stocks.{which}_help"), **bounds
    )
    or DEFAULT[which]
    for col, which in zip(st.columns(len(DEFAULT)), DEFAULT)
}
try:
    win = stocks.resolve_window(asked["base"], asked["start"], asked["end"], days)
except stocks.EmptyWindowError:
    st.warning(t("stocks.empty_window", **{k: day(v) for k, v in asked.items()}), icon=":material/event_busy:")
    win = stocks.resolve_window(shock.base, shock.start, shock.end, days)
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
    last = view.line_span(end, joined)
    lines, ev = view.index_view(base, tuple(shown), L, joined, last)
    titles = view.line_titles(min(days), last)
    font = chart_font_size()  # the end labels are spaced for the chart's font
    show(
        build_named(
            index_template,
            cached(view.line_rows, base, start, end, tuple(shown), L, titles["window"], joined, font),
            tuple(dict.fromkeys(lines["group"])),
            not ev.empty,
            titles,
            font,
            style=True,
            table="lines",
        ),
        t("stocks.index.alt", count=len(shown), events=len(ev), base=day(base)),
        export=Export(
            "stocks",
            "index",
            t("stocks.lines_title"),
            source_line(sources, *view.price_sources()),
            day(max(days)),
            {"date": "date", "name": "company", "group_name": "group", "close": "close", "index": "index_base_100"},
        ),
    )
    st.caption(t("stocks.index.caption"))


@fragment  # a toggle reruns the companies' part (bars, card, lines, table), not the window's controls above
def reaction(win) -> None:
    line = layout.line("s")  # what the window's controls above moved, in view (ui/layout.py)
    more = st.toggle(t("stocks.more"), key="s_more", bind="query-params", help=t("stocks.more_help"))
    tickers = cached(stocks.chart_tickers, companies, more)

    summary = view.bars_summary(win.base, win.start, win.end, tuple(tickers), L, joined)  # plain values, per window
    line.markdown(summary["strip"])
    window = dict(base=day(win.base), start=day(win.start), end=day(win.end))
    with lead():  # the page's key chart: first under the title in presenter view (ui/present.py)
        st.header(t("stocks.bars_title"))
        show(
            build_named(
                drawdown_template,
                cached(view.bar_rows, win.base, win.start, win.end, tuple(tickers), L, joined),
                summary["groups"],
                view.bar_titles(),
                style=True,
            ),
            summary["alt"],
            export=Export(
                "stocks",
                "falls",
                t("stocks.bars_title"),
                source_line(sources, *view.price_sources()),
                window["end"],
                {"name": "company", "group_name": "group", "pct": "change_pct", "note": "note"},
            ),
        )
    st.markdown(summary["sentence"])
    if summary["flagged"]:
        st.caption(summary["flagged"])
    short = view.missing_note(win.base, win.end, tuple(tickers), L, joined)
    if short:
        st.caption(short)

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
    intro = "since.stocks.table_intro" if "article" in checkpoints else "since.stocks.table_intro_late"
    st.markdown(t(intro, base=window["base"], article=day(checkpoints.get("article", shock.article))))
    at = {k: d for k, d in checkpoints.items() if k == "article"}  # each company's own latest close: a column
    table, config = view.recovery_arrow(win.base, win.start, win.end, tuple(tickers), at, L, joined)
    st.dataframe(table, hide_index=True, column_config=config, width="stretch")


reaction(win)

if joined:  # since the shock: from the close before it to each company's and group's latest close
    section = since_view.stock_section(prices, later["prices_since"], companies, dates, sources, L)
    st.header(t("since.stocks.title"))
    st.markdown(section["intro"])
    st.dataframe(section["table"], hide_index=True, width="stretch")
    st.caption(t("since.stocks.groups_caption"))
    show(
        build(since_chart, section["rows"], section["titles"], style=True),
        section["alt"],
        key="s_since",
        export=Export("stocks", "since-the-shock", t("since.stocks.title"), section["source"], section["as_of"]),
    )
    st.markdown(section["sentence"])
    st.caption(section["caption"])

st.info(prose("stocks", "caveat"), icon=":material/info:")
st.caption(source_line(sources, *view.price_sources(joined), "SVE"))
st.caption(t("stocks.events_source", count=len(events)))
