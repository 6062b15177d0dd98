"""The answer next to the question: on every page with controls, at 1400×900 and at 390×844, a
reader who moves a control sees the result it drives without scrolling.

For each control: bring it to the middle of the screen (where a reader looking at it has it), move
it once (a key press on a slider, a click on a segmented control, a step on a number), wait for the
rerun, then assert that the result's box lies inside the viewport and, where the control moves
that result, that its text changed. The results are what the page puts beside the controls on a
wide screen (``ui.layout.results``) and the strip a phone keeps at the top (``ui.layout.strip``),
or the figure or chart right under the control. One server, one browser, one page load per page
and size: the moves follow each other on the same page.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from playwright.sync_api import expect

from tests.e2e.streamlit_server import wait_for_app

SIZES = {"wide": (1400, 900), "phone": (390, 844)}


@dataclass(frozen=True)
class Move:
    """One control (a CSS selector of its element: widgets carry ``st-key-<key>``), how to move it,
    and the result it drives (a selector, or one per size), whose text changes unless ``same``."""

    control: str
    # how: "key" (End on a slider: to its far end, or "key:Home"), "click:<text>" (a button of it, or the
    # control itself), "step" (a number's +), "type:<value>" (typed in), "pick:<option>" (a select box's)
    how: str
    result: str | dict[str, str]
    same: bool = False  # the result stays as it was (e.g. a figure the move does not change)

    def result_for(self, size: str) -> str:
        return self.result if isinstance(self.result, str) else self.result[size]


SC = {"wide": ".st-key-layout_results_dense_sc", "phone": ".st-key-layout_strip_sc"}
SG = {"wide": ".st-key-layout_results_sg", "phone": ".st-key-layout_strip_sg"}
WN = ".st-key-layout_strip_wn"
S_LINE = ".st-key-layout_line_s"  # the stock page's line under the window's controls


def metric(label: str) -> str:
    return f'[data-testid="stMetric"]:has-text("{label}")'


def after(control: str) -> str:
    """The element right under a control (a chart: whether Vega has drawn it yet or not)."""
    return f"{control} + *"


PAGES = {
    "scenarios": [
        Move(".st-key-sc_mfu", "key", SC),
        Move(".st-key-sc_active", "step", SC),
        Move(".st-key-sc_total", "step", SC, same=True),  # the memory only: it still fits
        Move(".st-key-sc_tokens", "step", SC),
        Move(".st-key-sc_gpu", "pick:H100", SC),
        Move(".st-key-sc_prec", "click:BF16", SC),
        Move(".st-key-sc_gpus", "step", SC, same=True),  # one GPU more: the days move by less than shown
        Move(".st-key-sc_rent", "step", SC),
        Move(".st-key-sc_kw", "type:1.5", SC),
        Move(".st-key-sc_kwh", "type:0.2", SC),
        Move(".st-key-sc_pue", "key", SC),
        Move(".st-key-_choice_sc_cost", "click:Owning", SC),
        Move(".st-key-sc_buy", "step", SC),
        Move(".st-key-sc_years", "key", SC),
        Move(".st-key-_choice_sc_preset", "click:Llama 3.1 405B", SC),
        Move(".st-key-_choice_sc_x", "click:Number of GPUs", after(".st-key-_choice_sc_x"), same=True),
    ],
    "stargate": [
        Move(".st-key-sg_gpu", "click:B200", SG),
        Move(".st-key-sg_share", "key", SG),
        Move(".st-key-sg_server", "key", SG),
        Move(".st-key-sg_pue", "key", SG),
        Move(".st-key-sg_kwh", "key", SG),
        Move(".st-key-_choice_sg_profile", "click:Evenly", after(".st-key-_choice_sg_profile"), same=True),
        Move(".st-key-sg_run_musd", "type:100", after(".st-key-sg_run_musd")),
    ],
    "deepseek": [
        Move(".st-key-ds_price", "key", metric("Final training run")),
        Move(".st-key-ds_fx", "type:140", metric("In yen")),
        Move(".st-key-ds_overhead", "key", after(".st-key-ds_overhead_all")),  # the reading under both
        Move(".st-key-ds_overhead_all", "click", after(".st-key-ds_overhead_all")),
        Move(".st-key-ds_active", "key", after(".st-key-ds_active")),
    ],
    "scaling-law": [
        Move(".st-key-sl_years", "key", after(".st-key-sl_years"), same=True),
        Move(".st-key-_choice_sl_fit", "click:Hoffmann 2022 (published)", metric("Compute-optimal model size")),
        Move(".st-key-_choice_sl_c", "key", metric("Compute-optimal model size")),
        Move(".st-key-sl_gpu", "pick:A100", metric("Cost of the budget")),
        Move(".st-key-sl_price", "key", metric("Cost of the budget")),
        Move(".st-key-sl_mfu", "key", metric("Cost of the budget")),
    ],
    "what-next": [
        Move(".st-key-wn_k", "key", {"wide": metric("Price of AI work"), "phone": WN}),
        Move(".st-key-wn_eps", "key", {"wide": metric("Compute needed"), "phone": WN}),
        Move(".st-key-wn_share", "key:Home", {"wide": metric("Price of AI work"), "phone": WN}),  # from 100%
    ],
    "stocks": [
        Move(".st-key-s_preset_w", "click", S_LINE),
        Move(".st-key-s_end", "type:2025-01-28", S_LINE, same=True),  # the same low in a shorter window
        Move(".st-key-s_base", "type:2025-01-17", S_LINE),
        Move(".st-key-s_more", "click", S_LINE),
        Move(".st-key-_choices_s_groups", "click:Power", after(".st-key-_choices_s_groups"), same=True),
    ],
}


def move(page, m: Move) -> None:
    """Move the control once and return when the page has rerun."""
    control = page.locator(m.control).first
    control.evaluate("e => e.scrollIntoView({block: 'center', behavior: 'instant'})")
    how, _, arg = m.how.partition(":")
    if how == "key":
        slider = control.get_by_role("slider").first
        before = slider.input_value()
        for _ in range(10):  # a rerun landing mid-way can drop a key press: press until it moved
            slider.focus()
            slider.press(arg or "End")
            if slider.input_value() != before:
                break
            page.wait_for_timeout(100)
    elif how == "click":
        (
            control.get_by_text(arg, exact=True) if arg else control.locator("button:visible, label:visible")
        ).first.click()
    elif how == "step":
        control.get_by_test_id("stNumberInputStepUp").click()
    elif how == "type":
        field = control.locator("input").first
        field.fill(arg)
        field.press("Enter")
    elif how == "pick":
        control.get_by_role("combobox").click()
        page.get_by_role("option", name=arg, exact=True).click()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", PAGES)
def test_moving_a_control_leaves_its_result_in_view(open_page, path, size):
    width, height = SIZES[size]
    page = open_page(f"{path}?lang=en", width=width, height=height)
    missed = []
    for m in PAGES[path]:
        result = page.locator(m.result_for(size)).first
        before = result.inner_text()
        move(page, m)
        if m.same:
            wait_for_app(page)
        else:  # the new figures are the sign the rerun has reached the page (no blind wait)
            expect(result).not_to_have_text(before, timeout=10_000)
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
        box = result.bounding_box()
        if box is None or box["y"] < 0 or box["y"] + box["height"] > height:
            missed.append((m.control, m.result_for(size), box))
    assert not missed, missed
    assert page.get_by_test_id("stException").count() == 0
