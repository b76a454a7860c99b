"""CNN Lab page in AppTest: every preset, activation and pooling mode runs; shapes follow settings; zh text."""

from __future__ import annotations

import re

from app.backend.cnn import ACTIVATIONS, C1_PRESETS, POOL_MODES
from tests.apptest.helpers import move_live, open_lab, texts


def _shapes(at) -> str:
    strip = [m.value for m in at.markdown if "→" in str(m.value) and "×" in str(m.value)]
    assert strip, "the shapes strip is missing"
    return strip[0]


def _metric(at, label: str) -> str:
    for m in at.metric:
        if m.label == label:
            return str(m.value)
    raise AssertionError(f"no metric {label!r}; have {[m.label for m in at.metric]}")


def _map_ranges(at) -> list[tuple[float, float]]:
    """The "lo … hi" range under each map, in page order (C1 maps, then S2, C3, S4)."""
    found = [re.fullmatch(r"(\S+) … (\S+)", str(c.value)) for c in at.caption]
    return [(float(m.group(1)), float(m.group(2))) for m in found if m]


def _ok(at, what: str) -> None:
    assert not at.exception, f"{what}: {[e.value for e in at.exception]}"
    assert not at.error, f"{what}: {[e.value for e in at.error]}"


def test_every_preset_activation_and_pooling_runs_and_bounds_the_maps():
    at = open_lab("cnn_lab", lang="en")
    _ok(at, "first run")
    strip = _shapes(at)
    assert "512 × 512 × 4" in strip and "Vector length **65,536**" in strip  # edges bank, max 2×2, C3 edge sum
    assert "Sobel x" in texts(at) and "band" in texts(at)

    for preset in C1_PRESETS:
        at.selectbox(key="cnn_c1").set_value(preset).run()
        _ok(at, preset)
    # the catalogue bank follows the multiselect
    at.multiselect(key="cnn_cat").set_value(["box", "sobel_x", "gabor"]).run()
    _ok(at, "catalogue pick")
    assert "512 × 512 × 3" in _shapes(at)
    at.selectbox(key="cnn_c1").set_value("random").run()
    move_live(at, "cnn_n", 8)
    _ok(at, "random 8")
    assert "C1 · conv **512 × 512 × 8**" in _shapes(at)
    move_live(at, "cnn_b0", -0.5)
    _ok(at, "bias")

    for act in ACTIVATIONS:
        at.radio(key="cnn_act").set_value(act).run()
        _ok(at, act)
        c1 = _map_ranges(at)[: at.session_state["cnn_n"]]
        assert c1, act
        if act == "relu":
            assert all(lo >= 0 for lo, _ in c1), c1
        elif act == "sigmoid":
            assert all(0 <= lo <= hi <= 1 for lo, hi in c1), c1
        elif act == "tanh":
            assert all(-1 <= lo <= hi <= 1 for lo, hi in c1), c1
        else:  # no activation: an edge kernel's map keeps its negative side
            assert any(lo < 0 for lo, _ in c1), c1

    at.radio(key="cnn_act").set_value("none").run()
    for mode in POOL_MODES:
        at.selectbox(key="cnn_pool").set_value(mode).run()
        _ok(at, mode)
        n = at.session_state["cnn_n"]
        ranges = _map_ranges(at)
        c1, s2 = ranges[:n], ranges[n: 2 * n]
        assert len(s2) == n, (mode, ranges)
        for (lo1, hi1), (lo2, hi2) in zip(c1, s2):
            if mode == "lenet":  # LeNet's S2: a weighted sum plus a bias, squashed by a sigmoid
                assert 0 <= lo2 <= hi2 <= 1, (mode, c1, s2)
                continue
            assert lo1 <= lo2 <= hi2 <= hi1, (mode, c1, s2)  # max, average, subsample stay in the map's range
            if mode == "max":  # each pooled map keeps its map's largest value
                assert hi2 == hi1, (mode, c1, s2)
    at.selectbox(key="cnn_pool").set_value("max").run()
    move_live(at, "cnn_psize", 4)
    move_live(at, "cnn_pstride", 4)
    _ok(at, "pool 4")
    assert "S2 · pool **128 × 128 × 8**" in _shapes(at)

    at.selectbox(key="cnn_c3").set_value("random").run()
    move_live(at, "cnn_c3n", 6)
    _ok(at, "C3 random")
    strip = _shapes(at)
    assert "C3 · conv **128 × 128 × 6**" in strip and "S4 · pool **32 × 32 × 6**" in strip
    assert f"Vector length **{32 * 32 * 6:,}**" in strip
    at.selectbox(key="cnn_c3").set_value("off").run()
    _ok(at, "C3 off")
    assert "S4" not in _shapes(at) and f"**{128 * 128 * 8:,}**" in _shapes(at)

    # tabs are lazy: only the open one is computed
    assert not any(m.label.startswith("C1, shifted") for m in at.metric)
    at.session_state["cnn_tab"] = "Weight sharing"
    at.run()
    _ok(at, "weights tab")
    assert "| C1 | 512 × 512 × 1 | 512 × 512 × 8 |" in texts(at)

    # shift test: a multiple of the stride realigns exactly; C1 is always equivariant
    at.session_state["cnn_tab"] = "Shift tolerance"
    at.run()
    move_live(at, "cnn_shift", 4)
    _ok(at, "shift")
    assert _metric(at, "S2, back by whole cells") == "0.0 %"
    assert _metric(at, "C1, shifted back by d") == "0.0 %"
    assert float(_metric(at, "C1 maps, as is").rstrip(" %")) > 5

    # aliasing panel on a C1 map, then the zone plate
    at.session_state["cnn_tab"] = "Pooling and aliasing"
    at.run()
    at.selectbox(key="cnn_amap").set_value(2).run()
    _ok(at, "aliasing map")
    at.button(key="cnn_zone_btn").click().run()
    _ok(at, "zone plate")
    assert at.session_state["cnn_sample"] == "zone_plate" and at.toggle(key="cnn_azoom").value
    assert float(_metric(at, "Energy outside the square").rstrip(" %")) > 50


def test_chinese_labels_and_lenet():
    at = open_lab("cnn_lab", lang="zh", cnn_pool="lenet", cnn_psize=2, cnn_c1="gabor")
    _ok(at, "zh")
    body = texts(at)
    for word in ("卷积层", "池化", "特征图", "权值共享", "平移", "混叠", "频谱"):
        assert word in body or any(word in tab.label for tab in at.tabs), word
    assert at.selectbox(key="cnn_c1").label == "卷积核组"
    assert at.radio(key="cnn_act").label == "激活函数"
    assert re.search(r"向量长度 \*\*[\d,]+\*\*", _shapes(at))
    assert "LeNet" in body  # the LeNet note under the pooling settings
    assert not re.search(r"\b(the|and|of)\b", _shapes(at))  # no English left in the strip


def test_lenet_c3_table_and_s4_own_pooling():
    at = open_lab("cnn_lab", lang="en")
    at.selectbox(key="cnn_c3").set_value("lenet").run()
    assert "LeNet's C3 table connects 6 S2 maps; there are 4" in texts(at)  # the edges bank has 4 maps
    assert not at.exception
    at.selectbox(key="cnn_c1").set_value("random").run()
    move_live(at, "cnn_n", 6)
    _ok(at, "LeNet C3 on 6 maps")
    assert "C3 · conv **256 × 256 × 16**" in _shapes(at) and "S4 · pool **128 × 128 × 16**" in _shapes(at)
    at.toggle(key="cnn_s4own").set_value(True).run()
    at.selectbox(key="cnn_s4pool").set_value("average").run()
    move_live(at, "cnn_s4size", 4)
    move_live(at, "cnn_s4stride", 4)
    _ok(at, "S4 own pooling")
    assert "S2 · pool **256 × 256 × 6**" in _shapes(at) and "S4 · pool **64 × 64 × 16**" in _shapes(at)
    at.session_state["cnn_tab"] = "Weight sharing"
    at.run()
    _ok(at, "weights tab")
    assert "| C3 | 256 × 256 × 6 | 256 × 256 × 16 | 540 + 16 = **556** |" in texts(at)  # 60 connections × 3 × 3
