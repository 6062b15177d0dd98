"""The presenter's deck in the browser: console and audience windows kept in step, a clicker that
survives a reconnect, and the console's clock.

One small inline component (``st.components.v2``, constant code) runs in every tour window:

- **In step**: the windows of one talk share a *room* (a random id in the URL, ``?room=``) and a
  ``BroadcastChannel`` named after it. A window that changes step posts it; the others move there.
  The channel is the browser's own: it reaches only windows of the same browser profile and origin,
  so no reader elsewhere can drive a talk, nothing is held by the server (a process restart or a
  second process behind the proxy changes nothing), and the follow latency is one rerun.
- **Reconnecting**: while Streamlit's connection is down the component shows a small status line
  (presenter view hides Streamlit's own), and when it is back it gives the keyboard focus back to
  the page and runs the new session once, so the clicker's next PageDown moves on (without it a
  restarted server swallowed the first key press: its session had not run, so no button was known).
- **Clock**: the console shows the time of day and the time since the talk started, counted in
  the browser (no server rerun a second).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

import streamlit as st

ROOM_PARAM, ROOM_STATE = "room", "_room"
_ROOM_RE = re.compile(r"[A-Za-z0-9_-]{16,64}")

# Constant code: nothing from data or the URL is ever part of it (the room, step and texts travel
# as the component's JSON data and are only used as a channel name, numbers and text content).
_JS = """
export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  const deck = (window.__sveDeck = window.__sveDeck || { sent: null, heard: null });
  deck.trigger = setTriggerValue;
  // ---- one channel a room: post our step, follow the others' ----------------------------------
  if (data.room && deck.room !== data.room) {
    if (deck.channel) deck.channel.close();
    deck.room = data.room;
    deck.channel = new BroadcastChannel("sve-talk-" + data.room);
    deck.channel.onmessage = (e) => {
      const step = Number(e.data && e.data.step);
      if (Number.isInteger(step) && step !== deck.step) {
        deck.heard = step;
        deck.trigger("goto", step);
      }
    };
  }
  deck.step = data.step;
  if (deck.channel && data.step !== deck.heard && data.step !== deck.sent) {
    deck.channel.postMessage({ step: data.step, t: Date.now() });
  }
  deck.sent = data.step;
  if (data.step === deck.heard) deck.heard = null;
  // ---- reconnecting: a status line, and the focus back afterwards ------------------------------
  if (!deck.watch) {
    const app = document.querySelector("[data-testid='stApp']");
    let badge = null, down = false;
    deck.watch = new MutationObserver(() => {
      const state = app && app.getAttribute("data-test-connection-state");
      if (state && state !== "CONNECTED" && !down) {
        down = true;
        badge = document.createElement("div");
        badge.className = "sve-reconnecting";
        badge.setAttribute("role", "status");
        badge.textContent = deck.reconnecting || "Reconnecting…";
        document.body.appendChild(badge);
      } else if (state === "CONNECTED" && down) {
        down = false;
        if (badge) badge.remove();
        if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
        window.focus();
        // After a server restart the new session has not run yet (the page keeps the old one's
        // elements), so the first key press only starts it and its click is lost (measured). Run it
        // now: the clicker's next PageDown then moves on.
        deck.trigger("awake", Date.now());
      }
    });
    if (app) deck.watch.observe(app, { attributes: true, attributeFilter: ["data-test-connection-state"] });
  }
  deck.reconnecting = data.reconnecting;
  // ---- the console: open the audience window, and the clock ------------------------------------
  const open = parentElement.querySelector(".sve-open");
  const clock = parentElement.querySelector(".sve-clock");
  if (data.console) {
    open.hidden = false;
    clock.hidden = false;
    open.textContent = data.console_open;
    open.onclick = () => {
      const url = new URL(window.location.href);
      url.searchParams.delete("console");
      url.searchParams.delete("notes");
      url.searchParams.set("present", "1");
      url.searchParams.set("room", data.room);
      window.open(url.toString(), "sve-audience-" + data.room);
    };
    const key = "sve-talk-start-" + data.room;
    const start = Number(sessionStorage.getItem(key)) || Date.now();
    sessionStorage.setItem(key, String(start));
    const two = (n) => String(n).padStart(2, "0");
    const tick = () => {
      const now = new Date(), s = Math.floor((Date.now() - start) / 1000);
      clock.textContent = data.console_clock.replace("{clock}", two(now.getHours()) + ":" + two(now.getMinutes()))
        .replace("{elapsed}", two(Math.floor(s / 60)) + ":" + two(s % 60));
    };
    tick();
    clearInterval(deck.timer);
    deck.timer = setInterval(tick, 1000);
  } else {
    open.hidden = true;
    clock.hidden = true;
    clearInterval(deck.timer);
  }
}
"""
_HTML = '<div class="sve-deck"><button class="sve-open" type="button" hidden></button>'
_HTML += '<span class="sve-clock" aria-live="off" hidden></span></div>'
_CSS = """
.sve-deck { display: flex; gap: 1rem; align-items: center; font-family: inherit; }
.sve-open { font: inherit; font-size: 1rem; padding: 0.4rem 0.9rem; border-radius: 0.5rem; cursor: pointer;
  border: 1px solid #0066A6; background: #0066A6; color: #FFFFFF; }
.sve-open:focus-visible { outline: 3px solid #1B1F24; outline-offset: 2px; }
.sve-clock { font-size: 1.1rem; font-variant-numeric: tabular-nums; color: var(--st-text-color); }
"""
# The reconnecting line lives in the app's document (outside the component), styled here.
CSS_GLOBAL = """
<style>
.sve-reconnecting { position: fixed; right: 1rem; bottom: 1rem; z-index: 1000; padding: 0.35rem 0.8rem;
  border-radius: 0.4rem; background: #1B1F24; color: #FFFFFF; font-size: 1rem; }
</style>
"""

_component = st.components.v2.component("sve_deck", html=_HTML, css=_CSS, js=_JS)


def room() -> str:
    """This talk's room: the link's (when it is well formed) or a new random one, kept in the URL."""
    if ROOM_STATE not in st.session_state:
        given = str(st.query_params.get(ROOM_PARAM, ""))
        st.session_state[ROOM_STATE] = given if _ROOM_RE.fullmatch(given) else secrets.token_urlsafe(12)
    value = str(st.session_state[ROOM_STATE])
    if st.query_params.get(ROOM_PARAM) != value:
        st.query_params[ROOM_PARAM] = value
    return value


def deck(step: int, count: int, console: bool, goto: Callable[[int], None], texts: dict[str, str]) -> None:
    """Mount the deck's component: ``goto(step)`` runs when another window of the room moved."""

    def followed() -> None:
        value = st.session_state.get("_deck", {}).get("goto")
        if isinstance(value, int):
            goto(value)

    st.html(CSS_GLOBAL)
    _component(
        data={"room": room(), "step": step, "count": count, "console": console, **texts},
        key="_deck",
        on_goto_change=followed,
        on_awake_change=lambda: None,  # a run of the new session after a reconnect; nothing to do
    )
