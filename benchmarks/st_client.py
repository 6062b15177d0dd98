"""A minimal Streamlit websocket client: what a browser tab says to the server, without a browser.

Speaks ``/_stcore/stream`` (subprotocol ``streamlit``): sends ``BackMsg.rerun_script`` with a page
name, query string and widget states, and reads ``ForwardMsg``s until the run's
``script_finished``. Like a browser it remembers the large (cacheable) messages it has received and
tells the server their hashes, so an unchanged chart comes back as a short reference; and a change
to a control inside an ``st.fragment`` reruns only that fragment, as the browser asks. Used by the benchmarks (round
trip, bytes per interaction, load). Loopback
only: the URL must point at this machine.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
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
    widgets: dict[str, dict] = field(default_factory=dict)  # label -> {"id", "type", "value", "fragment"}
    refs: int = 0  # messages answered by reference to the client's cache
    charts: list[tuple[str, list[str]]] = field(default_factory=list)  # (spec, dataset names) of redrawn charts
    kinds: Counter = field(default_factory=Counter)  # deltas by element or block type (what a run costs)


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
        self.cached_hashes: set[str] = set()

    async def __aenter__(self):
        self.ws = await websockets.connect(self.ws_url, subprotocols=["streamlit"], max_size=2**26, open_timeout=30)
        return self

    async def __aexit__(self, *exc):
        await self.ws.close()

    async def run(
        self,
        page_name: str = "",
        query_string: str = "",
        changed: WidgetState | None = None,
        timeout: float = 60,
        fragment_id: str = "",
    ) -> RunResult:
        """Ask for a rerun of ``page_name`` (its url path, '' = home) and wait for it to finish.

        ``fragment_id``: rerun only that fragment (what a browser sends when the changed control
        lives in an ``st.fragment``; ``RunResult.widgets[label]["fragment"]`` has it)."""
        if changed is not None:
            self.widget_states[changed.id] = changed
        msg = BackMsg()
        msg.rerun_script.CopyFrom(
            ClientState(
                query_string=query_string,
                page_name=page_name,
                widget_states=WidgetStates(widgets=list(self.widget_states.values())),
                fragment_id=fragment_id,
                cached_message_hashes=sorted(self.cached_hashes),
                context_info=ContextInfo(locale=self.locale, timezone="UTC", timezone_offset=0, url=""),
            )
        )
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        received = count = elements = 0
        exceptions: list[str] = []
        widgets: dict[str, dict] = {}
        refs = 0
        charts: list[tuple[str, list[str]]] = []
        kinds: Counter = Counter()
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), timeout)
            received += len(raw)
            count += 1
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if fwd.metadata.cacheable and fwd.hash:
                self.cached_hashes.add(fwd.hash)
            if kind == "ref_hash":
                refs += 1
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "add_block":
                kinds["block:" + (fwd.delta.add_block.WhichOneof("type") or "vertical")] += 1
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                elements += 1
                el = fwd.delta.new_element
                etype = el.WhichOneof("type")
                kinds[etype] += 1
                if etype == "exception":
                    exceptions.append(el.exception.message)
                elif etype == "vega_lite_chart":
                    charts.append((el.vega_lite_chart.spec, [d.name for d in el.vega_lite_chart.datasets]))
                inner = getattr(el, etype)
                if hasattr(inner, "id") and hasattr(inner, "label") and inner.id:
                    info = {"id": inner.id, "type": etype, "fragment": fwd.delta.fragment_id}
                    if etype == "slider" and inner.type == inner.SELECT_SLIDER:
                        info["type"] = "select_slider"  # its state is the option's text: not moved here
                    elif etype == "slider":
                        info.update(value=list(inner.default), min=inner.min, max=inner.max, step=inner.step)
                    elif etype == "checkbox":  # st.checkbox and st.toggle
                        info.update(value=inner.default)
                    widgets[inner.label] = info
            elif kind == "script_finished":
                # 0 = finished successfully; other values: rerun requested, compile error, fragment…
                if fwd.script_finished in (
                    ForwardMsg.FINISHED_SUCCESSFULLY,
                    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
                    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
                ):
                    break
        return RunResult(
            time.perf_counter() - start, received, count, elements, exceptions, widgets, refs, charts, kinds
        )


def slider_state(widget_id: str, value: float) -> WidgetState:
    return WidgetState(id=widget_id, double_array_value={"data": [float(value)]})


def toggle_state(widget_id: str, value: bool) -> WidgetState:
    return WidgetState(id=widget_id, bool_value=bool(value))


def move(widget: dict, i: int, fresh: bool = False) -> WidgetState | None:
    """The i-th of a series of changes to a control: a slider between its default and the far end
    of its range, a toggle on and off (so the page really changes every time).

    ``fresh``: a slider takes a value not used before in the series (a reader dragging a slider
    mostly asks for values nobody has asked for, so nothing cached on them helps); it cycles
    through the slider's steps in a scrambled order, avoiding the default."""
    if widget["type"] == "slider":
        default = (widget["value"] or [widget["min"]])[0]
        if fresh:
            steps = max(int(round((widget["max"] - widget["min"]) / widget["step"])), 1)
            k = (i * 7919 + 1) % (steps + 1)  # 7919 is prime: a permutation whenever steps + 1 is not its multiple
            value = widget["min"] + k * widget["step"]
            if abs(value - default) < widget["step"] / 2:
                value = widget["max"] if default != widget["max"] else widget["min"]
            return slider_state(widget["id"], round(value, 10))
        other = widget["max"] if default != widget["max"] else widget["min"]
        return slider_state(widget["id"], default if i % 2 else other)
    if widget["type"] == "checkbox":
        return toggle_state(widget["id"], widget["value"] if i % 2 else not widget["value"])
    return None
