"""A minimal Streamlit websocket client: what a browser tab says to the server, without a browser.

Speaks ``/_stcore/stream`` (subprotocol ``streamlit``): sends ``BackMsg.rerun_script`` with a page
name, query string and widget states, and reads ``ForwardMsg``s until the run's
``script_finished``. Used by the benchmarks (round trip, bytes per interaction, load). Loopback
only: the URL must point at this machine.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState, ContextInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass
class RunResult:
    seconds: float
    bytes_received: int
    messages: int
    elements: int
    exceptions: list[str] = field(default_factory=list)
    widgets: dict[str, dict] = field(default_factory=dict)  # label -> {"id", "type", "value"}


class StreamlitSession:
    """One browser-like session. ``async with StreamlitSession(url) as s: await s.run(page)``."""

    def __init__(self, base_url: str, locale: str = "en-US"):
        host = urlparse(base_url).hostname
        if host not in LOOPBACK:
            raise ValueError(f"benchmarks only talk to this machine, not {host}")
        self.ws_url = base_url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        self.locale = locale
        self.ws = None
        self.widget_states: dict[str, WidgetState] = {}

    async def __aenter__(self):
        self.ws = await websockets.connect(self.ws_url, subprotocols=["streamlit"], max_size=2**26,
                                           open_timeout=30)
        return self

    async def __aexit__(self, *exc):
        await self.ws.close()

    async def run(self, page_name: str = "", query_string: str = "", changed: WidgetState | None = None,
                  timeout: float = 60) -> RunResult:
        """Ask for a rerun of ``page_name`` (its url path, '' = home) and wait for it to finish."""
        if changed is not None:
            self.widget_states[changed.id] = changed
        msg = BackMsg()
        msg.rerun_script.CopyFrom(ClientState(
            query_string=query_string, page_name=page_name,
            widget_states=WidgetStates(widgets=list(self.widget_states.values())),
            context_info=ContextInfo(locale=self.locale, timezone="UTC", timezone_offset=0, url=""),
        ))
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        received = count = elements = 0
        exceptions: list[str] = []
        widgets: dict[str, dict] = {}
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), timeout)
            received += len(raw)
            count += 1
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                elements += 1
                el = fwd.delta.new_element
                etype = el.WhichOneof("type")
                if etype == "exception":
                    exceptions.append(el.exception.message)
                inner = getattr(el, etype)
                if hasattr(inner, "id") and hasattr(inner, "label") and inner.id:
                    # a select_slider is a Slider proto with options; its state is strings, not numbers
                    info = {"id": inner.id, "type": "select_slider" if etype == "slider" and inner.options else etype}
                    if info["type"] == "slider":
                        info.update(value=list(inner.default), min=inner.min, max=inner.max, step=inner.step)
                    widgets[inner.label] = info
            elif kind == "script_finished":
                # 0 = finished successfully; other values: rerun requested, compile error, fragment…
                if fwd.script_finished in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
                                           ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                    break
        return RunResult(time.perf_counter() - start, received, count, elements, exceptions, widgets)


def slider_state(widget_id: str, value: float) -> WidgetState:
    return WidgetState(id=widget_id, double_array_value={"data": [float(value)]})
