"""Home: the thesis in our own words and the headline figures, each computed from data."""

import streamlit as st

from core import headlines, talk
from core.datasets import DataError
from ui import pages, since_view
from ui.cards import card_row, join
from ui.cite import source_line
from ui.data import load_many, require, show_data_error
from ui.i18n import lang, prose, t
from ui.memo import cached

L = lang()
sources, facts, dates = require("sources", "facts", "dates")
cost = cached(headlines.cost_figures, facts)
story = cached(headlines.story_figures, facts, dates)
c = cost.texts(L) | story.texts(L)

st.title(t("home.title"))
st.header(t("home.subtitle"), divider="gray")  # h2 under the title: headings in order (axe)
st.markdown(prose("home", "intro", v3_date=c["v3_release"], r1_date=c["r1_release"], v3_cost=c["v3_cost"]))
pages.link("talk", label=t("home.tour", count=talk.COUNT))

# The evidence since: NVIDIA from the close before the shock to its latest close (core.since), a card
# after the shock's figures; without the later closes (a broken file) the card is left out, and a
# broken prices.csv or companies.csv is named below, where the market cards need them.
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
        source=source_line(sources, *cost.sources("v3_cost", "gpt4o_cost")),
        page_id="deepseek",
    ),
    dict(
        label=t("home.stargate.label"),
        value=c["stargate_budget"],
        help=t("home.stargate.help"),
        lines=(
            t(
                "home.stargate.detail",
                years=c["stargate_years"],
                per_year=c["stargate_per_year"],
                initial=c["stargate_initial"],
            ),
        ),
        source=source_line(sources, *cost.sources("stargate_budget", "stargate_initial")),
        page_id="stargate",
    ),
)

prices, companies = require("prices", "companies")
market = cached(headlines.market_figures, prices, companies, dates)
figs, groups = market.figs, market.groups
m = figs.texts(
    L,
    *("base", "shock_start", "shock_end", "nvda_drawdown", "nvda_low_day", "avgo_drawdown"),
    *("power_median", "power_count", "power_best", "power_worst", "gafam_largest_fall", "article_date"),
    *(f"drawdown_{tk}" for tk in groups["gafam"].fallers),
)
name = dict(zip(companies["ticker"], companies[f"name_{L}"]))
window = {k: m[k] for k in ("base", "shock_start", "shock_end")}
power, gafam = groups["power"], groups["gafam"]
fallers = join([f"{name[tk]} {m[f'drawdown_{tk}']}" for tk in gafam.fallers], L)
others = join([name[tk] for tk in gafam.held], L)
card_row(
    dict(
        label=t("home.chips.label", name=name["NVDA"]),
        value=m["nvda_drawdown"],
        lines=(
            t("home.chips.detail", low_day=m["nvda_low_day"], name2=name["AVGO"], move2=m["avgo_drawdown"], **window),
        ),
        source=source_line(sources, *figs.sources("nvda_drawdown", "avgo_drawdown")),
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
        source=source_line(sources, *figs.sources("power_median")),
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
        source=source_line(sources, *figs.sources("gafam_largest_fall")),
        page_id="stocks",
    ),
)
if since_card:  # the evidence since: a row of its own, after the shock's figures
    card_row(*since_card)

st.header(t("home.how"))
st.markdown(
    prose(
        "home",
        "argument",
        r1_date=c["r1_release"],
        selloff_date=m["shock_start"],
        stargate_date=c["stargate_announced"],
        budget=c["stargate_budget"],
        years=c["stargate_years"],
        gpus=c["v3_cluster_gpus"],
        v3_cost=c["v3_cost"],
    )
)
st.caption(prose("home", "credit", article_date=m["article_date"]))
