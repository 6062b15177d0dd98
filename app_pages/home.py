"""Home: who fell after DeepSeek-R1 above the fold, the tour, the argument step by step with its pages,
and the headline figures, each computed from data."""

import streamlit as st

from core import headlines, talk
from core.datasets import DataError
from ui import home_view, since_view
from ui.cards import card_row, join
from ui.cite import quiet_source
from ui.data import load_many, require, show_data_error
from ui.i18n import lang, prose, t
from ui.memo import cached

L = lang()
sources, facts, dates = require("sources", "facts", "dates")
cost = cached(headlines.cost_figures, facts)
story = cached(headlines.story_figures, facts, dates)
c = cost.texts(L) | story.texts(L)

# The market's files: the chart and the market cards need them; a broken one is named where the chart
# would be, and the rest of the page (the argument, the cost cards) still shows.
MARKET = ("prices", "companies", "events")
market_frames, market_broken = load_many(MARKET)
market = None
if not market_broken:
    market = cached(headlines.market_figures, market_frames["prices"], market_frames["companies"], dates)
    m = market.figs.texts(L)
    window = {k: m[k] for k in ("base", "shock_start", "shock_end")}

st.title(t("home.title"))
st.markdown(prose("home", "lede"))
home_view.tour_link(talk.COUNT)
for err in market_broken:
    show_data_error(err)
if market is not None:
    home_view.who_fell(
        market_frames["prices"], market_frames["companies"], dates, sources, m["base"], c["shock_window"], L
    )

st.header(t("home.subtitle"), divider="gray")
st.markdown(prose("home", "intro", v3_date=c["v3_release"], r1_date=c["r1_release"], v3_cost=c["v3_cost"]))

st.header(t("home.how"))
home_view.argument_steps(
    dict(
        r1_date=c["r1_release"],
        selloff_date=c["shock_start"],
        stargate_date=c["stargate_announced"],
        budget=c["stargate_budget"],
        years=c["stargate_years"],
        gpus=c["v3_cluster_gpus"],
        v3_cost=c["v3_cost"],
    )
)

# The evidence since: NVIDIA from the close before the shock to its latest close (core.since), a card
# after the shock's figures; without the later closes (a broken file) the card is left out.
LATER = ("prices", "prices_since", "companies")
later, broken = load_many(LATER)
for err in broken:
    if err.file.endswith("prices_since.csv"):
        show_data_error(err)
since_card = []
if not broken:
    try:
        card = since_view.home_card(later["prices"], later["prices_since"], later["companies"], dates, sources, L)
    except DataError as err:  # the two price files do not fit together
        show_data_error(err)
    else:
        since_card = [card] if card is not None else []

st.header(t("home.figures"))
with st.container(key=home_view.FIGURES_KEY):  # its cards' labels wrap, never cut (ui/chrome.py STYLE)
    card_row(
        dict(
            label=t("home.v3.label"),
            value=c["v3_cost"],
            help=t("home.v3.help"),
            lines=(
                t(
                    "home.v3.detail",
                    gpu_hours=c["v3_gpu_hours"],
                    price=c["v3_price"],
                    gpt4o=c["gpt4o_cost"],
                    ratio=c["gpt4o_to_v3"],
                ),
                t("home.v3.caveat"),
            ),
            source=quiet_source(sources, *cost.sources("v3_cost", "gpt4o_cost")),
            page_id="deepseek",
        ),
        dict(
            label=t("home.stargate.label"),
            value=c["stargate_budget"],
            help=t("home.stargate.help", date=c["stargate_announced"]),
            lines=(
                t(
                    "home.stargate.detail",
                    years=c["stargate_years"],
                    per_year=c["stargate_per_year"],
                    initial=c["stargate_initial"],
                ),
            ),
            source=quiet_source(sources, *cost.sources("stargate_budget", "stargate_initial")),
            page_id="stargate",
        ),
    )

    if market is not None:
        figs, groups = market.figs, market.groups
        name = dict(zip(market_frames["companies"]["ticker"], market_frames["companies"][f"name_{L}"]))
        power, gafam = groups["power"], groups["gafam"]
        fallers = join([f"{name[tk]} {m[f'drawdown_{tk}']}" for tk in gafam.fallers], L)
        others = join([name[tk] for tk in gafam.held], L)
        card_row(
            dict(
                label=t("home.chips.label", name=name["NVDA"]),
                value=m["nvda_drawdown"],
                lines=(
                    t(
                        "home.chips.detail",
                        low_day=m["nvda_low_day"],
                        name2=name["AVGO"],
                        move2=m["avgo_drawdown"],
                        **window,
                    ),
                ),
                source=quiet_source(sources, *figs.sources("nvda_drawdown", "avgo_drawdown")),
                page_id="stocks",
            ),
            dict(
                label=t("home.power.label"),
                value=m["power_median"],
                lines=(
                    t(
                        "home.power.detail",
                        count=m["power_count"],
                        best=m["power_best"],
                        best_name=name[power.best_ticker],
                        worst=m["power_worst"],
                        worst_name=name[power.worst_ticker],
                        **window,
                    ),
                ),
                source=quiet_source(sources, *figs.sources("power_median")),
                page_id="stocks",
            ),
            dict(
                label=t("home.gafam.label"),
                value=m["gafam_largest_fall"],
                lines=(
                    t("home.gafam.detail", fallers=fallers, others=others, **window)
                    if gafam.held
                    else t("home.gafam.detail_all_fell", fallers=fallers, **window),
                ),
                source=quiet_source(sources, *figs.sources("gafam_largest_fall")),
                page_id="stocks",
            ),
        )
    if since_card:  # the evidence since: a row of its own, after the shock's figures
        card_row(*since_card)
