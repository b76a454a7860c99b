"""Signal Lab page in AppTest: every f/g pair runs, t moves the marked value, correlation, zh, custom input."""

from __future__ import annotations

import base64
import json
import re

import numpy as np
import pytest

from app.backend import signals as sg
from tests.apptest.helpers import move_live, notice_keys, open_lab, texts

READOUT = re.compile(r"y[(\[]([-\d.]+)[)\]] = \*\*([-\d.e+]+)\*\*")


def _readout(at) -> tuple[float, float]:
    """(t, y(t)) from the page's readout line."""
    m = READOUT.search(texts(at))
    assert m, texts(at)[:500]
    return float(m.group(1)), float(m.group(2))


def _chart(at, i: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[i].proto.spec)


def _marker_y(at) -> float:
    spec = _chart(at)
    marker = [tr for tr in spec["data"] if tr.get("mode") == "markers+text"][0]
    return float(marker["y"][0])


@pytest.fixture(scope="module")
def at():
    return open_lab("signal_lab")


def _trace(spec: dict, name_start: str) -> tuple[np.ndarray, np.ndarray]:
    """The x and y of the chart's trace whose name starts with ``name_start`` (plotly's typed arrays decoded)."""
    def values(v) -> np.ndarray:
        if isinstance(v, dict):
            return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"]).astype(float)
        return np.asarray(v, dtype=float)

    trace = next(tr for tr in spec["data"] if (tr.get("name") or "").startswith(name_start))
    return values(trace["x"]), values(trace["y"])


def test_every_pair_of_signals_runs_and_the_readout_is_the_drawn_overlap_area(at):
    """Every f/g pair draws its three charts; in the continuous view the value the page states,
    y(t), equals the area under the overlap curve it draws (integrated here with the trapezoid rule)."""
    names = sg.signal_names()
    assert not at.exception
    areas_checked = 0
    for i, f in enumerate(names):
        for j, g in enumerate(names):
            at.selectbox(key="sl_f_kind").set_value(f)
            at.selectbox(key="sl_g_kind").set_value(g)
            # half the pairs in each view, so both views meet every shape
            continuous = (i + j) % 2 == 0
            at.radio(key="sl_mode").set_value("continuous" if continuous else "discrete")
            at.run()
            assert not at.exception, (f, g, at.exception)
            charts = [c for c in at.get("plotly_chart") if not c.proto.id.endswith("sl_hear_chart")]  # not "Hear it"
            assert len(charts) == 3, (f, g)
            spec = _chart(at)
            assert 40 <= len(spec["frames"]) <= 120
            t_now, y_now = _readout(at)
            assert _marker_y(at) == pytest.approx(y_now, abs=1e-3)
            x, overlap = _trace(spec, "overlap")
            # the drawn curve is a 0.1-step sample: impulses (arrows) and noise are not its area
            if continuous and not {f, g} & {"impulse", "impulse_train", "noise"}:
                area = np.trapezoid(overlap, x)
                assert area == pytest.approx(y_now, abs=0.02 * max(1.0, abs(y_now))), (f, g, t_now)
                areas_checked += 1
    assert areas_checked >= (len(names) - 3) ** 2 // 2, areas_checked


def test_moving_t_changes_the_marked_value_and_it_equals_the_area():
    at = open_lab("signal_lab", sl_f_kind="rect", sl_g_kind="exp")
    t0, y0 = _readout(at)
    assert t0 == 1.5
    # rect[0,1] ∗ e^(−t)u(t) at t = 1.5: (e − 1)·e^(−1.5)
    assert y0 == pytest.approx((2.718281828 - 1) * 2.718281828 ** -1.5, abs=0.01)
    assert _marker_y(at) == pytest.approx(y0, abs=1e-3)
    move_live(at, "sl_t", 0.5)
    t1, y1 = _readout(at)
    assert t1 == 0.5 and y1 != y0
    assert y1 == pytest.approx(1 - 2.718281828 ** -0.5, abs=0.01)
    assert _marker_y(at) == pytest.approx(y1, abs=1e-3)
    # the readout states area and y; they are the same number
    line = [m.value for m in at.markdown if "**" in m.value and "y(0.5)" in m.value][0]
    nums = re.findall(r"\*\*([-\d.]+)\*\*", line)
    assert len(nums) == 2 and nums[0] == nums[1]
    # the plotly slider starts at the frame of the Streamlit slider
    sl = _chart(at)["layout"]["sliders"][0]
    assert sl["steps"][sl["active"]]["label"] == "0.5"


def test_correlation_toggle_changes_y_for_asymmetric_g():
    e = 2.718281828
    at = open_lab("signal_lab", sl_f_kind="rect", sl_g_kind="exp")
    _, conv = _readout(at)
    assert conv == pytest.approx((e - 1) * e ** -1.5, abs=0.01)
    at.toggle(key="sl_corr").set_value(True).run()
    assert not at.exception
    _, corr = _readout(at)
    # no flip: g(τ − 1.5) starts at τ = 1.5, after the rectangle [0, 1] has ended
    assert corr == 0 and conv > 0.3
    move_live(at, "sl_t", -1.0)
    _, corr_neg = _readout(at)
    # correlation with a causal g lives on the negative side: ∫_0^1 e^(−(τ+1)) dτ
    assert corr_neg == pytest.approx(e ** -1 * (1 - e ** -1), abs=0.01)
    assert "numpy.correlate" in texts(at) or "no flip" in texts(at)
    # a symmetric g gives the same answer both ways
    at.selectbox(key="sl_g_kind").set_value("gauss").run()
    move_live(at, "sl_g_gauss_shift", 0.0)
    _, corr_sym = _readout(at)
    at.toggle(key="sl_corr").set_value(False).run()
    _, conv_sym = _readout(at)
    assert corr_sym == pytest.approx(conv_sym, abs=1e-3)


def test_discrete_view_and_zh_labels():
    at = open_lab("signal_lab", lang="zh", sl_mode="discrete", sl_n=4)
    assert not at.exception
    body = texts(at)
    assert "翻转（卷）" in body and "求和（积）" in body
    assert at.selectbox(key="sl_f_kind").label == "信号类型"
    assert at.selectbox(key="sl_f_kind").value == "rect"
    assert at.radio(key="sl_mode").label == "视图"
    n, y = _readout(at)
    assert n == 4
    assert y == pytest.approx(sum(2.718281828 ** (-k / 4) for k in range(1, 5)), abs=1e-3)
    spec = _chart(at)
    assert "m（序号）" in json.dumps(spec["layout"], ensure_ascii=False)
    assert any(tr["type"] == "bar" for tr in spec["data"])  # the sum drawn as bars of width 1


def test_custom_numbers_bad_input_keeps_the_previous_signal():
    at = open_lab("signal_lab", sl_f_kind="custom", sl_g_kind="impulse", sl_t=0.1)
    at.text_area(key="sl_f_values").set_value("2, 2, 2, 2").run()
    assert not at.exception and not at.error
    _, y_good = _readout(at)
    assert y_good == pytest.approx(2.0)  # f ∗ δ = f: a hold of 2 at t = 0.1
    at.text_area(key="sl_f_values").set_value("2, two, 2").run()
    assert not at.exception
    assert at.error and "two" in at.error[0].value
    _, y_kept = _readout(at)
    assert y_kept == y_good


def test_frequency_view_padding_toggle():
    at = open_lab("signal_lab", sl_f_kind="step", sl_g_kind="rect")
    assert at.success and "2001" in at.success[0].value
    at.toggle(key="sl_pad").set_value(False).run()
    assert not at.exception
    assert at.warning and "circular" in at.warning[0].value
    err = float(re.search(r"= ([\d.e+-]+)\.$", at.warning[0].value).group(1))
    assert err > 0.5  # the step's tail wraps around


def test_shared_link_values_are_validated():
    at = open_lab("signal_lab", link={"sl_g_kind": "triangle", "sl_g_triangle_width": "2.0", "sl_t": "99"})
    assert not at.exception
    assert at.session_state["sl_g_triangle_width"] == 2.0
    assert notice_keys(at) == {"sl_t"} and at.session_state["sl_t"] == 1.5


def test_backend_error_is_translated_on_the_chinese_page():
    """A backend error with a code is shown in the page's language, never as the backend's English line."""
    at = open_lab("signal_lab", lang="zh", sl_f_kind="custom", sl_g_kind="impulse")
    at.text_area(key="sl_f_values").set_value("2, two, 2").run()
    assert not at.exception and at.error
    shown = at.error[0].value
    assert "'two' 不是数字" in shown
    assert "is not a number" not in shown and "type numbers" not in shown
