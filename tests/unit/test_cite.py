"""The quiet source line under Home's figures: the sources' short names, each once, and the full
citations for its tooltip."""

from __future__ import annotations

import pytest

from core import datasets
from ui.cite import _short_labels, short_name


@pytest.mark.parametrize(
    ("kind", "title", "publisher", "expected"),
    [
        (
            "dataset",
            "Daily closing prices (Yahoo Finance data)",
            "SungKyu-Kim39/BackTester39 on GitHub",
            "Daily closing prices",
        ),
        ("dataset", "日次終値（Yahoo Financeのデータ）", "GitHubのSungKyu-Kim39/BackTester39", "日次終値"),
        ("article", "DeepSeek「後」の世界で起きること、…", "Business+IT (ビジネス+IT)", "Business+IT"),
        ("report", "DeepSeek-V3 Technical Report", "DeepSeek-AI", "DeepSeek-AI"),
        ("web", "Announcing The Stargate Project (OpenAI post)", "OpenAI via WowTechToday", "OpenAI"),
        ("web", "Announcing The Stargate Project（OpenAIの投稿）", "OpenAI（WowTechToday経由）", "OpenAI"),
        (
            "editorial",
            "Scale vs Efficiency: our own grouping and labels",
            "Scale vs Efficiency contributors",
            "Scale vs Efficiency",
        ),
        ("web", "A title", "(odd)", "(odd)"),  # nothing before the qualifier: the whole name
    ],
    ids=["dataset", "dataset-ja", "article", "report", "via", "via-ja", "editorial", "all-qualifier"],
)
def test_short_names(kind, title, publisher, expected):
    assert short_name(kind, title, publisher) == expected


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_source_has_a_short_name(lang):
    sources = datasets.load("sources")
    short = _short_labels(sources, lang)
    assert set(short) == set(sources["source_id"])
    assert all(0 < len(name) <= 60 for name in short.values()), [n for n in short.values() if len(n) > 60]
