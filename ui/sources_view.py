"""The Sources page's text: one Markdown block per page group (a hundred sources as separate
elements cost Streamlit a third of a second per rerun), with every data text escaped so a title
or excerpt never turns into Markdown, math or HTML. Our own words about a source come in the
reader's language (ui.i18n.source_texts); cited titles and excerpts stay as published."""

from __future__ import annotations

import re

import pandas as pd

from core.formatting import fmt_date
from ui.i18n import FALLBACK, PUNCTUATION, source_texts

_PUNCT = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|$~:\"'&])")
_CJK = re.compile("[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def escape(text: str) -> str:
    """Data text as literal Markdown: every ASCII punctuation mark escaped, newlines flattened."""
    return _PUNCT.sub(r"\\\1", " ".join(str(text).split()))


def _clean(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) or value is pd.NaT else value


def source_markdown(row: dict, words: dict[str, str], lang: str) -> str:
    """One source: title, publisher and date, id; where to find it; the excerpt and note."""
    row = {k: _clean(v) for k, v in row.items()}
    own = source_texts(lang).get(row["source_id"], {})  # title, publisher, note: ours, translated
    row.update({k: v for k, v in own.items() if k in ("title", "publisher", "note") and v})
    punct = PUNCTUATION.get(lang, PUNCTUATION[FALLBACK])
    colon = punct["colon"]
    date = f"{punct['comma']}{fmt_date(row['date'].date(), lang, 'medium')}" if row["date"] else ""
    lines = [f"**{escape(row['title'])}**", f"{escape(row['publisher'])}{date} · `{row['source_id']}`"]
    if row["url"] and re.fullmatch(r"https?://[^\s<>]+", row["url"]):
        lines.append(f"{words['address']}{colon}<{row['url']}>")
    if row["repository"]:
        path = f" · `{row['path']}`" if row["path"] else ""
        lines.append(f"{words['repository']}{colon}`{row['repository']}` @ `{row['commit']}`{path}")
    if not row["url"] and not row["repository"] and row["kind"] != "editorial":
        lines.append(_italic(words["no_address"]))
    if row["excerpt"]:
        lines.append(_italic(f"{words['excerpt']}{colon}“{escape(row['excerpt'])}”"))
    if row["note"]:
        lines.append(_italic(f"{words['note']}{colon}{escape(row['note'])}"))
    return "  \n".join(lines)


def _italic(text: str) -> str:
    """Italics for Latin text only: Japanese has none (slanted kanji and kana are a distortion)."""
    return text if _CJK.search(text) else f"*{text}*"


def group_markdown(sources: pd.DataFrame, ids: list[str], words: dict[str, str], lang: str) -> str:
    by_id = {r["source_id"]: r for r in sources.to_dict("records")}
    return "\n\n---\n\n".join(source_markdown(by_id[sid], words, lang) for sid in ids if sid in by_id)


def revisions_markdown(items: list[str]) -> str:
    """The revised figures as a Markdown list (``since_view.revision_items``: our own wording around
    formatted values, the model names escaped)."""
    return "\n".join(f"- {item}" for item in items)
