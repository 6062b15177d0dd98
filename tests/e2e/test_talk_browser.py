"""The guided tour in a real browser, driven by the keyboard only (what a presentation clicker sends):
PageDown / PageUp and the arrow keys walk the steps, the URL follows, a reload keeps the step, and a
prepared link's scenario shows on the tour and on the scenarios page after it."""

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from core import talk
from tests.e2e.streamlit_server import wait_for_app

COUNTER = {"en": "Step {n} / {count}", "ja": "ステップ{n} / {count}"}
SCENARIO = 1 + [s.id for s in talk.STEPS].index("scenario")


def query(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def at_step(page, n: int, lang: str) -> str:
    """Wait until step ``n`` shows, with the URL saying so; return its heading."""
    expect(page.locator(".st-key-talk_nav")).to_contain_text(COUNTER[lang].format(n=n, count=talk.COUNT))
    wait_for_app(page)
    expect(page).to_have_url(re.compile(rf"[?&]step={n}(&|$)"))
    heading = page.locator("h1").first
    expect(heading).to_be_visible()
    return heading.inner_text()


def walk(page, key: str, start: int, stop: int, lang: str, headings: dict[int, str]) -> None:
    """Press ``key`` from step ``start`` to ``stop``: every press moves one step and changes the heading."""
    step = 1 if stop > start else -1
    before = headings.get(start) or at_step(page, start, lang)
    for n in range(start + step, stop + step, step):
        page.keyboard.press(key)
        heading = at_step(page, n, lang)
        assert heading != before, (key, n)
        assert headings.setdefault(n, heading) == heading, (key, n)  # the same step, the same slide
        before = heading


def no_exception(page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)


def only_localhost(page) -> None:
    hosts = {urlparse(u).hostname for u in page.requests_seen if not u.startswith(("data:", "blob:"))}
    assert hosts <= {"127.0.0.1", "localhost"}, sorted(hosts)


def test_keyboard_walk_in_english(open_page):
    page = open_page("talk?present=1&notes=1&step=1", width=1920, height=1080)
    expect(page.get_by_test_id("stToast")).to_have_count(0)  # step and notes are known parameters here
    expect(page.get_by_test_id("stExpander")).to_have_count(1)  # the speaker notes
    headings: dict[int, str] = {}
    walk(page, "PageDown", 1, talk.COUNT, "en", headings)
    page.keyboard.press("PageDown")  # past the end: stays on the last step
    assert at_step(page, talk.COUNT, "en") == headings[talk.COUNT]
    walk(page, "PageUp", talk.COUNT, 4, "en", headings)
    page.reload()  # a reload mid-way lands on the same step
    wait_for_app(page)
    assert at_step(page, 4, "en") == headings[4]
    walk(page, "ArrowLeft", 4, 1, "en", headings)
    walk(page, "ArrowRight", 1, 3, "en", headings)
    assert len(set(headings.values())) == talk.COUNT
    assert query(page).get("present") == "1" and query(page).get("notes") == "1"
    no_exception(page)
    only_localhost(page)


def test_keyboard_walk_in_japanese(open_page):
    page = open_page("talk?lang=ja&step=2")
    headings: dict[int, str] = {}
    walk(page, "ArrowRight", 2, talk.COUNT, "ja", headings)
    walk(page, "ArrowLeft", talk.COUNT, 7, "ja", headings)
    page.reload()
    wait_for_app(page)
    assert at_step(page, 7, "ja") == headings[7]
    walk(page, "PageUp", 7, 1, "ja", headings)
    walk(page, "PageDown", 1, 2, "ja", headings)
    assert all(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", h) for h in headings.values())
    no_exception(page)
    only_localhost(page)


def test_prepared_scenario_on_the_tour_and_on_the_scenarios_page(open_page):
    prepared = "sc_preset=own&sc_gpus=4096&sc_gpu=H100&sc_mfu=40"
    page = open_page(f"talk?step={SCENARIO}&{prepared}")
    at_step(page, SCENARIO, "en")
    expect(page.get_by_test_id("stToast")).to_have_count(0)  # the sc_ parameters are kept, not reported
    expect(page.get_by_test_id("stExpander")).to_have_count(0)  # no speaker notes without ?notes=1
    sentence = page.locator(".st-key-talk_sentence")
    expect(sentence).to_contain_text("4,096 H100 GPUs at 40.0% utilisation")
    page.get_by_role("link", name=re.compile("Dive in")).click()  # to the full page
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text("Cost & GPU scenarios")
    gpus = page.get_by_test_id("stNumberInput").filter(has_text="Number of GPUs").locator("input")
    expect(gpus).to_have_value("4096")
    expect(page.get_by_role("combobox", name="GPU")).to_have_value("H100")
    q = query(page)
    assert q.get("sc_gpus") == "4096" and q.get("sc_gpu") == "H100" and float(q.get("sc_mfu", 0)) == 40, q
    page.go_back()  # back to the tour: the same step, the same scenario
    wait_for_app(page)
    at_step(page, SCENARIO, "en")
    expect(sentence).to_contain_text("4,096 H100 GPUs at 40.0% utilisation")
    no_exception(page)
    only_localhost(page)
