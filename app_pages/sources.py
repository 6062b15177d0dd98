"""Sources: every source id, what it is, grouped by the page that uses it; a CSV per data file."""

from pathlib import Path

import streamlit as st

from core.datasets import SCHEMAS, DataError
from core.formatting import fmt_date, fmt_number
from core.paths import data_dir
from core.provenance import sources_by_page
from ui import pages
from ui.data import load, require, show_data_error
from ui.i18n import lang, prose, t

L = lang()
(sources,) = require("sources")
frames, broken = {}, []
for name in SCHEMAS:
    try:
        frames[name] = load(name)
    except DataError as err:
        broken.append(err)
for err in broken:
    show_data_error(err)

st.title(t("sources.title"))
st.markdown(prose("sources", "intro"))


def show_source(row: dict) -> None:
    date = f", {fmt_date(row['date'].date(), L, 'medium')}" if row["date"] else ""
    st.markdown(f"**{row['title']}**  \n{row['publisher']}{date} · `{row['source_id']}`")
    if row["url"]:
        st.markdown(f"{t('sources.address')}: <{row['url']}>")
    if row["repository"]:
        where = f"`{row['repository']}` @ `{row['commit']}`" + (f" · `{row['path']}`" if row["path"] else "")
        st.markdown(f"{t('sources.repository')}: {where}")
    if not row["url"] and not row["repository"] and row["kind"] != "editorial":
        st.caption(t("sources.no_address"))
    if row["excerpt"]:
        st.caption(f"{t('sources.excerpt')}: “{row['excerpt']}”")
    if row["note"]:
        st.caption(f"{t('sources.note')}: {row['note']}")


st.header(t("sources.by_page"))
by_id = {r["source_id"]: {k: ("" if v is None or v != v else v) for k, v in r.items()} for r in sources.to_dict("records")}
order = [p.id for p in pages.available()]
for page_id, ids in sources_by_page(frames, order).items():
    title = t(f"nav.{page_id}") if page_id != "other" else t("sources.other")
    with st.expander(f"{title} ({len(ids)})", expanded=page_id == "home"):
        for sid in ids:
            with st.container(border=True):
                show_source(by_id[sid])

st.header(t("sources.downloads"))
st.caption(t("sources.downloads_help"))


@st.cache_data(show_spinner=False, max_entries=16)
def file_bytes(path: str, stamp: float) -> bytes:
    return Path(path).read_bytes()


cols = st.columns(2)
for i, (name, schema) in enumerate(SCHEMAS.items()):
    if name not in frames:
        continue
    path = data_dir() / schema.file
    cols[i % 2].download_button(
        t("sources.download", file=schema.file, rows=fmt_number(len(frames[name]), L)),
        data=file_bytes(str(path), path.stat().st_mtime), file_name=schema.file, mime="text/csv",
        on_click="ignore", icon=":material/download:", key=f"dl_{name}")
