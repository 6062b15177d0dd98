"""The Sources page's text: one Markdown block per page group (a hundred sources as separate
elements cost Streamlit a third of a second per rerun), with every data text escaped so a title
or excerpt never turns into Markdown, math or HTML."""

from __future__ import annotations

import re

import pandas as pd

from core.formatting import fmt_date

_PUNCT = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|$~:\"'&])")


def escape(text: str) -> str:
    """Data text as literal Markdown: every ASCII punctuation mark escaped, newlines flattened."""
    return _PUNCT.sub(r"\\\1", " ".join(str(text).split()))


def _clean(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) or value is pd.NaT else value


def source_markdown(row: dict, words: dict[str, str], lang: str) -> str:
    """One source: title, publisher and date, id; where to find it; the excerpt and note."""
    row = {k: _clean(v) for k, v in row.items()}
    date = f", {fmt_date(row['date'].date(), lang, 'medium')}" if row["date"] else ""
    lines = [f"**{escape(row['title'])}**", f"{escape(row['publisher'])}{date} · `{row['source_id']}`"]
    if row["url"] and re.fullmatch(r"https?://[^\s<>]+", row["url"]):
        lines.append(f"{words['address']}: <{row['url']}>")
    if row["repository"]:
        path = f" · `{row['path']}`" if row["path"] else ""
        lines.append(f"{words['repository']}: `{row['repository']}` @ `{row['commit']}`{path}")
    if not row["url"] and not row["repository"] and row["kind"] != "editorial":
        lines.append(f"*{words['no_address']}*")
    if row["excerpt"]:
        lines.append(f"*{words['excerpt']}: “{escape(row['excerpt'])}”*")
    if row["note"]:
        lines.append(f"*{words['note']}: {escape(row['note'])}*")
    return "  \n".join(lines)


def group_markdown(sources: pd.DataFrame, ids: list[str], words: dict[str, str], lang: str) -> str:
    by_id = {r["source_id"]: r for r in sources.to_dict("records")}
    return "\n\n---\n\n".join(source_markdown(by_id[sid], words, lang) for sid in ids if sid in by_id)


def revisions_markdown(items: list[str]) -> str:
    """The revised figures as a Markdown list (``since_view.revision_items``: our own wording around
    formatted values, the model names escaped)."""
    return "\n".join(f"- {item}" for item in items)
