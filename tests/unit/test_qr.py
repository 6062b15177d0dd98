import segno

from core.qr import qr_svg, safe_base_url, view_url


def test_safe_base_url():
    assert (
        safe_base_url("https://talk.example.org/app/?x=1#y", "http://localhost:8501") == "https://talk.example.org/app"
    )
    for bad in ("javascript:alert(1)", "ftp://x", "", None, "not a url", "https://" + "a" * 400):
        assert safe_base_url(bad, "http://localhost:8501/") == "http://localhost:8501"


def test_view_url_keeps_only_set_params():
    assert view_url("http://h:1", "stocks", {"lang": "ja", "s_base": "", "x": None}) == "http://h:1/stocks?lang=ja"
    assert view_url("http://h:1/", "", {}) == "http://h:1"


def test_qr_encodes_the_url():
    svg = qr_svg("http://h:1/stocks?lang=ja")
    assert svg.startswith("<svg") and "path" in svg
    assert segno.make("http://h:1/stocks?lang=ja", error="m").designator  # same payload encodes
