"""Sources page text: data shown literally (no Markdown, math or HTML from a data cell)."""

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from ui.sources_view import escape, group_markdown, source_markdown

WORDS = {
    "address": "Address",
    "repository": "Repository",
    "excerpt": "Excerpt",
    "note": "Note",
    "no_address": "No address",
}
ROW = {
    "source_id": "V3R",
    "title": "DeepSeek-V3 *Technical* Report",
    "publisher": "DeepSeek-AI",
    "date": pd.Timestamp("2024-12-27"),
    "url": "https://arxiv.org/abs/2412.19437",
    "repository": "",
    "commit": "",
    "path": "",
    "kind": "paper",
    "excerpt": "costs $5.576M <b>only</b> [link](x)",
    "note": float("nan"),
}


def test_a_source_reads_as_expected():
    md = source_markdown(ROW, WORDS, "en")
    assert md.startswith(r"**DeepSeek\-V3 \*Technical\* Report**")
    assert "Dec 27, 2024 · `V3R`" in md and "Address: <https://arxiv.org/abs/2412.19437>" in md
    assert r"\$5\.576M \<b\>only\</b\> \[link\]\(x\)" in md and "Note" not in md


def test_unsafe_address_is_not_linked():
    md = source_markdown({**ROW, "url": "javascript:alert(1)"}, WORDS, "en")
    assert "javascript" not in md and "Address" not in md
    assert "No address" not in source_markdown({**ROW, "url": "", "kind": "editorial"}, WORDS, "en")


def test_group_keeps_order_and_skips_unknown_ids():
    frame = pd.DataFrame([ROW, {**ROW, "source_id": "B", "title": "Second"}])
    md = group_markdown(frame, ["B", "nope", "V3R"], WORDS, "ja")
    assert md.index("Second") < md.index("Technical") and md.count("---") == 1


@given(st.text(max_size=80))
def test_escaped_text_has_no_bare_markdown_or_html(text):
    out = escape(text)
    specials = set("\\`*_{}[]()<>#+-.!|$~:\"'&")
    i = 0
    while i < len(out):  # every special character is preceded by a backslash
        if out[i] == "\\":
            assert i + 1 < len(out) and out[i + 1] in specials
            i += 2
            continue
        assert out[i] not in specials and out[i] not in "\n\r"
        i += 1
