"""The app's pages in the article's order. Only pages whose file exists are listed."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from core.paths import ROOT
from ui.i18n import LANG_KEY, lang, locale_default, t


@dataclass(frozen=True)
class PageInfo:
    id: str
    file: str  # relative to the project root
    url: str
    icon: str
    prefix: str = ""  # URL parameters of this page's controls start with it (e.g. "sl_")


ALL_PAGES = (
    PageInfo("home", "app_pages/home.py", "home", ":material/home:"),
    PageInfo("talk", "app_pages/talk.py", "talk", ":material/slideshow:"),
    PageInfo("stocks", "app_pages/stocks.py", "stocks", ":material/trending_down:", "s_"),
    PageInfo("scaling", "app_pages/scaling_law.py", "scaling-law", ":material/show_chart:", "sl_"),
    PageInfo("stargate", "app_pages/stargate.py", "stargate", ":material/factory:", "sg_"),
    PageInfo("deepseek", "app_pages/deepseek.py", "deepseek", ":material/savings:", "ds_"),
    PageInfo("scenarios", "app_pages/scenarios.py", "scenarios", ":material/tune:", "sc_"),
    PageInfo("next", "app_pages/what_next.py", "what-next", ":material/explore:", "wn_"),
    PageInfo("sources", "app_pages/sources.py", "sources", ":material/menu_book:"),
)


def available() -> list[PageInfo]:
    return [p for p in ALL_PAGES if (ROOT / p.file).exists()]


def exists(page_id: str) -> bool:
    return any(p.id == page_id for p in available())


def navigation_pages() -> list[st.Page]:
    return [
        st.Page(str(ROOT / p.file), title=t(f"nav.{p.id}"), icon=p.icon, url_path=p.url, default=p.id == "home")
        for p in available()
    ]


def language_params() -> dict[str, str] | None:
    """The query string a link to another page carries: the language when it is not the browser's
    default (as the address bar does). Streamlit drops the query string on a page switch; the link's
    own address then still says the language (opened in a new tab, copied, shared)."""
    here = lang()
    return {LANG_KEY: here} if here != locale_default() else None


def link(page_id: str, label: str | None = None, icon: str | None = None) -> None:
    """A link to another page of the app, carrying the language; nothing if the page is absent."""
    for p in available():
        if p.id == page_id:
            st.page_link(
                str(ROOT / p.file),
                label=label or t(f"nav.{p.id}"),
                icon=icon or p.icon,
                query_params=language_params(),
            )
            return


def other_page_prefixes(current_url: str) -> tuple[str, ...]:
    """Parameter prefixes of the pages other than the one at ``current_url``."""
    return tuple(p.prefix for p in ALL_PAGES if p.prefix and p.url != current_url)
