"""The schema of every file in ``data/``: columns, types, ranges, key, and the pages that use it.

One ``register(Dataset(...))`` block a file. New files append a block at the end (this file
merges with git's union driver, see .gitattributes, so blocks added on two branches both land).
"""

from core.datasets import Column, Dataset, register

GROUPS = ("gafam", "chips", "cloud", "power", "market")

register(
    Dataset(
        "sources",
        "sources.csv",
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
        key=("source_id",),
        pages=("sources",),
        has_source=False,
    )
)

register(
    Dataset(
        "facts",
        "facts.csv",
        (
            Column("key"),
            Column("value", "float", min=0),
            Column("unit"),
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("key",),
        pages=("home", "stocks", "scaling", "deepseek", "stargate", "scenarios", "next"),
    )
)

register(
    Dataset(
        "dates",
        "dates.csv",
        (Column("key"), Column("date", "date"), Column("source_id"), Column("note", required=False)),
        key=("key",),
        pages=("home", "stocks", "stargate", "next"),
    )
)

register(
    Dataset(
        "companies",
        "companies.csv",
        (
            Column("ticker"),
            Column("name_en"),
            Column("name_ja"),
            Column("group", choices=GROUPS),
            Column("named_in_article", "bool"),
            Column("source_id"),
        ),
        key=("ticker",),
        pages=("home", "stocks", "stargate", "next"),  # Stargate: the GAFAM rows of its capex chart
    )
)

register(
    Dataset(
        "prices",
        "prices.csv",
        (
            Column("date", "date"),
            Column("ticker"),
            Column("close", "float", min=0.01, max=1e6),
            Column("volume", "float", required=False, min=0),
            Column("source_id"),
        ),
        key=("ticker", "date"),
        pages=("home", "stocks", "next"),
    )
)

register(
    Dataset(
        "gpus",
        "gpus.csv",
        (
            Column("gpu"),
            Column(
                "spec",
                choices=(
                    "bf16_dense_tflops",
                    "fp8_dense_tflops",
                    "hbm_gb",
                    "nvlink_gbs",
                    "tdp_w",
                    "purchase_usd",
                    "rental_usd_per_hour",
                ),
            ),
            Column("value", "float", min=0, max=1e6),
            Column("unit"),
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("gpu", "spec"),
        pages=("scaling", "stargate", "deepseek", "scenarios"),
    )
)

register(
    Dataset(
        "models_compute",
        "models_compute.csv",
        (
            Column("model"),
            Column("organization"),
            Column("date", "date"),
            Column("training_compute_flop", "float", min=1e15, max=1e30),
            Column("parameters", "float", required=False, min=1e6, max=1e14),
            Column("active_parameters", "float", required=False, min=1e6, max=1e14),
            Column("training_tokens", "float", required=False, min=1e6, max=1e15),
            Column("confidence", choices=("Confident", "Likely", "Speculative")),
            Column("label", required=False),
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("model",),
        pages=("scaling",),
    )
)

register(
    Dataset(
        "scaling_fits",
        "scaling_fits.csv",
        (
            Column("fit", choices=("hoffmann", "besiroglu", "rule")),
            Column("param", choices=("A", "B", "E", "alpha", "beta", "tokens_per_param")),
            Column("value", "float", min=0, max=1e6),
            Column("low", "float", required=False, min=0, max=1e6),
            Column("high", "float", required=False, min=0, max=1e6),
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("fit", "param"),
        pages=("scaling",),
    )
)

register(
    Dataset(
        "scaling_milestones",
        "scaling_milestones.csv",
        (
            Column("key"),
            Column("date", "date"),
            Column("precision", choices=("day", "month", "year")),
            Column("model", required=False),
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("key",),
        pages=("scaling",),
    )
)

register(
    Dataset(
        "events",
        "events.csv",
        (
            Column("date", "date"),
            Column("kind", choices=("deepseek", "policy", "earnings", "capex", "macro", "market")),
            Column("tickers", required=False),
            Column("title_en"),
            Column("title_ja"),
            Column("timing", choices=("before_open", "after_close", "during", "n/a")),
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("date", "title_en"),
        pages=("home", "stocks"),  # Home: its who-fell chart fades a fall that came after the company's results
    )
)

# --- DeepSeek page (issue 4) ---
register(
    Dataset(
        "benchmarks_v3",
        "benchmarks_v3.csv",
        (
            Column("category"),
            Column("benchmark"),
            Column("metric"),
            Column("model"),
            Column("model_id"),
            Column("score", "float", required=False, min=0, max=100),
            Column("best_in_row_bold", "bool"),
            Column("source_id"),
        ),
        key=("benchmark", "metric", "model_id"),
        pages=("deepseek",),
    )
)

register(
    Dataset(
        "benchmarks_r1",
        "benchmarks_r1.csv",
        (
            Column("category"),
            Column("benchmark"),
            Column("metric"),
            Column("model"),
            Column("model_id"),
            Column("score", "float", required=False, min=0, max=10000),
            Column("best_in_row_bold", "bool"),
            Column("paper_table4_score_if_different", "float", required=False, min=0, max=10000),
            Column("source_id"),
        ),
        key=("benchmark", "metric", "model_id"),
        pages=("deepseek",),
    )
)

register(
    Dataset(
        "benchmark_models",
        "benchmark_models.csv",
        (
            Column("model_id"),
            Column("label"),
            Column("open_weights", "bool"),
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("model_id",),
        pages=("deepseek",),
    )
)

register(
    Dataset(
        "peer_costs",
        "peer_costs.csv",
        (
            Column("model", choices=("gpt4", "claude35_sonnet")),
            Column("estimate"),
            Column("low_usd", "float", min=0),
            Column("high_usd", "float", required=False, min=0),
            Column("lower_bound", "bool"),
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("model", "estimate"),
        pages=("deepseek",),
    )
)

register(
    Dataset(
        "presets",
        "presets.csv",
        (
            Column("preset", choices=("v3", "llama", "gpt4", "own")),
            Column("field"),
            Column("value", "float", required=False, min=0),
            Column("option", required=False),
            Column("ref", required=False),
            Column("basis", choices=("fact", "estimate", "derived", "assumption")),
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("preset", "field"),
        pages=("scenarios",),
    )
)

register(
    Dataset(
        "capex",
        "capex.csv",
        (
            Column("company"),
            Column("ticker"),
            Column("period"),
            Column("year", "int", min=2000, max=2100),  # the (fiscal) year the period belongs to
            Column("period_type", choices=("year", "quarter")),
            Column("amount_usd_billion", "float", required=False, min=0, max=10000),
            Column("low_usd_billion", "float", required=False, min=0, max=10000),
            Column("high_usd_billion", "float", required=False, min=0, max=10000),
            Column("kind", choices=("guidance", "actual")),
            Column("stated_on", "date", required=False),
            Column("stated_on_precision", choices=("exact", "on_or_before", "unknown")),
            Column("primary", "bool"),  # no: an alternative definition kept for reference (e.g. a cash-flow line)
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("ticker", "period", "kind", "stated_on", "source_id", "amount_usd_billion"),
        pages=("stargate", "next"),
    )
)

register(
    Dataset(
        "stargate_timeline",
        "stargate_timeline.csv",
        (
            Column("date", "date"),
            Column("event"),
            Column("metric"),
            Column("value", "float", min=0),
            Column("unit"),
            Column("qualifier", required=False, choices=("up_to", "about", "more_than", "nearly")),
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("event", "metric"),
        pages=("stargate", "next"),
    )
)

# --- After the shock (issue 22): data past the article's window; core/since.py reads them ---
CONFIDENCE = ("high", "medium", "low")  # the reference's confidence in a row's sources, kept per row

register(
    Dataset(
        "prices_since",
        "prices_since.csv",
        (
            Column("date", "date"),
            Column("ticker"),
            Column("close", "float", min=0.01, max=1e6),
            Column("volume", "float", required=False, min=0),
            Column("source_id"),
        ),
        key=("ticker", "date"),
        pages=("home", "stocks", "next"),  # Home: its card on NVIDIA since the shock
    )
)

register(
    Dataset(
        "capex_since",
        "capex_since.csv",
        (
            Column("company"),
            Column("ticker"),
            Column("period"),
            Column("year", "int", min=2000, max=2100),  # the year the period belongs to, on year_basis
            Column("year_basis", choices=("calendar", "fiscal")),
            Column("period_type", choices=("year", "quarter")),
            Column("period_end", "date", required=False),  # quarters: the last day of the quarter
            Column("amount_usd_billion", "float", required=False, min=0, max=10000),
            Column("low_usd_billion", "float", required=False, min=0, max=10000),
            Column("high_usd_billion", "float", required=False, min=0, max=10000),
            Column("kind", choices=("guidance", "actual")),
            Column("stated_on", "date"),
            Column("stated_on_precision", choices=("exact", "on_or_before")),
            Column("confidence", choices=CONFIDENCE),
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("ticker", "period", "kind", "stated_on", "source_id"),
        pages=("next",),  # (the Stargate page does not show the later capex yet)
    )
)

register(
    Dataset(
        "nvidia_dc_revenue",
        "nvidia_dc_revenue.csv",
        (
            Column("fiscal_period"),
            Column("period_type", choices=("quarter", "year")),
            Column("fiscal_year", "int", min=2000, max=2100),
            Column("fiscal_quarter", "int", required=False, min=1, max=4),
            Column("quarter_end", "date", required=False),  # end of the period (blank: not in our sources)
            Column("reported_on", "date"),
            Column("data_center_usd_billion", "float", required=False, min=0, max=10000),
            Column("total_revenue_usd_billion", "float", required=False, min=0, max=10000),
            Column("dc_yoy_growth", "float", required=False, min=-1, max=100),  # as the source states it
            Column("confidence", choices=CONFIDENCE),
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("fiscal_period",),
        pages=("next",),
    )
)

register(
    Dataset(
        "gpu_rental",
        "gpu_rental.csv",
        (
            Column("date", "date"),  # the first day of the period the price is for
            Column("date_precision", choices=("day", "month")),
            Column("gpu"),
            # on-demand and one-year contract prices are different markets: never one line
            Column("series", choices=("on_demand", "contract_1y")),
            Column("stat", choices=("price", "median", "range", "cycle_low", "cut")),
            Column("usd_per_gpu_hour", "float", required=False, min=0, max=100),
            Column("low_usd_per_gpu_hour", "float", required=False, min=0, max=100),
            Column("high_usd_per_gpu_hour", "float", required=False, min=0, max=100),
            Column("change", "float", required=False, min=-1, max=10),  # stat 'cut': the price change
            Column("provider_or_index"),
            Column("confidence", choices=CONFIDENCE),
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("date", "series", "stat", "source_id"),
        pages=("next",),
    )
)

register(
    Dataset(
        "stargate_compute_since",
        "stargate_compute_since.csv",
        (
            Column("date", "date"),
            Column("date_precision", choices=("exact", "on_or_before")),
            Column("kind", choices=("site", "milestone", "compute_deal")),
            Column("program", choices=("stargate", "openai", "other")),
            Column("parties"),
            Column("title_en"),
            Column("title_ja"),
            Column("gw", "float", required=False, min=0, max=1000),
            # total: the program's stated total; site: one site; deal: the size of one agreement
            Column("gw_kind", required=False, choices=("total", "site", "deal")),
            Column("gw_qualifier", required=False, choices=("up_to", "about", "more_than", "at_least")),
            Column("usd_billion", "float", required=False, min=0, max=10000),
            Column("usd_qualifier", required=False, choices=("up_to", "about", "more_than", "at_least")),
            Column("chips", "float", required=False, min=0, max=1e8),
            Column("confidence", choices=CONFIDENCE),
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("date", "title_en"),
        pages=("next",),  # (the Stargate page does not show the later milestones yet)
    )
)

register(
    Dataset(
        "deepseek_releases",
        "deepseek_releases.csv",
        (
            Column("model"),
            Column("release_date", "date"),
            Column("total_params", "float", required=False, min=1e6, max=1e14),
            Column("active_params", "float", required=False, min=1e6, max=1e14),
            Column("training_tokens", "float", required=False, min=1e6, max=1e15),
            Column("training_compute_flop", "float", required=False, min=1e15, max=1e30),  # Epoch AI's estimate
            Column("compute_confidence", required=False, choices=("Confident", "Likely", "Speculative")),
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("model",),
        pages=("next",),  # (the DeepSeek page does not show the later releases yet)
    )
)

register(
    Dataset(
        "benchmarks_since",
        "benchmarks_since.csv",
        (
            Column("model"),
            Column("date", "date"),  # the model's release, when the result was published
            Column("benchmark"),
            Column("metric"),
            Column("score", "float", min=0, max=10000),
            Column("max_score", "float", required=False, min=0, max=10000),
            Column("compared_model", required=False),
            Column("compared_score", "float", required=False, min=0, max=10000),
            Column("confidence", choices=CONFIDENCE),
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("model", "benchmark"),
        pages=("next",),  # (the DeepSeek page does not show the later scores yet)
    )
)

register(
    Dataset(
        "models_compute_since",
        "models_compute_since.csv",
        (
            Column("model"),
            Column("organization"),
            Column("date", "date"),
            Column("training_compute_flop", "float", required=False, min=1e15, max=1e30),  # blank: no estimate
            Column("parameters", "float", required=False, min=1e6, max=1e14),
            Column("confidence", choices=("Confident", "Likely", "Speculative", "Unknown")),
            Column("frontier", "bool", required=False),  # Epoch's 'frontier model' flag
            Column("revises", required=False),  # the same model's row in models_compute.csv (an earlier estimate)
            Column("source_id"),
            Column("note", required=False),
        ),
        key=("model",),
        pages=("scaling", "next", "sources"),  # next: V3's revised estimate, against DeepSeek's latest
    )
)
