"""The evidence since the shock as pages show it: ``core.since`` figures in the reader's language,
each with its as-of date, in sentences, tables and chart rows (arithmetic stays in ``core.since``).

Pages load the files themselves (``ui.data.load_many`` of a constant tuple, so a broken file is
named where it is needed) and pass the frames in; ``figures`` works the figure set out once per
file version and shares it (a ``FigureSet`` is read-only: no copy per rerun). Every date a figure
is "as of" is written by ``as_of``, so the app never dates a figure past its own data.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from datetime import date

import pandas as pd

from core import datasets, since
from core.figures import Figure, FigureSet, Kind, count, money, when
from core.formatting import fmt_date
from ui.cards import join
from ui.charts import group_label
from ui.i18n import t
from ui.memo import fingerprint, memoized, remembered

GROUPS = ("gafam", "chips", "cloud", "power", "market")  # the stock page's order


def figures(frames: Mapping[str, pd.DataFrame]) -> FigureSet:
    """``since.figures`` of the frames (the parts whose files are all there), once per file version."""
    key = fingerprint(sorted(frames.items()))
    if key is None:  # (not expected: loaded frames are known by name)
        return since.figures(frames)
    return remembered(_FIGURES, _LOCK, 16, key, lambda: since.figures(frames))


_FIGURES: OrderedDict = OrderedDict()
_LOCK = threading.Lock()


def day(value: date | None, lang: str) -> str:
    return fmt_date(value, lang, "medium")


def as_of(fig: Figure | date | None, lang: str) -> str:
    """'as of Sep 15, 2026' / '2026/09/15時点' for a figure's as-of date ('' when it has none)."""
    on = fig.as_of if isinstance(fig, Figure) else fig
    return t("since.as_of", date=day(on, lang)) if on is not None else ""


def dated(fig: Figure, lang: str) -> str:
    """The figure with its as-of date: '+48.8% (as of Sep 15, 2026)'; a derived figure or an
    estimate says so."""
    text = fig.text(lang)
    if fig.as_of is not None:
        text = t("since.dated", value=text, date=day(fig.as_of, lang))
    return text


def marks(name: str, fig: Figure) -> str:
    """' (derived, estimate)' for a figure ``since.is_derived`` names or that is an estimate ('' else)."""
    words = mark_words(name, fig)
    return t("since.marks", words=t("since.and").join(words)) if words else ""


def back_text(fs: Mapping[str, Figure], prefix: str, lang: str) -> str:
    """When a series first closed back at its base close after falling below it, or why there is no
    such day (it never closed below; it has not closed back by its latest close)."""
    state = since.status(fs, prefix)
    if state == "back":
        return day(fs[f"{prefix}.back_on"].value, lang)  # type: ignore[arg-type]
    if state == "never_fell":
        return t("since.never_fell")
    return t("since.not_yet", date=day(fs[f"{prefix}.last_on"].value, lang))  # type: ignore[arg-type]


# --- The stock page: from the close before the shock to each one's latest close -----------------


def company_rows(
    fs: FigureSet, tickers: tuple[str, ...], names: Mapping[str, str], groups: Mapping[str, str], lang: str
) -> pd.DataFrame:
    """One row per company of ``tickers`` that has figures, largest fall first: ticker, name, group
    (code), change and low (fractions), change_text, low_text, low_on, back, as_of (texts)."""
    rows = []
    for tk in tickers:
        p = f"stock.{tk}"
        if f"{p}.change" not in fs:
            continue
        rows.append(
            dict(
                ticker=tk,
                name=names[tk],
                group=groups[tk],
                change=fs[f"{p}.change"].number,
                low=fs[f"{p}.low"].number,
                change_text=fs[f"{p}.change"].text(lang),
                low_text=fs[f"{p}.low"].text(lang),
                low_on=day(fs[f"{p}.low_on"].value, lang),  # type: ignore[arg-type]
                back=back_text(fs, p, lang),
                as_of=day(fs[f"{p}.change"].as_of, lang),
            )
        )
    cols = ["ticker", "name", "group", "change", "low", "change_text", "low_text", "low_on", "back", "as_of"]
    return pd.DataFrame(rows, columns=cols).sort_values("change", kind="stable").reset_index(drop=True)


def group_rows(fs: FigureSet, lang: str) -> pd.DataFrame:
    """One row per company group (``GROUPS`` order) with its equal-weighted index's figures, as texts:
    group, members, change, median, low, low_on, back, below (members below their base now), as_of."""
    rows = []
    for g in GROUPS:
        p = f"group.{g}"
        if f"{p}.change" not in fs:
            continue
        x = fs.texts(lang, *(f"{p}.{k}" for k in ("change", "median_change", "low", "members", "below")))
        rows.append(
            {
                "group": group_label(g),
                "members": x[f"{p}.members"],
                "change": x[f"{p}.change"],
                "median": x[f"{p}.median_change"],
                "low": x[f"{p}.low"],
                "low_on": day(fs[f"{p}.low_on"].value, lang),  # type: ignore[arg-type]
                "back": back_text(fs, p, lang),
                "below": t("since.stocks.below_of", below=x[f"{p}.below"], members=x[f"{p}.members"]),
                "as_of": day(fs[f"{p}.change"].as_of, lang),
            }
        )
    return pd.DataFrame(rows)


def group_table(fs: FigureSet, lang: str) -> pd.DataFrame:
    """``group_rows`` as the page's table: one column per group (five fit a laptop's width where
    nine measures did not), one row per measure, headers translated."""
    rows = group_rows(fs, lang)
    keys = ("change", "median", "low", "low_on", "back", "below", "as_of")
    table = {t("since.stocks.col.measure"): [t(f"since.stocks.col.{k}") for k in keys]}
    for _, r in rows.iterrows():
        table[r["group"]] = [r[k] for k in keys]
    return pd.DataFrame(table)


def ends_note(fs: FigureSet, tickers: tuple[str, ...], names: Mapping[str, str], lang: str) -> str:
    """Where the closes end: 'Sep 15, 2026 for most; NuScale Power, Oklo: Jul 31, 2026' (the date
    most of ``tickers`` end on, then every other date with the companies that end there)."""
    ends: dict[date, list[str]] = {}
    for tk in tickers:
        fig = fs.get(f"stock.{tk}.last_on")
        if fig is not None and isinstance(fig.value, date):
            ends.setdefault(fig.value, []).append(names[tk])
    if not ends:
        return ""
    most = max(ends, key=lambda d: (len(ends[d]), d))
    others = [t("since.stocks.ends_item", names=join(sorted(ends[d]), lang), date=day(d, lang)) for d in sorted(ends)]
    others = [o for d, o in zip(sorted(ends), others) if d != most]
    text = t("since.stocks.ends_most", date=day(most, lang))
    return text + (t("since.stocks.ends_sep") + t("since.and").join(others) if others else "")


@memoized
def since_summary(fs: FigureSet, tickers: tuple[str, ...], names: dict[str, str], lang: str) -> dict[str, str]:
    """The since section's sentence, chart alt text and the note on where the closes end."""
    rows = company_rows(fs, tickers, names, {tk: "" for tk in tickers}, lang)
    below = rows[rows["change"] < 0]
    ends = ends_note(fs, tickers, names, lang)
    fields = dict(count=len(rows), below=len(below), ends=ends, base=day(fs["stocks.base_on"].value, lang))  # type: ignore[arg-type]
    return {
        "alt": t("since.stocks.alt", **fields),
        "sentence": t(
            "since.stocks.sentence",
            names=join(list(below["name"]), lang) if len(below) else t("since.stocks.nobody"),
            **fields,
        ),
        "ends": ends,
    }


def chart_titles(fs: FigureSet, lang: str) -> dict[str, str]:
    """The since chart's titles (its x axis names the base day)."""
    keys = ("company", "group", "change", "low", "low_on", "back", "as_of")
    base = day(fs["stocks.base_on"].value, lang)  # type: ignore[arg-type]
    return {"x": t("since.stocks.axis.x", base=base), **{k: t(f"since.stocks.axis.{k}") for k in keys}}


# --- What next, "Twenty months on": the thesis against the evidence ----------------------------

BILLION = {"en": 1e9, "ja": 1e8}  # the charts' money axis: USD billion / 億ドル


def money_axis(lang: str) -> tuple[float, str]:
    """(divisor, axis title) for money on a chart axis in ``lang``."""
    return BILLION.get(lang, 1e9), t("since.money_axis")


def _names(companies: pd.DataFrame, lang: str) -> dict[str, str]:
    return dict(zip(companies["ticker"], companies[f"name_{lang}"]))


def _usd(value: float, lang: str) -> str:
    return money(value).text(lang)


def value_marks(text: str, derived: bool, low: float | None, high: float | None, lang: str) -> str:
    """A value with what it is: '(derived)', or '(estimate: the middle of USD 180B–190B)'."""
    if derived:
        text += t("since.marks", words=t("since.derived"))
    if low is not None and high is not None and low != high:
        text += t("since.marks", words=t("since.estimate_range", low=_usd(low, lang), high=_usd(high, lang)))
    return text


@memoized
def capex_view(
    capex: pd.DataFrame, capex_since: pd.DataFrame, sources: pd.DataFrame, companies: pd.DataFrame, lang: str
) -> pd.DataFrame:
    """The capex chart's rows (``since.capex_rows``) in ``lang``: company, stage (its label), order,
    value, low, high (on the money axis), label (the amount), value_text (with its marks), faded
    (derived or an estimate), period (with its year basis), as_of."""
    rows = since.capex_rows(since.capex_points(capex, capex_since), since.article_date(sources))
    div, _ = money_axis(lang)
    name = _names(companies, lang)
    return pd.DataFrame(
        {
            "company": rows["ticker"].map(name),
            "stage": [t(f"since.capex.stage.{s}") for s in rows["stage"]],
            "order": rows["stage"].map({s: i for i, s in enumerate(since.CAPEX_STAGES)}),
            "value": rows["usd"] / div,
            "low": rows["low_usd"] / div,
            "high": rows["high_usd"] / div,
            "label": [_usd(u, lang) for u in rows["usd"]],
            "value_text": [
                value_marks(_usd(u, lang), d, lo, hi, lang)
                for u, d, lo, hi in zip(rows["usd"], rows["derived"], rows["low_usd"], rows["high_usd"])
            ],
            "faded": rows["derived"] | rows["estimate"],
            "period": [t(f"since.capex.basis.{b}", period=p) for b, p in zip(rows["basis"], rows["period"])],
            "as_of": [day(d, lang) for d in rows["stated_on"]],
        }
    )


@memoized
def nvidia_view(nv: pd.DataFrame, lang: str) -> pd.DataFrame:
    """NVIDIA's quarters (``since.dc_quarters``) with data-centre revenue, oldest first: quarter (the
    fiscal period), order, value (money axis), label, value_text (derived quarters say so), faded,
    ended (the quarter's end, where our sources give it), reported (the day it was reported)."""
    div, _ = money_axis(lang)
    rows = [q for q in since.dc_quarters(nv) if q.dc_usd is not None]
    return pd.DataFrame(
        {
            "quarter": [q.fiscal_period for q in rows],
            "order": list(range(len(rows))),
            "value": [(q.dc_usd or 0.0) / div for q in rows],
            "label": [_usd(q.dc_usd or 0.0, lang) for q in rows],
            "value_text": [value_marks(_usd(q.dc_usd or 0.0, lang), q.derived, None, None, lang) for q in rows],
            "faded": [q.derived for q in rows],
            "ended": [day(q.quarter_end, lang) if q.quarter_end else t("since.nvidia.no_end") for q in rows],
            "reported": [day(q.reported_on, lang) for q in rows],
        }
    )


@memoized
def rental_view(rental: pd.DataFrame, lang: str) -> pd.DataFrame:
    """H100 rental prices as points, never joined: date, series (label), kind (the row's stat, as a
    label), value, low, high (USD per GPU-hour: a range where a row gives one), value_text, basis
    (who posted or measured it), as_of. A provider's price cut (a change, not a price) is left to
    the sentence."""
    rows = pd.concat(list(since.rental_series(rental).values()), ignore_index=True)
    rows = rows[rows["stat"] != "cut"].sort_values("date", kind="stable")
    value = rows["usd_per_gpu_hour"].fillna((rows["low_usd_per_gpu_hour"] + rows["high_usd_per_gpu_hour"]) / 2)
    low = rows["low_usd_per_gpu_hour"].fillna(rows["usd_per_gpu_hour"])
    high = rows["high_usd_per_gpu_hour"].fillna(rows["usd_per_gpu_hour"])
    price = lambda v: money(v).text(lang)  # noqa: E731
    return pd.DataFrame(
        {
            "date": rows["date"],
            "series": [t(f"since.rental.series.{s}") for s in rows["series"]],
            "kind": [t(f"since.rental.stat.{s}") for s in rows["stat"]],
            "value": value,
            "low": low,
            "high": high,
            "value_text": [
                price(v) if lo == hi else t("since.rental.range", low=price(lo), high=price(hi))
                for v, lo, hi in zip(value, low, high)
            ],
            "basis": rows["provider_or_index"],
            "as_of": [day(d.date(), lang) for d in rows["date"]],
        }
    ).reset_index(drop=True)


@memoized
def stargate_view(timeline: pd.DataFrame, since_rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Stargate's stated total gigawatts over time (``since.stargate_gw_path``): date, gw, label (as
    stated: 'more than 10 GW'), as_of."""
    path = since.stargate_gw_path(timeline, since_rows)
    power = lambda v: Figure(v, Kind.POWER).text(lang)  # noqa: E731
    return pd.DataFrame(
        {
            "date": [pd.Timestamp(p.day) for p in path],
            "gw": [p.gw for p in path],
            "label": [
                t(f"since.stargate.qualifier.{p.qualifier}", value=power(p.gw)) if p.qualifier else power(p.gw)
                for p in path
            ],
            "as_of": [day(p.day, lang) for p in path],
        }
    )


@memoized
def milestones_table(since_rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every later Stargate milestone and compute agreement, oldest first, as the page lists them."""
    r = since_rows.sort_values("date", kind="stable")
    power = lambda v: "" if pd.isna(v) else Figure(float(v), Kind.POWER).text(lang)  # noqa: E731
    usd = lambda v: "" if pd.isna(v) else _usd(float(v) * 1e9, lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("since.stargate.col.date"): [day(d.date(), lang) for d in r["date"]],
            t("since.stargate.col.what"): list(r[f"title_{lang}"]),
            t("since.stargate.col.kind"): [t(f"since.stargate.kind.{k}") for k in r["kind"]],
            t("since.stargate.col.gw"): [power(v) for v in r["gw"]],
            t("since.stargate.col.usd"): [usd(v) for v in r["usd_billion"]],
        }
    )


@memoized
def releases_table(releases: pd.DataFrame, dates: pd.DataFrame, lang: str) -> pd.DataFrame:
    """DeepSeek's releases after R1, oldest first: model, release day, Epoch AI's compute estimate
    (with its confidence label), parameters."""
    r1 = datasets.date_of(dates, since.R1_KEY)
    r = releases[releases["release_date"] > pd.Timestamp(r1)].sort_values("release_date", kind="stable")
    flop = lambda v: "" if pd.isna(v) else Figure(float(v), Kind.COMPUTE, sig=2).text(lang) + " FLOP"  # noqa: E731
    amount = lambda v: "" if pd.isna(v) else Figure(float(v), Kind.AMOUNT, sig=3).text(lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("since.deepseek.col.model"): list(r["model"]),
            t("since.deepseek.col.date"): [day(d.date(), lang) for d in r["release_date"]],
            t("since.deepseek.col.compute"): [flop(v) for v in r["training_compute_flop"]],
            t("since.deepseek.col.confidence"): [
                "" if pd.isna(c) else t(f"scaling.confidence.{c}") for c in r["compute_confidence"]
            ],
            t("since.deepseek.col.params"): [amount(v) for v in r["total_params"]],
        }
    )


def latest_estimated(releases: pd.DataFrame, dates: pd.DataFrame) -> str:
    """The model behind ``deepseek.latest_compute``: the latest release after R1 with an estimate."""
    r1 = datasets.date_of(dates, since.R1_KEY)
    r = releases[(releases["release_date"] > pd.Timestamp(r1)) & releases["training_compute_flop"].notna()]
    return str(r.sort_values("release_date", kind="stable").iloc[-1]["model"]) if len(r) else ""


def market_lines(fs: FigureSet, lang: str) -> list[str]:
    """One line per company group: its index from the base to its latest close, its low since, when it
    was back at the base, how many members are below it now; each dated."""
    out = []
    for g in GROUPS:
        p = f"group.{g}"
        if f"{p}.change" not in fs:
            continue
        x = fs.texts(lang, *(f"{p}.{k}" for k in ("change", "low", "median_change", "members", "below")))
        out.append(
            t(
                "since.market.line",
                group=group_label(g),
                change=x[f"{p}.change"],
                low=x[f"{p}.low"],
                low_on=day(fs[f"{p}.low_on"].value, lang),  # type: ignore[arg-type]
                back=back_text(fs, p, lang),
                median=x[f"{p}.median_change"],
                below=x[f"{p}.below"],
                members=x[f"{p}.members"],
                date=day(fs[f"{p}.change"].as_of, lang),
            )
        )
    return out


def mark_words(name: str, fig: Figure) -> list[str]:
    """'derived' where ``since.is_derived`` names the figure, 'estimate' where it is one."""
    return ([t("since.derived")] if since.is_derived(name) else []) + ([t("since.estimate")] if fig.estimate else [])


def at(fs: FigureSet, name: str, lang: str) -> str:
    """A figure with what it is and its as-of date: '+74.6% (derived, estimate; as of Apr 30, 2026)';
    where the data cannot give the figure (not yet in them), says so."""
    if name not in fs:
        return t("since.missing")
    fig, words = fs[name], mark_words(name, fs[name])
    if not words or fig.as_of is None:
        return dated(fig, lang) + marks(name, fig)
    return t("since.dated_marked", value=fig.text(lang), words=t("since.and").join(words), date=day(fig.as_of, lang))


class _Texts(dict):
    """Figure texts by name; a figure the data cannot give reads as missing (no KeyError on a page)."""

    def __missing__(self, name: str) -> str:
        return t("since.missing")


def next_fields(
    fs: FigureSet, names: Mapping[str, str], latest_model: str, article_on: date, lang: str
) -> dict[str, str]:
    """The placeholders of the "Twenty months on" prose (``content/<lang>/since.md``): each figure
    with its as-of date and, where it is derived or an estimate, saying so. ``names``: company names
    by ticker; ``latest_model``: the model behind ``deepseek.latest_compute``; ``article_on``: the
    article's date (``since.article_date``)."""
    x = _Texts(fs.texts(lang))
    plan_items = [
        t("since.capex.vs_plan_item", company=names[tk], change=at(fs, f"capex.{tk}.actual_vs_plan_2025", lang))
        for tk in since.BIG_FOUR
        if f"capex.{tk}.actual_vs_plan_2025" in fs
    ]
    groups = [g for g in GROUPS if f"group.{g}.change" in fs]
    up = [group_label(g) for g in groups if fs[f"group.{g}.change"].number >= 0]
    down = [group_label(g) for g in groups if fs[f"group.{g}.change"].number < 0]
    return {
        "article": when(article_on).text(lang),
        "latest": x["stocks.last_on"],
        "vs_plan": t("since.and").join(plan_items),
        "big4_actual": at(fs, "capex.big4.actual_2025", lang),
        "big4_guidance": at(fs, "capex.big4.guidance_2026", lang),
        "big4_change": at(fs, "capex.big4.guidance_2026_vs_2025", lang),
        "big4_ratio": at(fs, "capex.big4.guidance_2026_ratio", lang),
        "orcl": at(fs, "capex.ORCL.guidance_2026", lang),
        "orcl_name": names["ORCL"],
        "dc_latest": at(fs, "nvda.dc_latest", lang),
        "dc_yoy": at(fs, "nvda.dc_yoy", lang),
        "dc_since": at(fs, "nvda.dc_since_shock", lang),
        "dc_shock": x["nvda.dc_shock_quarter"]
        + (marks("nvda.dc_shock_quarter", fs["nvda.dc_shock_quarter"]) if "nvda.dc_shock_quarter" in fs else ""),
        "dc_fy": at(fs, "nvda.dc_fy", lang),
        "od_first": at(fs, "rental.on_demand.first", lang),
        "od_latest": at(fs, "rental.on_demand.latest", lang),
        "od_cut": at(fs, "rental.on_demand.cut", lang),
        "ct_low": at(fs, "rental.contract_1y.low", lang),
        "ct_latest": at(fs, "rental.contract_1y.latest", lang),
        "ct_rebound": at(fs, "rental.contract_1y.rebound", lang),
        "gw_first": at(fs, "stargate.gw_first", lang),
        "gw_now": at(fs, "stargate.gw", lang),
        "gw_goal": x["stargate.goal_gw"],
        "deals": x["deals.count"],
        "deals_on": day(fs["deals.count"].as_of, lang) if "deals.count" in fs else t("since.missing"),
        "openai_gw": at(fs, "deals.openai_gw", lang),
        "releases": x["deepseek.releases"],
        "latest_release": x["deepseek.latest_release"],
        "latest_model": latest_model,
        "latest_compute": at(fs, "deepseek.latest_compute", lang),
        "to_v3": at(fs, "deepseek.latest_to_v3", lang),
        "up": t("since.and").join(up) or t("since.stocks.nobody"),
        "down": t("since.and").join(down) or t("since.stocks.nobody"),
        "groups": count(len(groups)).text(lang),
        "aime": at(fs, "bench.deepseek_r1_0528.aime_2025", lang),
        "aime_r1": x["bench.deepseek_r1_0528.aime_2025.compared"],
    }


def titles(section: str, *keys: str, **fields: str) -> dict[str, str]:
    """A chart's translated titles: ``since.<section>.axis.<key>`` for each key."""
    return {k: t(f"since.{section}.axis.{k}", **fields) for k in keys}


def capex_titles(lang: str) -> dict[str, str]:
    return {"x": money_axis(lang)[1], **titles("capex", "company", "stage", "value", "period", "as_of")}


def nvidia_titles(lang: str) -> dict[str, str]:
    return {"y": money_axis(lang)[1], **titles("nvidia", "x", "quarter", "value", "ended", "reported")}


def rental_titles() -> dict[str, str]:
    return titles("rental", "x", "y", "series", "kind", "value", "basis", "as_of")


def stargate_titles(fields: Mapping[str, str]) -> dict[str, str]:
    return titles("stargate", "x", "y", "value", "as_of", "goal", goal=fields["gw_goal"])


def named(fs: FigureSet, prefix: str) -> tuple[str, ...]:
    """The names of ``fs`` that start with ``prefix`` (a section's figures, for its citation)."""
    return tuple(n for n in fs if n.startswith(prefix))


@memoized
def home_card(
    prices: pd.DataFrame,
    prices_since: pd.DataFrame,
    companies: pd.DataFrame,
    dates: pd.DataFrame,
    sources: pd.DataFrame,
    lang: str,
) -> dict | None:
    """Home's card on the evidence since (``ui.cards.figure_card``'s arguments): NVIDIA from the
    close before the shock to its latest close, its low and its return to the base, and the chips
    and power groups, each dated; None when NVIDIA has no close after the base in the data. Worked
    out once per file version and language."""
    from ui.cite import quiet_source

    fs = figures({"prices": prices, "prices_since": prices_since, "companies": companies, "dates": dates})
    n = "stock.NVDA"
    if f"{n}.change" not in fs:
        return None
    x = fs.texts(lang, f"{n}.change", f"{n}.low", "stocks.base_on")
    shown = [name for name in (f"{n}.change", "group.chips.change", "group.power.change") if name in fs]
    return dict(
        label=t("since.home.label", date=day(fs[f"{n}.change"].as_of, lang)),
        value=x[f"{n}.change"],
        help=t("since.home.help", base=x["stocks.base_on"]),
        lines=(
            t(
                "since.home.detail",
                low=x[f"{n}.low"],
                low_on=day(fs[f"{n}.low_on"].value, lang),
                back=back_text(fs, n, lang),
            ),
            t(
                "since.home.groups",
                chips=group_label("chips"),
                chips_change=at(fs, "group.chips.change", lang),
                power=group_label("power"),
                power_change=at(fs, "group.power.change", lang),
            ),
            t("since.home.caveat"),
        ),
        source=quiet_source(sources, *fs.sources(*shown)),
        page_id="stocks",
    )


# --- Revised estimates: the scaling page and Sources --------------------------------------------


@memoized
def revision_items(
    models: pd.DataFrame,
    models_since: pd.DataFrame,
    sources: pd.DataFrame,
    lang: str,
    key: str = "since.revisions.item",
) -> list[str]:
    """Every estimate we use that its source later revised (``since.revisions``), as Markdown: the
    model (escaped), both values with their sources' dates (and ids, confidence labels: ``key``
    chooses the wording), and the change (our arithmetic)."""
    from ui.sources_view import escape

    out = []
    for r in since.revisions(models, models_since, sources):

        def flop(v: float | None, on: date | None) -> str:
            text = (Figure(v, Kind.COMPUTE, sig=3).text(lang) + " FLOP") if v is not None else t("since.revisions.none")
            return t("since.revisions.value", value=text, date=day(on, lang) if on else "")

        change = Figure(r.change, Kind.CHANGE, digits=0).text(lang) if r.change is not None else ""
        out.append(
            t(
                key,
                model=escape(r.model),
                before=flop(r.before_flop, r.before_on),
                before_source=r.before_source,
                before_confidence=t(f"scaling.confidence.{r.before_confidence}"),
                after=flop(r.after_flop, r.after_on),
                after_source=r.after_source,
                after_confidence=t(f"scaling.confidence.{r.after_confidence}"),
                change=change,
            )
        )
    return out


def revisions_caption(
    models: pd.DataFrame, models_since: pd.DataFrame, sources: pd.DataFrame, shown: bool, lang: str
) -> str:
    """The scaling chart's note on Epoch's revisions: how many, and each (``revision_items``); whether
    the chart shows the revised values (``shown``: the later data are on) or the earlier ones."""
    items = revision_items(models, models_since, sources, lang)
    key = "since.scaling.revised_shown" if shown else "since.scaling.revised_hidden"
    return t(key, count=count(len(items)).text(lang), items=t("since.revisions.sep").join(items))


def tour_fields(fs: FigureSet, lang: str) -> dict[str, str]:
    """The tour step's placeholders: the four largest buyers' capex (2025 spent, 2026 guided, the
    change), NVIDIA's data-centre revenue against the quarter after the shock, and the chips, power
    and cloud groups since the shock; each with its as-of date and, where derived or an estimate,
    saying so."""
    return {
        "big4_actual": at(fs, "capex.big4.actual_2025", lang),
        "big4_guidance": at(fs, "capex.big4.guidance_2026", lang),
        "big4_change": at(fs, "capex.big4.guidance_2026_vs_2025", lang),
        "dc_since": at(fs, "nvda.dc_since_shock", lang),
        "dc_latest": at(fs, "nvda.dc_latest", lang),
        "chips": at(fs, "group.chips.change", lang),
        "power": at(fs, "group.power.change", lang),
        "cloud": at(fs, "group.cloud.change", lang),
        "base": fs["stocks.base_on"].text(lang),
    }


def article_on(sources: pd.DataFrame) -> date:
    """The article's date, as ``data/sources.csv`` gives it."""
    return since.article_date(sources)


def number(fs: FigureSet, name: str) -> float:
    """A figure's value as a float (NaN where the data cannot give it)."""
    return fs[name].number if name in fs else float("nan")


SECTION = ("intro", "table", "rows", "titles", "alt", "sentence", "caption", "source", "as_of")


def stock_section(
    prices: pd.DataFrame,
    prices_since: pd.DataFrame,
    companies: pd.DataFrame,
    dates: pd.DataFrame,
    sources: pd.DataFrame,
    lang: str,
) -> dict:
    """Everything the stock page's "since the shock" section shows (``SECTION``), worked out once
    per file version and language (a first load of the page paid for it on every reader): the intro,
    the group table (as the Arrow table ``st.dataframe`` sends), the chart's rows and titles, its alt
    text, the sentence, and the caption with its sources. The article's companies."""
    return dict(zip(SECTION, _stock_section(prices, prices_since, companies, dates, sources, lang)))


@memoized  # a plain tuple: each call copies only the frame, shallowly (a dict of it was deep-copied)
def _stock_section(
    prices: pd.DataFrame,
    prices_since: pd.DataFrame,
    companies: pd.DataFrame,
    dates: pd.DataFrame,
    sources: pd.DataFrame,
    lang: str,
) -> tuple:
    from streamlit import dataframe_util

    from core import stocks
    from ui.cite import source_line
    from ui.i18n import prose

    fs = figures({"prices": prices, "prices_since": prices_since, "companies": companies, "dates": dates})
    tickers = tuple(stocks.chart_tickers(companies))
    names = dict(zip(companies["ticker"], companies[f"name_{lang}"]))
    groups = dict(zip(companies["ticker"], companies["group"]))
    text = since_summary(fs, tickers, names, lang)
    return (
        prose("since", "stocks", base=fs["stocks.base_on"].text(lang), ends=text["ends"]),
        dataframe_util.convert_pandas_df_to_arrow_table(group_table(fs, lang)),
        company_rows(fs, tickers, names, groups, lang),
        chart_titles(fs, lang),
        text["alt"],
        text["sentence"],
        t("since.stocks.chart_caption") + " " + source_line(sources, *fs.sources(), "SVE"),
        source_line(sources, *fs.sources(), "SVE"),
        fs["stocks.last_on"].text(lang),
    )


@memoized
def next_texts(frames: Mapping[str, pd.DataFrame], lang: str) -> tuple[dict[str, str], str]:
    """What next's "Twenty months on" placeholders (``next_fields``) and its market lines as one
    Markdown list, worked out once per file version and language (keyed by the loaded frames, not by
    the figure set: pickling it into a key on every run cost more than the lookup)."""
    fs = figures(frames)
    companies = frames["companies"]
    names = dict(zip(companies["ticker"], companies[f"name_{lang}"]))
    latest_model = latest_estimated(frames["deepseek_releases"], frames["dates"])
    fields = next_fields(fs, names, latest_model, article_on(frames["sources"]), lang)
    return fields, "\n".join(f"- {line}" for line in market_lines(fs, lang))


def later_span(models_since: pd.DataFrame, sources: pd.DataFrame, lang: str) -> dict[str, str]:
    """The years of the later models the scaling page can add (``first``, ``last``) and the date of
    the newest source they come from (``date``): the toggle's label, from the data."""
    from core.scaling import LATER_FROM

    rows = models_since[models_since["date"] >= pd.Timestamp(LATER_FROM)]
    sdates = since.source_dates(sources)
    on = max((d for d in (sdates.get(str(i)) for i in rows["source_id"].unique()) if d), default=None)
    return {
        "first": str(LATER_FROM.year),
        "last": str(rows["date"].max().year) if len(rows) else str(LATER_FROM.year),
        "date": day(on, lang) if on else t("since.missing"),
    }


def as_of_text(fs, names: tuple[str, ...], lang: str) -> str:
    """The newest as-of date among ``names`` of a figure set, as text for an export ('' if none)."""
    from core.figures import when

    day = fs.as_of(*names)
    return when(day).text(lang) if day is not None else ""
