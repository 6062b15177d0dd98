"""QR codes for the audience (segno), and the public address they point to."""

from __future__ import annotations

import io
from urllib.parse import urlencode, urlsplit

import segno


def safe_base_url(candidate: str | None, fallback: str) -> str:
    """An http(s) base address without query or fragment; anything else gives ``fallback``."""
    if candidate:
        parts = urlsplit(candidate.strip())
        if parts.scheme in ("http", "https") and parts.netloc and len(candidate) <= 300:
            return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
    return fallback.rstrip("/")


def view_url(base: str, page_path: str, params: dict[str, str]) -> str:
    """The address of a view: base + page path + the query string that reproduces it."""
    url = base.rstrip("/") + ("/" + page_path.strip("/") if page_path.strip("/") else "")
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return url + ("?" + query if query else "")


def qr_svg(url: str, dark: str = "#000000", light: str = "#ffffff", scale: int = 6) -> str:
    """A QR code of ``url`` as an SVG string (quiet zone included, readable from a screen)."""
    buf = io.BytesIO()
    segno.make(url, error="m").save(
        buf, kind="svg", scale=scale, dark=dark, light=light, xmldecl=False, svgns=True, border=2
    )
    return buf.getvalue().decode("utf-8")
