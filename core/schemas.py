"""The schema of every file in ``data/``: columns, types, ranges, key, and the pages that use it.

One ``register(Dataset(...))`` block a file. New files append a block at the end (this file
merges with git's union driver, see .gitattributes, so blocks added on two branches both land).
"""

from core.datasets import Column, Dataset, register

GROUPS = ("gafam", "chips", "cloud", "power", "market")

register(Dataset(
    "sources", "sources.csv",
    (
        Column("source_id"),
        Column("kind", choices=("article", "report", "web", "dataset", "repository", "editorial")),
        Column("title"),
        Column("publisher"),
        Column("date", "date", required=False),
        Column("url", required=False),
        Column("repository", required=False),
        Column("commit", required=False),
        Column("path", required=False),
        Column("excerpt", required=False),
        Column("note", required=False),
    ),
    key=("source_id",), pages=("sources",), has_source=False,
))

register(Dataset(
    "facts", "facts.csv",
    (Column("key"), Column("value", "float", min=0), Column("unit"), Column("source_id"),
     Column("note", required=False)),
    key=("key",), pages=("home", "deepseek", "stargate", "scenarios"),
))

register(Dataset(
    "dates", "dates.csv",
    (Column("key"), Column("date", "date"), Column("source_id"), Column("note", required=False)),
    key=("key",), pages=("home",),
))

register(Dataset(
    "companies", "companies.csv",
    (Column("ticker"), Column("name_en"), Column("name_ja"), Column("group", choices=GROUPS),
     Column("named_in_article", "bool"), Column("source_id")),
    key=("ticker",), pages=("home", "stocks", "next"),
))

register(Dataset(
    "prices", "prices.csv",
    (Column("date", "date"), Column("ticker"), Column("close", "float", min=0.01, max=1e6),
     Column("volume", "float", required=False, min=0), Column("source_id")),
    key=("ticker", "date"), pages=("home", "stocks", "next"),
))

register(Dataset(
    "gpus", "gpus.csv",
    (Column("gpu"),
     Column("spec", choices=("bf16_dense_tflops", "fp8_dense_tflops", "hbm_gb", "nvlink_gbs", "tdp_w",
                             "purchase_usd", "rental_usd_per_hour")),
     Column("value", "float", min=0, max=1e6), Column("unit"), Column("source_id"), Column("note", required=False)),
    key=("gpu", "spec"), pages=("scaling", "stargate", "deepseek", "scenarios"),
))

register(Dataset(
    "capex", "capex.csv",
    (Column("company"), Column("ticker"), Column("period"),
     Column("year", "int", min=2000, max=2100),  # the (fiscal) year the period belongs to
     Column("period_type", choices=("year", "quarter")),
     Column("amount_usd_billion", "float", required=False, min=0, max=10000),
     Column("low_usd_billion", "float", required=False, min=0, max=10000),
     Column("high_usd_billion", "float", required=False, min=0, max=10000),
     Column("kind", choices=("guidance", "actual")),
     Column("stated_on", "date", required=False),
     Column("stated_on_precision", choices=("exact", "on_or_before", "unknown")),
     Column("primary", "bool"),  # no: an alternative definition kept for reference (e.g. a cash-flow line)
     Column("source_id"), Column("note", required=False)),
    key=("ticker", "period", "kind", "stated_on", "source_id", "amount_usd_billion"), pages=("stargate", "next"),
))

register(Dataset(
    "stargate_timeline", "stargate_timeline.csv",
    (Column("date", "date"), Column("event"), Column("metric"), Column("value", "float", min=0),
     Column("unit"), Column("qualifier", required=False, choices=("up_to", "about", "more_than", "nearly")),
     Column("source_id"), Column("note", required=False)),
    key=("event", "metric"), pages=("stargate",),
))
