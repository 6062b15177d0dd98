from core import datasets
from core.datasets import SCHEMAS
from core.provenance import source_usage, sources_by_page


def frames():
    return {name: datasets.load(name) for name in SCHEMAS}


def test_every_cited_source_exists_and_every_source_is_cited():
    usage = source_usage(frames())
    ids = set(datasets.load("sources")["source_id"])
    assert set(usage) <= ids
    assert ids - set(usage) == set()


def test_grouping_by_page():
    grouped = sources_by_page(frames(), ["home", "sources"])
    assert "V3R" in grouped["home"] and "BT39" in grouped["home"]
    assert "EPH" in grouped["other"]  # GPU specs: no page listed here uses them
    everything = sources_by_page(
        frames(), ["home", "stocks", "scaling", "stargate", "deepseek", "scenarios", "next", "sources"]
    )
    assert "other" not in everything
    only_sources = sources_by_page(frames(), ["sources"])
    assert "V3R" in only_sources["other"]
