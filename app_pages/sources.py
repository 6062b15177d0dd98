"""Sources: every source id, what it is, grouped by the page that uses it; a CSV per data file."""

from pathlib import Path

import streamlit as st

from core.datasets import SCHEMAS
from core.formatting import fmt_number
from core.paths import data_dir
from core.provenance import sources_by_page
from ui import pages
from ui.data import load_many, require, show_data_error
from ui.i18n import lang, prose, t
from ui.memo import cached
from ui.since_view import revision_items
from ui.sources_view import group_markdown, revisions_markdown

L = lang()
(sources,) = require("sources")
frames, broken = load_many(SCHEMAS)
for err in broken:
    show_data_error(err)

st.title(t("sources.title"))
st.markdown(prose("sources", "intro"))

st.header(t("sources.by_page"))
words = {k: t(f"sources.{k}") for k in ("address", "repository", "excerpt", "note", "no_address")}
order = [p.id for p in pages.available()]
for page_id, ids in cached(sources_by_page, frames, order).items():
    title = t(f"nav.{page_id}") if page_id != "other" else t("sources.other")
    with st.expander(f"{title} ({len(ids)})", expanded=page_id == "home"):
        st.markdown(cached(group_markdown, sources, ids, words, L))

if {"models_compute", "models_compute_since"} <= set(frames):  # later sources that revised a figure we use
    st.header(t("since.sources.title"))
    st.markdown(t("since.sources.intro"))
    items = cached(
        revision_items, frames["models_compute"], frames["models_compute_since"], sources, L, "since.sources.item"
    )
    st.markdown(revisions_markdown(items))

st.header(t("sources.downloads"))
st.caption(t("sources.downloads_help"))

cols = st.columns(2)
for i, (name, schema) in enumerate(SCHEMAS.items()):
    if name not in frames:
        continue
    path = data_dir() / schema.file
    cols[i % len(cols)].download_button(  # the bytes are read when the reader clicks, not on every rerun
        t("sources.download", file=schema.file, rows=fmt_number(len(frames[name]), L)),
        data=lambda p=path: Path(p).read_bytes(),
        file_name=schema.file,
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        key=f"dl_{name}",
    )
